#!/usr/bin/python3
import sympy as sp, time
from sympy_gr import *
t, r, th, ph = sp.symbols('t r theta phi')
m, a = sp.symbols('m a', positive=True)
X = [t, r, th, ph]
Sig = r**2 + a**2*sp.cos(th)**2
Del = r**2 - 2*m*r + a**2
gtp = -2*m*a*r*sp.sin(th)**2/Sig
g = sp.Matrix([[-(1-2*m*r/Sig), 0, 0, gtp],
               [0, Sig/Del, 0, 0],
               [0, 0, Sig, 0],
               [gtp, 0, 0, (r**2+a**2+2*m*a**2*r*sp.sin(th)**2/Sig)*sp.sin(th)**2]])
t0 = time.perf_counter()
gi, G = christoffel(g, X)
print("christoffel done", time.perf_counter()-t0, flush=True)
Ric = ricci_from_christoffel(G, X)
print("Ricci:", Ric)
print("Ricci == 0:", Ric == sp.zeros(4, 4), time.perf_counter()-t0)
