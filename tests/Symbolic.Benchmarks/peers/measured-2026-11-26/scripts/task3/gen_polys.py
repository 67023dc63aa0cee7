#!/usr/bin/python3
"""Deterministic 'random-ish' dense polynomials P (deg 7), Q (deg 6), R (deg 6) in r, a, m, c.
Coefficients from a fixed LCG, in -9..9 (zero allowed, so not every monomial is present).
Writes polys.txt (one 'NAME = expr' line each, SymPy/Maxima-compatible syntax with ^ replaced
per target) and polys.mac (Maxima)."""
from itertools import product
state = 20261126
def rnd():
    global state
    state = (1103515245*state + 12345) % 2**31
    return (state >> 16) % 19 - 9
def poly(deg):
    terms = []
    for e in product(range(deg+1), repeat=4):
        if sum(e) <= deg:
            co = rnd()
            if co:
                mon = '*'.join(f'{v}^{k}' if k > 1 else v for v, k in zip('ramc', e) if k)
                terms.append(f'{co}*{mon}' if mon else f'{co}')
    return ' + '.join(terms).replace('+ -', '- ')
P, Q, R = poly(7), poly(6), poly(6)
with open('polys.mac', 'w') as f:
    for n, p in zip('PQR', (P, Q, R)):
        f.write(f'{n}: {p}$\n')
with open('polys_sympy.py', 'w') as f:
    for n, p in zip('PQR', (P, Q, R)):
        f.write(f'{n}s = "{p.replace("^", "**")}"\n')
for n, p in zip('PQR', (P, Q, R)):
    print(n, 'terms:', p.count('+') + p.count('-') + (0 if p.startswith('-') else 1))
