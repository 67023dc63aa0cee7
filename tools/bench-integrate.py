#!/usr/bin/env python3
"""Per-case whole-process timings of `symbolic integrate` against SymPy's `integrate` on the 440-case set
(tests/Symbolic.Oracle.Tests/Integration/integrals.tsv), for issue 12's target "every case at least 10x faster
than SymPy's whole run". Beside tools/bench-startup.sh, in its style: CPU ms (user + system of the process tree)
first, wall ms in brackets, the load average before and after.

    tools/bench-integrate.py [PATH-TO-symbolic]        # default: publishes it to artifacts/native first
    CASES='sin|cos' tools/bench-integrate.py …         # only cases whose group, SymPy text or index matches the regex
    SAMPLE=150 SEED=1 tools/bench-integrate.py …       # a seeded sample of 150 (plus the cases CASES names, if any)
    SYMPY=s.tsv tools/bench-integrate.py …             # keep SymPy's per-case times in s.tsv: cases already there are
                                                       # not run again, new ones are appended as they finish
    SYMPY=s.tsv tools/bench-integrate.py --sympy-only  # only SymPy's side (the long part), resumable
    OURS_TIMES=ours.txt tools/bench-integrate.py …     # also show the in-process column from SYMBOLIC_INTEGRATION_TIMES
    OUT=table.tsv                                      # the per-case table (default: printed, slowest ratios first)

How each side is measured:
- SymPy's whole run = its start-up (`python3 -c "import sympy"`, median of RUNS, default 5) + the case's own time
  (sympify + integrate, measured inside ONE python process over all cases, the cache cleared before each case, a
  LIMIT-second CPU limit per case, default 10). SYMPY_CHECK (default 3) cases are also run as real whole processes
  (`python3 -c "from sympy import *; …integrate(…)"`) to show the model; a real run is slower than the model (the
  first integrate imports more of SymPy), so the model favours SymPy.
- Ours: a real whole process per case (`symbolic integrate LATEX --var v`, the native binary). Our start-up is
  measured once (`symbolic eval 1+1`), and in-process ≈ whole − start-up. The 30 slowest cases are re-run
  OURS_RERUNS times (default 3) and their median kept.
- ratio = SymPy's whole run / ours, both CPU. A case SymPy did not finish within LIMIT s of CPU (or 6·LIMIT s of
  wall time, a backstop on a loaded machine) counts with the CPU it had used: a lower bound, the ratio marked ≥.

Needs python3-sympy. The machine may be shared: the numbers say the load, and the SymPy part runs niced.
"""
import os, random, re, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
TSV = os.path.join(ROOT, 'tests/Symbolic.Oracle.Tests/Integration/integrals.tsv')
LIMIT = float(os.environ.get('LIMIT', '10'))
RUNS = int(os.environ.get('RUNS', '5'))
OURS_RERUNS = int(os.environ.get('OURS_RERUNS', '3'))
SYMPY_CHECK = int(os.environ.get('SYMPY_CHECK', '3'))
SPECIAL = re.compile(r'\b(erf|erfi|erfc|Ei|Si|Ci|Shi|Chi|li|fresnel[sc]|gamma|uppergamma|lowergamma|polylog|hyper|meijerg|elliptic_\w+|LambertW|expint)\(')


def load():
    return ' '.join(open('/proc/loadavg').read().split()[:3])


