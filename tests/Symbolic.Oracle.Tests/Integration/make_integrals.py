#!/usr/bin/env python3
"""Builds integrals.tsv, the integration benchmark: one case a line, 'source<TAB>variable<TAB>sympy<TAB>latex'.

Sources:
  stewart  - James Stewart, Calculus (1987), sections 7.1-7.5, the integrands as transcribed in Rubi's
             test suite (github.com/RuleBasedIntegration/MathematicaSyntaxTestSuite,
             "0 Independent test suites/Stewart Problems.m"); only the integrands are copied.
  rubi-rat - Rubi test suite, "1.3.1 Rational functions.m" (the cases with numeric coefficients).
  own-rat  - our own: random rational functions with integer coefficients (seeded), denominators built
             from linear, quadratic (irreducible and not), repeated and higher-degree factors.
  own-elem - our own textbook shapes beyond rational functions.
  own-risch - the classic examples of the parallel Risch (Risch-Norman) method, sums whose terms have no
             elementary antiderivative and antiderivatives with a rational part over a transcendental tower
             (Bronstein's pmint examples and our own); appended last, so the indices of the others stay.
Run: python3 make_integrals.py > integrals.tsv
"""
import random, re, sys
import sympy as sp

x, t, y = sp.symbols('x t y')

STEWART = r"""
x^n|E^x|1/x|Sin[x]|Cos[x]|Sec[x]^2|Csc[x]^2|Sec[x]*Tan[x]|Csc[x]*Cot[x]|Sinh[x]|Cosh[x]|Tan[x]|Cot[x]
x*Sin[x]|Log[x]|x^2*E^x|E^x*Sin[x]|ArcTan[x]|x*E^(2*x)|x*Cos[x]|x*Sin[4*x]|x*Log[x]|x^2*Cos[3*x]|x^2*Sin[2*x]
Log[x]^2|ArcSin[x]|t*Cos[t]*Sin[t]|t*Sec[t]^2|t^2*Log[t]|t^3*E^t|E^(2*t)*Sin[3*t]|Cos[3*t]/E^t|y*Sinh[y]|t/E^t
Sqrt[t]*Log[t]|x*Cos[2*x]|x^2/E^x|ArcCos[x]|x*Csc[x]^2|Sin[3*x]*Cos[5*x]|Sin[2*x]*Sin[4*x]|Cos[x]*Log[Sin[x]]
x^3*E^(x^2)|(3 + 2*x)*E^x|x*5^x|Cos[Log[x]]|E^Sqrt[x]|Log[Sqrt[x]]|Sin[Log[x]]|Sin[Sqrt[x]]|x^5*Cos[x^3]
x^5*E^(x^2)|x*ArcTan[x]|x*Cos[Pi*x]|Sqrt[x]*Log[x]
Sin[3*x]^2|Cos[x]^2|Cos[x]^4|Sin[x]^3|Sin[x]^3*Cos[x]^4|Sin[x]^4*Cos[x]^3|Sin[x]^4*Cos[x]^2|Sin[x]^2*Cos[x]^2
(1 - Sin[2*x])^2|Sin[x + Pi/6]*Cos[x]|Cos[x]^5*Sin[x]^5|Sin[x]^6|Cos[x]^6|Sin[2*x]^2*Cos[2*x]^4|Sin[x]^5
Sin[x]^4*Cos[x]^4|Sin[x]^3*Sqrt[Cos[x]]|Cos[x]^3*Sqrt[Sin[x]]|Cos[Sqrt[x]]^2/Sqrt[x]|x*Sin[x^2]^3
Cos[x]^2*Tan[x]^3|Cot[x]^5*Sin[x]^2|(1 - Sin[x])/Cos[x]|1/(1 - Sin[x])|Tan[x]^2|Tan[x]^4|Sec[x]^4|Sec[x]^6
Tan[x]^4*Sec[x]^2|Tan[x]^2*Sec[x]^4|Tan[x]*Sec[x]^3|Tan[x]^3*Sec[x]^3|Tan[x]^5|Tan[x]^6|Tan[x]^5*Sec[x]
Tan[x]^5*Sec[x]^3|Tan[x]*Sec[x]^6|Tan[x]^3*Sec[x]^6|Sec[x]^2/Cot[x]|Sec[x]*Tan[x]^2|Cot[x]^2|Cot[x]^3
Cot[x]^4*Csc[x]^4|Cot[x]^3*Csc[x]^4|Csc[x]|Csc[x]^3|Cos[x]^2/Sin[x]|1/Sin[x]^4|Sin[5*x]*Sin[2*x]|Sin[3*x]*Cos[x]
Cos[3*x]*Cos[4*x]|Sin[3*x]*Sin[6*x]|Sin[x]*Cos[x]^5|Cos[x]*Cos[2*x]*Cos[3*x]|(1 - Tan[x]^2)/Sec[x]^2
(Cos[x] + Sin[x])/Sin[2*x]|Sin[x]^2*Tan[x]|Cos[x]^2*Cot[x]^3|Sec[x]^3*Tan[x]|Sec[x]^3*Tan[x]^3
Sqrt[9 - x^2]/x^2|1/(x^2*Sqrt[4 + x^2])|x/Sqrt[4 + x^2]|x^3/(9 + 4*x^2)^(3/2)|x/Sqrt[3 - 2*x - x^2]
1/(x^2*Sqrt[1 - x^2])|x^3*Sqrt[4 - x^2]|x/Sqrt[1 - x^2]|x*Sqrt[4 - x^2]|Sqrt[1 - 4*x^2]|x^3/Sqrt[x^2 + 4]
1/Sqrt[9 + x^2]|Sqrt[x^2 + 1]|1/(x^3*Sqrt[x^2 - 16])|Sqrt[9*x^2 - 4]/x|1/(x^2*Sqrt[16*x^2 - 9])
x^2/Sqrt[5 - x^2]|1/(x*Sqrt[3 + x^2])|x/(x^2 + 4)^(5/2)|x^3*Sqrt[4 - 9*x^2]|x^2*Sqrt[9 - x^2]|5*x*Sqrt[1 + x^2]
1/(4*x^2 - 25)^(3/2)|Sqrt[2*x - x^2]|1/Sqrt[x^2 + 4*x + 8]|1/Sqrt[9*x^2 + 6*x - 8]|x^2/Sqrt[4*x - x^2]
1/(2 + 2*x + x^2)^2|1/(5 - 4*x - x^2)^(5/2)|E^t*Sqrt[9 - E^(2*t)]|Sqrt[E^(2*t) - 9]
(5 + x)/(-2 + x + x^2)|(x + x^3)/(-1 + x)|(-1 + 2*x + x^2)/(-2*x + 3*x^2 + 2*x^3)|(1 + 4*x - 2*x^2 + x^4)/(1 - x - x^2 + x^3)
(4 - x + 2*x^2)/(4*x + x^3)|(2 - 3*x + 4*x^2)/(3 - 4*x + 4*x^2)|(1 + x^2 + x^3)/((-1 + x)*x*(1 + x^2)^3*(1 + x + x^2))
(1 - 3*x + 2*x^2 - x^3)/(x*(x^2 + 1)^2)|1/(x^2 + 1)^2|1/((x - 1)*(2 + x))|7/(-12 + 5*x + 2*x^2)
(-4 + 3*x + x^2)/((-1 + 2*x)^2*(3 + 2*x))|(-x^2 + x^3)/((-6 + x)*(3 + 5*x)^3)|1/(-x^3 + x^4)
(1 - x - x^2 + x^3 + x^4)/(-x + x^3)|(x^2 - 2)/(x*(x^2 + 2))|(2 - 4*x^2 + x^3)/((1 + x^2)*(2 + x^2))
(1 + x^2 + x^4)/((1 + x^2)*(4 + x^2)^2)|(1 + 16*x)/((5 + x)^2*(-3 + 2*x)*(1 + x + x^2))|x^4/(9 + x^2)^3
(19*x)/((-1 + x)^3*(3 + 5*x + 4*x^2)^2)|(1 + x^2 + x^3)/(2*x^2 + x^3 + x^4)|1/(-x^3 + x^6)|x^2/(1 + x)|x/(-5 + x)
(-1 + 4*x)/((-1 + x)*(2 + x))|1/((1 + x)*(2 + x))|(-5 + 6*x)/(3 + 2*x)|(1 + x^2)/(-x + x^2)
(1 - 12*x + x^2 + x^3)/(-12 + x + x^2)|(3 + 2*x)/(1 + x)^2|1/(x*(1 + x)*(3 + 2*x))
(-3 + 5*x + 6*x^2)/(-3*x + 2*x^2 + x^3)|x/(4 + 4*x + x^2)|1/((-1 + x)^2*(4 + x))|x^2/((-3 + x)*(2 + x)^2)
(-2 + 3*x + 5*x^2)/(2*x^2 + x^3)|(18 - 2*x - 4*x^2)/(-6 + x + 4*x^2 + x^3)|(2*x + x^2)/(4 + 3*x^2 + x^3)
1/((-1 + x)^2*x^2)|x^2/(1 + x)^3|1/(-x^2 + x^4)|(-x + 2*x^3)/(1 - x^2 + x^4)|x^3/(1 + x^2)|(-1 + x)/(2 + 2*x + x^2)
x/(1 + x + x^2)|(7 + 5*x + 4*x^2)/(5 + 4*x + 4*x^2)|(5 - 4*x + 3*x^2)/((-1 + x)*(1 + x^2))|(3 + 2*x)/(3*x + x^3)
1/(-1 + x^3)|x^3/(1 + x^3)|(-1 - 2*x + x^2)/((-1 + x)^2*(1 + x^2))|x^4/(-1 + x^4)
(-4 + 6*x - x^2 + 3*x^3)/((1 + x^2)*(2 + x^2))|(1 + x - 2*x^2 + x^3)/(4 + 5*x^2 + x^4)|(-3 + x)/(4 + 2*x + x^2)^2
(1 + x^4)/(x*(1 + x^2)^2)|(Cos[x]*(-3 + 2*Sin[x]))/(2 - 3*Sin[x] + Sin[x]^2)|(Cos[x]^2*Sin[x])/(5 + Cos[x]^2)
1/(x^2 + 2*x - 3)|1/(x^2 - 2*x)|(2*x + 1)/(4*x^2 + 12*x - 7)|x/(x^2 + x - 1)
(-32 + 5*x - 27*x^2 + 4*x^3)/(-70 - 299*x - 286*x^2 + 50*x^3 - 13*x^4 + 30*x^5)
(8 - 13*x^2 - 7*x^3 + 12*x^5)/(4 - 20*x + 41*x^2 - 80*x^3 + 116*x^4 - 80*x^5 + 100*x^6)
Sqrt[4 + x]/x|1/(-4*Cos[x] + 3*Sin[x])|1/(1 + Sqrt[x])|Sqrt[x]/(1 + x)|1/(x*Sqrt[1 + x])|1/(x - Sqrt[2 + x])|x^2/Sqrt[-1 + x]
"""

