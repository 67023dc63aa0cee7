using Symbolic.Core;
using Symbolic.Latex.Syntax;
using K = Symbolic.Core;
using S = Symbolic.Latex.Syntax;

namespace Symbolic.Latex;

/// <summary>
/// LaTeX to kernel expressions: parse (<see cref="LatexReader"/>), then lower the syntax tree under a
/// <see cref="LoweringContext"/>. The rules for ambiguous notation are written in grammar/README.md
/// ("Lowering") and pinned by tests.
/// </summary>
/// <example><code>
/// Expr eq = LatexMath.ReadOne(@"\ddot{r}=r\dot{\theta}^2-\frac{\mu}{r^2}");
/// // Relation: Derivative(r(t), t²) = r(t) θ̇(t)² − μ/r(t)²
/// </code></example>
public static class LatexMath
{
    /// <summary>Every equation of a display (rows of aligned/cases systems each count), with its tag.</summary>
    /// <exception cref="ParseError">Malformed LaTeX, or notation that cannot be read unambiguously.</exception>
    /// <remarks>The reading decisions that could have gone another way are added to
    /// <see cref="LoweringContext.Warnings"/>; <see cref="ReadDisplay"/> returns them with the equations.</remarks>
    public static IReadOnlyList<LoweredEquation> Read(string latex, LoweringContext? context = null) =>
        ReadDisplay(latex, context).Equations;

    /// <summary>Every equation of a display with the warnings of this reading (also added to the context's
    /// <see cref="LoweringContext.Warnings"/>).</summary>
    /// <example><code>
    /// var r = LatexMath.ReadDisplay("x^10");
    /// r.Equations[0].Value;      // x^1 · 0 = 0, as TeX reads it
    /// r.Warnings[0].Render();    // warning: line 1, column 1: x^10 reads as … write x^{10} …
    /// </code></example>
    /// <exception cref="ParseError">Malformed LaTeX, empty input, or notation that cannot be read unambiguously.</exception>
    public static LatexReading ReadDisplay(string latex, LoweringContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(latex);
        context ??= new LoweringContext();
        var doc = LatexReader.Parse(latex);
        var lowerer = new Lowerer(latex, context);
        try
        {
            var equations = Lower(doc, lowerer);
            if (equations.Count == 0)
                throw ParseError.At(latex, 1, 1, "there is nothing to read: the input has no formula");
            return new LatexReading(equations, lowerer.Warnings.ToList());
        }
        finally
        {
            foreach (var w in lowerer.Warnings) context.Warnings.Add(w);
        }
    }

    private static List<LoweredEquation> Lower(MathDocument doc, Lowerer lowerer)
    {
        lowerer.Declare(doc);
        var result = new List<LoweredEquation>();
        // The rows of every equation in order: an eqnarray's rows are equations of the document, and a row may continue the one before.
        var bodies = new List<(string? Label, MathNode Body)>();
        foreach (var eq in doc.Equations)
        {
            var label = eq.Tag ?? eq.Label;
            var lines = new MathDocument(System.Collections.Immutable.ImmutableArray.Create(eq), eq.Span).Lines().ToList();
            foreach (var line in lines)
                if (LineBody(line, lowerer) is { } body)
                {
                    // A row that ends with its relation sign (\lefteqn{A =}\\ && B), or a row that starts with + or − after its
                    // alignment mark (&& \mbox{} + B, &\land C), continues the row before it: one formula broken over lines.
                    var own = line.Tag ?? line.Label ?? label;
                    if (bodies.Count > 0 && Continued(bodies[^1].Body, body, line.Cells is [Empty, _, ..]) is { } joined) bodies[^1] = (own ?? bodies[^1].Label, joined);
                    else bodies.Add((own, body));
                }
        }
        foreach (var (label, body) in bodies)
            foreach (var value in lowerer.LowerTop(body))
                result.Add(new LoweredEquation(label, value) { Offset = body.Span.Start });
        return result;
    }

