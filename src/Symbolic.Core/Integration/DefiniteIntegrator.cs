using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Integration;

/// <summary>The outcome of a definite integration.</summary>
/// <param name="Value">The value, or null when it was refused or not found.</param>
/// <param name="Steps">The derivation: the antiderivative, the checks, the evaluation at the limits.</param>
/// <param name="Reason">Why there is no value (a pole in the interval, divergence, no antiderivative).</param>
public sealed record DefiniteResult(Expr? Value, Derivation Steps, string? Reason);

/// <summary>
/// Definite integrals by the antiderivative: F(b) − F(a) when the integrand has no pole on [a, b] (decided
/// exactly by Sturm sequences for rational integrands) and the antiderivative is continuous there; infinite
/// limits by the limit of F (rational, logarithmic, arctangent and exponentially decaying terms).
/// Anything else is refused with the reason.
/// </summary>
/// <example><code>
/// DefiniteIntegrator.Integrate(1 / (1 + x.Pow(2)), x, 0, 1).Value;   // π/4
/// </code></example>
public static partial class DefiniteIntegrator
{
    private static readonly Symbol Infinity = Symbol.Of("infinity", Assumptions.Real);

    /// <summary>∫_a^b f dx; a and b may be ±∞ (the symbol "infinity", as \infty is read).</summary>
    public static DefiniteResult Integrate(Expr f, Symbol x, Expr a, Expr b, Budget? budget = null)
    {
        budget ??= new Budget(maxTerms: 2_000_000);
        var steps = new Derivation();
        if (a.Contains(x) || b.Contains(x)) return new(null, steps, $"a limit of integration depends on the variable {x}");
        if (IsInfinite(a, out var sa) && IsInfinite(b, out var sb) && sa == sb) return new(Expr.Zero, steps, null);
        if (IsInfinite(a, out var sa2) && sa2 > 0 || IsInfinite(b, out var sb2) && sb2 < 0)
        {
            var swapped = Integrate(f, x, b, a, budget);
            return swapped.Value is null ? swapped : new(-swapped.Value, swapped.Steps, null);
        }
        if (IsInfinite(a, out _))
        {
            // ∫_{−∞}^{b} f(x) dx = ∫_{−b}^{∞} f(−x) dx
            var mirrored = Substitution.Apply(f, x, -x);
            return IsInfinite(b, out _) ? Split(mirrored, x, budget) : Integrate(mirrored, x, Simplifier.Simplify(-b), Infinity, budget);
        }
        var anti = Integrator.Integrate(f, x, budget);
        steps.Append(anti.Steps);
        if (!anti.Found) return new(null, steps, anti.NotFoundReason);
        var F = anti.Antiderivative!;
        if (F.Any(e => e is Call rs && rs.Applies(Function.RootSum)))
            return new(null, steps, "the antiderivative keeps a sum over roots; its values at the limits are not computed");
        bool upperInfinite = IsInfinite(b, out _);
        var lo = Numeric(a);
        var hi = upperInfinite ? double.PositiveInfinity : Numeric(b);
        if (lo is null || hi is null) return new(null, steps, "the limits must be numbers (or ±∞) to check the interval for poles");
        if (hi < lo)
        {
            var swapped = Integrate(f, x, b, a, budget);
            return swapped.Value is null ? swapped : new(-swapped.Value, swapped.Steps, null);
        }
        var pole = ParameterSingularity(f, F, x, a, b, lo.Value, hi.Value) ?? PoleIn(f, x, lo.Value, hi.Value, budget, F);
        if (pole is not null) return new(null, steps, pole);
        // F must be continuous on [a, b], not just the integrand: tan half-angle forms atan(sin x/(1 + cos x)) jump
        // where 1 + cos x only touches zero. Jumps of arctangent terms are corrected exactly, anything else refuses.
        var continuity = Continuity(F, x, a, b, lo.Value, upperInfinite ? lo.Value + 50 : hi.Value, upperInfinite);
        if (continuity.Reason is not null) return new(null, steps, continuity.Reason);
        Expr atB;
        if (upperInfinite)
        {
            var lim = LimitAtInfinity(F, x);
            if (lim is null) return new(null, steps, "the integral diverges or the limit of the antiderivative at ∞ was not found");
            atB = lim;
        }
        else atB = continuity.AtB!;
        var atA = continuity.AtA!;
        var value = Simplifier.Simplify(SpecialValues(atB - atA - continuity.Jumps));
        if (!upperInfinite && QuadratureDisagrees(f, x, lo.Value, hi.Value, value) is { } disagreement) return new(null, steps, disagreement);
        steps.Record("evaluate-limits", Call.Of(Function.Limits, Call.Of(Function.Integral, f, x), a, b), value,
            Simplifier.IsZero(continuity.Jumps) ? "F(b) − F(a), F continuous on the interval" : $"F(b) − F(a) minus the jumps of F inside the interval ({continuity.Jumps})");
        return new(value, steps, null);
    }

