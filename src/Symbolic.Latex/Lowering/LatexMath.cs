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
        foreach (var eq in doc.Equations)
        {
            var label = eq.Tag ?? eq.Label;
            var lines = new MathDocument(System.Collections.Immutable.ImmutableArray.Create(eq), eq.Span).Lines().ToList();
            foreach (var line in lines)
            {
                if (LineBody(line, lowerer) is not { } body) continue;
                foreach (var value in lowerer.LowerTop(body))
                    result.Add(new LoweredEquation(line.Tag ?? line.Label ?? label, value) { Offset = body.Span.Start });
            }
        }
        return result;
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