RUBI_RAT = "1/(1 + x + x^2 + x^3)|1/(-1 + 4*x - 4*x^2 + 16*x^3)"

OWN_ELEM = r"""
x^(1/2)|x^(-1/2)|(2*x+1)^(3/2)|1/(3*x+2)|E^(3*x)|2^x|Sin[5*x+1]|Cos[x/2]|Tan[2*x]|Sinh[2*x]|Cosh[3*x]|Tanh[x]
x*E^(-x)|x^3*E^(2*x)|x*Sinh[x]|x^2*Cosh[x]|x^4*Log[x]|Log[x]/x|Log[x]^2/x|1/(x*Log[x])|Log[x]^3
x*ArcSin[x]|ArcTan[2*x]|x^2*ArcTan[x]|Log[x^2+1]|x*Log[x^2+1]|Log[x+1]/(x+1)^2
E^x/(1+E^x)|E^(2*x)/(1+E^x)|1/(1+E^x)|1/(E^x+E^(-x))|E^x*(1+E^x)^3|E^x*Cos[E^x]|x*E^(x^2)*Cos[E^(x^2)]
Sin[x]*Cos[x]|Sin[x]^2|Cos[x]^3|Sin[2*x]*Cos[3*x]|Sin[x]^2*Cos[x]^3|1/(1+Cos[x])|1/(2+Sin[x])|1/(3+2*Cos[x])
Sin[x]/(1+Cos[x]^2)|Cos[x]/(1+Sin[x]^2)|Sec[x]|Sec[x]^3|1/(Sin[x]*Cos[x])|Tan[x]^3|Cot[x]^4|1/(1+Tan[x])
E^x*Cos[2*x]|E^(-x)*Sin[x]|E^(2*x)*Cos[x]|x*Sin[x]*Cos[x]|x^2*Sin[x]^2
1/Sqrt[1-x^2]|1/Sqrt[4-x^2]|Sqrt[4-x^2]|1/Sqrt[x^2+1]|1/Sqrt[x^2-1]|x/Sqrt[x^2+1]|x*Sqrt[x^2+3]
1/Sqrt[x^2+2*x+2]|1/Sqrt[-x^2+2*x]|Sqrt[x^2+2*x+2]|x/Sqrt[1+x-x^2]|1/(x*Sqrt[x^2+4])|Sqrt[1+x^2]/x
Cos[x]*E^(Sin[x])|Sin[x]*Cos[x]^7|Sec[x]^2*Tan[x]^2|x/(x^4+1)|x^3/(x^8+1)|x^2*(x^3+1)^5|(2*x+1)/(x^2+x+3)^3
Sin[x^2]*x|Cos[Sqrt[x]]|1/(x^2*Sqrt[x^2-1])|E^x*Sin[E^x]|Log[Sin[x]]*Cos[x]/Sin[x]|ArcTan[x]/(1+x^2)|ArcSin[x]/Sqrt[1-x^2]
E^(x^2)|Sin[x]/x|E^x/x|1/Log[x]|Sqrt[Sin[x]]|Sqrt[1+x^3]|Sin[x^2]|x^x
"""

