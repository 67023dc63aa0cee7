using Symbolic.Core.Numbers;

namespace Symbolic.Core.Integration;

/// <summary>The outcome of an indefinite integration.</summary>
/// <param name="Integrand">What was integrated.</param>
/// <param name="Variable">The variable of integration.</param>
/// <param name="Antiderivative">An antiderivative (without the constant), or null when none was found.</param>
/// <param name="Verified">True when the antiderivative was differentiated back to the integrand in the rational normal form.</param>
/// <param name="Steps">The derivation: the rules applied (Hermite, logarithmic part, substitution, parts, …) and the check.</param>
/// <param name="NotFoundReason">Why there is no antiderivative, in words, when <paramref name="Antiderivative"/> is null.</param>
public sealed record IntegrationResult(Expr Integrand, Symbol Variable, Expr? Antiderivative, bool Verified, Derivation Steps, string? NotFoundReason)
{
    /// <summary>True when an antiderivative was found (and verified: unverified candidates are never returned).</summary>
    public bool Found => Antiderivative is not null;

    /// <summary>The antiderivative, or the unevaluated ∫ f dx when none was found.</summary>
    public Expr Value => Antiderivative ?? Call.Of(Function.Integral, Integrand, Variable);

    /// <summary>The reading the antiderivative rests on, when it is not valid for every complex x (|x| read as x·sign x,
    /// so ∫|x| dx = x|x|/2 for real x); null when there is none.</summary>
    public string? Reading { get; init; }
}

/// <summary>
/// Indefinite integration. Rational functions over Q are integrated completely (Hermite reduction, the
/// Rothstein–Trager resultant, Rioboo's real form); other elementary integrands by named rules: the table,
/// linearity, substitution u = g(x) when g′ divides, integration by parts for polynomial × exp/sin/cos/log/atan,
/// products of sines and cosines, rational functions of e^{ax} and of sin/cos, and √(quadratic) by Euler's
/// substitutions. Every antiderivative is differentiated back to the integrand in the rational normal form
/// before it is returned; when that fails or no rule applies, the result says "not found".
/// </summary>
/// <example><code>
/// var x = Expr.Symbol("x");
/// var r = Integrator.Integrate(1 / (x.Pow(2) + 1), x);
/// r.Antiderivative;   // atan(x)
/// r.Verified;         // true
/// </code></example>
public static class Integrator
{
    /// <summary>∫ f dx. Never throws for an integrand it cannot do: the result then says why.</summary>
    public static IntegrationResult Integrate(Expr f, Symbol x, Budget? budget = null)
    {
        budget ??= new Budget(maxTerms: 2_000_000);
        var steps = new Derivation();
        if (f is Relation) return new IntegrationResult(f, x, null, false, steps, "an equation cannot be integrated; integrate an expression");
        if (f.Any(e => e is Call { Function.IsOperator: true }))
            return new IntegrationResult(f, x, null, false, steps, "the integrand contains an operator kept as written (a nested integral, d, ∧); it has no antiderivative here");
        try
        {
            var search = new IntegrationSearch(x, budget, steps);
            var piece = search.Run(f);
            if (piece is null)
                return new IntegrationResult(f, x, null, false, steps, "not found: no rule of the integrator applies (the antiderivative may not be elementary)");
            piece = piece with { Explicit = Tidy(piece.Explicit) };
            var check = Check(f, x, piece, budget);
            if (check == Verdict.Failed && piece.SelfChecked)
                steps.Record("verify-exact", null, piece.Value, "the normal form failed on the derivative; checked instead term by term in exact Q(√d) arithmetic");
            else if (check != Verdict.Equal)
            {
                if (Environment.GetEnvironmentVariable("SYMBOLIC_INTEGRATE_DEBUG") == "1") Console.Error.WriteLine($"integrate {f}: candidate {piece.Value} rejected ({check})");
                // The search ends at its first candidate; when that one fails the check, the parallel Risch ansatz on the
                // whole integrand is the second chance (it verifies its own answer), not "not found" at once.
                piece = search.RischOnly(f);
                if (piece is null)
                    return new IntegrationResult(f, x, null, false, steps, "not found: a candidate did not differentiate back to the integrand, so it was discarded");
            }
            var value = piece.Value;
            steps.Record("verify", Call.Of(Function.Integral, f, x), value, "d/dx of the antiderivative equals the integrand in the rational normal form");
            return new IntegrationResult(f, x, value, true, steps, null)
            {
                Reading = HasAbs(f) || HasAbs(value) ? "for real x: |u| is read as u·sign(u), sign(u) constant where u ≠ 0" : null,
            };
        }
        catch (BudgetExceededException e)
        {
            return new IntegrationResult(f, x, null, false, steps, "not found: " + e.Message);
        }
        catch (OperationCanceledException)
        {
            return new IntegrationResult(f, x, null, false, steps, "not found: cancelled");
        }
        catch (ArithmeticException e)
        {
            return new IntegrationResult(f, x, null, false, steps, "not found: the normal form failed (" + e.Message + ")");
        }
    }

