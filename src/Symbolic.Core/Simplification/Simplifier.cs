using Symbolic.Core.Polynomials;

namespace Symbolic.Core;

/// <summary>Why a computation stopped before it finished.</summary>
public enum StopKind
{
    /// <summary>The cancellation token fired (Ctrl-C, a time limit).</summary>
    Cancelled,
    /// <summary>A size, memory or exponent limit of the <see cref="Budget"/> was reached.</summary>
    BudgetExceeded,
}

/// <summary>Why a computation stopped early: the kind, to act on, and the message, to show (egg's <c>StopReason</c>).</summary>
/// <param name="Kind">Cancelled or a budget limit.</param>
/// <param name="Message">What stopped it, in words ("cancelled", "a product would have about … terms, more than …").</param>
public sealed record StopReason(StopKind Kind, string Message)
{
    /// <summary>Stopped by the cancellation token.</summary>
    public static readonly StopReason Cancelled = new(StopKind.Cancelled, "cancelled");

    /// <summary>Stopped by a budget limit, with its message.</summary>
    public static StopReason Budget(BudgetExceededException e) => new(StopKind.BudgetExceeded, e.Message);

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}

/// <summary>The outcome of <see cref="Simplifier.Run"/>: the value, and whether the work finished.</summary>
/// <param name="Value">The simplified expression (the input, lightly rewritten, if the work stopped early).</param>
/// <param name="Complete">False when the budget or a cancellation stopped the work.</param>
/// <param name="StopReason">Why it stopped early; null when <paramref name="Complete"/>.</param>
public sealed record SimplifyResult(Expr Value, bool Complete, StopReason? StopReason)
{
    /// <summary>
    /// Throws when the work stopped early: <see cref="OperationCanceledException"/> when cancelled, a
    /// <see cref="SymbolicException"/> "simplification stopped: …" when a budget limit was reached.
    /// </summary>
    public void ThrowIfStopped()
    {
        if (Complete) return;
        if (StopReason?.Kind == StopKind.Cancelled) throw new OperationCanceledException();
        throw new SymbolicException($"simplification stopped: {StopReason}");
    }

    /// <summary>
    /// The self-check: the result has the value of the input at random points that respect the assumptions
    /// (<see cref="NumericProbe.Agree"/>). False when they differ or cannot be evaluated. Computed when first
    /// asked for: the many internal simplifications of the modules never pay for it.
    /// </summary>
    public bool Verified => _verified?.Value ?? false;

    private Lazy<bool>? _verified;

    internal SimplifyResult CheckedAgainst(Expr input)
    {
        _verified = new Lazy<bool>(() => NumericProbe.Agree(input, Value));
        return this;
    }
}

/// <summary>
/// Simplification as a person expects it: rational functions in lowest terms over the kernels,
/// sin²+cos² = 1, √(r²) = r for r &gt; 0, e^a e^b = e^{a+b}, log/exp inverses under assumptions.
/// Zero-equivalence is decided by the same normal form.
/// </summary>
/// <example><code>
/// Simplifier.Simplify(Expr.Sin(x).Pow(2) + Expr.Cos(x).Pow(2));   // 1
/// Simplifier.AreEqual((x*x - 1)/(x - 1), x + 1);                   // true
/// </code></example>
public static class Simplifier
{
    /// <summary>Simplifies, or returns the lightly rewritten input if the budget ran out.</summary>
    public static Expr Simplify(Expr e, Budget? budget = null) => Run(e, budget).Value;

