using System.Numerics;
using Symbolic.Core;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Lie;

/// <summary>
/// The part of a determining system that is a linear ODE system with constant coefficients in one variable v (what is
/// left for y'' + y = 0: F'' + F = 0, F₁'' = 2F₄', …). Each unknown f satisfies the scalar equation p(D) f = 0 given by the
/// first linear dependency among f, f', f'', … reduced by the standard form (Cayley–Hamilton: one exists within the
/// proved dimension); p's roots give the basis v^j e^{αv} cos βv, v^j e^{αv} sin βv of its solutions. Each unknown is
/// replaced by a combination of those with new constants, and the splitting that follows decides which combinations
/// solve the system. Roots are found exactly (zero roots, rational roots, quadratic and biquadratic factors); anything
/// else leaves the system unsolved and reported.
/// </summary>
internal static class ConstantCoefficientOdes
{
    /// <summary>One root α + iβ (β ≥ 0; a pair α ± iβ when β ≠ 0) with its multiplicity.</summary>
    internal readonly record struct Root(Expr Re, Expr Im, int Multiplicity);

    /// <summary>Solves the one-variable part of the system; false when it has no such part or a step is beyond reach.</summary>
    public static bool Solve(LinearPdeSystem sys, List<LinExpr> components)
    {
        var functions = sys.Unknowns.Where(u => u.VariableCount > 0).ToList();
        if (functions.Count == 0) return false;
        // all unknown functions depend on the same single variable v
        int v = -1;
        foreach (var f in functions)
        {
            if (f.VariableCount != 1) return false;
            int w = Array.IndexOf(f.DependsOn, true);
            if (v >= 0 && w != v) return false;
            v = w;
        }
        // constant coefficients: no coefficient depends on any base variable
        foreach (var eq in sys.Equations)
            foreach (var c in eq.Terms.Values)
                for (int i = 0; i < sys.Variables.Count; i++)
                    if (sys.CoefficientDependsOn(c, i)) return false;
        if (sys.ParametricCount() is not int dim) return false;
        var sv = sys.Variables[v];
        var values = new List<(Unknown F, LinExpr Value)>();
        foreach (var f in functions)
        {
            var p = MinimalPolynomial(sys, f, v, dim + 2);
            if (p is null) return false;
            var basis = Basis(p, sv, sys);
            if (basis is null) return false;
            var value = new LinExpr();
            foreach (var b in basis) value.Add(sys.Key(sys.NewConstant()), sys.Coef(b), sys.Ctx);
            values.Add((f, value));
        }
        foreach (var (f, value) in values) sys.Substitute(f, value, components);
        return true;
    }

    /// <summary>
    /// The monic p (coefficients p₀ … p_m as expressions) with p(D) f ≡ 0 modulo the standard form, of least degree ≤ max;
    /// null when none is found.
    /// </summary>
    private static Expr[]? MinimalPolynomial(LinearPdeSystem sys, Unknown f, int v, int max)
    {
        var ctx = sys.Ctx;
        var rows = new List<(DKey Pivot, LinExpr Vector, RatFun[] Combination)>();
        for (int j = 0; j <= max; j++)
        {
            var orders = new int[sys.Variables.Count];
            orders[v] = j;
            var e = new LinExpr();
            e.Add(new DKey(f, orders), ctx.One, ctx);
            var w = sys.ReduceByStandardForm(e);
            var combo = Enumerable.Range(0, j + 1).Select(i => i == j ? ctx.One : ctx.Zero).ToArray();
            foreach (var (pivot, vec, rc) in rows)
            {
                if (!w.Terms.TryGetValue(pivot, out var a)) continue;
                var factor = ctx.Div(a, vec.Terms[pivot]);
                w.AddScaled(vec, ctx.Neg(factor), ctx);
                for (int i = 0; i < rc.Length; i++) combo[i] = ctx.Sub(combo[i], ctx.Mul(factor, rc[i]));
            }
            if (w.IsZero) return combo.Select(c => Simplifier.Simplify(ctx.ToExpr(c))).ToArray();
            rows.Add((w.Leader(), w, combo));
        }
        return null;
    }