OWN_RISCH = r"""
x*E^x/(1+x)^2|E^x*(x^2+1)/(x+1)^2|Log[x]/(x*(1+Log[x])^2)|(1+Tan[x]^2)*Tan[x]|x*Log[1+x^2]/(1+x^2)
2*x*E^(x^2)*Log[x]+E^(x^2)/x|E^x*(x-1)/x^2|(1+2*x^2)*E^(x^2)|Cos[x]*(1+Sin[x])*E^Sin[x]|(E^x+1)/(E^x+x)
Log[Log[x]]+1/Log[x]|E^x*(Sin[x]+Cos[x])
"""

FN = {'Sqrt': 'sqrt', 'Log': 'log', 'Sin': 'sin', 'Cos': 'cos', 'Tan': 'tan', 'Cot': 'cot', 'Sec': 'sec', 'Csc': 'csc',
      'Sinh': 'sinh', 'Cosh': 'cosh', 'Tanh': 'tanh', 'ArcTan': 'atan', 'ArcSin': 'asin', 'ArcCos': 'acos'}

def from_mathematica(s):
    for k, v in sorted(FN.items(), key=lambda kv: -len(kv[0])):
        s = re.sub(r'\b' + k + r'\[', v + '(', s)
    s = s.replace('[', '(').replace(']', ')').replace('^', '**')
    s = re.sub(r'\bE\b', 'E', s).replace('Pi', 'pi')
    return sp.sympify(s, locals={'E': sp.E, 'x': x, 't': t, 'y': y})

