using System.Numerics;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core.Integration;

/// <summary>The antiderivative of a rational function: the explicit part, and the part left as a sum over roots.</summary>
/// <param name="Explicit">Polynomial part, Hermite's rational part, logarithms and arctangents.</param>
/// <param name="RootSum">Σ_{D(β)=0} C(β) log(x − β) over the roots of a factor that was not split, or null.</param>
/// <param name="RootSumIntegrand">The rational function whose antiderivative <paramref name="RootSum"/> is (zero when there is none).</param>
internal sealed record RationalAntiderivative(Expr Explicit, Expr? RootSum, Expr RootSumIntegrand)
{
    /// <summary>True when the derivative, computed term by term in exact Q(√d) arithmetic, summed back to the integrand.</summary>
    public bool SelfChecked { get; init; }

    public Expr Value => RootSum is null ? Explicit : Explicit + RootSum;
}

/// <summary>
/// Integration of rational functions over Q, complete: polynomial part, Hermite reduction (Mack's linear
/// version) on the square-free factorization, and the Rothstein–Trager resultant for the logarithmic part
/// with roots over Q and Q(√d); complex conjugate pairs are turned into real logarithms and arctangents of
/// polynomials by Rioboo's algorithm (no spurious jumps). Roots of the resultant that are neither rational
/// nor quadratic are kept as a root sum.
/// </summary>
internal static class RationalIntegration
{

    /// <summary>Reads f as N(x)/D(x) with rational coefficients; false when anything else (a parameter, √2, sin x) occurs.</summary>
    public static bool TryRead(Expr f, Symbol x, out UPoly num, out UPoly den)
    {
        num = den = UPoly.Zero;
        if (f.Any(e => e is Call or Derivative or Relation || e is Symbol s && !s.Equals(x) ||
                       e is Power p && p.Exponent is not Number { Value.IsInteger: true })) return false;
        var ctx = new RationalContext(useRelations: false, new Budget(2_000_000));
        int xi = ctx.VariableOf(x);
        RatFun r;
        try { r = ctx.ToRatFun(f); }
        catch (SymbolicException) { return false; }
        if (ctx.VariableCount > 1) return false;
        num = FromPoly(r.Numerator, xi);
        den = FromPoly(r.Denominator, xi);
        return true;
    }

    private static UPoly FromPoly(Poly p, int xi)
    {
        if (p.IsZero) return UPoly.Zero;
        if (xi >= p.VariableCount) return UPoly.Constant(new QS(Rational.Of(p.ConstantValue)));
        var cs = p.CoefficientsIn(xi);
        return new UPoly(cs.Select(c => new QS(Rational.Of(c.ConstantValue))));
    }

    /// <summary>∫ A/D dx.</summary>
    public static RationalAntiderivative Integrate(UPoly a, UPoly d, Symbol x, Derivation steps, Budget budget)
    {
        if (d.IsZero) throw new DivideByZeroException("a rational function with zero denominator");
        var k = d.Lc.Inverse();
        a = k * a; d = k * d;
        var g = UPoly.Gcd(a, d);
        if (g.Degree > 0) { a = a.DivExact(g); d = d.DivExact(g); }
        var (input0, input1) = (a, d);
        var derivative = new Fraction(UPoly.Zero, UPoly.One);
        var (poly, rem) = a.DivRem(d);
        derivative += new Fraction(poly, UPoly.One);
        var terms = new List<Expr>();
        var polyPart = Antiderivative(poly).ToExpr(x);
        if (!poly.IsZero) steps.Record("polynomial-part", poly.ToExpr(x), polyPart, "integrate the quotient of the division term by term");
        terms.Add(polyPart);
        if (rem.IsZero) return new RationalAntiderivative(Sum.Of(terms), null, Expr.Zero) { SelfChecked = true };

        // Hermite reduction: ∫ rem/d = gNum/gDen + ∫ h/ds with ds square-free.
        var (gNum, gDen, h, ds) = Hermite(rem, d, budget);
        if (!gNum.IsZero)
        {
            var rationalPart = gNum.ToExpr(x) / gDen.ToExpr(x);
            steps.Record("hermite-reduction", rem.ToExpr(x) / d.ToExpr(x), rationalPart,
                "rational part; what remains has a square-free denominator " + ds.ToExpr(x));
            terms.Add(rationalPart);
            derivative += new Fraction(gNum.Derivative() * gDen - gNum * gDen.Derivative(), gDen * gDen);
        }
        var (hq, hr) = h.DivRem(ds);
        if (!hq.IsZero) { terms.Add(Antiderivative(hq).ToExpr(x)); derivative += new Fraction(hq, UPoly.One); }
        if (hr.IsZero) return new RationalAntiderivative(Sum.Of(terms), null, Expr.Zero) { SelfChecked = derivative.Equals(new Fraction(input0, input1)) };
        var (logs, rootSum, rootSumIntegrand, logDerivative) = LogPart(hr, ds, x, steps, budget);
        terms.Add(logs);
        derivative += logDerivative;
        return new RationalAntiderivative(Sum.Of(terms), rootSum, rootSumIntegrand) { SelfChecked = derivative.Equals(new Fraction(input0, input1)) };
    }

