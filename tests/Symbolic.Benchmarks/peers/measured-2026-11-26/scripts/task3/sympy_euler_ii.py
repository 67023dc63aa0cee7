#!/usr/bin/python3
import sympy as sp
from sympy.calculus.euler import euler_equations
R, TH, PH = sp.symbols('r theta phi'); u = sp.Function('u')(R, TH, PH)
L = sp.Rational(1, 2)*(u.diff(R)**2 + u.diff(TH)**2/R**2 + u.diff(PH)**2/(R**2*sp.sin(TH)**2))*R**2*sp.sin(TH)
print(euler_equations(L, u, [R, TH, PH]))
