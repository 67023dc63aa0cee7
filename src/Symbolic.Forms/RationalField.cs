using Symbolic.Core;
using Symbolic.Core.Numbers;

namespace Symbolic.Forms;

/// <summary>PLACEHOLDER until the kernel's RationalContext lands: delegates to expressions.</summary>
public sealed class RationalField : ICoefficientField<Expr>
{
    private readonly Budget _budget;
    /// <summary>A field with its own context.</summary>
    public RationalField(Budget? budget = null) => _budget = budget ?? Budget.Unlimited;
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
    public void Check() => _budget.ThrowIfCancelled();
}
