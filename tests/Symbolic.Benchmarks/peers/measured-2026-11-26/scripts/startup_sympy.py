import sympy