    /// <summary>
    /// Evaluates the integrals written in an expression: ∫ f dx becomes its antiderivative and ∫_a^b f dx its
    /// value when they are found (and verified); the others stay as written.
    /// </summary>
    public static Expr EvaluateIntegrals(Expr e, Budget? budget = null)
    {
        if (!e.Any(n => n is Call c && c.Applies(Function.Integral))) return e;
        return e.RewriteTopDown(node =>
        {
            switch (node)
            {
                case Call { Args: [Call { Args: [var body, Symbol v] } integral, var lo, var hi] } limits when limits.Applies(Function.Limits) && integral.Applies(Function.Integral):
                {
                    var r = DefiniteIntegrator.Integrate(body, v, lo, hi, budget);
                    // refused: said so (a divergent integral kept whole came back as if evaluated, with exit 0)
                    return r.Value ?? throw new SymbolicException($"∫ {body} d{v} from {lo} to {hi}: {r.Reason}");
                }
                case Call { Args: [var body, Symbol v] } integral when integral.Applies(Function.Integral) && !body.Any(n => n is Call { Function.IsOperator: true }):
                {
                    var r = Integrate(body, v, budget);
                    return r.Antiderivative;
                }
            }
            return null;
        });
    }

    /// <summary>atan(tan θ) = θ up to a constant on each interval, and θ has no jumps: the continuous form is kept.</summary>
    /// <summary>Likewise log(e^L) = L, log(u^r) = r log u for 0 &lt; r ≤ 1 (its derivative is L′ for every x) and e^{log u} = u: what a substitution u = e^x or u = log x leaves behind.</summary>
    private static Expr Tidy(Expr e) => e.Rewrite(node => node switch
    {
        Call { Args: [Call { Args: [var theta] } tan] } atan when atan.Applies(Function.Atan) && tan.Applies(Function.Tan) => theta,
        Call { Args: [Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: var l }] } log when log.Applies(Function.Log) => l,
        Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: Call { Args: [var u] } log } when log.Applies(Function.Log) => u,
        // log(u^r) = r log u on the principal branch for 0 < r ≤ 1 (r·arg u stays in (−π, π]): log √x = ½ log x
        Call { Args: [Power { Base: var u, Exponent: Number { Value: { Sign: > 0 } r } }] } log when log.Applies(Function.Log) && r <= Rational.One => Number.Of(r) * Expr.Log(u),
        _ => null,
    });

    /// <summary>d/dx of the explicit part plus the integrand of the root sums equals f, decided in the normal form.</summary>
    internal static bool Verify(Expr f, Symbol x, Piece piece, Budget budget) => Check(f, x, piece, budget) == Verdict.Equal;

    internal enum Verdict { Equal, Different, Failed }

    private static bool HasAbs(Expr e) => e.Any(n => n is Call c && c.Applies(Function.Abs));

    internal static Verdict Check(Expr f, Symbol x, Piece piece, Budget budget)
    {
        try
        {
            var d = Calculus.Diff(piece.Explicit, x) + piece.RootSumIntegrand - f;
            // |u| = u·sign(u) and (sign u)′ = 0 for real u ≠ 0: the reading the result then states
            // identities the normal form does not apply itself: log(u^r) = r log u (0 < r ≤ 1) and e^{log u} = u
            d = d.Rewrite(node => node switch
            {
                Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: Call { Args: [var u] } log } when log.Applies(Function.Log) => u,
                Call { Args: [Power { Base: var u, Exponent: Number { Value: { Sign: > 0 } r } }] } log when log.Applies(Function.Log) && r <= Rational.One => Number.Of(r) * Expr.Log(u),
                _ => null,
            });
            if (HasAbs(d)) d = d.Rewrite(n => n is Call { Args: [var u] } c && c.Applies(Function.Abs) ? u * Call.Of(Function.Sign, u) : null);
            return Simplifier.IsZero(d, budget) ? Verdict.Equal : Verdict.Different;
        }
        catch (BudgetExceededException) { throw; }
        catch (SymbolicException) { return Verdict.Failed; }
        catch (ArithmeticException) { return Verdict.Failed; }   // includes a failed exact division inside the normal form
        catch (InvalidOperationException) { return Verdict.Failed; }
    }
}

/// <summary>A candidate antiderivative: an explicit part and root sums (with the integrand they stand for).</summary>
internal sealed record Piece(Expr Explicit, Expr RootSums, Expr RootSumIntegrand)
{
    /// <summary>The whole integral came from the rational algorithm and passed its exact term-by-term derivative check.</summary>
    public bool SelfChecked { get; init; }

    public Expr Value => RootSums.IsZero ? Explicit : Explicit + RootSums;
    public static Piece Of(Expr e) => new(e, Expr.Zero, Expr.Zero);
    public Piece Scale(Expr c) => new(c * Explicit, c * RootSums, c * RootSumIntegrand);
    public static Piece operator +(Piece a, Piece b) => new(a.Explicit + b.Explicit, a.RootSums + b.RootSums, a.RootSumIntegrand + b.RootSumIntegrand);
    public Piece Map(Func<Expr, Expr> back) =>
        RootSums.IsZero ? Of(back(Explicit)) : throw new InvalidOperationException("a root sum cannot be substituted back");
}
