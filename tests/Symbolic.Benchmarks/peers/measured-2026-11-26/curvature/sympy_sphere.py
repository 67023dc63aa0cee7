#!/usr/bin/python3
import sympy as sp
from sympy_gr import *
th, ph = sp.symbols('theta phi')
X = [th, ph]
g = sp.diag(1, sp.sin(th)**2)
gi, G = christoffel(g, X)
R = riemann(G, X)
show_riemann(R, X)
Ric = ricci_from_riemann(R, 2)
print("Ricci:", Ric)
print("Ricci scalar:", scalar(gi, Ric))
