#!/usr/bin/python3
# SymPy euler_equations: (i) two-body Lagrangian in polar coordinates, (ii) Dirichlet Lagrangian of the
# Laplacian in spherical coordinates. In-process: median of 5 calls; SymPy's cache is cleared before
# each call (the first, cold call is also reported). Verification is outside the timed region.
import time, statistics
import sympy as sp
from sympy.calculus.euler import euler_equations
from sympy.core.cache import clear_cache
print("sympy", sp.__version__)
t = sp.symbols('t')
m, mu = sp.symbols('m mu', positive=True)
r, th = sp.Function('r')(t), sp.Function('theta')(t)
L1 = m/2*(r.diff(t)**2 + r**2*th.diff(t)**2) + mu*m/r
R, TH, PH = sp.symbols('r theta phi')
u = sp.Function('u')(R, TH, PH)
L2 = sp.Rational(1, 2)*(u.diff(R)**2 + u.diff(TH)**2/R**2 + u.diff(PH)**2/(R**2*sp.sin(TH)**2))*R**2*sp.sin(TH)

def bench(f):
    ts = []
    for i in range(5):
        clear_cache()
        t0 = time.perf_counter(); res = f(); ts.append(time.perf_counter() - t0)
    return res, ts

eq1, ts1 = bench(lambda: euler_equations(L1, [r, th], t))
print("(i) two-body polar: times", " ".join("%.5f" % x for x in ts1), " median %.5f s" % statistics.median(ts1))
for e in eq1: print("   ", e)
print("    r-eq == m(r th'^2 - mu/r^2 - r''):", sp.simplify(eq1[0].lhs - m*(r*th.diff(t)**2 - mu/r**2 - r.diff(t, 2))) == 0)
print("    th-eq == -m d/dt(r^2 th'):", sp.simplify(eq1[1].lhs + m*sp.diff(r**2*th.diff(t), t)) == 0)

eq2, ts2 = bench(lambda: euler_equations(L2, u, [R, TH, PH]))
print("(ii) Dirichlet/Laplacian spherical: times", " ".join("%.5f" % x for x in ts2), " median %.5f s" % statistics.median(ts2))
for e in eq2: print("   ", e)
lap = (sp.diff(R**2*u.diff(R), R)/R**2 + sp.diff(sp.sin(TH)*u.diff(TH), TH)/(R**2*sp.sin(TH))
       + u.diff(PH, 2)/(R**2*sp.sin(TH)**2))
print("    eq == -r^2 sin(theta) * Laplacian(u):", sp.simplify(eq2[0].lhs + R**2*sp.sin(TH)*lap) == 0)
