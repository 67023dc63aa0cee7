using System.Numerics;
using Symbolic.Core.Integration;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core.Ode;

/// <summary>One root α + iβ of a characteristic polynomial (β ≥ 0; the pair α ± iβ when β ≠ 0) with its multiplicity.</summary>
/// <param name="Re">α.</param>
/// <param name="Im">β (zero for a real root).</param>
/// <param name="Multiplicity">How often the root (or the pair) occurs.</param>
public readonly record struct CharacteristicRoot(Expr Re, Expr Im, int Multiplicity);

/// <summary>
/// Exact roots of a characteristic polynomial p(λ) = p₀ + p₁λ + … + p_mλ^m and the real basis of the solutions of
/// p(D) y = 0 it gives: v^j e^{αv}, and v^j e^{αv} cos βv, v^j e^{αv} sin βv for a pair α ± iβ (real coefficients).
/// Roots are found exactly: rational coefficients are factored over Q completely (<see cref="Factorization"/>), and each
/// irreducible factor of degree 1 or 2, or biquadratic, is solved (a repeated factor gives its roots that multiplicity); an
/// irreducible factor of degree ≥ 3 otherwise is named in the refusal. Symbolic coefficients: linear, quadratic and
/// biquadratic polynomials, rational roots split off first; a symbolic discriminant whose sign the assumptions decide (−4ω² with ω real) gives the real form, and one
/// that may vanish is taken nonzero through <c>assumeNonzero</c>. Anything else gives null, never a guessed root.
/// The ODE solver and the Lie module's determining systems share it.
/// </summary>
/// <example><code>
/// // y‴ − y = 0: λ³ − 1 = (λ − 1)(λ² + λ + 1)
/// CharacteristicRoots.Basis(new Expr[] { -1, 0, 0, 1 }, x, null);   // eˣ, e^{−x/2} cos(√3x/2), e^{−x/2} sin(√3x/2)
/// </code></example>
public static class CharacteristicRoots
{
    private static readonly Symbol Lambda = Symbol.Of("r");

    /// <summary>
    /// The basis of the solutions of p(D) y = 0 in <paramref name="v"/>, each checked by substitution; null when p's
    /// roots are out of reach (the Euler equation substitutes v = log x afterwards).
    /// </summary>
    public static List<Expr>? Basis(IReadOnlyList<Expr> p, Symbol v, Action<Expr>? assumeNonzero) => Basis(p, v, assumeNonzero, out _);