    /// <summary>arctan, arcsin and arccos at the points where their values are rational multiples of π (the function table's own exact values).</summary>
    private static Expr SpecialValues(Expr e) => e.Rewrite(node =>
        node is Call { Args: [var a] } c && c.Applies(Function.Atan, Function.Asin, Function.Acos) ? SpecialAngles.Inverse(c.Function, Simplifier.Simplify(a)) : null);

    private static DefiniteResult Split(Expr f, Symbol x, Budget budget)
    {
        var left = Integrate(f, x, Expr.Zero, Infinity, budget);
        if (left.Value is null) return left;
        var right = Integrate(Substitution.Apply(f, x, -x), x, Expr.Zero, Infinity, budget);
        if (right.Value is null) return right;
        return new(Simplifier.Simplify(left.Value + right.Value), left.Steps, null);
    }

    private static bool IsInfinite(Expr e, out int sign)
    {
        sign = 0;
        if (e is Symbol { Name: "infinity" }) { sign = 1; return true; }
        if (e is Product { Coefficient.Sign: < 0, Factors: [(Symbol { Name: "infinity" }, var k)] } && k.IsOne) { sign = -1; return true; }
        return false;
    }

    private static double? Numeric(Expr e)
    {
        if (e.FreeSymbols().Count > 0) return null;
        try
        {
            var v = NumericProbe.Evaluate(e);
            return Math.Abs(v.Imaginary) < 1e-12 && double.IsFinite(v.Real) ? v.Real : null;
        }
        catch (SymbolicException) { return null; }
    }

    /// <summary>A reason when f may be singular (or leave its real branch) on [lo, hi]; null when it is not.</summary>
    private static string? PoleIn(Expr f, Symbol x, double lo, double hi, Budget budget, Expr F)
    {
        if (RationalIntegration.TryRead(f, x, out _, out var den))
        {
            var rlo = Rational.Of(new BigInteger(Math.Floor(lo * 1e6)) - 1, 1_000_000);
            var rhi = double.IsInfinity(hi) ? CauchyBound(den) : Rational.Of(new BigInteger(Math.Ceiling(hi * 1e6)) + 1, 1_000_000);
            if (den.Degree > 0 && Sturm.CountRoots(den, rlo, rhi) > 0)
                return "the integrand has a pole in the interval of integration; the integral is divergent or improper";
            if (double.IsInfinity(hi))
            {
                TryReadDegree(f, x, out var dn, out var dd);
                if (dn > dd - 2)   // the integrand alone: a degree difference ≥ 2 converges (F = −1/x is not an integrand)
                    return "the integral diverges at ∞ (the integrand decays no faster than 1/x)";
            }
            return null;
        }
        // Other integrands: every denominator, logarithm argument, tan/sec/cot/csc argument and radicand is searched
        // for zeros on the interval, touching (double) zeros included; a zero of a radicand is allowed at a limit only.
        bool infinite = double.IsInfinity(hi);
        if (infinite) hi = lo + 50;
        foreach (var w in Watch(f, x))
        {
            if (w.G.FreeSymbols().Any(s => !s.Equals(x))) continue;   // ParameterSingularity decides these
            var zeros = Zeros(w.G, x, lo, hi, out var notReal);
            if (notReal) return $"{w.G} is not real on the interval";
            foreach (var c in zeros)
            {
                bool atLimit = IsAt(c, lo, lo, hi) || !infinite && IsAt(c, hi, lo, hi);
                // a singular integrand at a limit is an improper integral that converges to F(b) − F(a) when F stays
                // finite there (1/√x on [0, 1]: F = 2√x); F with a singular place there (log x, 1/x) refuses
                if (atLimit && w.Strict && !Watch(F, x).Any(v => v.Strict && Ev(v.G, x, c).Magnitude is var m && (!double.IsFinite(m) || m < 1e-9)))
                    continue;
                if (w.Strict || !atLimit)
                    return $"{w.G} vanishes at x ≈ {c:G6} in the interval of integration, where the integrand is singular; the integral is divergent or improper";
            }
        }
        return null;
    }

    private static void TryReadDegree(Expr f, Symbol x, out int dn, out int dd)
    {
        RationalIntegration.TryRead(f, x, out var n, out var d);
        dn = n.Degree; dd = d.Degree;
    }

