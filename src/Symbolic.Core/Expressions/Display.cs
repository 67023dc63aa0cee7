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
        // Among equal degrees, graded-lex as a person writes it (a³ + 3a²b + 3ab² + b³); the sort is stable,
        // so canonical order decides what remains.
        var lex = new LexComparer(terms.Select(t => t.Expr));
        var ordered = terms.OrderByDescending(t => t.Degree).ThenBy(t => t.Expr, lex).Select(t => t.Expr).ToList();
        if (!s.Constant.IsZero)
        {
            int at = ordered.Count;
            for (int i = 0; i < ordered.Count; i++) if (Degree(ordered[i]) < 0) { at = i; break; }
            // 1 − e^{−2Λ}, 1 − 2m/r: a positive constant leads a sum that would otherwise open with a minus sign.
            if (s.Constant.Sign > 0 && at > 0 && HasMinusSign(ordered[0])) at = 0;
            ordered.Insert(at, Number.Of(s.Constant));
        }
        return ordered;
    }

    /// <summary>
    /// The terms of <see cref="Terms"/>, each with its leading minus sign split off (−3x → (true, 3x)), as every printer
    /// writes a sum: the first sign as a prefix, the others as " − " or " + ".
    /// </summary>
    public static IEnumerable<(bool Negative, Expr Abs)> SignedTerms(Sum s) => Terms(s).Select(SplitSign);

    /// <summary>
    /// True when the expression is written with a leading minus sign: a negative number or a product with a negative
    /// coefficient (−3x, −y/2). Parity normalises f(−x) by it; the printers put x^{−2} in a denominator by it.
    /// </summary>
    public static bool HasMinusSign(Expr e) => e is Number n ? n.Value.Sign < 0 : e is Product p && p.Coefficient.Sign < 0;

    /// <summary>Splits off a leading minus sign: −3x → (true, 3x), −2 → (true, 2), x → (false, x).</summary>
    public static (bool Negative, Expr Abs) SplitSign(Expr e) => e switch
    {
        Number n when n.Value.Sign < 0 => (true, Number.Of(-n.Value)),
        Product p when p.Coefficient.Sign < 0 => (true, Product.Of(p.FactorExprs().Prepend(Number.Of(-p.Coefficient)))),
        _ => (false, e),
    };

    private sealed class LexComparer : IComparer<Expr>
    {
        // The main variable first: the one with the highest power in the sum (r in r² − 2mr), then canonical order.
        private readonly Dictionary<Expr, int> _rank = new();

        public LexComparer(IEnumerable<Expr> terms)
        {
            var maxPower = new Dictionary<Expr, double>();
            foreach (var t in terms)
                if (Exponents(t) is { } e)
                    foreach (var (v, k) in e) maxPower[v] = Math.Max(maxPower.GetValueOrDefault(v), k);
            int i = 0;
            foreach (var v in maxPower.Keys.OrderByDescending(v => maxPower[v]).ThenBy(v => v, ExprOrder.Instance)) _rank[v] = i++;
        }

        public int Compare(Expr? a, Expr? b)
        {
            var ea = Exponents(a!);
            var eb = Exponents(b!);
            // Only plain monomials in symbols with positive powers are ordered this way; anything else keeps canonical order.
            if (ea is null || eb is null) return 0;
            foreach (var v in ea.Keys.Union(eb.Keys).OrderBy(k => _rank.GetValueOrDefault(k, int.MaxValue)).ThenBy(k => k, ExprOrder.Instance))
            {
                int c = eb.GetValueOrDefault(v).CompareTo(ea.GetValueOrDefault(v));   // higher power of the first variable first
                if (c != 0) return c;
            }
            return 0;
        }

        private static Dictionary<Expr, double>? Exponents(Expr e)
        {
            var d = new Dictionary<Expr, double>();
            IEnumerable<(Expr Base, Expr Exponent)> factors = e switch
            {
                Product p => p.Factors,
                Power p => new[] { (p.Base, p.Exponent) },
                Number => Array.Empty<(Expr, Expr)>(),
                _ => new[] { (e, (Expr)Expr.One) },
            };
            foreach (var (b, x) in factors)
            {
                if (b is not Symbol || x is not Number { Value: { IsInteger: true, Sign: > 0 } n }) return null;
                d[b] = n.ToDouble();
            }
            return d;
        }
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
