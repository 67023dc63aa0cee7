#!/usr/bin/python3
import sympy as sp
from sympy_gr import *
t, r, th, ph, k = sp.symbols('t r theta phi k')
a = sp.Function('a')(t)
X = [t, r, th, ph]
g = sp.diag(-1, a**2/(1-k*r**2), a**2*r**2, a**2*r**2*sp.sin(th)**2)
gi, G = christoffel(g, X)
Ric = ricci_from_christoffel(G, X)
Rs = scalar(gi, Ric)
print("Ricci scalar:", sp.factor(Rs))
Ein = einstein(g, Ric, Rs)
for i in range(4):
    print(f"G_{X[i]}{X[i]} =", sp.factor(Ein[i, i]))
