using Symbolic.Core;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Forms;

/// <summary>
/// Coefficients on the kernel's rational normal form with factored denominators (<see cref="FactoredFractions"/>):
/// the same values and the same zero test as <see cref="RationalField"/>, but a sum's common denominator is the
/// product of known factors instead of a gcd of expanded polynomials. The curvature engine's field: a metric's
/// denominators are products of a few factors (Σ, Δ, r² + p², 1 − αpr, P, Q), and every tensor component's
/// denominator is a product of powers of them. Conversions to and from expressions go through the context's
/// <see cref="RationalContext"/>, so sin²u + cos²u = 1 and (√P)² = P hold as there. Not thread-safe.
/// </summary>
/// <example><code>
/// var f = new FactoredField();
/// f.IsZero(f.Sub(f.FromExpr(1 / (x * y)), f.Mul(f.FromExpr(1 / x), f.FromExpr(1 / y))));   // true
/// </code></example>
public sealed class FactoredField : ICoefficientField<FactoredFraction>
{
    private readonly Budget _budget;
    private readonly Dictionary<Expr, FactoredFraction> _lifted = new();
    private readonly Dictionary<(int, Symbol), FactoredFraction> _kernelDerivatives = new();

    /// <summary>A field with a fresh context under <paramref name="budget"/>.</summary>
    public FactoredField(Budget? budget = null)
    {
        _budget = budget ?? Budget.Unlimited;
        Context = new RationalContext(true, _budget);
        Fractions = new FactoredFractions(_budget, p => Context.Reduce(RatFun.FromPoly(p)).Numerator);
        Zero = Fractions.Zero;
        One = Fractions.Constant(Rational.One);
    }

    /// <summary>The context that owns the variables (kernels) of every coefficient of this field.</summary>
    public RationalContext Context { get; }
    /// <summary>The factor base and the fraction arithmetic.</summary>
    public FactoredFractions Fractions { get; }

    /// <inheritdoc/>
    public FactoredFraction Zero { get; }
    /// <inheritdoc/>
    public FactoredFraction One { get; }
    /// <inheritdoc/>
    public FactoredFraction Constant(Rational q) => Fractions.Constant(q);
    /// <inheritdoc/>
    public FactoredFraction Add(FactoredFraction a, FactoredFraction b) => Fractions.Add(a, b);
    /// <inheritdoc/>
    public FactoredFraction Sub(FactoredFraction a, FactoredFraction b) => Fractions.Subtract(a, b);
    /// <inheritdoc/>
    public FactoredFraction Mul(FactoredFraction a, FactoredFraction b) => Fractions.Multiply(a, b);
    /// <inheritdoc/>
    public FactoredFraction Neg(FactoredFraction a) => Fractions.Negate(a);
    /// <inheritdoc/>
    public bool IsZero(FactoredFraction a) => a.IsZero;

    /// <summary>a / b: 1/N(b) is made by the context (which rationalises a denominator in sin u or √P), then multiplied by a and b's denominator.</summary>
    public FactoredFraction Div(FactoredFraction a, FactoredFraction b)
    {
        if (b.IsZero) throw new DivideByZeroException("division by an expression that is zero");
        var inverse = Fractions.FromRatFun(Context.Div(Context.One, RatFun.FromPoly(b.Numerator)));
        var denominator = Fractions.FromPoly(Fractions.Denominator(b));
        return Fractions.Multiply(Fractions.Multiply(a, inverse), denominator);
    }

    /// <inheritdoc/>
    public FactoredFraction Diff(FactoredFraction a, Symbol v)
    {
        if (a.IsConstant) return Zero;
        // the chain rule through the kernels, as RationalContext.Diff: Σ_k ∂a/∂k · dk/dv
        var (_, factors) = Fractions.DenominatorFactors(a);
        int n = Math.Max(a.Numerator.VariableCount, factors.Count == 0 ? 0 : factors.Max(f => f.Factor.VariableCount));
        var result = Zero;
        for (int k = 0; k < n && k < Context.VariableCount; k++)
        {
            if (!a.Numerator.DependsOn(k) && !factors.Any(f => f.Factor.DependsOn(k))) continue;
            var dk = KernelDerivative(k, v);
            if (dk.IsZero) continue;
            var partial = Fractions.Derivative(a, k);
            result = Add(result, dk.IsConstant && dk.Numerator.IsOne && dk.Content.IsOne ? partial : Mul(partial, dk));
        }
        return result;
    }

    private FactoredFraction KernelDerivative(int k, Symbol v)
    {
        if (_kernelDerivatives.TryGetValue((k, v), out var d)) return d;
        var kernel = RatFun.FromPoly(Poly.Variable(Context.VariableCount, k));
        return _kernelDerivatives[(k, v)] = Fractions.FromRatFun(Context.Diff(kernel, v));
    }

    /// <inheritdoc/>
    public FactoredFraction FromExpr(Expr e)
    {
        // Metric entries repeat (sin²θ, Σ, Δ): convert each distinct expression once.
        if (_lifted.TryGetValue(e, out var f)) return f;
        return _lifted[e] = Fractions.FromRatFun(Context.ToRatFun(e));
    }

    /// <summary>The same value on the context's <see cref="RatFun"/> normal form.</summary>
    public RatFun ToRatFun(FactoredFraction a) => Fractions.ToRatFun(a);

    /// <inheritdoc/>
    public Expr ToExpr(FactoredFraction a) => Context.ToExpr(Fractions.ToRatFun(a));
    /// <inheritdoc/>
    public void Check() => _budget.ThrowIfCancelled();
}
