using System.Text;
using Symbolic.Core.Numbers;

namespace Symbolic.Core;

/// <summary>
/// The plain text form used in test messages and the REPL's text mode:
/// <c>x^2 + 2*x*y - sin(theta)^2</c>, <c>exp(x)</c>, <c>sqrt(r)</c>, <c>diff(r(t), t, 2)</c>.
/// </summary>
public static class TextPrinter
{
    private const int PrecSum = 1, PrecProduct = 2, PrecUnary = 3, PrecPower = 4, PrecAtom = 5;

    /// <summary>Prints an expression.</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e, int outer)
    {
        switch (e)
        {
            case Number n: WriteNumber(sb, n.Value, outer); break;
            case Symbol s: sb.Append(s.Name); break;
            case Sum s: Wrap(sb, outer > PrecSum, () => WriteSum(sb, s)); break;
            case Product p: WriteProduct(sb, p, outer); break;
            case Power p: WritePower(sb, p, outer); break;
            case Call c:
                sb.Append(c.Function.Name).Append('(');
                for (int i = 0; i < c.Args.Length; i++) { if (i > 0) sb.Append(", "); Write(sb, c.Args[i], 0); }
                sb.Append(')');
                break;
            case Derivative d:
                sb.Append("diff(");
                Write(sb, d.Function, 0);
                foreach (var (v, k) in d.Variables) { sb.Append(", ").Append(v.Name); if (k > 1) sb.Append(", ").Append(k); }
                sb.Append(')');
                break;
            case Relation r:
                Write(sb, r.Left, 0);
                sb.Append(r.Op switch
                {
                    RelationKind.Equal => " = ", RelationKind.NotEqual => " != ", RelationKind.Less => " < ",
                    RelationKind.LessOrEqual => " <= ", RelationKind.Greater => " > ", _ => " >= ",
                });
                Write(sb, r.Right, 0);
                break;
        }
    }

    private static void Wrap(StringBuilder sb, bool paren, Action body)
    {
        if (paren) sb.Append('(');
        body();
        if (paren) sb.Append(')');
    }

    private static void WriteNumber(StringBuilder sb, Rational q, int outer)
    {
        bool paren = (q.Sign < 0 && outer >= PrecUnary) || (!q.IsInteger && outer >= PrecProduct);
        Wrap(sb, paren, () => sb.Append(q.ToString()));
    }

    private static void WriteSum(StringBuilder sb, Sum s)
    {
        bool first = true;
        foreach (var term in DisplayOrder(s))
        {
            var (neg, abs) = SplitSign(term);
            if (first) { if (neg) sb.Append('-'); }
            else sb.Append(neg ? " - " : " + ");
            Write(sb, abs, PrecSum + (first && neg ? 2 : 0));
            first = false;
        }
    }

    /// <summary>Terms as a person writes them: the canonical order with the constant last.</summary>
    internal static IEnumerable<Expr> DisplayOrder(Sum s)
    {
        foreach (var (t, k) in s.Terms) yield return k.IsOne ? t : Product.Of(Number.Of(k), t);
        if (!s.Constant.IsZero) yield return Number.Of(s.Constant);
    }

    /// <summary>Splits off a leading minus sign: −3x → (true, 3x).</summary>
    internal static (bool Negative, Expr Abs) SplitSign(Expr e) => e switch
    {
        Number n when n.Value.Sign < 0 => (true, Number.Of(-n.Value)),
        Product p when p.Coefficient.Sign < 0 => (true, Product.Of(p.FactorExprs().Prepend(Number.Of(-p.Coefficient)))),
        _ => (false, e),
    };

    private static void WriteProduct(StringBuilder sb, Product p, int outer)
    {
        var (num, den) = NumeratorDenominator(p);
        if (p.Coefficient.Sign < 0)
        {
            Wrap(sb, outer >= PrecProduct, () =>
            {
                sb.Append('-');
                Write(sb, Product.Of(p.FactorExprs().Prepend(Number.Of(-p.Coefficient))), PrecUnary);
            });
            return;
        }
        Wrap(sb, outer > PrecProduct, () =>
        {
            if (den.Count == 0) WriteFactors(sb, num);
            else
            {
                if (num.Count == 0) sb.Append('1'); else WriteFactors(sb, num, num.Count > 1 ? PrecPower : PrecProduct);
                sb.Append('/');
                if (den.Count == 1) Write(sb, den[0], PrecPower);
                else { sb.Append('('); WriteFactors(sb, den); sb.Append(')'); }
            }
        });
    }

    private static void WriteFactors(StringBuilder sb, List<Expr> factors, int prec = PrecProduct)
    {
        for (int i = 0; i < factors.Count; i++)
        {
            if (i > 0) sb.Append('*');
            Write(sb, factors[i], factors.Count > 1 ? PrecProduct + 1 : prec);
        }
    }

    /// <summary>Factors with positive exponents and (inverted) factors with negative ones; the coefficient split likewise.</summary>
    internal static (List<Expr> Num, List<Expr> Den) NumeratorDenominator(Product p)
    {
        var num = new List<Expr>();
        var den = new List<Expr>();
        var c = p.Coefficient.Abs();
        if (!c.Num.IsOne) num.Add(Number.Of(c.Num));
        if (!c.Den.IsOne) den.Add(Number.Of(c.Den));
        foreach (var (b, e) in p.Factors)
        {
            if (IsNegativeExponent(e)) den.Add(Power.Of(b, -e));
            else num.Add(e.IsOne ? b : Power.Raw(b, e));
        }
        return (num, den);
    }

    internal static bool IsNegativeExponent(Expr e) => e is Number n ? n.Value.Sign < 0 : e is Product p && p.Coefficient.Sign < 0;

    private static void WritePower(StringBuilder sb, Power p, int outer)
    {
        if (p.Base == Expr.E) { sb.Append("exp("); Write(sb, p.Exponent, 0); sb.Append(')'); return; }
        if (p.Exponent is Number { Value: var q } && q == Rational.Of(1, 2)) { sb.Append("sqrt("); Write(sb, p.Base, 0); sb.Append(')'); return; }
        if (IsNegativeExponent(p.Exponent))
        {
            Wrap(sb, outer > PrecProduct, () => { sb.Append("1/"); Write(sb, Power.Of(p.Base, -p.Exponent), PrecPower); });
            return;
        }
        Wrap(sb, outer > PrecPower, () =>
        {
            Write(sb, p.Base, PrecAtom);
            sb.Append('^');
            Write(sb, p.Exponent, PrecAtom);
        });
    }
}
