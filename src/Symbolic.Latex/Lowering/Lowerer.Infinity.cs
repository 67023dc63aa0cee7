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

    private static bool WritesInfinity(MathNode n) => n switch
    {
        SSymbol { Name: "infty" } => true,
        BigOperator => false,
        Scripted sc => WritesInfinity(sc.Base) || sc.Superscript is { } s && WritesInfinity(s),
        _ => n.Children.Any(WritesInfinity),
    };
}