    private static Rational CauchyBound(UPoly p)
    {
        var lc = p.Lc.A;
        Rational m = Rational.Zero;
        for (int i = 0; i < p.Degree; i++) { var r = (p[i].A / lc).Abs(); if (r > m) m = r; }
        return m + 1;
    }

    /// <summary>lim_{x→∞} F for sums of rational terms, c·log(P), c·atan(P) and terms with a decaying exponential; null otherwise.</summary>
    internal static Expr? LimitAtInfinity(Expr F, Symbol x)
    {
        var terms = F is Sum s ? s.Terms.Select(t => Number.Of(t.Coefficient) * t.Term).Prepend(Number.Of(s.Constant)).ToList() : new List<Expr> { F };
        var result = new List<Expr>();
        Expr logDegree = Expr.Zero;
        foreach (var t in terms)
        {
            if (!t.Contains(x)) { result.Add(t); continue; }
            var (c, core) = t is Product p ? (Product.Of(p.FactorExprs().Where(q => !q.Contains(x)).Prepend(Number.Of(p.Coefficient))), Product.Of(p.FactorExprs().Where(q => q.Contains(x)))) : (Expr.One, t);
            if (core is Call { Args: [var arg] } lc && lc.Applies(Function.Log) && RationalIntegration.TryRead(arg, x, out var ln, out var ld) && ld.Degree == 0)
            {
                logDegree += c * ln.Degree;
                result.Add(c * Expr.Log((ln.Lc / ld.Lc).ToExpr()));
                continue;
            }
            if (core is Call { Args: [var targ] } ac && ac.Applies(Function.Atan) && RationalIntegration.TryRead(targ, x, out var an, out var ad))
            {
                if (an.Degree > ad.Degree) result.Add(c * Number.Of((an.Lc / ad.Lc).ToComplex().Re > 0 ? 1 : -1) * Expr.Pi / 2);
                else if (an.Degree == ad.Degree) result.Add(c * Call.Of(Function.Atan, (an.Lc / ad.Lc).ToExpr()));
                continue;
            }
            if (RationalIntegration.TryRead(core, x, out var rn, out var rd))
            {
                if (rn.Degree > rd.Degree) return null;
                if (rn.Degree == rd.Degree) result.Add(c * (rn.Lc / rd.Lc).ToExpr());
                continue;
            }
            // c·x^q with a rational q: → 0 for q < 0 (F = −2x^{−1/2} of ∫ x^{−3/2}); no finite limit for q > 0
            if (core is Power { Base: var pb, Exponent: Number { Value: var q } } && pb.Equals(x))
            {
                if (q.Sign < 0) continue;
                return null;
            }
            // rational × e^{g} with g → −∞ (g a polynomial with negative leading coefficient)
            var exps = core is Product cp ? cp.FactorExprs().Where(q => q is Power { Base: Symbol { Name: "e", IsConstant: true } }).ToList()
                : core is Power { Base: Symbol { Name: "e", IsConstant: true } } ? new List<Expr> { core } : new();
            if (exps.Count == 1 && exps[0] is Power pe && RationalIntegration.TryRead(pe.Exponent, x, out var gn, out var gd) && gd.Degree == 0 && gn.Degree >= 1
                && (gn.Lc / gd.Lc).ToComplex().Re < 0 && RationalIntegration.TryRead(Simplifier.Simplify(core / pe), x, out _, out _))
                continue;   // → 0
            return null;
        }
        if (!Simplifier.IsZero(logDegree)) return null;
        return Simplifier.Simplify(Sum.Of(result));
    }
}

/// <summary>Sturm sequences: the exact number of distinct real roots of a rational polynomial in an interval.</summary>
internal static class Sturm
{
    /// <summary>The number of distinct real roots in [lo, hi].</summary>
    public static int CountRoots(UPoly p, Rational lo, Rational hi)
    {
        var sf = p.DivExact(UPoly.Gcd(p, p.Derivative()));
        var seq = new List<UPoly> { sf, sf.Derivative() };
        while (!seq[^1].IsZero && seq[^1].Degree > 0) seq.Add(-(seq[^2] % seq[^1]));
        seq.RemoveAll(q => q.IsZero);
        int Changes(Rational v)
        {
            int changes = 0, last = 0;
            foreach (var q in seq)
            {
                var s = q.Evaluate(new QS(v)).A.Sign;
                if (s == 0) continue;
                if (last != 0 && s != last) changes++;
                last = s;
            }
            return changes;
        }
        int atLo = sf.Evaluate(new QS(lo)).IsZero ? 1 : 0;
        return Changes(lo) - Changes(hi) + atLo;
    }
}