    private static UPoly Antiderivative(UPoly p) =>
        new(p.C.Select((c, i) => c * new QS(Rational.Of(1, i + 1))).Prepend(QS.Zero));

    /// <summary>Mack's linear Hermite reduction (Bronstein, Symbolic Integration I, §2.2).</summary>
    private static (UPoly GNum, UPoly GDen, UPoly H, UPoly Ds) Hermite(UPoly a, UPoly d, Budget budget)
    {
        UPoly gNum = UPoly.Zero, gDen = UPoly.One;
        var dm = UPoly.Gcd(d, d.Derivative());
        var ds = d.DivExact(dm);
        while (dm.Degree > 0)
        {
            budget.ThrowIfCancelled();
            var dm2 = UPoly.Gcd(dm, dm.Derivative());
            var dms = dm.DivExact(dm2);
            var coef = -(ds * dm.Derivative()).DivExact(dm);
            var (b, c) = UPoly.Diophantine(coef, dms, a);
            a = c - (b.Derivative() * ds).DivExact(dms);
            (gNum, gDen) = AddFractions(gNum, gDen, b, dm);
            dm = dm2;
        }
        return (gNum, gDen, a, ds);
    }

    private static (UPoly, UPoly) AddFractions(UPoly a, UPoly b, UPoly c, UPoly d)
    {
        if (a.IsZero) return Reduce(c, d);
        if (c.IsZero) return Reduce(a, b);
        return Reduce(a * d + c * b, b * d);
    }

    private static (UPoly, UPoly) Reduce(UPoly n, UPoly d)
    {
        if (n.IsZero) return (n, UPoly.One);
        var g = UPoly.Gcd(n, d);
        n = n.DivExact(g); d = d.DivExact(g);
        var k = d.Lc.Inverse();
        return (k * n, k * d);
    }

