#!/usr/bin/env python3
"""Peer comparison: SymPy's parse_latex over the golden corpus (not a dependency of the build).

    python3 tests/Symbolic.Benchmarks/peers/sympy_parse_latex.py [--ignore-antlr-pin] [--rounds N]

Reads tests/Symbolic.Latex.Tests/golden/*.tex (a `% label` line, the LaTeX, a blank line between
entries, as tests/Symbolic.Latex.Tests/Support.cs reads them), parses every entry with
sympy.parsing.latex.parse_latex, and prints how many it parses and equations per second, to set
against `dotnet run -c Release --project tests/Symbolic.Benchmarks -- --filter '*Parse*'`.

SymPy pins the antlr4-python3-runtime version exactly (1.11: == 4.10, 1.12-1.14: 4.11.*). If the
installed runtime differs, parse_latex raises ImportError before parsing anything; the script
reports that and exits 2. --ignore-antlr-pin skips only that version check (the grammar's
serialized ATN must still be readable by the installed runtime, or every parse fails) -- the
numbers are then labelled as such.
"""
import argparse
import glob
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.normpath(os.path.join(HERE, "..", "..", "Symbolic.Latex.Tests", "golden"))


def corpus():
    for path in sorted(glob.glob(os.path.join(GOLDEN, "**", "*.tex"), recursive=True)):
        text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
        for block in text.split("\n\n"):
            lines = block.strip("\n").split("\n")
            if len(lines) < 2 or not lines[0].startswith("%"):
                continue
            yield lines[0][1:].strip(), "\n".join(lines[1:])


def versions():
    from importlib.metadata import version, PackageNotFoundError
    import sympy
    try:
        rt = version("antlr4-python3-runtime")
    except PackageNotFoundError:
        rt = "not installed"
    return sympy.__version__, sympy.__file__, rt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ignore-antlr-pin", action="store_true")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--show-failures", type=int, default=0)
    args = ap.parse_args()

    sv, sf, rt = versions()
    print(f"python {sys.version.split()[0]} ({sys.executable}); sympy {sv} ({sf}); antlr4-python3-runtime {rt}")
    from sympy.parsing.latex import parse_latex
    from sympy.parsing.latex import _parse_latex_antlr as impl
    if args.ignore_antlr_pin:
        pinned = "4.10" if sv.startswith("1.11") else "4.11"
        impl.version = lambda name: pinned
        import antlr4.Recognizer
        antlr4.Recognizer.Recognizer.checkVersion = lambda self, v: None  # else a warning line per parse
        print(f"NOTE: SymPy's antlr4 runtime pin ({pinned}) bypassed; running with runtime {rt}")

    entries = list(corpus())
    try:
        parse_latex(r"\frac{1}{2}x^2")
    except ImportError as e:
        print(f"cannot run: ImportError: {e}")
        return 2
    except TypeError as e:
        # impl.LaTeXLexer is None when the generated lexer could not be loaded; say why.
        try:
            import sympy.parsing.latex._antlr.latexlexer as lexer
            lexer.LaTeXLexer(None)
        except Exception as cause:
            e = cause
        print(f"cannot run: SymPy's generated ANTLR lexer does not load with runtime {rt}: "
              f"{type(e).__name__}: {e} (the ATN was serialized by a newer ANTLR than the runtime reads)")
        return 2

    ok, failures = 0, []
    for label, latex in entries:
        try:
            parse_latex(latex)
            ok += 1
        except Exception as e:  # LaTeXParsingError, TypeError, ... anything counts as not parsed
            failures.append((label, type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
    print(f"{len(entries)} golden equations: {ok} parsed by parse_latex, {len(failures)} refused or crashed")
    kinds = {}
    for _, k, _ in failures:
        kinds[k] = kinds.get(k, 0) + 1
    print("failures by exception:", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda x: -x[1])))
    for label, k, msg in failures[: args.show_failures]:
        print(f"  {label}: {k}: {msg[:120]}")

    best = None
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _, latex in entries:
            try:
                parse_latex(latex)
            except Exception:
                pass
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"all {len(entries)} entries (parsed or refused): best of {args.rounds} rounds {best:.3f} s "
          f"= {len(entries) / best:.0f} equations/s, {1000 * best / len(entries):.2f} ms each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
