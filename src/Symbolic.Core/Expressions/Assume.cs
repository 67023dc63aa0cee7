using System.Collections.Immutable;

namespace Symbolic.Core;

/// <summary>
/// Three-valued questions about signs answered from the symbols' assumptions, and optionally from a
/// list of expressions known to be strictly positive (sin θ &gt; 0 for 0 &lt; θ &lt; π): each method
/// returns true only when the property is certain.
/// </summary>
/// <example><code>Assume.IsPositive(Expr.Sin(theta).Pow(2), [Expr.Sin(theta)]) // true</code></example>
public static class Assume
{
    /// <summary>Certainly real.</summary>
    public static bool IsReal(Expr e) => IsReal(e, default);

    /// <summary>Certainly &gt; 0.</summary>
    public static bool IsPositive(Expr e) => IsPositive(e, default);

    /// <summary>Certainly ≥ 0.</summary>
    public static bool IsNonnegative(Expr e) => IsNonnegative(e, default);

    /// <summary>Certainly ≠ 0.</summary>
    public static bool IsNonzero(Expr e) => IsNonzero(e, default);

    /// <summary>Certainly real, given that each of <paramref name="positive"/> is &gt; 0.</summary>
    public static bool IsReal(Expr e, ImmutableArray<Expr> positive) => Known(e, positive) || e switch
    {
        Number => true,
        Symbol s => s.IsConstant || s.Has(Assumptions.Real),
        Sum s => s.Terms.All(t => IsReal(t.Term, positive)),
        Product p => p.Factors.All(f => IsReal(Power.Raw(f.Base, f.Exponent), positive)),
        Power p => IsReal(p.Base, positive) && (p.Exponent is Number { Value.IsInteger: true } || IsPositive(p.Base, positive) && IsReal(p.Exponent, positive))
                   || p.Base is Symbol { Name: "e", IsConstant: true } && IsReal(p.Exponent, positive),
        Call c when c.Function.IsUser => c.Function.Has(Assumptions.Real),
        Call { Function.Entry: { } f, Args: [var u] } => f.IsReal(u),
        Derivative d => d.Function.Function.Has(Assumptions.Real) && d.Variables.All(v => v.Variable.Has(Assumptions.Real)),
        _ => false,
    };

    /// <summary>Certainly &gt; 0, given that each of <paramref name="positive"/> is &gt; 0.</summary>
    public static bool IsPositive(Expr e, ImmutableArray<Expr> positive) => Known(e, positive) || e switch
    {
        Number n => n.Value.Sign > 0,
        Symbol s => s.IsConstant || s.Has(Assumptions.Positive),
        // nonnegative terms with positive coefficients, and a positive constant or one positive term: p² + m²c²
        Sum s => s.Constant.Sign >= 0 && s.Terms.All(t => t.Coefficient.Sign > 0 && IsNonnegative(t.Term, positive))
                 && (s.Constant.Sign > 0 || s.Terms.Any(t => IsPositive(t.Term, positive))),
        Product p => p.Coefficient.Sign > 0 && p.Factors.All(f => IsPositive(Power.Raw(f.Base, f.Exponent), positive)),
        // b^(2k) > 0 needs b real and b ≠ 0: for b = i, b² = −1.
        Power p => IsPositive(p.Base, positive) && IsReal(p.Exponent, positive)
                   || IsEvenInteger(p.Exponent) && IsReal(p.Base, positive) && IsNonzero(p.Base, positive),
        Call c when c.Function.IsUser => c.Function.Has(Assumptions.Positive),
        Call { Function.Entry: { } f, Args: [var u] } => f.IsPositive(u),
        _ => false,
    };

    /// <summary>Certainly ≥ 0, given that each of <paramref name="positive"/> is &gt; 0.</summary>
    public static bool IsNonnegative(Expr e, ImmutableArray<Expr> positive) => IsPositive(e, positive) || e switch
    {
        Number n => n.Value.Sign >= 0,
        Symbol s => s.Has(Assumptions.Nonnegative),
        // b^(2k) ≥ 0 for every real b.
        Power p => IsEvenInteger(p.Exponent) && IsReal(p.Base, positive)
                   || IsNonnegative(p.Base, positive) && IsReal(p.Exponent, positive),
        Product p => p.Coefficient.Sign > 0 && p.Factors.All(f => IsNonnegative(Power.Raw(f.Base, f.Exponent), positive)),
        Sum s => s.Constant.Sign >= 0 && s.Terms.All(t => t.Coefficient.Sign > 0 && IsNonnegative(t.Term, positive)),
        Call c when c.Function.IsUser => c.Function.Has(Assumptions.Nonnegative),
        Call { Function.Entry: { } f, Args: [var u] } => f.IsNonnegative(u),
        _ => false,
    };

    /// <summary>Certainly ≠ 0, given that each of <paramref name="positive"/> is &gt; 0.</summary>
    public static bool IsNonzero(Expr e, ImmutableArray<Expr> positive) => Known(e, positive) || e switch
    {
        Number n => !n.Value.IsZero,
        Symbol s => s.IsConstant || s.Has(Assumptions.Nonzero),
        Product p => p.Factors.All(f => IsNonzero(f.Base, positive)),
        Power p => IsNonzero(p.Base, positive),
        Call c when c.Function.IsUser => c.Function.Has(Assumptions.Nonzero),
        _ => IsPositive(e, positive),
    };

    private static bool Known(Expr e, ImmutableArray<Expr> positive) => !positive.IsDefaultOrEmpty && positive.Contains(e);

    private static bool IsEvenInteger(Expr k) => k is Number { Value.IsInteger: true } n && n.Value.Num.IsEven;
}
