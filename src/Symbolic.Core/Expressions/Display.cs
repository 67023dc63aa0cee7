namespace Symbolic.Core;

/// <summary>How printers order what canonical form keeps sorted: terms of a sum as a person writes them.</summary>
public static class Display
{
    /// <summary>
    /// The terms cᵢ·tᵢ of a sum in descending degree (x² + 2x + 1, r θ̇² − μ/r²), ties in canonical order,
    /// the constant among the degree-0 terms last.
    /// </summary>
    public static IReadOnlyList<Expr> Terms(Sum s)
    {
        var terms = s.Terms.Select(t => (Expr: t.Coefficient.IsOne ? t.Term : Product.Of(Number.Of(t.Coefficient), t.Term), Degree: Degree(t.Term)))
            .ToList();
        // Stable sort: canonical order is kept among equal degrees.
        var ordered = terms.OrderByDescending(t => t.Degree).Select(t => t.Expr).ToList();
        if (!s.Constant.IsZero)
        {
            int at = ordered.Count;
            for (int i = 0; i < ordered.Count; i++) if (Degree(ordered[i]) < 0) { at = i; break; }
            ordered.Insert(at, Number.Of(s.Constant));
        }
        return ordered;
    }

    /// <summary>The total degree in the non-numeric factors: x²y has 3, μ/r² has −1, sin θ has 1.</summary>
    public static double Degree(Expr e) => e switch
    {
        Number => 0,
        Product p => p.Factors.Sum(f => Degree(f.Base) * (f.Exponent is Number n ? n.Value.ToDouble() : 1)),
        Power p => Degree(p.Base) * (p.Exponent is Number n ? n.Value.ToDouble() : 1),
        Sum s => s.Terms.Length == 0 ? 0 : s.Terms.Max(t => Degree(t.Term)),
        _ => 1,
    };
}