    /// <summary>The basis of the solutions of p(D) y = 0 in the variable v, each checked; null when p's roots are out of reach.</summary>
    internal static List<Expr>? Basis(Expr[] p, Symbol v, LinearPdeSystem? sys)
    {
        var roots = Roots(p, sys);
        if (roots is null) return null;
        var basis = new List<Expr>();
        foreach (var (re, im, m) in roots)
        {
            var growth = re.IsZero ? Expr.One : Expr.Exp(Simplifier.Simplify(re * v));
            for (int j = 0; j < m; j++)
            {
                var vj = v.Pow(j);
                if (im.IsZero) basis.Add(Simplifier.Simplify(vj * growth));
                else
                {
                    basis.Add(Simplifier.Simplify(vj * growth * Expr.Cos(Simplifier.Simplify(im * v))));
                    basis.Add(Simplifier.Simplify(vj * growth * Expr.Sin(Simplifier.Simplify(im * v))));
                }
            }
        }
        // each basis function solves p(D) y = 0 (a wrong root can never pass)
        foreach (var b in basis)
        {
            Expr acc = Expr.Zero, d = b;
            for (int i = 0; i < p.Length; i++)
            {
                acc += p[i] * d;
                d = Calculus.Diff(d, v);
            }
            if (!Simplifier.IsZero(acc)) return null;
        }
        return basis.Count == p.Length - 1 ? basis : null;
    }

    /// <summary>The roots of the monic p (p₀ … p_m), exactly, or null.</summary>
    internal static List<Root>? Roots(Expr[] p, LinearPdeSystem? sys)
    {
        var roots = new List<Root>();
        var q = p.Select(c => Simplifier.Simplify(c)).ToList();
        int zeros = 0;
        while (q.Count > 1 && q[0].IsZero) { q.RemoveAt(0); zeros++; }
        if (zeros > 0) roots.Add(new Root(Expr.Zero, Expr.Zero, zeros));
        // rational roots of a polynomial with rational coefficients
        if (q.Count > 3 && q.All(c => c is Number))
        {
            foreach (var r in RationalCandidates(q.Select(c => ((Number)c).Value).ToList()))
            {
                int m = 0;
                while (q.Count > 1 && Simplifier.IsZero(Evaluate(q, r))) { q = Deflate(q, r); m++; }
                if (m > 0) roots.Add(new Root(r, Expr.Zero, m));
            }
        }
        int deg = q.Count - 1;
        if (deg == 0) return Merge(roots);
        if (deg == 1) { roots.Add(new Root(Simplifier.Simplify(-q[0] / q[1]), Expr.Zero, 1)); return Merge(roots); }
        if (deg == 2)
        {
            var two = Quadratic(q[2], q[1], q[0], sys);
            if (two is null) return null;
            roots.AddRange(two);
            return Merge(roots);
        }
        if (deg == 4 && q[1].IsZero && q[3].IsZero)
        {
            // biquadratic: μ = λ², each μ gives ±√μ
            var mus = Quadratic(q[4], q[2], q[0], sys);
            if (mus is null || mus.Any(m => !m.Im.IsZero)) return null;
            foreach (var mu in mus)
            {
                var value = mu.Re;
                if (value.IsZero) roots.Add(new Root(Expr.Zero, Expr.Zero, 2 * mu.Multiplicity));
                else if (Sign(value, sys) is int s && s < 0)
                    roots.Add(new Root(Expr.Zero, SignlessSqrt(Simplifier.Simplify(-value)), mu.Multiplicity));
                else if (Sign(value, sys) is int s2 && s2 > 0)
                {
                    var r = SignlessSqrt(value);
                    roots.Add(new Root(r, Expr.Zero, mu.Multiplicity));
                    roots.Add(new Root(Simplifier.Simplify(-r), Expr.Zero, mu.Multiplicity));
                }
                else return null;
            }
            return Merge(roots);
        }
        return null;
    }

    private static List<Root>? Quadratic(Expr a, Expr b, Expr c, LinearPdeSystem? sys)
    {
        var disc = Simplifier.Simplify(b * b - 4 * a * c);
        var alpha = Simplifier.Simplify(-b / (2 * a));
        if (disc.IsZero) return new() { new Root(alpha, Expr.Zero, 2) };
        var sign = Sign(disc, sys);
        if (sign is null) return null;
        var half = Simplifier.Simplify(SignlessSqrt(sign < 0 ? Simplifier.Simplify(-disc) : disc) / (2 * a));
        if (sign < 0) return new() { new Root(alpha, half, 1) };
        return new() { new Root(Simplifier.Simplify(alpha + half), Expr.Zero, 1), new Root(Simplifier.Simplify(alpha - half), Expr.Zero, 1) };
    }

