#!/usr/bin/python3
import time
from sympy import ring, ZZ
t0 = time.perf_counter()
R, x, y, z = ring('x,y,z', ZZ)
p = (x+y+z+1)**30
print("ring terms:", len(p), "in-process %.3f s" % (time.perf_counter()-t0))
