using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>The kernel's simplifier as this module uses it (one place to adapt when the kernel changes).</summary>
internal static class Normal
{
    public static Expr Simplify(Expr e, Budget? budget = null) => Simplifier.Simplify(e, budget);
    public static bool IsZero(Expr e, Budget? budget = null) => Simplifier.IsZero(e, budget);
}
