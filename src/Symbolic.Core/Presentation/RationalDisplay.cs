using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core;

/// <summary>
/// How a rational normal form is written back as an expression: the presentation's choices, apart from the normal
/// form itself (<see cref="RationalContext"/>), whose equality never depends on them. One coupling remains: a
/// kernel's argument (the angle of sin u, the radicand of √P) is normalised through <see cref="RationalContext.ToExpr(RatFun)"/>,
/// so kernels are named in their shown form; naming them by <see cref="RationalContext.PlainExpr"/> instead would
/// change which kernels are recognised as one. A denominator leads
/// with a positive term (m/(r² − 2mr), not −m/(−r² + 2mr)); a denominator of several terms is factored (content,
/// monomial, square-free powers: (r² + a²cos²θ)⁶, r(r − 2m)), and then the numerator too; √P over P^k is written
/// P^{1/2−k}; a monomial denominator is distributed over the numerator's terms; cos^{2k}u is written (1 − sin²u)^k
/// where that has fewer terms. Each choice keeps the value: the expression is the same polynomial quotient.
/// </summary>
public static class RationalDisplay
{
    /// <summary>The expression of a normal form as shown: numerator over denominator, each a sum of monomials in the kernels.</summary>
    public static Expr Show(RationalContext context, RatFun f)
    {
        var numerator = f.Numerator;
        var denominator = f.Denominator;
        if (denominator.IsOne) return context.ToExpr(numerator);
        // √P in the numerator over a power of P in the denominator reads as P^{1/2−k}:
        // −μx√(x²+y²)/(x²+y²)² is written −μx/(x²+y²)^{3/2}, as articles write it.
        var powers = new List<Expr>();
        foreach (var w in context.PlainRootsIn(numerator))
        {
            var square = context.Squares[w];
            if (RationalContext.DegreeIn(numerator, w) != 1 || RationalContext.DegreeIn(denominator, w) != 0) continue;
            var c = numerator.CoefficientsIn(w);
            if (!c[0].IsZero || square.IsConstant) continue;
            int k = 0;
            var den = denominator;
            while (den.TryDivideExact(square, out var q)) { den = q; k++; }
            if (k == 0) continue;
            numerator = c[1];
            denominator = den;
            powers.Add(Power.Of(context.ToExpr(square), Number.Of(Rational.Of(1 - 2 * k, 2))));
        }
        // A denominator is shown with its leading term positive: m/(r² − 2mr), not −m/(−r² + 2mr).
        // A denominator of several terms is shown factored (content, monomial, square-free powers), as a person
        // writes it: (r² + a²cos²θ)⁶, r(r − 2m); the numerator then too, 48m²(r⁶ − …).
        bool factor = denominator.TermCount > 1;
        var denExpr = factor ? Factored(context, denominator) : context.ToExpr(denominator);
        var numExpr = factor ? Factored(context, numerator) : context.ToExpr(numerator);
        if (denExpr is Sum ds && Display.Terms(ds)[0] is Number { Value.Sign: < 0 } or Product { Coefficient.Sign: < 0 })
        {
            denExpr = -denExpr;
            numExpr = -numExpr;
        }
        if (powers.Count > 0) numExpr = Product.Of(powers.Prepend(numExpr));
        if (denExpr.IsOne) return numExpr;
        var inverse = Power.Of(denExpr, Expr.MinusOne);
        // A monomial denominator is distributed, as articles write r θ̇² − μ/r² rather than (r³θ̇² − μ)/r².
        if (denominator.TermCount == 1 && numExpr is Sum s) return Sum.Of(s.Children.Select(t => Product.Of(t, inverse)));
        return Product.Of(numExpr, inverse);
    }

    /// <summary>
    /// A polynomial as integer content × common monomial × square-free factors with their multiplicities
    /// (Yun's algorithm in the variable of highest degree). Display only: the value is the same polynomial.
    /// </summary>
    public static Expr Factored(RationalContext context, Poly p)
    {
        if (p.TermCount < 2) return context.ToExpr(p);
        try
        {
            int n = p.VariableCount;
            var terms = p.Terms.ToList();
            var min = new int[n];
            for (int v = 0; v < n; v++) min[v] = terms.Min(t => t.Exponents[v]);
            var content = p.Content();
            var rest = Poly.FromTerms(n, terms.Select(t => (t.Exponents.Select((e, v) => e - min[v]).ToArray(), t.Coefficient / content)));
            var factors = new List<Expr> { Number.Of(Rational.Of(content)), context.ToExpr(Poly.FromTerms(n, new[] { (min, System.Numerics.BigInteger.One) })) };
            int x = Enumerable.Range(0, n).OrderByDescending(rest.Degree).First();
            var found = SquareFree(rest, x, context.Budget);
            var product = Poly.One(n);
            foreach (var (f, k) in found)
            {
                factors.Add(Power.Of(context.ToExpr(f), Number.Of(k)));
                product = Poly.Multiply(product, f.Pow(k, context.Budget), context.Budget);
            }
            var cofactor = rest.DivideExact(product, context.Budget);   // content in the other variables, which Yun's algorithm does not see
            if (!cofactor.IsOne) factors.Add(context.ToExpr(cofactor));
            return Product.Of(factors);
        }
        catch (ArithmeticException)
        {
            return context.ToExpr(p);
        }
    }

    private static List<(Poly Factor, int Multiplicity)> SquareFree(Poly f, int x, Budget budget)
    {
        var result = new List<(Poly, int)>();
        var fp = f.Derivative(x);
        if (fp.IsZero) return new() { (f, 1) };
        var a = PolyGcd.Gcd(f, fp, budget);
        if (a.IsConstant) return new() { (f, 1) };
        var b = f.DivideExact(a, budget);
        var c = fp.DivideExact(a, budget);
        var d = c - b.Derivative(x);
        for (int i = 1; !b.IsConstant && i < 64; i++)
        {
            var ai = PolyGcd.Gcd(b, d, budget);
            b = b.DivideExact(ai, budget);
            c = d.DivideExact(ai, budget);
            d = c - b.Derivative(x);
            if (!ai.IsConstant) result.Add((ai, i));
        }
        return result;
    }

    /// <summary>
    /// Where writing cos^{2k} u as (1 − sin² u)^k gives fewer terms (1 − cos²θ → sin²θ), the polynomial so written,
    /// as the articles write it.
    /// </summary>
    public static Poly PreferSines(RationalContext context, Poly p)
    {
        if (!context.UseRelations || p.TermCount < 2) return p;
        foreach (var (c, s) in context.SquaredCosinesIn(p))
        {
            if (RationalContext.DegreeIn(p, c) < 2 || p.DependsOn(s)) continue;
            var n = Math.Max(p.VariableCount, s + 1);
            var coeffs = p.WithVariableCount(n).CoefficientsIn(c);
            var oneMinusS2 = Poly.One(n) - Poly.Variable(n, s, 2);
            Poly rewritten = Poly.Zero(n), power = Poly.One(n);
            var cv = Poly.Variable(n, c);
            for (int i = 0; i < coeffs.Length; i += 2)
            {
                if (!coeffs[i].IsZero) rewritten += coeffs[i] * power;
                if (i + 1 < coeffs.Length && !coeffs[i + 1].IsZero) rewritten += coeffs[i + 1] * power * cv;
                power *= oneMinusS2;
            }
            if (rewritten.TermCount < p.TermCount) p = rewritten;
        }
        return p;
    }
}
