using System.Collections.Immutable;

namespace Symbolic.Latex.Syntax;

/// <summary>Where a node was written: character offset and length in the source, and the 1-based
/// line and column of its first character.</summary>
/// <param name="Start">0-based character offset of the first character.</param>
/// <param name="Length">Number of characters covered.</param>
/// <param name="Line">1-based line of the first character.</param>
/// <param name="Column">1-based column of the first character.</param>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column)
{
    /// <summary>A span for nodes that stand for nothing written (an empty cell or operand).</summary>
    public static SourceSpan None => new(0, 0, 0, 0);
}

/// <summary>
/// A node of the math syntax tree: an immutable record of what the author wrote, before any
/// interpretation (products, function application, differentials are decided by the lowering).
/// </summary>
/// <remarks>
/// The set of node kinds is closed. <see cref="ToString"/> prints the compact S-expression of
/// <see cref="SExpression.Print"/>, which is also the structural identity used by
/// <see cref="StructurallyEquals"/>: <c>\omega^{\mu}_{\nu}</c> and <c>\omega_{\nu}^{\mu}</c> print
/// the same. Example: <c>LatexReader.ParseExpression(@"\frac12").ToString() == "(frac 1 2)"</c>.
/// </remarks>
public abstract class MathNode
{
    private protected MathNode(SourceSpan span) => Span = span;

    /// <summary>Where the node was written.</summary>
    public SourceSpan Span { get; }

    /// <summary>Height of the tree below this node (a leaf has depth 1). The reader refuses trees
    /// deeper than <see cref="LatexReader.MaxDepth"/>, so recursive walks are always safe.</summary>
    public int Depth { get; private protected set; } = 1;

    /// <summary>The child nodes in source order (null parts omitted).</summary>
    public abstract IEnumerable<MathNode> Children { get; }

    /// <summary>True when both nodes have the same structure and text (spans are ignored).</summary>
    public bool StructurallyEquals(MathNode other) => SExpression.Print(this) == SExpression.Print(other);

    /// <summary>The compact S-expression of this node, see <see cref="SExpression"/>.</summary>
    public override string ToString() => SExpression.Print(this);

    private protected static int DepthOf(params MathNode?[] nodes)
    {
        var d = 0;
        foreach (var n in nodes) if (n is not null && n.Depth > d) d = n.Depth;
        return d + 1;
    }

    private protected static int DepthOf(ImmutableArray<MathNode> nodes, params MathNode?[] more)
    {
        var d = DepthOf(more) - 1;
        foreach (var n in nodes) if (n.Depth > d) d = n.Depth;
        return d + 1;
    }

    private protected static IEnumerable<MathNode> NonNull(params MathNode?[] nodes)
    {
        foreach (var n in nodes) if (n is not null) yield return n;
    }
}
