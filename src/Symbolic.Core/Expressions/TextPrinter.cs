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

    /// <summary>Prints an expression in the plain dialect.</summary>
    public static string Print(Expr e) => Print(e, TextDialect.Plain);

    /// <summary>Prints an expression in a dialect (plain text, or code of another system).</summary>
    public static string Print(Expr e, TextDialect dialect)
    {
        var sb = new StringBuilder();
        new Writer(sb, dialect).Write(e, 0);
        return sb.ToString();
    }

    private sealed class Writer(StringBuilder sb, TextDialect d)
    {
    public void Write(Expr e, int outer) => Write(sb, e, outer);

    private void Write(StringBuilder sb, Expr e, int outer)
    {
        StackGuard.Check();
        switch (e)
        {
            case Number n: WriteNumber(sb, n.Value, outer); break;
            case Symbol s: sb.Append(d.Symbol(s)); break;
            case Sum s: Wrap(sb, outer > PrecSum, () => WriteSum(sb, s)); break;
            case Product p: WriteProduct(sb, p, outer); break;
            case Power p: WritePower(sb, p, outer); break;
            case Call { Function.Base: { } b } c when d.DerivativeAt(b, c.Function.ArgumentOrders, c.Args.Select(a => { var x = new StringBuilder(); Write(x, a, 0); return x.ToString(); }).ToList()) is { } at:
                sb.Append(at);
                break;
            case Call c:
                sb.Append(d.FunctionHead(c.Function)).Append('(');
                for (int i = 0; i < c.Args.Length; i++) { if (i > 0) sb.Append(", "); Write(sb, c.Args[i], 0); }
                sb.Append(')');
                break;
            case Derivative dv:
                sb.Append(d.DerivativeHead).Append('(');
                Write(sb, dv.Function, 0);
                foreach (var (v, k) in dv.Variables) sb.Append(", ").Append(d.DerivativeVariable(d.Symbol(v), k));
                sb.Append(')');
                break;
            case Relation r when d.RelationHead(r.Op) is { } head:
                sb.Append(head).Append('(');
                Write(sb, r.Left, 0);
                sb.Append(", ");
                Write(sb, r.Right, 0);
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

    private void Wrap(StringBuilder sb, bool paren, Action body)
    {
        if (paren) sb.Append('(');
        body();
        if (paren) sb.Append(')');
    }

    private void WriteNumber(StringBuilder sb, Rational q, int outer)
    {
        if (!q.IsInteger && d.Fraction(q) is { } f) { Wrap(sb, q.Sign < 0 && outer >= PrecUnary, () => sb.Append(f)); return; }
        bool paren = (q.Sign < 0 && outer >= PrecUnary) || (!q.IsInteger && outer > PrecProduct);
        Wrap(sb, paren, () => sb.Append(q.ToString()));
    }

    private void WriteSum(StringBuilder sb, Sum s)
    {
        bool first = true;
        foreach (var (neg, abs) in Display.SignedTerms(s))
        {
            if (first) { if (neg) sb.Append('-'); }
            else sb.Append(neg ? " - " : " + ");
            Write(sb, abs, PrecSum + 1);
            first = false;
        }
    }

    private void WriteProduct(StringBuilder sb, Product p, int outer)
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

    private void WriteFactors(StringBuilder sb, List<Expr> factors, int prec = PrecProduct)
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

    internal static bool IsNegativeExponent(Expr e) => Display.HasMinusSign(e);

    private void WritePower(StringBuilder sb, Power p, int outer)
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
            sb.Append(d.PowerOperator);
            Write(sb, p.Exponent, PrecAtom);
        });
    }
    }
}

/// <summary>
/// The spelling of the text printer: plain text by default; other systems' code (SymPy) override the hooks.
/// </summary>
public class TextDialect
{
    /// <summary>Plain text: x^2, diff(r(t), t, 2), a = b.</summary>
    public static readonly TextDialect Plain = new();

    /// <summary>The power operator.</summary>
    public virtual string PowerOperator => "^";
    /// <summary>A symbol's spelling.</summary>
    public virtual string Symbol(Symbol s) => s.Name;
    /// <summary>A function's head, before its parenthesised arguments.</summary>
    public virtual string FunctionHead(Function f) => f.Name;
    /// <summary>The head of a derivative.</summary>
    public virtual string DerivativeHead => "diff";
    /// <summary>
    /// A derivative of <paramref name="f"/> by argument position evaluated at <paramref name="args"/> (V′(x²)), or null
    /// to print it as its head V' applied to the arguments.
    /// </summary>
    public virtual string? DerivativeAt(Function f, System.Collections.Immutable.ImmutableArray<int> orders, IReadOnlyList<string> args) => null;
    /// <summary>One variable of a derivative with its order.</summary>
    public virtual string DerivativeVariable(string variable, int order) => order == 1 ? variable : $"{variable}, {order}";
    /// <summary>A non-integer rational, or null for p/q.</summary>
    public virtual string? Fraction(Rational q) => null;
    /// <summary>A relation written as a call (Eq(a, b)), or null for infix.</summary>
    public virtual string? RelationHead(RelationKind op) => null;
}
