using System.Numerics;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core;

/// <summary>Expand, collect, together/cancel, numerator and denominator.</summary>
/// <example><code>
/// Algebra.Expand((x + 1).Pow(2));                  // x^2 + 2x + 1
/// Algebra.Collect(a*x + b*x + c, x);               // (a + b) x + c
/// Algebra.Together(1/x + 1/y);                     // (x + y)/(x y)
/// </code></example>
public static class Algebra
{
    /// <summary>
    /// Multiplies out products and positive integer powers of sums (also inside function arguments and
    /// denominators); negative powers of sums stay as they are. Runs on the sparse polynomial layer.
    /// </summary>
    public static Expr Expand(Expr e, Budget? budget = null)
    {
        if (e is Relation r) return Relation.Of(Expand(r.Left, budget), r.Op, Expand(r.Right, budget));
        var ctx = new RationalContext(useRelations: false, budget);
        var (p, den) = new Expander(ctx).Run(e);
        var expr = ctx.ToExpr(p);
        return den.IsOne ? expr : Product.Of(Number.Of(Rational.Of(1, den)), expr);
    }

    private sealed class Expander
    {
        private readonly RationalContext _ctx;
        private readonly Dictionary<Expr, (Poly, BigInteger)> _memo = new();
        public Expander(RationalContext ctx) => _ctx = ctx;

        private int N => Math.Max(1, _ctx.VariableCount);

        public (Poly P, BigInteger Den) Run(Expr e)
        {
            if (_memo.TryGetValue(e, out var known)) return known;
            var r = Compute(e);
            _ctx.Budget.Check(r.Item1.TermCount, "expand");
            _memo[e] = r;
            return r;
        }

        private (Poly, BigInteger) Kernel(Expr k)
        {
            int i = _ctx.VariableOf(k);
            return (Poly.Variable(Math.Max(N, i + 1), i), BigInteger.One);
        }

        private (Poly, BigInteger) Compute(Expr e)
        {
            switch (e)
            {
                case Number n: return (Poly.Constant(N, n.Value.Num), n.Value.Den);
                case Symbol or Derivative: return Kernel(e);
                case Call c: return Kernel(c.WithChildren(c.Args.Select(a => Expand(a, _ctx.Budget)).ToArray()));
                case Sum s:
                {
                    Poly acc = Poly.Zero(N); BigInteger den = BigInteger.One;
                    foreach (var term in s.Children)
                    {
                        var (p, d) = Run(term);
                        var l = den / BigInteger.GreatestCommonDivisor(den, d) * d;
                        acc = acc * (l / den) + p * (l / d);
                        den = l;
                    }
                    return (acc, den);
                }
                case Product pr:
                {
                    Poly acc = Poly.Constant(N, pr.Coefficient.Num); BigInteger den = pr.Coefficient.Den;
                    foreach (var f in pr.FactorExprs())
                    {
                        var (p, d) = Run(f);
                        acc = Poly.Multiply(acc, p, _ctx.Budget);
                        den *= d;
                    }
                    return (acc, den);
                }
                case Power pw when pw.Exponent is Number { Value: { IsInteger: true } q } && q.Sign > 0 && q.Num <= 100_000:
                {
                    var (p, d) = Run(pw.Base);
                    var n = (int)q.Num;
                    return (p.Pow(n, _ctx.Budget), BigInteger.Pow(d, n));
                }
                case Power pw when pw.Exponent is Number { Value: { IsInteger: true } q } && q.Sign < 0 && q.Num >= -100_000:
                {
                    // (expanded base)^{-1} is the kernel; the power is taken on the polynomial side.
                    var inner = Expand(pw.Base, _ctx.Budget);
                    var (p, _) = Kernel(Power.Of(inner, Expr.MinusOne));
                    return (p.Pow((int)-q.Num, _ctx.Budget), BigInteger.One);
                }
                case Power pw:
                    return Kernel(Power.Of(Expand(pw.Base, _ctx.Budget), pw.Exponent));
            }
            throw new SymbolicException($"cannot expand {e}");
        }
    }

    /// <summary>Over a common denominator, in lowest terms (no trigonometric or radical identities applied).</summary>
    public static Expr Together(Expr e, Budget? budget = null)
    {
        if (e is Relation r) return Relation.Of(Together(r.Left, budget), r.Op, Together(r.Right, budget));
        var ctx = new RationalContext(useRelations: false, budget);
        var f = ctx.ToRatFun(e);
        var num = ctx.ToExpr(f.Numerator);
        return f.Denominator.IsOne ? num : Product.Of(num, Power.Of(ctx.ToExpr(f.Denominator), Expr.MinusOne));
    }

    /// <summary>Cancels common factors of numerator and denominator; the same as <see cref="Together"/>.</summary>
    public static Expr Cancel(Expr e, Budget? budget = null) => Together(e, budget);

    /// <summary>The numerator after <see cref="Together"/>.</summary>
    public static Expr Numerator(Expr e, Budget? budget = null)
    {
        var ctx = new RationalContext(useRelations: false, budget);
        return ctx.ToExpr(ctx.ToRatFun(e).Numerator);
    }

    /// <summary>The denominator after <see cref="Together"/>.</summary>
    public static Expr Denominator(Expr e, Budget? budget = null)
    {
        var ctx = new RationalContext(useRelations: false, budget);
        return ctx.ToExpr(ctx.ToRatFun(e).Denominator);
    }

    /// <summary>
    /// Expands and groups the terms by powers of the given variables: Σ cₖ·mₖ with each coefficient cₖ kept
    /// together (a x + b x + c ↦ (a + b) x + c).
    /// </summary>
    public static Expr Collect(Expr e, params Expr[] variables)
    {
        if (e is Relation r) return Relation.Of(Collect(r.Left, variables), r.Op, Collect(r.Right, variables));
        var expanded = Expand(e);
        var groups = new SortedDictionary<Expr, List<Expr>>(ExprOrder.Instance);
        foreach (var term in expanded is Sum s ? s.Children : new[] { expanded })
        {
            var monomial = new List<Expr>();
            var rest = new List<Expr>();
            foreach (var f in term is Product p ? p.Children : new[] { term })
            {
                var b = f is Power pw ? pw.Base : f;
                (variables.Any(v => v.Equals(b)) ? monomial : rest).Add(f);
            }
            var key = Product.Of(monomial);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = new List<Expr>();
            list.Add(Product.Of(rest));
        }
        return Sum.Of(groups.Select(g => Product.Of(Sum.Of(g.Value), g.Key)));
    }

    /// <summary>The determinant of the leading n×n block of m by cofactors along the first row, not simplified.</summary>
    public static Expr Determinant(Expr[,] m, int n)
    {
        if (n == 1) return m[0, 0];
        if (n == 2) return m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0];
        var terms = new List<Expr>();
        for (int j = 0; j < n; j++)
        {
            if (m[0, j].IsZero) continue;
            var minor = new Expr[n - 1, n - 1];
            for (int r = 1; r < n; r++)
                for (int c = 0, cc = 0; c < n; c++)
                    if (c != j) minor[r - 1, cc++] = m[r, c];
            var term = m[0, j] * Determinant(minor, n - 1);
            terms.Add(j % 2 == 0 ? term : -term);
        }
        return Sum.Of(terms);
    }
}