def variable(e):
    fs = e.free_symbols
    for v in (x, t, y):
        if v in fs: return v
    return x

def own_rational(rng, n):
    out = []
    lin = lambda: sp.Integer(rng.randint(1, 4)) * x + rng.choice([-3, -2, -1, 1, 2, 3, 5])
    def quad():
        b, c = rng.randint(-3, 3), rng.randint(1, 6)
        return x**2 + b * x + (b * b) // 4 + c          # irreducible over the reals
    def quad_split():
        r1, r2 = rng.randint(-4, 4), rng.randint(-4, 4)
        return (x - r1) * (x - r2 + 7)
    shapes = [
        lambda: 1 / (lin() * lin()),
        lambda: (x + rng.randint(-3, 3)) / quad(),
        lambda: 1 / quad()**rng.randint(2, 3),
        lambda: sp.Poly([rng.randint(-5, 5) for _ in range(rng.randint(1, 4))], x).as_expr() / (lin()**rng.randint(1, 3) * quad()),
        lambda: 1 / (x**3 + rng.choice([1, 2, 8, 27])),
        lambda: x**rng.randint(0, 3) / (x**4 + rng.choice([1, 4, 5])),
        lambda: 1 / (x**4 + x**2 + rng.randint(1, 3)),
        lambda: (x**5 + 1) / (quad_split() * quad()),
        lambda: 1 / (x**2 - rng.choice([2, 3, 5, 7])),
        lambda: sp.Integer(rng.randint(1, 9)) / (lin()**rng.randint(2, 5)),
        lambda: 1 / (x**5 + rng.choice([-1, 1]) * x + 1),
        lambda: (3 * x**2 + 1) / (x**3 + x + rng.randint(1, 5)),
        lambda: 1 / (x * quad()**2),
    ]
    seen = set()
    attempt = 0
    while len(out) < n:
        attempt += 1
        e = sp.together(shapes[attempt % len(shapes)]())
        if e in seen: continue
        seen.add(e)
        out.append(e)
    return out

def latex(e):
    return sp.latex(e, inv_trig_style='full', ln_notation=False).replace('\n', ' ')

def main():
    rows = []
    for group, text in (('stewart', STEWART), ('rubi-rat', RUBI_RAT), ('own-elem', OWN_ELEM)):
        for item in text.replace('\n', '|').split('|'):
            item = item.strip()
            if not item: continue
            e = from_mathematica(item)
            rows.append((group, variable(e), e))
    rng = random.Random(12)
    for e in own_rational(rng, 130):
        rows.append(('own-rat', x, e))
    for item in OWN_RISCH.replace('\n', '|').split('|'):
        item = item.strip()
        if item: rows.append(('own-risch', x, from_mathematica(item)))
    for g, v, e in rows:
        print(f"{g}\t{v}\t{sp.srepr(e) if False else str(e)}\t{latex(e)}")

main()