    /// <summary>Rothstein–Trager: the roots c of R(t) = res_x(D, A − tD′) give Σ c log gcd(D, A − cD′).</summary>
    private static (Expr Logs, Expr? RootSum, Expr RootSumIntegrand, Fraction Derivative) LogPart(UPoly a, UPoly d, Symbol x, Derivation steps, Budget budget)
    {
        var dd = d.Derivative();
        int n = d.Degree;
        var ts = new List<QS>();
        var rs = new List<QS>();
        for (int i = 0; i <= n; i++)
        {
            budget.ThrowIfCancelled();
            ts.Add(new QS(i));
            rs.Add(UPoly.Resultant(d, a - new QS(i) * dd));
        }
        var r = UPoly.Interpolate(ts, rs);
        var t = Symbol.Of("t");
        steps.Record("rothstein-trager-resultant", a.ToExpr(x) / d.ToExpr(x), r.ToExpr(t),
            "R(t) = res_x(D, A − t D′); each root c of R gives c·log gcd(D, A − c D′)");
        var rsf = r.DivExact(UPoly.Gcd(r, r.Derivative())).Monic();
        var (rational, quadratics, rest) = SplitRoots(rsf, budget);

        var terms = new List<Expr>();
        var found = UPoly.One;
        var derivative = new Fraction(UPoly.Zero, UPoly.One);
        foreach (var c in rational)
        {
            var v = UPoly.Gcd(d, a - c * dd);
            found *= v;
            terms.Add(c.ToExpr() * Expr.Log(v.ToExpr(x)));
            derivative += new Fraction(c * v.Derivative(), v);
        }
        foreach (var q in quadratics)
        {
            var c = QuadraticRoot(q);
            var v = UPoly.Gcd(d, a - c * dd);
            var vbar = new UPoly(v.C.Select(z => z.Conjugate));
            found *= Rationalised(v * vbar);
            if (c.D.Sign > 0)
            {
                terms.Add(c.ToExpr() * Expr.Log(v.ToExpr(x)));
                terms.Add(c.Conjugate.ToExpr() * Expr.Log(vbar.ToExpr(x)));
                derivative += (new Fraction(c * v.Derivative(), v) + new Fraction(c.Conjugate * vbar.Derivative(), vbar)).Rationalised();
                continue;
            }
            // c = u + i·w with w > 0; v = P + iQ: u·log(P² + Q²) + w·LogToAtan(P, Q).
            if (c.B.Sign < 0) { c = c.Conjugate; (v, vbar) = (vbar, v); }
            var absD = -c.D;
            var p = new UPoly(v.C.Select(z => new QS(z.A)));
            var qq = new UPoly(v.C.Select(z => new QS(Rational.Zero, z.B, absD)));
            var norm = Rationalised(v * vbar);
            var u = c.A;
            var w = new QS(Rational.Zero, c.B, absD);
            var pair = new Fraction(new QS(u) * norm.Derivative(), norm);
            if (!u.IsZero) terms.Add(Number.Of(u) * Expr.Log(norm.ToExpr(x)));
            if (!qq.IsZero)
                foreach (var atanArg in LogToAtan(p, qq, budget))
                {
                    terms.Add(Expr.Two * w.ToExpr() * Call.Of(Function.Atan, atanArg.ToExpr(x)));
                    pair += new Fraction(new QS(2) * w * atanArg.Derivative(), UPoly.One + atanArg * atanArg);
                }
            derivative += pair.Rationalised();
        }
        var logs = Sum.Of(terms);
        if (terms.Count > 0) steps.Record("logarithmic-part", null, logs, "Rioboo's conversion writes conjugate pairs as real log and arctan");
        if (rest.Degree <= 0) return (logs, null, Expr.Zero, derivative);

        // What is left: Y/D_rest with D_rest = D / (product of the split factors); Σ_{D_rest(β)=0} C(β) log(x − β).
        var dRest = d.DivExact(found).Monic();
        var (s, _, _) = UPoly.ExtendedGcd(found, dRest);
        var y = (a * s) % dRest;
        if (RealQuadraticPair(y, dRest, x, budget) is { } real)
        {
            // D_rest = q·q̄ over Q(√d) (x⁴ + 1 = (x² + √2x + 1)(x² − √2x + 1)): real logs and arctans of polynomials
            // over Q(√d), checked by differentiation in the normal form before they replace the root sum.
            steps.Record("logarithmic-part", null, real, "the resultant factor " + rest.ToExpr(t) + " is irreducible over Q, but " + dRest.ToExpr(x)
                + " splits into two quadratics over a real quadratic field: each is written with a real log and arctan");
            derivative += new Fraction(y, dRest);   // verified in the normal form by RealQuadraticPair
            return (Sum.Of(terms) + real, null, Expr.Zero, derivative);
        }
        var (s2, _, _) = UPoly.ExtendedGcd(dRest.Derivative(), dRest);
        var cBeta = (y * s2) % dRest;
        var beta = Symbol.Of("beta");
        var rootSum = Call.Of(Function.RootSum, dRest.ToExpr(beta), cBeta.ToExpr(beta) * Expr.Log(x - beta), beta);
        steps.Record("root-sum", null, rootSum, "the resultant factor " + rest.ToExpr(t) + " is not split into rational or quadratic factors: the logarithms are kept as a sum over the roots");
        derivative += new Fraction(y, dRest);   // Σ C(β)/(x − β) = Y/D_rest: the partial-fraction identity (D_rest square-free, deg Y < deg D_rest)
        return (logs, rootSum, y.ToExpr(x) / dRest.ToExpr(x), derivative);
    }

