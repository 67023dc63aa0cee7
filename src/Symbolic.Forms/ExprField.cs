using Symbolic.Core;
using Symbolic.Core.Numbers;

namespace Symbolic.Forms;

/// <summary>
/// Coefficients as kernel expressions, kept canonical by construction. The zero test is structural (a
/// canonical zero), so cancellations that need trigonometric identities or common denominators are only
/// found after <see cref="Form.Simplify"/>. Use <see cref="RationalField"/> for heavy work.
/// </summary>
/// <example><code>var f = ExprField.Instance; f.Diff(Expr.Sin(theta), theta);   // cos θ</code></example>
public sealed class ExprField : ICoefficientField<Expr>
{
    /// <summary>The shared instance (stateless, thread-safe).</summary>
    public static ExprField Instance { get; } = new();

    private ExprField() { }

    /// <inheritdoc/>
    public Expr Zero => Expr.Zero;
    /// <inheritdoc/>
    public Expr One => Expr.One;
    /// <inheritdoc/>
    public Expr Constant(Rational q) => Expr.Num(q);
    /// <inheritdoc/>
    public Expr Add(Expr a, Expr b) => a + b;
    /// <inheritdoc/>
    public Expr Sub(Expr a, Expr b) => a - b;
    /// <inheritdoc/>
    public Expr Mul(Expr a, Expr b) => a * b;
    /// <inheritdoc/>
    public Expr Div(Expr a, Expr b) => a / b;
    /// <inheritdoc/>
    public Expr Neg(Expr a) => -a;
    /// <inheritdoc/>
    public bool IsZero(Expr a) => a.IsZero;
    /// <inheritdoc/>
    public Expr Diff(Expr a, Symbol v) => Calculus.Diff(a, v);
    /// <inheritdoc/>
    public Expr FromExpr(Expr e) => e;
    /// <inheritdoc/>
    public Expr ToExpr(Expr a) => a;
    /// <inheritdoc/>
    public void Check() { }
}
