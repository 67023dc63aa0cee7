#!/usr/bin/env python3
"""SymPy's integrate over integrals.tsv, the peer column of the integration benchmark.

python3 sympy_integrate.py START END [TIMEOUT]  ->  one line per case: group, found (1/0), seconds.
Found means the result has no unevaluated Integral. Summarise with: sympy_integrate.py --summary FILE...
"""
import signal, sys, time
import sympy as sp

def handler(signum, frame):
    raise TimeoutError()

def run(start, end, timeout):
    x, t, y, n = sp.symbols('x t y n')
    loc = {'x': x, 't': t, 'y': y, 'n': n, 'E': sp.E, 'pi': sp.pi}
    signal.signal(signal.SIGALRM, handler)
    lines = open(sys.path[0] + '/integrals.tsv').read().splitlines()[start:end]
    for i, line in enumerate(lines, start):
        g, v, s, _ = line.split('\t')
        f = sp.sympify(s, locals=loc)
        t0 = time.perf_counter()
        signal.alarm(timeout)
        try:
            r = sp.integrate(f, sp.Symbol(v))
            ok = not r.has(sp.Integral)
        except TimeoutError:
            ok = False
        except Exception:
            ok = False
        finally:
            signal.alarm(0)
        print(f"{i}\t{g}\t{int(ok)}\t{time.perf_counter() - t0:.3f}", flush=True)

def summary(files):
    stats = {}
    for fn in files:
        for line in open(fn):
            i, g, ok, sec = line.split('\t')
            c = stats.setdefault(g, [0, 0, 0.0, 0.0])
            c[0] += 1; c[1] += int(ok); c[2] += float(sec); c[3] = max(c[3], float(sec))
    print("group      cases  found  total s  max s")
    for g, (n, k, s, m) in sorted(stats.items()):
        print(f"{g:<10} {n:5}  {k:5}  {s:7.1f}  {m:5.1f}")
    print(f"all        {sum(c[0] for c in stats.values()):5}  {sum(c[1] for c in stats.values()):5}  {sum(c[2] for c in stats.values()):7.1f}")

if sys.argv[1] == '--summary':
    summary(sys.argv[2:])
else:
    run(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 10)