    /// <summary>
    /// ∫ Y/D for a monic square-free quartic D irreducible over Q that splits as q·q̄ over a real field Q(√d)
    /// (its numeric roots are paired, the pair's sum and product guessed as a ± b√d, and the product checked
    /// exactly): partial fractions A/q + Ā/q̄, each (αx + β)/(x² + px + c) written as α/2·log q plus an arctan
    /// (or, for real roots, a log ratio) of a linear polynomial. Null when D does not split so, when √(4c − p²)
    /// is not in Q(√d), or when the result does not differentiate back to Y/D.
    /// </summary>
    private static Expr? RealQuadraticPair(UPoly y, UPoly dRest, Symbol x, Budget budget)
    {
        if (dRest.Degree != 4) return null;
        var roots = dRest.ApproximateRoots();
        int[][] matchings = [[0, 1, 2, 3], [0, 2, 1, 3], [0, 3, 1, 2]];
        foreach (var m in matchings)
        {
            budget.ThrowIfCancelled();
            var s1 = roots[m[0]] + roots[m[1]]; var p1 = roots[m[0]] * roots[m[1]];
            var s2 = roots[m[2]] + roots[m[3]]; var p2 = roots[m[2]] * roots[m[3]];
            if (new[] { s1, p1, s2, p2 }.Any(z => Math.Abs(z.Imaginary) > 1e-7 * (1 + z.Magnitude))) continue;
            if (!InQuadraticField(s1.Real, s2.Real, out var sField) || !InQuadraticField(p1.Real, p2.Real, out var pField)) continue;
            if (!sField.IsRational && !pField.IsRational && sField.D != pField.D) continue;
            if (sField.IsRational && pField.IsRational) continue;   // a factor over Q: Rothstein–Trager's case
            var q1 = new UPoly(new[] { pField, -sField, QS.One });
            var q2 = new UPoly(new[] { pField.Conjugate, -sField.Conjugate, QS.One });
            if (!(q1 * q2).Equals(dRest)) continue;
            var (inv, _, g) = UPoly.ExtendedGcd(q2, q1);
            if (g.Degree != 0) continue;
            var a1 = (y * inv) % q1;
            var a2 = (y - a1 * q2).DivExact(q1);
            var terms = new List<Expr>();
            foreach (var (num, q) in new[] { (a1, q1), (a2, q2) })
            {
                QS alpha = num[1], beta = num[0], p = q[1], c = q[0];
                if (!alpha.IsZero) terms.Add((alpha * new QS(Rational.Of(1, 2))).ToExpr() * Expr.Log(q.ToExpr(x)));
                var gamma = beta - alpha * p * new QS(Rational.Of(1, 2));
                if (gamma.IsZero) continue;
                var e = new QS(4) * c - p * p;
                bool positive = e.ToComplex().Re > 0;
                var lin = new UPoly(new[] { p, new QS(2) });   // 2x + p
                if (SqrtIn(positive ? e : -e, sField.IsRational ? pField.D : sField.D) is not { } r)
                {
                    // √(4c − p²) is a nested radical (x⁴ − 2 needs 2^{1/4}): written as such; the check below decides.
                    var root = Expr.Sqrt((positive ? e : -e).ToExpr());
                    terms.Add(positive
                        ? 2 * gamma.ToExpr() / root * Call.Of(Function.Atan, lin.ToExpr(x) / root)
                        : gamma.ToExpr() / root * (Expr.Log(lin.ToExpr(x) - root) - Expr.Log(lin.ToExpr(x) + root)));
                    continue;
                }
                if (positive)
                    terms.Add((new QS(2) * gamma / r).ToExpr() * Call.Of(Function.Atan, (r.Inverse() * lin).ToExpr(x)));
                else
                    terms.Add((gamma / r).ToExpr() * (Expr.Log((lin - UPoly.Constant(r)).ToExpr(x)) - Expr.Log((lin + UPoly.Constant(r)).ToExpr(x))));
            }
            var result = Sum.Of(terms);
            if (Integrator.Verify(y.ToExpr(x) / dRest.ToExpr(x), x, Piece.Of(result), budget)) return result;
        }
        return null;
    }

