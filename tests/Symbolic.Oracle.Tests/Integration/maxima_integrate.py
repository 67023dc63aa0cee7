#!/usr/bin/env python3
"""Maxima's integrate over integrals.tsv, the second peer column of the integration benchmark.

python3 maxima_integrate.py START END [TIMEOUT]  ->  one line per case: index, group, found (1/0), seconds.
One `maxima` process runs the cases in turn; a question Maxima asks ("Is n equal to -1?") meets end of input and
ends the process, and a case that prints nothing for TIMEOUT seconds is killed: that case counts as not found and
a new process goes on with the next. Seconds is Maxima's own elapsed_real_time around integrate, without start-up.
Found means the result has no unevaluated integrate. Summarise with: sympy_integrate.py --summary FILE...
Maxima is a Debian package (apt-get install maxima), a peer for measurement only, never a dependency.
"""
import re, subprocess, sys, time

def to_maxima(s):
    s = s.replace('**', '^')
    s = re.sub(r'\bE\b', '%e', s)
    s = re.sub(r'\bpi\b', '%pi', s)
    s = re.sub(r'\bI\b', '%i', s)
    s = re.sub(r'\bAbs\(', 'abs(', s)
    return s

def run(start, end, timeout):
    cases = [l.split('\t') for l in open(sys.path[0] + '/integrals.tsv').read().splitlines()]
    i = start
    while i < end:
        # one process for the rest of the range; a question or a hang ends it, and that case counts as not found
        script = 'display2d:false$ '
        for k in range(i, end):
            g, v, s, _ = cases[k]
            script += ('f: %s$ t0: elapsed_real_time()$ r: errcatch(integrate(f, %s))$ t1: elapsed_real_time()$ '
                       'print("RESULT", %d, if r = [] then 0 elseif freeof(nounify(integrate), r) then 1 else 0, t1 - t0)$ ?finish\\-output()$ '
                       % (to_maxima(s), v, k))
        proc = subprocess.Popen(['maxima', '--very-quiet', '--batch-string=' + script], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, text=True)
        last = time.perf_counter()
        done = i
        import select
        while True:
            ready, _, _ = select.select([proc.stdout], [], [], max(0.0, timeout - (time.perf_counter() - last)))
            if not ready:
                proc.kill(); break
            line = proc.stdout.readline()
            if not line: break
            m = re.search(r'RESULT (\d+) (\d) ([0-9.e+-]+)', line)
            if not m: continue
            k = int(m.group(1))
            print(f"{k}\t{cases[k][0]}\t{m.group(2)}\t{float(m.group(3)):.3f}", flush=True)
            done = k + 1
            last = time.perf_counter()
        proc.wait()
        if done < end:
            print(f"{done}\t{cases[done][0]}\t0\t{min(timeout, time.perf_counter() - last):.3f}", flush=True)
            done += 1
        i = done

run(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 10)