    /// <summary>Simplifies and says whether the work finished.</summary>
    public static SimplifyResult Run(Expr e, Budget? budget = null)
    {
        var pre = Prepare(e);
        try
        {
            var ctx = new RationalContext(useRelations: true, budget);
            Expr normal;
            if (pre is Relation) normal = Normal(pre, ctx);
            else
            {
                var f = ctx.ToRatFun(pre);
                // Every term of the shown numerator is a node: when they outnumber the input's nodes the input is
                // shown, and a normal form of a million terms ((a+…+f)^{40}) is never built as a tree only to lose.
                // Functions the normal form writes in others (cosh y as (e^{2y} + 1)/2e^y) are written back first, so
                // cosh²x − sinh²x + cosh y is 1 + cosh y, not the input kept because the exponentials were longer.
                // the walk over the input for such functions is paid only when the normal form is the longer one
                int inputSize = Size(pre), shownSize = ctx.ShownSizeAtLeast(f);
                bool? rewritten = null;
                bool Rewritten() => rewritten ??= Presentation.WritesFunctionsTheNormalFormRewrites(pre);
                if (shownSize > inputSize && (shownSize > 4 * inputSize || !Rewritten())) return new SimplifyResult(pre, true, null).CheckedAgainst(e);
                normal = ctx.ToExpr(f);
                if (Size(normal) > inputSize && Rewritten() && Presentation.KeepInputFunctions(pre).Apply(normal, budget) is var shown
                    && Size(shown) < Size(normal) && IsZero(shown - normal, budget))
                    normal = shown;
            }
            // The normal form decides; what is shown is the shorter of it and the input (sin(x + y) stays
            // as written rather than its expansion), so simplifying twice changes nothing more.
            var value = Size(normal) <= Size(pre) ? normal : pre;
            return new SimplifyResult(value, true, null).CheckedAgainst(e);
        }
        catch (BudgetExceededException ex)
        {
            return new SimplifyResult(pre, false, StopReason.Budget(ex)).CheckedAgainst(e);
        }
        catch (OperationCanceledException)
        {
            return new SimplifyResult(pre, false, StopReason.Cancelled);
        }
    }

    /// <summary>The normal form of each side of a relation, or of the expression.</summary>
    internal static Expr Normal(Expr e, RationalContext ctx) => e switch
    {
        Relation r => Relation.Of(Normal(r.Left, ctx), r.Op, Normal(r.Right, ctx)),
        _ => ctx.ToExpr(ctx.ToRatFun(e)),
    };

    /// <summary>True when the expression is identically zero (decided by the normal form).</summary>
    public static bool IsZero(Expr e, Budget? budget = null)
    {
        if (e is Relation r) e = r.Left - r.Right;
        return new RationalContext(true, budget).ToRatFun(Prepare(e)).IsZero;
    }

    /// <summary>True when a and b are the same function (for relations: the same equation up to a nonzero factor is not assumed; sides are compared).</summary>
    public static bool AreEqual(Expr a, Expr b, Budget? budget = null)
    {
        if (a is Relation ra && b is Relation rb)
        {
            if (ra.Op != rb.Op) return false;
            return IsZero(ra.Left - ra.Right - (rb.Left - rb.Right), budget) || IsZero(ra.Left - ra.Right + (rb.Left - rb.Right), budget);
        }
        return IsZero(a - b, budget);
    }

    /// <summary>The number of nodes, the measure by which the shorter form is chosen.</summary>
    public static int Size(Expr e)
    {
        StackGuard.Check();
        int n = 1;
        foreach (var c in e.Children) n += Size(c);
        return n;
    }

    /// <summary>Rewrites that the normal form does not see: log/exp inverses and logs of powers under assumptions.</summary>
    public static Expr Prepare(Expr e) => e.Rewrite(node => node switch
    {
        // log(e^x) = x for real x
        Call c when Function.Log.Matches(c, out var u) && u is Power { Base: Symbol { Name: "e", IsConstant: true } } p && Assume.IsReal(p.Exponent) => p.Exponent,
        // log(u^k) = k log u for u > 0 and real k
        Call c when Function.Log.Matches(c, out var u) && u is Power p && Assume.IsPositive(p.Base) && Assume.IsReal(p.Exponent) =>
            Product.Of(p.Exponent, Expr.Log(p.Base)),
        // e^{log u} = u
        Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: var l } when Function.Log.Matches(l, out var u) => u,
        _ => null,
    });
}
