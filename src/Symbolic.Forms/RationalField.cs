using Symbolic.Core;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Forms;

/// <summary>
/// Coefficients on the kernel's rational normal form (<see cref="RationalContext"/>): sin θ and cos θ are
/// variables with sin² + cos² = 1, e^{Φ(r)} and square roots are kernels, and a coefficient is zero exactly
/// when it is mathematically zero. One field owns one context, so it is not thread-safe: use one per thread.
/// </summary>
/// <example><code>
/// var f = new RationalField();
/// f.IsZero(f.FromExpr(Expr.Sin(x).Pow(2) + Expr.Cos(x).Pow(2) - 1));   // true
/// </code></example>
public sealed class RationalField : ICoefficientField<RatFun>
{
    private readonly Budget _budget;
    private readonly Dictionary<Expr, RatFun> _lifted = new();

    /// <summary>A field with a fresh context under <paramref name="budget"/>.</summary>
    public RationalField(Budget? budget = null)
    {
        _budget = budget ?? Budget.Unlimited;
        Context = new RationalContext(true, _budget);
    }

    /// <summary>The context that owns the variables of every coefficient of this field.</summary>
    public RationalContext Context { get; }

    /// <inheritdoc/>
    public RatFun Zero => Context.Zero;
    /// <inheritdoc/>
    public RatFun One => Context.One;
    /// <inheritdoc/>
    public RatFun Constant(Rational q) => Context.Constant(q);
    /// <inheritdoc/>
    public RatFun Add(RatFun a, RatFun b) => Context.Add(a, b);
    /// <inheritdoc/>
    public RatFun Sub(RatFun a, RatFun b) => Context.Sub(a, b);
    /// <inheritdoc/>
    public RatFun Mul(RatFun a, RatFun b) => Context.Mul(a, b);
    /// <inheritdoc/>
    public RatFun Div(RatFun a, RatFun b) => Context.Div(a, b);
    /// <inheritdoc/>
    public RatFun Neg(RatFun a) => Context.Neg(a);
    /// <inheritdoc/>
    public bool IsZero(RatFun a) => a.IsZero;
    /// <inheritdoc/>
    public RatFun Diff(RatFun a, Symbol v) => a.IsConstant ? Context.Zero : Context.Diff(a, v);
    /// <inheritdoc/>
    public RatFun FromExpr(Expr e)
    {
        // Metric entries repeat (sin²θ, Σ, Δ): convert each distinct expression once.
        if (_lifted.TryGetValue(e, out var f)) return f;
        return _lifted[e] = Context.ToRatFun(e);
    }
    /// <inheritdoc/>
    public Expr ToExpr(RatFun a) => Context.ToExpr(a);
    /// <inheritdoc/>
    public void Check() => _budget.ThrowIfCancelled();
}
