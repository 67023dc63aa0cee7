#!/usr/bin/python3
import sympy as sp
from sympy.calculus.euler import euler_equations
t = sp.symbols('t'); m, mu = sp.symbols('m mu', positive=True)
r, th = sp.Function('r')(t), sp.Function('theta')(t)
print(euler_equations(m/2*(r.diff(t)**2 + r**2*th.diff(t)**2) + mu*m/r, [r, th], t))
