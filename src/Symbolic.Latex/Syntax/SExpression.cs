using System.Text;

namespace Symbolic.Latex.Syntax;

/// <summary>
/// Prints a syntax tree as a compact S-expression, the form tests compare against.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Symbols and numbers print as written: <c>x</c>, <c>\theta</c>, <c>2</c>; a font or accent wraps
/// them: <c>(mathbb R)</c>, <c>(dot x)</c>, <c>(hat (boldsymbol e))</c>.</item>
/// <item>Scripts: the head names the parts present, <c>_</c> then <c>^</c> then one <c>'</c> per prime:
/// <c>(^ x 2)</c>, <c>(_ A (juxt C D))</c>, <c>(_^ \omega \nu \mu)</c>, <c>('' y)</c>.</item>
/// <item>Operators: <c>(+ a b)</c>, <c>(- x)</c>, <c>(\cdot a b)</c>, <c>(! n)</c>; relations
/// <c>(= a b)</c>, chains <c>(rel a = b = c)</c>; punctuation <c>(seq a , b .)</c>; side by side <c>(juxt a b)</c>.</item>
/// <item><c>(frac a b)</c>, <c>(over a b)</c>, <c>(binom n k)</c>, <c>(sqrt x)</c>, <c>(root 3 x)</c>,
/// groups <c>(group ( ) x)</c>, sized <c>(left \{ . x)</c>.</item>
/// <item>Functions: <c>(\sin x)</c>, <c>((^ \sin 2) \theta)</c>, <c>(\max (group ( ) ...))</c>, a bare name <c>\sin</c>;
/// big operators likewise with their body: <c>((_^ \int a b) (juxt f (d x)))</c>, <c>\sum\limits</c> keeps the marker.</item>
/// <item><c>(styled mathrm (juxt K L))</c>, <c>(accent overline ...)</c>, <c>(text "argmin")</c>,
/// <c>(cmd \foo a)</c>, <c>(env pmatrix (row 1 0) (row 0 1))</c>, rows <c>(row a b :tag 1 :label x :nonumber)</c>,
/// documents <c>(doc (row ...) ...)</c>, empty <c>{}</c>.</item>
/// </list>
/// </remarks>
public static class SExpression
{
    /// <summary>Prints <paramref name="node"/>. Example: <c>SExpression.Print(LatexReader.ParseExpression("a=b"))</c> is <c>(= a b)</c>.</summary>
    public static string Print(MathNode node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, MathNode node)
    {
        switch (node)
        {
            case Empty: sb.Append("{}"); break;
            case Number n: sb.Append(n.Text); break;
            case Symbol s:
                {
                    var wraps = s.Accents.Length + (s.Font is null ? 0 : 1);
                    for (var i = s.Accents.Length - 1; i >= 0; i--) sb.Append('(').Append(s.Accents[i]).Append(' ');
                    if (s.Font is not null) sb.Append('(').Append(s.Font).Append(' ');
                    sb.Append(s.Text).Append(')', wraps);
                    break;
                }
            case Scripted sc:
                WriteScripted(sc.Base, sc.Subscript, sc.Superscript, sc.Primes, sb);
                break;
            case Fraction f: List(sb, f.Command, f.Numerator, f.Denominator); break;
            case Binomial b: List(sb, "binom", b.Top, b.Bottom); break;
            case Root r:
                if (r.Index is null) List(sb, "sqrt", r.Radicand); else List(sb, "root", r.Index, r.Radicand);
                break;
            case Group g:
                sb.Append(g.Sized ? "(left " : "(group ").Append(g.Open).Append(' ').Append(g.Close).Append(' ');
                Write(sb, g.Content); sb.Append(')');
                break;
            case Juxtaposition j: List(sb, "juxt", [.. j.Factors]); break;
            case BinaryOperation b:
            {
                // (+ (+ (+ a b) c) d), written with a loop over the chain rather than recursion on its left side.
                var (operands, ops) = b.Spine();
                for (var i = ops.Count - 1; i >= 0; i--) sb.Append('(').Append(ops[i].Operator).Append(' ');
                Write(sb, operands[0]);
                for (var i = 0; i < ops.Count; i++) { sb.Append(' '); Write(sb, operands[i + 1]); sb.Append(')'); }
                break;
            }
            case UnaryOperation u: List(sb, u.Operator, u.Operand); break;
            case PostfixOperation p: List(sb, p.Operator, p.Operand); break;
            case Relation r when r.Operators.Length == 1: List(sb, r.Operators[0], r.Operands[0], r.Operands[1]); break;
            case Relation r:
                sb.Append("(rel ");
                for (var i = 0; i < r.Operands.Length; i++)
                {
                    if (i > 0) sb.Append(' ').Append(r.Operators[i - 1]).Append(' ');
                    Write(sb, r.Operands[i]);
                }
                sb.Append(')');
                break;
            case Sequence q:
                sb.Append("(seq ");
                for (var i = 0; i < q.Items.Length; i++)
                {
                    if (i > 0) sb.Append(' ').Append(q.Separators[i - 1]).Append(' ');
                    Write(sb, q.Items[i]);
                }
                if (q.Separators.Length == q.Items.Length) sb.Append(' ').Append(q.Separators[^1]);
                sb.Append(')');
                break;
            case FunctionCall fc:
                {
                    var head = new StringBuilder();
                    WriteScripted(HeadName(fc.Command, fc.Name, LimitsPlacement.Default), fc.Subscript, fc.Superscript, 0, head);
                    if (fc.Argument is null) sb.Append(head);
                    else { sb.Append('(').Append(head).Append(' '); Write(sb, fc.Argument); sb.Append(')'); }
                    break;
                }
            case BigOperator bo:
                {
                    var head = new StringBuilder();
                    WriteScripted(HeadName(bo.Command, bo.Name, bo.Limits), bo.Subscript, bo.Superscript, 0, head);
                    if (bo.Body is null) sb.Append(head);
                    else { sb.Append('(').Append(head).Append(' '); Write(sb, bo.Body); sb.Append(')'); }
                    break;
                }
            case Styled st: sb.Append("(styled ").Append(st.Font).Append(' '); Write(sb, st.Body); sb.Append(')'); break;
            case Accent a: sb.Append("(accent ").Append(a.Name).Append(' '); Write(sb, a.Body); sb.Append(')'); break;
            case TextNode t: sb.Append("(text \"").Append(t.Content).Append("\")"); break;
            case Command c: List(sb, "cmd \\" + c.Name, [.. c.Arguments]); break;
            case LatexEnvironment e:
                sb.Append("(env ").Append(e.Name);
                if (e.Argument is not null) sb.Append(" {").Append(e.Argument).Append('}');
                foreach (var r in e.Rows) { sb.Append(' '); Write(sb, r); }
                sb.Append(')');
                break;
            case Row row:
                sb.Append("(row");
                foreach (var c in row.Cells) { sb.Append(' '); Write(sb, c); }
                if (row.Tag is not null) sb.Append(" :tag ").Append(row.Tag);
                if (row.Label is not null) sb.Append(" :label ").Append(row.Label);
                if (row.NoNumber) sb.Append(" :nonumber");
                sb.Append(')');
                break;
            case MathDocument d: List(sb, "doc", [.. d.Equations]); break;
            default: sb.Append("(? ").Append(node.GetType().Name).Append(')'); break;
        }
    }

    private static MathNode HeadName(string command, string name, LimitsPlacement limits)
    {
        var text = command is "\\mathop" or "\\operatorname" or "\\operatorname*" ? $"{command}{{{name}}}" : command;
        text += limits switch { LimitsPlacement.Limits => "\\limits", LimitsPlacement.NoLimits => "\\nolimits", _ => "" };
        return new Symbol(text, text, null, [], false, SourceSpan.None);
    }

    private static void WriteScripted(MathNode @base, MathNode? sub, MathNode? sup, int primes, StringBuilder sb)
    {
        if (sub is null && sup is null && primes == 0) { Write(sb, @base); return; }
        sb.Append('(');
        if (sub is not null) sb.Append('_');
        if (sup is not null) sb.Append('^');
        sb.Append('\'', primes).Append(' ');
        Write(sb, @base);
        if (sub is not null) { sb.Append(' '); Write(sb, sub); }
        if (sup is not null) { sb.Append(' '); Write(sb, sup); }
        sb.Append(')');
    }

    private static void List(StringBuilder sb, string head, params MathNode[] items)
    {
        sb.Append('(').Append(head);
        foreach (var i in items) { sb.Append(' '); Write(sb, i); }
        sb.Append(')');
    }
}
