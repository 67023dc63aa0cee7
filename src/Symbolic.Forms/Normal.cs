using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>The kernel's simplifier as this module uses it (one place to adapt when the kernel changes).</summary>
internal static class Normal
{
    public static Expr Simplify(Expr e, Budget? budget = null) => e;
    public static bool IsZero(Expr e, Budget? budget = null) => Simplify(e, budget).IsZero;
}
