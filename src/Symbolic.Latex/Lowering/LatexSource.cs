using Symbolic.Core;
using Symbolic.Latex.Syntax;
using SSymbol = Symbolic.Latex.Syntax.Symbol;
using SRelation = Symbolic.Latex.Syntax.Relation;

namespace Symbolic.Latex;

/// <summary>A piece of LaTeX read on its own: its value and the text as written.</summary>
/// <param name="Value">The lowered expression.</param>
/// <param name="Written">The source text, trimmed.</param>
public sealed record LatexPart(Expr Value, string Written);

/// <summary>A declaration <c>name(variable, …)</c> such as <c>\Phi(r)</c> or <c>u(x, y)</c>, read by the grammar.</summary>
/// <param name="Name">The name before the parentheses.</param>
/// <param name="Arguments">The variables inside them, in order.</param>
/// <param name="ArgumentsWritten">The text between the parentheses as written (trimmed).</param>
public sealed record FunctionDeclaration(LatexPart Name, IReadOnlyList<LatexPart> Arguments, string ArgumentsWritten);

/// <summary>A membership <c>x \in \mathbb{R}</c>.</summary>
/// <param name="Element">The left side, lowered.</param>
/// <param name="Set">The blackboard letter of the set: <c>R</c>, <c>Z</c>, …</param>
public sealed record Membership(Expr Element, string Set);

/// <summary>
/// What LaTeX says besides its value, read from the syntax tree: the order in which names and differentials are
/// first written, and the declarations <c>f(x, y)</c> and <c>x \in \mathbb{R}</c>. Commands use these instead of
/// looking at the text themselves.
/// </summary>
/// <example><code>
/// LatexSource.FirstAppearances(@"ds^2 = -(1-\frac{2m}{r})dt^2 + \frac{dr^2}{1-2m/r}");
/// // [s, m, r, d(t), t, d(r)]: d(t) is written before d(r)
/// LatexSource.ReadFunctionDeclaration(@"\Phi(r)")!.Name.Value;   // the symbol Phi
/// LatexSource.ReadMembership(@"x \in \mathbb{R}")!.Set;          // "R"
/// </code></example>
public static class LatexSource
{
    /// <summary>The symbols and the differentials d(x) of <paramref name="latex"/>, each once, in the order they are first written.</summary>
    /// <exception cref="ParseError">The LaTeX is malformed.</exception>
    public static IReadOnlyList<Expr> FirstAppearances(string latex, LoweringContext? context = null)
    {
        var doc = LatexReader.Parse(latex);
        var lowerer = new Lowerer(latex, (context ?? new LoweringContext()).Clone());
        lowerer.Declare(doc);
        return lowerer.Appearances(doc);
    }

    /// <summary>Where each symbol of <paramref name="latex"/> is first written (its index in <see cref="FirstAppearances"/>),
    /// or <see cref="int.MaxValue"/> for a symbol not written there: a key to order symbols as the author wrote them.</summary>
    public static Func<Core.Symbol, int> OrderOfAppearance(string latex, LoweringContext? context = null)
    {
        var names = FirstAppearances(latex, context).OfType<Core.Symbol>().Select(s => s.Name).Distinct().ToList();
        return s => names.IndexOf(s.Name) is var i and >= 0 ? i : int.MaxValue;
    }

    /// <summary>
    /// Reads <c>name(variable, …)</c>: the name and the variables, each lowered on its own without any context; null
    /// when the text is not a name followed by one parenthesised list.
    /// </summary>
    /// <exception cref="ParseError">The LaTeX is malformed.</exception>
    public static FunctionDeclaration? ReadFunctionDeclaration(string latex)
    {
        if (LatexReader.ParseExpression(latex) is not Juxtaposition { Factors: [var head, Group { Open: "(", Close: ")" } group] }) return null;
        var lowerer = new Lowerer(latex, new LoweringContext());
        LatexPart Part(MathNode n) => new(lowerer.Lower(n), Text(latex, n));
        var items = group.Content switch
        {
            Empty => [],
            Sequence seq => seq.Items.Where(i => i is not Empty).ToList(),
            var one => new List<MathNode> { one },
        };
        return new FunctionDeclaration(Part(head), items.Select(Part).ToList(), group.Content is Empty ? "" : Text(latex, group.Content));
    }

    /// <summary>Reads <c>x \in \mathbb{R}</c> (the left side under <paramref name="context"/>); null when the text is not a membership in a blackboard set.</summary>
    /// <exception cref="ParseError">The LaTeX is malformed.</exception>
    public static Membership? ReadMembership(string latex, LoweringContext? context = null)
    {
        if (LatexReader.ParseExpression(latex) is not SRelation { Operands: [var element, SSymbol { Font: "mathbb" } set], Operators: [var op] } || op.Trim() != "\\in")
            return null;
        return new Membership(new Lowerer(latex, context ?? new LoweringContext()).Lower(element), set.Name);
    }

    private static string Text(string source, MathNode n)
    {
        var start = Math.Clamp(n.Span.Start, 0, source.Length);
        return source.Substring(start, Math.Clamp(n.Span.Length, 0, source.Length - start)).Trim();
    }
}
