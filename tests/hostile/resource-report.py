#!/usr/bin/env python3
"""Resource report for issue 10 (hostile input): time and peak memory of the worst inputs, per class.

Runs each input through the built CLI as a whole process (the one-shot commands with their default
60 s time limit, REPL lines through `symbolic run`), measures wall time and peak resident memory with
/usr/bin/time (wall and CPU time: on a shared machine the CPU time is the steadier figure), and prints a Markdown table beside the figures the issue's probe measured before the
fixes. Build first (`dotnet build src/Symbolic.Cli`), then from the repository root:

    python3 tests/hostile/resource-report.py [--cli PATH/symbolic.dll] [--only SUBSTRING] > report.md

A row's verdict: "ok" when the process ended on its own within the limits (exit 0, or exit 1 with a
message), "LIMIT" when it stopped at the time limit, "CRASH" for any other exit (134 = stack overflow,
137 = killed), "SLOW" over 30 s, "BIG" over 2 GB.
"""
import argparse, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def nested_sin_script(depth, times):
    body = "a"
    for _ in range(depth): body = "\\sin(" + body + ")"
    return "a := x\n" + "".join(f"a := {body}\n" for _ in range(times))

def self_nesting_script(times):
    return "a := x\n" + "a := \\sin(a)\n" * times + ":diff a, x\n"

def kerr_script(typos):
    """examples/kerr.sym (Ricci and Kretschmann by the Christoffel route), or the same metric with two typos."""
    text = open(os.path.join(ROOT, "examples", "kerr.sym")).read()
    if typos:
        text = text.replace(r"\frac{4mra\sin", r"\frac{4mr\sin").replace("{r^2-2mr+a^2}dr^2", "{r^2-2mr+a}dr^2")
    return text

# (class, label, kind, payload, before-from-the-issue)
# kind: eval/el/curvature = one-shot command with the payload as its argument; run = a REPL script; stdin = piped REPL
CASES = [
    ("process killers", "REPL: a := \\sin(…a…) 120 deep, 37 times", "run", nested_sin_script(120, 37), "99 s, stack overflow (exit 134)"),
    ("process killers", "\\text{}", "eval", r"\text{}", "ArgumentException, session ends"),
    ("process killers", "\\d", "eval", r"\d", "IndexOutOfRange"),
    ("process killers", "x^{2^{31}}", "eval", r"x^{2^{31}}", "crash"),
    ("process killers", "e^{3000000000 x}", "eval", r"e^{3000000000 x}", "crash"),
    ("process killers", ":diff x^2, x^{3000000000}", "run", ":diff x^2, x^{3000000000}\n", "crash"),
    ("process killers", "\\frac{1}{\\sin^2 x+\\cos^2 x-1}", "eval", r"\frac{1}{\sin^2 x+\cos^2 x-1}", "DivideByZeroException"),
    ("memory and time", "\\sin((x+y+z)^{4})", "eval", r"\sin((x+y+z)^{4})", "50 s, 6 GB"),
    ("memory and time", "\\sin((x+y+4)^{4})", "eval", r"\sin((x+y+4)^{4})", "7.6 s, 485 MB"),
    ("memory and time", "(x+y)^{100000}", "eval", r"(x+y)^{100000}", "> 30 s"),
    ("memory and time", "(x+y)^{4000}", "eval", r"(x+y)^{4000}", "10 s"),
    ("memory and time", "(a+b+c+d+e+f)^{40}", "eval", r"(a+b+c+d+e+f)^{40}", "> 30 s"),
    ("memory and time", "\\frac{d^{20}}{dx^{20}} x^x", "eval", r"\frac{d^{20}}{dx^{20}} x^x", "882 MB"),
    ("memory and time", "el √(1−ẋ²−ẏ²−ż²)+(ẋ²+ẏ²)^5", "el", r"\sqrt{1-\dot x^2-\dot y^2-\dot z^2}+(\dot x^2+\dot y^2)^{5}", "> 30 s"),
    ("memory and time", "diff of sin nested 1,000 deep (REPL)", "run", self_nesting_script(1000), "108 s"),
    ("memory and time", "Kerr: Ricci and Kretschmann (examples/kerr.sym)", "run", kerr_script(False), "0.78 s"),
    ("memory and time", "Kerr with two typos (4mr for 4mra, r²−2mr+a for r²−2mr+a²)", "run", kerr_script(True), "78.5 s"),
    ("reading", "100k letters", "eval", "a" * 100_000, "4.1 s"),
    ("reading", "200k letters", "eval", "a" * 200_000, "24.6 s"),
    ("reading", "1 MB of letters (over the limit)", "eval", "a" * 1_000_001, "> 30 s, 728 MB"),
    ("reading", "unclosed brace + 50k lines", "run", "\\frac{1}{\n" + "x\n" * 50_000, "10.4 s"),
    ("reading", "sum of 10^5 terms", "eval", "+".join(f"x_{{{i}}}" for i in range(100_000)), "refused: nesting"),
    ("messages", "√ of a 700-digit non-square", "eval", "\\sqrt{" + "7" * 700 + "}", "BigInteger cannot represent infinity"),
    ("messages", "\\frac{d}{dx}\\frac{d}{dx} x^4", "eval", r"\frac{d}{dx}\frac{d}{dx} x^4", "d/d of 2 arguments"),
    ("messages", "\\[x+1\\]", "eval", r"\[x+1\]", "garbage"),
    ("messages", "= =", "eval", "= =", "empty output"),
    ("messages", "piped REPL ending inside {", "stdin", "1+1\n\\frac{1}{\n", "says nothing"),
]