    /// <summary>u and v real with u + v and u·v rational and (u − v)² = 4b²d: u as a + b√d (b chosen by the sign of u − v).</summary>
    private static bool InQuadraticField(double u, double v, out QS value)
    {
        value = QS.Zero;
        var half = Guess((u + v) / 2);
        var delta = Guess((u - v) * (u - v) / 4);
        if (half is not { } a || delta is not { } dl) return false;
        if (dl.IsZero) { value = new QS(a); return true; }
        var (k, d) = SquarePart(dl.Num * dl.Den);   // √(N/M) = k√d / M
        if (d.IsOne) return false;
        var b = Rational.Of(k, dl.Den);
        value = new QS(a, u > v ? b : -b, d);
        return true;
    }

    private static Rational? Guess(double v)
    {
        foreach (var c in RationalGuess.Convergents(v, 100_000))
            if (Math.Abs(c.ToDouble() - v) <= 1e-9 * (1 + Math.Abs(v))) return c;
        return null;
    }

    /// <summary>√e in Q(√d) for e &gt; 0 (a rational square, a rational times d a square, or a denested a + b√d), or null.</summary>
    private static QS? SqrtIn(QS e, BigInteger d)
    {
        if (e.IsRational)
        {
            if (IsRationalSquare(e.A, out var r)) return new QS(r);
            if (IsRationalSquare(e.A / Rational.Of(d), out var k)) return new QS(Rational.Zero, k, d);   // √(k² d) = k√d
            return null;
        }
        // (u + v√d)² = a + b√d: u² + d v² = a, 2uv = b, so u² = (a ± √(a² − d b²))/2.
        var disc = e.A * e.A - e.B * e.B * Rational.Of(e.D);
        if (!IsRationalSquare(disc, out var sd)) return null;
        foreach (var u2 in new[] { (e.A + sd) / 2, (e.A - sd) / 2 })
        {
            if (u2.Sign <= 0 || !IsRationalSquare(u2, out var u)) continue;
            var v = e.B / (2 * u);
            var z = new QS(u, v, e.D);
            if ((z * z).Equals(e)) return z.ToComplex().Re > 0 ? z : -z;
        }
        return null;
    }

    private static bool IsRationalSquare(Rational q, out Rational root)
    {
        root = Rational.Zero;
        if (q.Sign < 0) return false;
        var (kn, dn) = SquarePart(q.Num); var (kd, dd) = SquarePart(q.Den);
        if (!dn.IsOne || !dd.IsOne) return false;
        root = Rational.Of(kn, kd);
        return true;
    }

    private static UPoly Rationalised(UPoly p)
    {
        if (!p.IsRational) throw new InvalidOperationException("a norm from Q(√d) is not rational");
        return p;
    }

