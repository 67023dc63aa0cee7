using Symbolic.Core;

namespace Symbolic.Lie;

/// <summary>
/// The seam to an integrator: the symmetry solver asks it for ∫ f dv of the coefficients that appear when it
/// integrates an equation ∂^k f/∂v^k = R. Today <see cref="ElementaryAntiderivative"/> answers (polynomials,
/// 1/v, polynomial × e^{av}); when the kernel's integrator (Symbolic.Core/Integration) lands, an adapter to it
/// is passed as <see cref="SymmetryOptions.Integrator"/> (by default <see cref="KernelAntiderivative"/>). Every answer is checked by
/// differentiation before it is used.
/// </summary>
public interface IAntiderivative
{
    /// <summary>An antiderivative of <paramref name="integrand"/> in <paramref name="variable"/>, or null when none is known.</summary>
    Expr? Integrate(Expr integrand, Symbol variable);
}

/// <summary>
/// The small integrator the determining equations need: sums of c·vⁿ (n ≠ −1), c/v and c·vⁿ·e^{av+b} with
/// c, a, b free of v (n ≥ 0). Anything else is null (not integrated), never a guess.
/// </summary>
public sealed class ElementaryAntiderivative : IAntiderivative
{
    /// <summary>The shared instance.</summary>
    public static ElementaryAntiderivative Instance { get; } = new();

    /// <inheritdoc/>
    public Expr? Integrate(Expr integrand, Symbol v)
    {
        var result = Termwise(integrand, v) ?? LogarithmicDerivative(integrand, v);
        return result is not null && Simplifier.IsZero(Calculus.Diff(result, v) - integrand) ? result : null;
    }

    private static Expr? Termwise(Expr integrand, Symbol v)
    {
        var expanded = Algebra.Expand(integrand);
        var terms = expanded is Sum s ? s.Children : new[] { expanded };
        var parts = new List<Expr>();
        foreach (var term in terms)
        {
            var r = Term(term, v);
            if (r is null) return null;
            parts.Add(r);
        }
        return Sum.Of(parts);
    }

    /// <summary>N/D with N = k·∂D/∂v, k free of v: k log D (v/(c² − v²) = −½ (−2v)/(c² − v²)).</summary>
    private static Expr? LogarithmicDerivative(Expr integrand, Symbol v)
    {
        var num = Algebra.Numerator(integrand);
        var den = Algebra.Denominator(integrand);
        if (!den.Contains(v)) return null;
        var dd = Calculus.Diff(den, v);
        if (Simplifier.IsZero(dd)) return null;
        var k = Simplifier.Simplify(Algebra.Together(num / dd));
        if (k.Contains(v)) return null;
        // log(−D) has the same derivative: prefer the side whose constant term is positive (c² − v², not v² − c²)
        var atZero = Simplifier.Simplify(Substitution.Apply(den, v, Expr.Zero));
        if (atZero is Number { Value.Sign: < 0 } || atZero is Product { Coefficient.Sign: < 0 }) den = Algebra.Expand(-den);
        return k * Expr.Log(den);
    }

    private static Expr? Term(Expr term, Symbol v)
    {
        if (!term.Contains(v)) return term * v;
        var constant = new List<Expr>();
        int n = 0;
        Expr? exponent = null;
        foreach (var f in term is Product p ? p.Children : new[] { term })
        {
            if (!f.Contains(v)) { constant.Add(f); continue; }
            if (f.Equals(v)) { n += 1; continue; }
            if (f is Power { Base: Symbol b, Exponent: Number { Value.IsInteger: true } k } && b.Equals(v)) { n += (int)k.Value.Num; continue; }
            if (f is Power { Base: Symbol { Name: "e", IsConstant: true } } ex && exponent is null)
            {
                var a = Calculus.Diff(ex.Exponent, v);
                if (a.Contains(v) || Simplifier.IsZero(a)) return null;
                exponent = ex.Exponent;
                continue;
            }
            return null;
        }
        var c = Product.Of(constant);
        if (exponent is null)
            return n == -1 ? c * Expr.Log(v) : c * v.Pow(n + 1) / (n + 1);
        if (n < 0) return null;
        // ∫ vⁿ e^{av+b} dv = e^{av+b} Σ_{j=0}^{n} (−1)^j n!/(n−j)! vⁿ⁻ʲ / a^{j+1}
        var slope = Simplifier.Simplify(Calculus.Diff(exponent, v));
        var sum = new List<Expr>();
        Expr falling = 1;
        for (int j = 0; j <= n; j++)
        {
            sum.Add((j % 2 == 0 ? 1 : -1) * falling * v.Pow(n - j) / slope.Pow(j + 1));
            falling = falling * (n - j);
        }
        return c * Expr.Exp(exponent) * Sum.Of(sum);
    }
}

/// <summary>
/// The kernel's integrator (<see cref="Symbolic.Core.Integration.Integrator"/>) behind the seam: the small
/// <see cref="ElementaryAntiderivative"/> first (it answers the common shapes at once), then the full integrator
/// under a small budget. Only verified antiderivatives without root sums are used, so a generator's
/// coefficients stay explicit.
/// </summary>
public sealed class KernelAntiderivative : IAntiderivative
{
    /// <summary>The shared instance.</summary>
    public static KernelAntiderivative Instance { get; } = new();

    /// <inheritdoc/>
    public Expr? Integrate(Expr integrand, Symbol variable)
    {
        if (ElementaryAntiderivative.Instance.Integrate(integrand, variable) is { } quick) return quick;
        var r = Symbolic.Core.Integration.Integrator.Integrate(integrand, variable, new Budget(maxTerms: 200_000));
        if (r is not { Found: true, Verified: true, Antiderivative: { } a }) return null;
        // Operators include the unsplit RootSum of a rational integral: no closed form to offer.
        return a.Any(e => e is Call { Function.IsOperator: true }) ? null : a;
    }
}
