#!/usr/bin/python3
import time
from sympy import symbols, expand, Add
x, y, z = symbols('x y z')
t0 = time.perf_counter()
p = expand((x+y+z+1)**30)
print("expand terms:", len(Add.make_args(p)), "in-process %.3f s" % (time.perf_counter()-t0))