    /// <summary>A root of the monic irreducible quadratic t² + pt + q as an element of Q(√d).</summary>
    internal static QS QuadraticRoot(UPoly q)
    {
        var p = q[1].A; var c0 = q[0].A;
        var disc = p * p - 4 * c0;             // N/M
        var nm = disc.Num * disc.Den;          // √(N/M) = √(N·M)/M
        var (k, d) = SquarePart(nm);
        return new QS(-p / 2, Rational.Of(k, 2 * disc.Den), d);
    }

    /// <summary>m = k²·d with d free of small square factors.</summary>
    internal static (BigInteger K, BigInteger D) SquarePart(BigInteger m)
    {
        int sign = m.Sign;
        m = BigInteger.Abs(m);
        BigInteger k = 1;
        for (long p = 2; p < 5000 && p * p <= m; p++)
            while ((m % (p * p)).IsZero) { m /= p * p; k *= p; }
        return (k, sign * m);
    }

    /// <summary>
    /// Splits the distinct roots of a monic square-free R by its factorization over Q: the roots of linear factors,
    /// the irreducible quadratic factors (monic), and the product of the rest (irreducible factors of degree ≥ 3, or a
    /// factor the recombination's budget left unproved: its roots stay in a root sum, which is right either way).
    /// </summary>
    private static (List<QS> Rational, List<UPoly> Quadratics, UPoly Remaining) SplitRoots(UPoly r, Budget budget)
    {
        var rational = new List<QS>();
        var quadratics = new List<UPoly>();
        if (r.Degree < 1 || !r.IsRational) return (rational, quadratics, r);
        var (_, factors, _) = Factorization.OverRationals(r.C.Select(c => c.A).ToList(), budget);
        var rest = UPoly.One;
        foreach (var (f, _, irreducible) in factors)
        {
            var monic = new UPoly(f.Select(c => new QS(Rational.Of(c)))).Monic();
            if (monic.Degree == 1) rational.Add(-monic[0]);
            else if (monic.Degree == 2 && irreducible) quadratics.Add(monic);
            else rest *= monic;
        }
        return (rational, quadratics, rest);
    }

    /// <summary>Rioboo's LogToAtan: arguments fᵢ with Σ 2·atan(fᵢ) having the derivative of i·log((A + iB)/(A − iB)).</summary>
    private static List<UPoly> LogToAtan(UPoly a, UPoly b, Budget budget)
    {
        var result = new List<UPoly>();
        for (int guard = 0; guard < 200; guard++)
        {
            budget.ThrowIfCancelled();
            var (q, r) = a.DivRem(b);
            if (r.IsZero) { result.Add(q); return result; }
            if (a.Degree < b.Degree) { (a, b) = (-b, a); continue; }
            var (dq, cq, g) = UPoly.ExtendedGcd(b, -a);
            result.Add((a * dq + b * cq).DivExact(g));
            (a, b) = (dq, cq);
        }
        throw new BudgetExceededException("Rioboo's conversion did not terminate");
    }
}

/// <summary>A fraction of <see cref="UPoly"/>s in lowest terms with a monic denominator: the exact self-check of rational integration.</summary>
internal sealed record Fraction
{
    public UPoly Num { get; }
    public UPoly Den { get; }

    public Fraction(UPoly num, UPoly den)
    {
        if (num.IsZero) { Num = UPoly.Zero; Den = UPoly.One; return; }
        var g = UPoly.Gcd(num, den);
        num = num.DivExact(g); den = den.DivExact(g);
        var k = den.Lc.Inverse();
        Num = k * num; Den = k * den;
    }

    public static Fraction operator +(Fraction a, Fraction b) => new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);

    /// <summary>The same fraction with rational coefficients (throws when a √d part is left: a bug).</summary>
    public Fraction Rationalised()
    {
        if (!Num.IsRational || !Den.IsRational) throw new InvalidOperationException("a conjugate pair did not sum to a rational function");
        return this;
    }

    public bool Equals(Fraction? o) => o is not null && Num.Equals(o.Num) && Den.Equals(o.Den);
    public override int GetHashCode() => HashCode.Combine(Num, Den);
}
