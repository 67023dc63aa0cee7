namespace Symbolic.Core;

/// <summary>
/// Three-valued questions about signs answered from the symbols' assumptions: each method returns
/// true only when the property is certain.
/// </summary>
public static class Assume
{
    /// <summary>Certainly real.</summary>
    public static bool IsReal(Expr e) => e switch
    {
        Number => true,
        Symbol s => s.IsConstant || s.Has(Assumptions.Real),
        Sum s => s.Terms.All(t => IsReal(t.Term)),
        Product p => p.Factors.All(f => IsReal(Power.Raw(f.Base, f.Exponent))) ,
        Power p => IsReal(p.Base) && (p.Exponent is Number { Value.IsInteger: true } || IsPositive(p.Base) && IsReal(p.Exponent))
                   || p.Base is Symbol { Name: "e", IsConstant: true } && IsReal(p.Exponent),
        Call c when c.Function.IsUser => c.Function.Has(Assumptions.Real),
        Call { Function.Entry: { } f, Args: [var u] } => f.IsReal(u),
        Derivative d => d.Function.Function.Has(Assumptions.Real) && d.Variables.All(v => v.Variable.Has(Assumptions.Real)),
        _ => false,
    };

    /// <summary>Certainly &gt; 0.</summary>
    public static bool IsPositive(Expr e) => e switch
    {
        Number n => n.Value.Sign > 0,
        Symbol s => s.IsConstant || s.Has(Assumptions.Positive),
        // nonnegative terms with positive coefficients, and a positive constant or one positive term: p² + m²c²
        Sum s => s.Constant.Sign >= 0 && s.Terms.All(t => t.Coefficient.Sign > 0 && IsNonnegative(t.Term))
                 && (s.Constant.Sign > 0 || s.Terms.Any(t => IsPositive(t.Term))),
        Product p => p.Coefficient.Sign > 0 && p.Factors.All(f => IsPositive(Power.Raw(f.Base, f.Exponent))),
        Power p => IsPositive(p.Base) && IsReal(p.Exponent)
                   || p.Exponent is Number { Value.IsInteger: true } n && n.Value.Num.IsEven && IsReal(p.Base) && IsNonzero(p.Base),
        Call c when c.Function.IsUser => c.Function.Has(Assumptions.Positive),
        Call { Function.Entry: { } f, Args: [var u] } => f.IsPositive(u),
        _ => false,
    };

    /// <summary>Certainly ≥ 0.</summary>
    public static bool IsNonnegative(Expr e) => IsPositive(e) || e switch
    {
        Number n => n.Value.Sign >= 0,
        Symbol s => s.Has(Assumptions.Nonnegative),
        Power p => p.Exponent is Number { Value.IsInteger: true } n && n.Value.Num.IsEven && IsReal(p.Base)
                   || IsNonnegative(p.Base) && IsReal(p.Exponent),
        Product p => p.Coefficient.Sign > 0 && p.Factors.All(f => IsNonnegative(Power.Raw(f.Base, f.Exponent))),
        Sum s => s.Constant.Sign >= 0 && s.Terms.All(t => t.Coefficient.Sign > 0 && IsNonnegative(t.Term)),
        Call c when c.Function.IsUser => c.Function.Has(Assumptions.Nonnegative),
        Call { Function.Entry: { } f, Args: [var u] } => f.IsNonnegative(u),
        _ => false,
    };

    /// <summary>Certainly ≠ 0.</summary>
    public static bool IsNonzero(Expr e) => e switch
    {
        Number n => !n.Value.IsZero,
        Symbol s => s.IsConstant || s.Has(Assumptions.Nonzero),
        Product p => p.Factors.All(f => IsNonzero(f.Base)),
        Power p => IsNonzero(p.Base),
        Call c when c.Function.IsUser => c.Function.Has(Assumptions.Nonzero),
        _ => IsPositive(e),
    };
}