    /// <summary>
    /// The basis of the solutions of p(D) y = 0 in <paramref name="v"/>, or null with the reason in <paramref name="why"/> when
    /// it is known (a factor of the characteristic polynomial whose roots are out of reach).
    /// </summary>
    public static List<Expr>? Basis(IReadOnlyList<Expr> p, Symbol v, Action<Expr>? assumeNonzero, out string? why)
    {
        var roots = Roots(p, assumeNonzero, out why);
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
            for (int i = 0; i < p.Count; i++)
            {
                acc += p[i] * d;
                d = Calculus.Diff(d, v);
            }
            if (!Simplifier.IsZero(acc)) return null;
        }
        return basis.Count == p.Count - 1 ? basis : null;
    }

    /// <summary>The roots of p (p₀ … p_m, p_m ≠ 0), exactly, or null.</summary>
    public static List<CharacteristicRoot>? Roots(IReadOnlyList<Expr> p, Action<Expr>? assumeNonzero) => Roots(p, assumeNonzero, out _);

    /// <summary>The roots of p (p₀ … p_m, p_m ≠ 0), exactly, or null with the reason in <paramref name="why"/> when it is known
    /// (an irreducible factor over Q of degree ≥ 3 that is not biquadratic).</summary>
    public static List<CharacteristicRoot>? Roots(IReadOnlyList<Expr> p, Action<Expr>? assumeNonzero, out string? why)
    {
        why = null;
        var q = p.Select(c => Simplifier.Simplify(c)).ToList();
        while (q.Count > 1 && q[^1].IsZero) q.RemoveAt(q.Count - 1);
        var roots = new List<CharacteristicRoot>();
        int zeros = 0;
        while (q.Count > 1 && q[0].IsZero) { q.RemoveAt(0); zeros++; }
        if (zeros > 0) roots.Add(new CharacteristicRoot(Expr.Zero, Expr.Zero, zeros));
        if (q.Count <= 1) return Merge(roots);
        if (q.All(c => c is Number))
        {
            // rational coefficients: the factorization over Q; each irreducible factor of degree 1 or 2, or a biquadratic,
            // is solved exactly, a repeated one ((λ² + 1)²) gives its roots that multiplicity
            var factorization = Factorization.OverRationals(q.Select(c => ((Number)c).Value).ToList());
            foreach (var (f, m, irreducible) in factorization.Factors)
            {
                var coefficients = f.Select(c => (Expr)Number.Of(c)).ToList();
                var found = irreducible ? RootsOf(coefficients, assumeNonzero, rationalRootsKnown: true) : null;
                if (found is null)
                {
                    var text = Simplifier.Simplify(Sum.Of(coefficients.Select((c, i) => c * Lambda.Pow(i))));
                    why = irreducible
                        ? $"the characteristic polynomial has the irreducible factor {text} of degree {f.Length - 1}, whose roots are not in the radicals handled here (rational, quadratic and biquadratic factors)"
                        : $"the characteristic polynomial was not completely factored: {factorization.Incomplete}";
                    return null;
                }
                roots.AddRange(found.Select(r => r with { Multiplicity = r.Multiplicity * m }));
            }
            return Merge(roots);
        }
        var rest = RootsOf(q, assumeNonzero);
        if (rest is null) return null;
        roots.AddRange(rest);
        return Merge(roots);
    }

    /// <summary>The distinct rational roots of a polynomial with rational coefficients c₀ … c_m (small ones: |c₀|, |c_m| ≤ 10⁵).</summary>
    public static List<Rational> RationalRoots(IReadOnlyList<Rational> c)
    {
        var q = c.Select(v => (Expr)Number.Of(v)).ToList();
        while (q.Count > 1 && q[^1].IsZero) q.RemoveAt(q.Count - 1);
        var roots = new List<Rational>();
        if (q.Count > 1 && q[0].IsZero) roots.Add(Rational.Zero);
        while (q.Count > 1 && q[0].IsZero) q.RemoveAt(0);
        if (q.Count < 2) return roots;
        foreach (var r in RationalCandidates(q.Select(v => ((Number)v).Value).ToList()))
            if (Simplifier.IsZero(Evaluate(q, r))) roots.Add(((Number)r).Value);
        return roots;
    }

    private static List<CharacteristicRoot>? RootsOf(List<Expr> q, Action<Expr>? assumeNonzero, bool rationalRootsKnown = false)
    {
        var roots = new List<CharacteristicRoot>();
        if (!rationalRootsKnown && q.Count > 3 && q.All(c => c is Number))
        {
            foreach (var r in RationalCandidates(q.Select(c => ((Number)c).Value).ToList()))
            {
                int m = 0;
                while (q.Count > 1 && Simplifier.IsZero(Evaluate(q, r))) { q = Deflate(q, r); m++; }
                if (m > 0) roots.Add(new CharacteristicRoot(r, Expr.Zero, m));
            }
        }
        int deg = q.Count - 1;
        if (deg == 0) return roots;
        if (deg == 1) { roots.Add(new CharacteristicRoot(Simplifier.Simplify(-q[0] / q[1]), Expr.Zero, 1)); return roots; }
        if (deg == 2)
        {
            var two = Quadratic(q[2], q[1], q[0], assumeNonzero);
            if (two is null) return null;
            roots.AddRange(two);
            return roots;
        }
        if (deg == 4 && q[1].IsZero && q[3].IsZero)
        {
            // biquadratic: μ = λ², each μ gives ±√μ
            var mus = Quadratic(q[4], q[2], q[0], assumeNonzero);
            if (mus is null || mus.Any(m => !m.Im.IsZero)) return null;
            foreach (var mu in mus)
            {
                var value = mu.Re;
                if (value.IsZero) roots.Add(new CharacteristicRoot(Expr.Zero, Expr.Zero, 2 * mu.Multiplicity));
                else if (Sign(value, assumeNonzero) is int s && s < 0)
                    roots.Add(new CharacteristicRoot(Expr.Zero, SignlessSqrt(Simplifier.Simplify(-value)), mu.Multiplicity));
                else if (Sign(value, assumeNonzero) is int s2 && s2 > 0)
                {
                    var r = SignlessSqrt(value);
                    roots.Add(new CharacteristicRoot(r, Expr.Zero, mu.Multiplicity));
                    roots.Add(new CharacteristicRoot(Simplifier.Simplify(-r), Expr.Zero, mu.Multiplicity));
                }
                else return null;
            }
            return roots;
        }
        return null;
    }

    private static List<CharacteristicRoot>? Quadratic(Expr a, Expr b, Expr c, Action<Expr>? assumeNonzero)
    {
        var disc = Simplifier.Simplify(b * b - 4 * a * c);
        var alpha = Simplifier.Simplify(-b / (2 * a));
        if (disc.IsZero) return new() { new CharacteristicRoot(alpha, Expr.Zero, 2) };
        var sign = Sign(disc, assumeNonzero);
        if (sign is null) return null;
        var half = Simplifier.Simplify(SignlessSqrt(sign < 0 ? Simplifier.Simplify(-disc) : disc) / (2 * a));
        if (sign < 0) return new() { new CharacteristicRoot(alpha, half, 1) };
        return new() { new CharacteristicRoot(Simplifier.Simplify(alpha + half), Expr.Zero, 1), new CharacteristicRoot(Simplifier.Simplify(alpha - half), Expr.Zero, 1) };
    }

    /// <summary>
    /// The sign of a nonzero expression when the assumptions decide it; one that is ≥ 0 (≤ 0) but may vanish, like ω², is
    /// taken nonzero and the assumption is passed to <paramref name="assumeNonzero"/> (the case where it vanishes is a
    /// separate case). Without a callback such an expression has no sign here.
    /// </summary>
    private static int? Sign(Expr e, Action<Expr>? assumeNonzero)
    {
        if (Assume.IsPositive(e)) return 1;
        if (Assume.IsPositive(Simplifier.Simplify(-e))) return -1;
        if (assumeNonzero is null) return null;
        if (Assume.IsNonnegative(e)) { assumeNonzero(e); return 1; }
        if (Assume.IsNonnegative(Simplifier.Simplify(-e))) { assumeNonzero(e); return -1; }
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

    private static List<CharacteristicRoot> Merge(List<CharacteristicRoot> roots)
    {
        var merged = new List<CharacteristicRoot>();
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
