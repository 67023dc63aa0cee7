using Symbolic.Core;
using Symbolic.Latex.Syntax;
using SSymbol = Symbolic.Latex.Syntax.Symbol;

namespace Symbolic.Latex;

internal sealed partial class Lowerer
{
    /// <summary>
    /// \infty is read as the symbol "infinity" (for the limits of integrals, sums and limits), so the kernel
    /// cancels it like any symbol: ∞ − ∞ came out as 0, ∞/∞ as 1, 0·∞ as 0 and 1^∞ as 1. Arithmetic that
    /// writes ∞ (outside the scripts of a big operator or a subscript) and loses it is refused as indeterminate.
    /// </summary>
    private void RefuseCancelledInfinity(MathNode n, Expr lowered)
    {
        if (n is not (BinaryOperation or Fraction or Juxtaposition or Scripted)) return;
        if (n is Scripted && lowered is Core.Number { Value.IsZero: true }) return;   // 0^∞ = 0 is no indeterminate form
        // the syntax first: walking the lowered expression at every node cost time on deep input without ∞
        if (!WritesInfinity(n) || lowered.Any(e => e is Core.Symbol { Name: "infinity" })) return;
        throw Error(n, $"{Written(n)} is indeterminate: ∞ cancels here (∞ − ∞, ∞/∞, 0·∞, 1^∞ and ∞⁰ have no value)");
    }

    // Lower is post-order, so a node's children were asked before it: with their answers kept, each node is walked once
    // (a recursive walk from every node was quadratic, and overflowed the stack on a sum of 10⁵ terms).
    private readonly Dictionary<MathNode, bool> _writesInfinity = new(ReferenceEqualityComparer.Instance);

    /// <summary>True when the syntax writes \infty outside the scripts of a big operator and a subscript.</summary>
    private bool WritesInfinity(MathNode root)
    {
        if (_writesInfinity.TryGetValue(root, out var known)) return known;
        var stack = new Stack<MathNode>();
        stack.Push(root);
        bool found = false;
        while (stack.Count > 0 && !found)
        {
            var n = stack.Pop();
            if (_writesInfinity.TryGetValue(n, out var k)) { found = k; continue; }
            switch (n)
            {
                case SSymbol { Name: "infty" }: found = true; break;
                case BigOperator: break;
                case Scripted sc:
                    stack.Push(sc.Base);
                    if (sc.Superscript is { } s) stack.Push(s);
                    break;
                default:
                    foreach (var c in n.Children) stack.Push(c);
                    break;
            }
        }
        _writesInfinity[root] = found;
        return found;
    }
}