    /// <summary>The row <paramref name="next"/> read as the continuation of <paramref name="previous"/>, or null when it is a formula of its own.</summary>
    private static MathNode? Continued(MathNode previous, MathNode next, bool afterAlignmentMark)
    {
        var span = new SourceSpan(previous.Span.Start, Math.Max(0, next.Span.Start + next.Span.Length - previous.Span.Start), previous.Span.Line, previous.Span.Column);
        if (previous is S.Relation { Operands: [.., Empty] } open && !(next is S.Relation { Operands: [Empty, ..] }))
        {
            var (operands, operators) = next is S.Relation nr ? (nr.Operands, nr.Operators) : ([next], []);
            return new S.Relation(open.Operands.RemoveAt(open.Operands.Length - 1).AddRange(operands), open.Operators.AddRange(operators), span);
        }
        if (!afterAlignmentMark) return null;   // -x + y = 2 in its own first cell is an equation of its own
        var first = next is S.Relation r0 ? r0.Operands[0] : next;
        if (LeadingSign(first) is not var (sign, rest)) return null;
        if (previous is S.Relation { Operands: [.., var last] } pr && last is not Empty)
        {
            var operands = pr.Operands.SetItem(pr.Operands.Length - 1, Attach(last, sign, rest, span));
            if (next is S.Relation nr2) return new S.Relation(operands.AddRange(nr2.Operands.RemoveAt(0)), pr.Operators.AddRange(nr2.Operators), span);
            return new S.Relation(operands, pr.Operators, span);
        }
        if (previous is S.Relation) return null;
        var joined = Attach(previous, sign, rest, span);
        return next is S.Relation nr3 ? new S.Relation(nr3.Operands.SetItem(0, joined), nr3.Operators, span) : joined;
    }

    /// <summary>left op right with the operators' precedence: a product (∧, ·) continuing a sum binds to its last term.</summary>
    private static MathNode Attach(MathNode left, string op, MathNode right, SourceSpan span) =>
        left is BinaryOperation b && BinaryOperation.SameLevel(b.Operator, "+") && !BinaryOperation.SameLevel(op, "+")
            ? new BinaryOperation(b.Operator, b.Left, Attach(b.Right, op, right, span), span)
            : new BinaryOperation(op, left, right, span);

    /// <summary>+ B, − B, \mbox{} + B, \land B: the operator a continuation row starts with, and the rest.</summary>
    private static (string Sign, MathNode After)? LeadingSign(MathNode n)
    {
        if (n is UnaryOperation { Operator: var u } un && u.Trim() is "+" or "-") return (u.Trim(), un.Operand);
        if (n is BinaryOperation b && (b.Left is Empty || b.Left is TextNode { Content: var c } && string.IsNullOrWhiteSpace(c))) return (b.Operator.Trim(), b.Right);
        if (n is BinaryOperation outer && LeadingSign(outer.Left) is var (s, inner))
            return (s, new BinaryOperation(outer.Operator, inner, outer.Right, outer.Span));
        return null;
    }

    /// <summary>Exactly one expression or equation.</summary>
    /// <remarks>Warnings are added to <see cref="LoweringContext.Warnings"/>.</remarks>
    /// <exception cref="ParseError">Malformed, empty, or more than one equation.</exception>
    public static Expr ReadOne(string latex, LoweringContext? context = null)
    {
        var all = Read(latex, context);
        if (all.Count == 1) return all[0].Value;
        throw ParseError.At(latex, 1, 1, $"expected one formula, found {all.Count} equations");
    }

    private static MathNode? LineBody(Row row, Lowerer lowerer)
    {
        if (row.Body is { } b) return b is Empty ? null : b;
        var cells = row.Cells.Where(c => c is not Empty).ToList();
        // A cases row "f = 0, & i = 1, …, n": the equation, then its condition — never their product.
        if (cells.Count >= 2 && cells[0] is Syntax.Relation or Syntax.Sequence { Items: [Syntax.Relation, ..] })
        {
            foreach (var condition in cells.Skip(1)) lowerer.WarnAt(condition, "the condition of this row is not part of its equation; it is not read");
            return cells[0];
        }
        return cells.Count switch { 0 => null, 1 => cells[0], _ => new Juxtaposition(cells.ToSystemImmutable(), row.Span) };
    }

    private static System.Collections.Immutable.ImmutableArray<MathNode> ToSystemImmutable(this List<MathNode> list) =>
        System.Collections.Immutable.ImmutableArray.CreateRange(list);
}

/// <summary>What <see cref="LatexMath.ReadDisplay"/> read: the equations, and the reading decisions that could
/// have gone another way, each with its position.</summary>
/// <param name="Equations">Every equation of the display, with its tag.</param>
/// <param name="Warnings">The warnings, in the order they were met.</param>
public sealed record LatexReading(IReadOnlyList<LoweredEquation> Equations, IReadOnlyList<ReadWarning> Warnings);