def run(cli, kind, payload, timeout):
    tmp = None
    if kind == "eval" and len(payload) > 100_000:
        kind, payload = "run", payload + "\n"   # one argument may not exceed 128 kB: longer input goes as a script line
    if kind == "run":
        tmp = tempfile.NamedTemporaryFile("w", suffix=".sym", delete=False)
        tmp.write(payload); tmp.close()
        args = ["run", tmp.name]
    elif kind == "stdin":
        args = []
    else:
        args = [kind, payload]
    cmd = ["/usr/bin/time", "-f", "TIME %e %M %U %S", "dotnet", cli] + args
    start = time.time()
    try:
        p = subprocess.run(cmd, input=payload if kind == "stdin" else "", capture_output=True, text=True,
                           timeout=timeout, errors="replace")
        rc, err, out = p.returncode, p.stderr, p.stdout
    except subprocess.TimeoutExpired:
        rc, err, out = -9, "", ""
    finally:
        if tmp: os.unlink(tmp.name)
    wall, rss, cpu = time.time() - start, 0, 0.0
    for line in err.splitlines():
        if line.startswith("TIME "):
            _, e, m, u, s = line.split(); wall, rss, cpu = float(e), int(m) * 1024, float(u) + float(s)
    msg = next((l for l in err.splitlines() if l.strip() and not l.startswith("TIME ") and "Command exited" not in l), "")
    if not msg: msg = (out.strip().splitlines() or [""])[-1]
    return rc, wall, cpu, rss, msg[:90]

def verdict(rc, wall, rss, msg):
    if rc == -9: return "HANG"
    if rc not in (0, 1): return "CRASH"
    if "time limit" in msg: return "LIMIT"
    if wall > 30: return "SLOW"
    if rss > 2 << 30: return "BIG"
    return "ok"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "src/Symbolic.Cli/bin/Debug/net10.0/symbolic.dll"))
    ap.add_argument("--only", default="")
    ap.add_argument("--skip", type=int, default=0, help="skip the first N cases")
    ap.add_argument("--timeout", type=float, default=120, help="outer kill, seconds (the CLI stops itself at 60)")
    a = ap.parse_args()
    print("| class | input | before (issue 10 probe) | after: wall time | after: CPU time | after: peak memory | exit | verdict | message or last line |")
    print("|---|---|---|---|---|---|---|---|---|")
    counts = {}
    for cls, label, kind, payload, before in CASES[a.skip:]:
        if a.only and a.only not in label: continue
        rc, wall, cpu, rss, msg = run(a.cli, kind, payload, a.timeout)
        v = verdict(rc, wall, rss, msg)
        counts[v] = counts.get(v, 0) + 1
        esc = lambda s: s.replace("|", "\\|")
        print(f"| {cls} | {esc(label)} | {before} | {wall:.2f} s | {cpu:.2f} s | {rss / (1 << 20):.0f} MB | {rc} | {v} | {esc(msg)} |", flush=True)
    print()
    print("verdicts: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))

if __name__ == "__main__":
    sys.exit(main())
