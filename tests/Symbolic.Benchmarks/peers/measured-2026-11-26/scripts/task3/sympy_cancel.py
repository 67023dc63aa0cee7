#!/usr/bin/python3
# cancel(num/den), num = expand(P*Q), den = expand(P*R); P deg 7, Q, R deg 6 in r, a, m, c (polys_sympy.py)
import time, statistics, sys
import sympy as sp
from sympy.external.gmpy import GROUND_TYPES
from polys_sympy import Ps, Qs, Rs
N = int(sys.argv[1]) if len(sys.argv) > 1 else 5
r, a, m, c = sp.symbols('r a m c')
t0 = time.perf_counter()
P, Q, R = (sp.sympify(s) for s in (Ps, Qs, Rs))
num, den = sp.expand(P*Q), sp.expand(P*R)
print("sympy", sp.__version__, "ground types", GROUND_TYPES)
print("setup (parse + expand) %.3f s; terms: P %d Q %d R %d num %d den %d" % (
    time.perf_counter()-t0, len(P.args), len(Q.args), len(R.args), len(num.args), len(den.args)))
def do_cancel():
    ts = []
    for i in range(N):
        t0 = time.perf_counter()
        res = sp.cancel(num/den)
        ts.append(time.perf_counter()-t0)
    print("cancel times:", " ".join("%.3f" % t for t in ts), " median %.3f s" % statistics.median(ts))
    n, d = sp.fraction(res)
    print("result: numerator terms %d, denominator terms %d" % (len(sp.Add.make_args(n)), len(sp.Add.make_args(d))))
    print("result == Q/R:", sp.expand(n*R - d*Q) == 0)
def do_gcd():
    ts = []
    for i in range(N):
        t0 = time.perf_counter()
        g = sp.gcd(num, den)
        ts.append(time.perf_counter()-t0)
    print("gcd(num,den) times:", " ".join("%.3f" % t for t in ts), " median %.3f s" % statistics.median(ts),
          " gcd == ±P:", sp.expand(g - P) == 0 or sp.expand(g + P) == 0)
if len(sys.argv) > 2 and sys.argv[2] == 'gcdfirst':
    do_gcd(); do_cancel()
else:
    do_cancel(); do_gcd()