    /// <summary>
    /// The sign of a nonzero expression when the assumptions decide it; one that is ≥ 0 (≤ 0) but may vanish, like ω², is
    /// taken nonzero and the assumption is recorded (the case where it vanishes is a separate case).
    /// </summary>
    private static int? Sign(Expr e, LinearPdeSystem? sys)
    {
        if (Assume.IsPositive(e)) return 1;
        if (Assume.IsPositive(Simplifier.Simplify(-e))) return -1;
        if (Assume.IsNonnegative(e)) { sys?.AssumeNonzero(e); return 1; }
        if (Assume.IsNonnegative(Simplifier.Simplify(-e))) { sys?.AssumeNonzero(e); return -1; }
        return null;
    }

    /// <summary>
    /// A square root of a nonnegative e up to sign (roots come as ±, and cos, sin of ±β span the same): even powers are
    /// halved, so √(4ω²) is 2ω, not 2|ω|.
    /// </summary>
    private static Expr SignlessSqrt(Expr e)
    {
        if (e is Product p && p.Coefficient.Sign > 0)
        {
            var inside = new List<Expr>();
            var outside = new List<Expr>();
            foreach (var (b, x) in p.Factors)
            {
                if (x is Number { Value: var k } && k.IsInteger && k.Num.IsEven) outside.Add(b.Pow(Number.Of(Rational.Of(k.Num / 2, 1))));
                else inside.Add(b.Pow(x));
            }
            return Simplifier.Simplify(Expr.Sqrt(Number.Of(p.Coefficient)) * Product.Of(outside) * Expr.Sqrt(Product.Of(inside)));
        }
        if (e is Power { Exponent: Number { Value: var n } } pw && n.IsInteger && n.Num.IsEven) return pw.Base.Pow(Number.Of(Rational.Of(n.Num / 2, 1)));
        return Simplifier.Simplify(Expr.Sqrt(e));
    }

    private static List<Root> Merge(List<Root> roots)
    {
        var merged = new List<Root>();
        foreach (var r in roots)
        {
            int i = merged.FindIndex(m => Simplifier.IsZero(m.Re - r.Re) && Simplifier.IsZero(m.Im - r.Im));
            if (i < 0) merged.Add(r);
            else merged[i] = merged[i] with { Multiplicity = merged[i].Multiplicity + r.Multiplicity };
        }
        return merged;
    }

    private static Expr Evaluate(List<Expr> q, Expr r)
    {
        Expr acc = Expr.Zero;
        for (int i = q.Count - 1; i >= 0; i--) acc = acc * r + q[i];
        return acc;
    }

    /// <summary>q / (λ − r) by synthetic division (r a root).</summary>
    private static List<Expr> Deflate(List<Expr> q, Expr r)
    {
        int n = q.Count - 1;
        var result = new Expr[n];
        Expr carry = Expr.Zero;
        for (int i = n; i >= 1; i--)
        {
            carry = Simplifier.Simplify(q[i] + carry * r);
            result[i - 1] = carry;
        }
        return result.ToList();
    }

    private static IEnumerable<Expr> RationalCandidates(List<Rational> q)
    {
        BigInteger lcm = BigInteger.One;
        foreach (var c in q) lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Den) * c.Den;
        var ints = q.Select(c => c.Num * (lcm / c.Den)).ToList();
        var a0 = BigInteger.Abs(ints[0]);
        var an = BigInteger.Abs(ints[^1]);
        if (a0.IsZero || a0 > 100_000 || an > 100_000) yield break;
        var seen = new HashSet<Rational>();
        foreach (var num in Divisors(a0))
            foreach (var den in Divisors(an))
                foreach (var s in new[] { 1, -1 })
                {
                    var r = Rational.Of(s * num, den);
                    if (seen.Add(r)) yield return Number.Of(r);
                }
    }

    private static IEnumerable<BigInteger> Divisors(BigInteger n)
    {
        for (BigInteger d = 1; d <= n; d++) if ((n % d).IsZero) yield return d;
    }
}
