#!/usr/bin/python3
import time, statistics
from sympy import ring, ZZ, symbols, expand, Add
from sympy.core.cache import clear_cache
R, X, Y, Z = ring('x,y,z', ZZ)
ts = []
for i in range(5):
    t0 = time.perf_counter(); p = (X+Y+Z+1)**30; ts.append(time.perf_counter()-t0)
print("ring pow per call:", ["%.4f" % t for t in ts], "median %.4f s" % statistics.median(ts), "terms", len(p))
x, y, z = symbols('x y z')
ts = []
for i in range(5):
    clear_cache()
    t0 = time.perf_counter(); q = expand((x+y+z+1)**30); ts.append(time.perf_counter()-t0)
print("expand per call (cache cleared before each):", ["%.3f" % t for t in ts], "median %.3f s" % statistics.median(ts), "terms", len(Add.make_args(q)))
