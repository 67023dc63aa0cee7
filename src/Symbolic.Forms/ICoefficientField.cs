using Symbolic.Core;
using Symbolic.Core.Numbers;

namespace Symbolic.Forms;

/// <summary>
/// The arithmetic a form's coefficients need: a commutative field with partial derivatives by the chart's
/// coordinates, and conversion to and from kernel expressions. The form algebra and the curvature engine are
/// written once over this interface so that the heavy work runs on the rational normal form
/// (<see cref="RationalField"/>) while small user-level computations may stay on expression trees
/// (<see cref="ExprField"/>).
/// </summary>
/// <typeparam name="T">The coefficient representation.</typeparam>
/// <example><code>
/// ICoefficientField&lt;Expr&gt; f = ExprField.Instance;
/// var c = f.Mul(f.FromExpr(x), f.FromExpr(y));
/// </code></example>
public interface ICoefficientField<T> where T : class
{
    /// <summary>0.</summary>
    T Zero { get; }
    /// <summary>1.</summary>
    T One { get; }
    /// <summary>An exact rational constant.</summary>
    T Constant(Rational q);
    /// <summary>a + b.</summary>
    T Add(T a, T b);
    /// <summary>a − b.</summary>
    T Sub(T a, T b);
    /// <summary>a · b.</summary>
    T Mul(T a, T b);
    /// <summary>a / b.</summary>
    T Div(T a, T b);
    /// <summary>−a.</summary>
    T Neg(T a);
    /// <summary>True when a is certainly zero (for a normal-form field: exactly when it is zero).</summary>
    bool IsZero(T a);
    /// <summary>∂a/∂v.</summary>
    T Diff(T a, Symbol v);
    /// <summary>Converts an expression into a coefficient.</summary>
    T FromExpr(Expr e);
    /// <summary>Converts a coefficient back into an expression (for output).</summary>
    Expr ToExpr(T a);
    /// <summary>Stops the computation when its budget is exhausted or it was cancelled.</summary>
    void Check();
}
