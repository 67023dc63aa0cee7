using System.Collections.Immutable;
using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>
/// Sign facts that the symbols' own assumptions cannot carry, such as sin θ &gt; 0 for 0 &lt; θ &lt; π.
/// They are used where a change of coordinates takes √ or |·| (√(r² sin²θ) = r sin θ, |det J| = r² sin θ).
/// </summary>
/// <example><code>var facts = SignFacts.None.WithPositive(Expr.Sin(theta));</code></example>
public sealed class SignFacts
{
    /// <summary>No facts beyond the assumptions of symbols and functions.</summary>
    public static SignFacts None { get; } = new(ImmutableArray<Expr>.Empty);

    /// <summary>Expressions known to be strictly positive.</summary>
    public ImmutableArray<Expr> Positive { get; }

    private SignFacts(ImmutableArray<Expr> positive) => Positive = positive;

    /// <summary>These facts and <paramref name="expressions"/> &gt; 0.</summary>
    public SignFacts WithPositive(params Expr[] expressions) => new(Positive.AddRange(expressions));

    /// <summary>Certainly &gt; 0 (from the facts and the assumptions; see <see cref="Assume"/>).</summary>
    public bool IsPositive(Expr e) => Assume.IsPositive(e, Positive);

    /// <summary>Certainly ≥ 0 (from the facts and the assumptions).</summary>
    public bool IsNonnegative(Expr e) => Assume.IsNonnegative(e, Positive);

    /// <summary>
    /// Takes positive factors out of fractional powers and drops |·| around positive expressions:
    /// √(r² sin²θ) = r sin θ when r &gt; 0 and sin θ &gt; 0.
    /// </summary>
    public Expr Apply(Expr e) => e.Rewrite(x =>
    {
        switch (x)
        {
            case Call c when c.Function.Equals(Function.Abs) && IsPositive(c.Args[0]): return c.Args[0];
            case Call c when c.Function.Equals(Function.Abs) && IsPositive(-c.Args[0]): return -c.Args[0];
            case Power { Exponent: Number { Value.IsInteger: false } } p when p.Base is Sum radicand:
            {
                // √(1 − p²/(p² + m²c²)): bring the radicand to one fraction so that its factors can come out.
                var together = Simplifier.Simplify(radicand);
                if (together is Sum) return null;
                var root = Power.Of(together, p.Exponent);
                return root is Power { Base: Product } pp ? Split(pp) ?? root : root;
            }
            case Power { Exponent: Number { Value.IsInteger: false } } p when p.Base is Product:
                return Split(p);
            case Power { Exponent: Number { Value.IsInteger: false } } p when p.Base is Power inner && IsPositive(inner.Base):
                return PositiveRoot(inner.Base, inner.Exponent, p.Exponent);
            default: return null;
        }
    });

    private Expr? Split(Power p)
    {
        var prod = (Product)p.Base;
        var outside = new List<Expr>();
        var inside = new List<Expr>();
        if (prod.Coefficient.Sign > 0) outside.Add(Number.Of(prod.Coefficient).Pow(p.Exponent));
        else inside.Add(Number.Of(prod.Coefficient));
        foreach (var (b, k) in prod.Factors)
        {
            if (IsPositive(b)) outside.Add(PositiveRoot(b, k, p.Exponent));
            else inside.Add(b.Pow(k));
        }
        if (outside.Count <= (prod.Coefficient.Sign > 0 ? 1 : 0)) return null;
        var rest = Product.Of(inside);
        outside.Add(rest.IsOne ? Expr.One : rest.Pow(p.Exponent));
        return Product.Of(outside);
    }

    private static Expr PositiveRoot(Expr b, Expr k, Expr e)
    {
        // b is positive here, so (b^k)^e = b^{ke}; build it without Power.Of's own (assumption-only) test.
        var exponent = k * e;
        return exponent.IsOne ? b : b.Pow(exponent);
    }
}