def timed(cmd, timeout=None, **kw):
    """Runs cmd; returns (returncode, cpu_ms, wall_ms, stdout). CPU is the child's user + system (its whole tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
        rc, out = p.returncode, p.stdout
    except subprocess.TimeoutExpired:
        rc, out = 'timeout', ''
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000
    return rc, cpu, wall, out


# The SymPy runner: one process, one line per case: index, found (1 found, 2 found with a special function, 0 not),
# CPU ms, wall ms. The limit is on CPU time (ITIMER_PROF), so a loaded machine does not cut SymPy short.
SYMPY_RUNNER = r'''
import signal, sys, time
import sympy as sp
from sympy.core.cache import clear_cache
import re
SPECIAL = re.compile(%r)
x, t, y, n = sp.symbols('x t y n')
loc = {'x': x, 't': t, 'y': y, 'n': n, 'E': sp.E, 'pi': sp.pi}
limit = float(sys.argv[1])
class Limit(BaseException): pass   # not an Exception: SymPy's own `except Exception` must not swallow it
def handler(signum, frame): raise Limit(signum)
signal.signal(signal.SIGPROF, handler)
signal.signal(signal.SIGALRM, handler)
for line in sys.stdin:
    i, v, s = line.rstrip('\n').split('\t')
    clear_cache()
    c0 = time.process_time(); w0 = time.perf_counter()
    try:
        try:
            signal.setitimer(signal.ITIMER_PROF, limit, 0.5)   # again every 0.5 s, should a bare except eat one
            signal.setitimer(signal.ITIMER_REAL, limit * 6)    # a backstop if the machine is very loaded
            r = sp.integrate(sp.sympify(s, locals=loc), sp.Symbol(v))
            found = 0 if r.has(sp.Integral) else 2 if SPECIAL.search(str(r)) else 1
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0); signal.setitimer(signal.ITIMER_REAL, 0)
    except Limit as e:
        found = -1 if e.args[0] == signal.SIGPROF else -2
    except Exception:
        found = 0
    print(f"{i}\t{found}\t{(time.process_time() - c0) * 1000:.1f}\t{(time.perf_counter() - w0) * 1000:.1f}", flush=True)
''' % SPECIAL.pattern


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    sym = args[0] if args else ''
    sympy_only = '--sympy-only' in sys.argv
    if not sym and not sympy_only:
        print('publishing the native binary to artifacts/native …', file=sys.stderr)
        subprocess.run(['dotnet', 'publish', 'src/Symbolic.Cli', '-c', 'Release', '-o', 'artifacts/native', '--nologo'],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        sym = os.path.join(ROOT, 'artifacts/native/symbolic')
    sym = os.path.abspath(sym or '.')
    if not sympy_only and not os.access(sym, os.X_OK):
        sys.exit(f'no executable {sym}')

    cases = [l.split('\t') for l in open(TSV).read().splitlines() if l]
    chosen = list(range(len(cases)))
    if os.environ.get('CASES'):
        rx = re.compile(os.environ['CASES'])
        chosen = [i for i in chosen if rx.search(cases[i][0]) or rx.search(cases[i][2]) or rx.fullmatch(str(i))]
    if os.environ.get('SAMPLE'):
        k = int(os.environ['SAMPLE'])
        seed = int(os.environ.get('SEED', '1'))
        pool = [i for i in range(len(cases)) if i not in chosen] if os.environ.get('CASES') else chosen
        extra = sorted(random.Random(seed).sample(pool, min(k, len(pool))))
        chosen = sorted(set(extra) | (set(chosen) if os.environ.get('CASES') else set()))
        print(f'seeded sample: SAMPLE={k} SEED={seed}' + (' plus the CASES filter' if os.environ.get('CASES') else ''))
    print(f'load average before: {load()}   ({os.cpu_count()} cores; {len(chosen)} of {len(cases)} cases; CPU ms, wall ms in brackets)')

    # --- SymPy, one process over the cases (or an earlier run's file)
    sympy = {}
    store = os.environ.get('SYMPY')
    if store and os.path.exists(store):
        for line in open(store):
            i, found, cpu, wall = line.rstrip('\n').split('\t')
            sympy[int(i)] = (int(found), float(cpu), float(wall))
        print(f"SymPy's per-case times: {len([i for i in chosen if i in sympy])} from {store}")
    todo = [i for i in chosen if i not in sympy]
    random.Random(int(os.environ.get('SEED', '1'))).shuffle(todo)   # in a seeded order: a run cut short leaves a fair sample
    if todo:
        with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f:
            f.write(SYMPY_RUNNER)
            runner = f.name
        try:
            feed = ''.join(f'{i}\t{cases[i][1]}\t{cases[i][2]}\n' for i in todo)
            with tempfile.TemporaryFile('w+') as inp:
                inp.write(feed); inp.seek(0)
                p = subprocess.Popen(['nice', '-n', '10', 'python3', runner, str(LIMIT)], stdin=inp, stdout=subprocess.PIPE, text=True)
                out = open(store, 'a') if store else None
                for line in p.stdout:   # appended as they come: an interrupted run resumes where it stopped
                    i, found, cpu, wall = line.rstrip('\n').split('\t')
                    sympy[int(i)] = (int(found), float(cpu), float(wall))
                    if out: out.write(line); out.flush()
                p.wait()
                if out: out.close()
        finally:
            os.unlink(runner)
    if '--sympy-only' in sys.argv:
        return
    # --- start-up constants, interleaved
    ours_up, sympy_up = [], []
    for _ in range(RUNS + 1):
        ours_up.append(timed([sym, 'eval', '1+1'])[1:3])
        sympy_up.append(timed(['python3', '-c', 'import sympy'])[1:3])
    ours_up, sympy_up = ours_up[1:], sympy_up[1:]   # the first of each warms the file cache
    ou_cpu = statistics.median(c for c, _ in ours_up); ou_wall = statistics.median(w for _, w in ours_up)
    su_cpu = statistics.median(c for c, _ in sympy_up); su_wall = statistics.median(w for _, w in sympy_up)
    print(f'start-up: symbolic eval 1+1 {ou_cpu:.0f} ({ou_wall:.0f}); python3 -c "import sympy" {su_cpu:.0f} ({su_wall:.0f})   (median of {RUNS})')

    # --- ours, whole process per case
    ours = {}
    for i in chosen:
        _, v, _, latex = cases[i]
        rc, cpu, wall, _ = timed([sym, 'integrate', latex, '--var', v], timeout=120)
        ours[i] = [rc == 0, [cpu], [wall]]
    slow = sorted(chosen, key=lambda i: -ours[i][1][0])[:30]
    for _ in range(OURS_RERUNS - 1):
        for i in slow:
            _, v, _, latex = cases[i]
            _, cpu, wall, _ = timed([sym, 'integrate', latex, '--var', v], timeout=120)
            ours[i][1].append(cpu); ours[i][2].append(wall)
    ocpu = {i: statistics.median(ours[i][1]) for i in chosen}
    owall = {i: statistics.median(ours[i][2]) for i in chosen}

    missing = [i for i in chosen if i not in sympy]
    if missing:
        print(f'SymPy gave no line for {len(missing)} cases (it crashed?): {missing[:10]}')
    chosen = [i for i in chosen if i in sympy]

    # --- the model of SymPy's whole run, shown on a few real whole processes (the fastest SymPy cases: the hardest test)
    checks = sorted((i for i in chosen if sympy[i][0] > 0), key=lambda i: sympy[i][1])[:SYMPY_CHECK]
    check_lines = []
    for i in checks:
        _, v, s, _ = cases[i]
        code = (f"from sympy import *\nx, t, y, n = symbols('x t y n')\n"
                f"integrate(sympify({s!r}, locals={{'x': x, 't': t, 'y': y, 'n': n, 'E': E, 'pi': pi}}), Symbol({v!r}))")
        _, cpu, wall, _ = timed(['nice', '-n', '10', 'python3', '-c', code], timeout=LIMIT * 6)
        check_lines.append(f'  case {i} {s}: real whole run {cpu:.0f} ({wall:.0f}); model start-up + case {su_cpu + sympy[i][1]:.0f}')

    # --- our in-process times (SYMBOLIC_INTEGRATION_TIMES), if given
    inproc = {}
    if os.environ.get('OURS_TIMES'):
        for line in open(os.environ['OURS_TIMES']):
            i, _, _, sec = line.rstrip('\n').split('\t')
            inproc[int(i)] = float(sec) * 1000

    rows = []
    for i in chosen:
        g, v, s, _ = cases[i]
        sf, scpu, swall = sympy[i]
        sw_cpu = su_cpu + scpu   # for a case stopped at a limit: a lower bound
        ratio = sw_cpu / max(ocpu[i], 1)
        rows.append((i, g, s, ours[i][0], ocpu[i], owall[i], sf, sw_cpu, su_wall + swall, ratio))
    rows.sort(key=lambda r: r[9])

    def mark(sf): return {1: 'found', 2: 'found (special fn)', 0: 'not found', -1: f'stopped at {LIMIT:g} s CPU', -2: f'stopped at {6 * LIMIT:g} s wall'}[sf]
    header = 'index\tgroup\tintegrand (SymPy)\tours found\tours whole CPU ms (wall)\tours in-process ms\tSymPy\tSymPy whole run CPU ms (wall)\tratio SymPy/ours'
    lines = [header]
    for (i, g, s, of, oc, ow, sf, sc, sw, ratio) in rows:
        ip = f'{inproc[i]:.0f}' if i in inproc else f'≈{max(oc - ou_cpu, 0):.0f}'
        lines.append(f'{i}\t{g}\t{s}\t{"yes" if of else "no"}\t{oc:.0f} ({ow:.0f})\t{ip}\t{mark(sf)}\t{sc:.0f} ({sw:.0f})\t{"≥" if sf < 0 else ""}{ratio:.1f}×')
    if os.environ.get('OUT'):
        open(os.environ['OUT'], 'w').write('\n'.join(lines) + '\n')
        print(f"per-case table: {os.environ['OUT']}")
    else:
        print('\n'.join(lines))

    n = len(rows)
    ratios = [r[9] for r in rows]
    print()
    print('SymPy whole run = start-up (import sympy) + the case inside one process; ours = a real whole process per case.')
    print(f'SymPy model against real whole runs:')
    print('\n'.join(check_lines) if check_lines else '  (none)')
    print(f'ours, model against real: start-up {ou_cpu:.0f} + in-process; the slowest 30 real whole processes (median of {OURS_RERUNS}):')
    for i in slow:
        if i in sympy:
            ip = f'in-process {inproc[i]:.0f}, model {ou_cpu + inproc[i]:.0f}, ' if i in inproc else ''
            print(f'  case {i} {cases[i][2]}: {ip}real {ocpu[i]:.0f} ({owall[i]:.0f})')
    print()
    print(f'cases: {n}; at least 10× faster than SymPy\'s whole run: {sum(r >= 10 for r in ratios)} of {n}')
    print(f'ratio: min {ratios[0]:.1f}×, 10th percentile {ratios[n // 10]:.1f}×, median {statistics.median(ratios):.1f}×, max {ratios[-1]:.1f}×')
    print('the 10 lowest ratios:')
    for r in rows[:10]:
        print(f'  {r[9]:6.1f}×  case {r[0]} ({r[1]}) {r[2]}: ours {r[4]:.0f} ms, SymPy {r[7]:.0f} ms ({mark(r[6])})')
    of = sum(r[3] for r in rows); sfnd = sum(r[6] > 0 for r in rows); sspecial = sum(r[6] == 2 for r in rows)
    print(f'found: ours {of} of {n}; SymPy {sfnd} of {n} ({sspecial} of them with a special function), {sum(r[6] < 0 for r in rows)} stopped at the limit ({LIMIT:g} s CPU, or {6 * LIMIT:g} s wall on a loaded machine)')
    lost = [r for r in rows if not r[3] and r[6] > 0]
    print(f'not found by us but by SymPy: {len(lost)}')
    for r in lost:
        print(f'  case {r[0]} ({r[1]}) {r[2]}: SymPy {mark(r[6])}')
    print(f'ours whole CPU total {sum(r[4] for r in rows) / 1000:.1f} s; SymPy case CPU total {sum(sympy[r[0]][1] for r in rows) / 1000:.1f} s')
    print(f'load average after: {load()}')


if __name__ == '__main__':
    main()
