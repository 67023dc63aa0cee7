using Symbolic.Core;

namespace Symbolic.Lie;

/// <summary>The outcome of Noether's test of a generator against a Lagrangian L(t, q, q̇).</summary>
/// <param name="IsVariational">True when pr X(L) + L D_t ξ = D_t B for a function B(t, q).</param>
/// <param name="Residual">pr X(L) + L D_t ξ.</param>
/// <param name="Gauge">B, when variational.</param>
/// <param name="Charge">The conserved I = Σ(φ − q̇ξ)∂L/∂q̇ + ξL − B, when variational.</param>
/// <param name="Reason">Why the generator is not variational.</param>
/// <param name="Verified">True when D_t I = −Σ(φ − q̇ξ)·E(L) was checked identically (E the Euler–Lagrange expressions): I is conserved on the motions.</param>
public sealed record NoetherResult(bool IsVariational, Expr Residual, Expr? Gauge, Expr? Charge, string? Reason, bool Verified);

/// <summary>A Lagrangian L(q̇) whose action is invariant up to a total derivative, found from the generator.</summary>
/// <param name="Lagrangian">The solution of the invariance condition with B = 0, up to a constant factor.</param>
/// <param name="Condition">The condition φ^{(1)} L′(q̇) + L D_tξ = D_t B solved (as text).</param>
/// <param name="NullLagrangiansToo">True when α + βq̇ (total derivatives) also satisfy the condition with some B = at + bq.</param>
public sealed record InvariantLagrangian(Expr Lagrangian, string Condition, bool NullLagrangiansToo);

/// <summary>
/// Noether's theorem for point symmetries of a mechanical Lagrangian L(t, q, q̇) on a jet space with one independent
/// variable t: the variational-symmetry test pr X(L) + L D_t ξ = D_t B, the conserved charge, and the inverse
/// question (which L(q̇) is invariant under a given X), as the relativistic-mechanics articles ask.
/// </summary>
/// <example><code>
/// var r = Noether.Test(boost, -m*c.Pow(2)*Expr.Sqrt(1 - xdot.Pow(2)/c.Pow(2)));
/// r.Charge;   // t p − x E/c² (= −K)
/// </code></example>
public static class Noether
{
    /// <summary>Tests X against L and, when X is variational, gives B and the conserved charge.</summary>
    public static NoetherResult Test(Generator x, Expr lagrangian, IAntiderivative? integrator = null)
    {
        integrator ??= KernelAntiderivative.Instance;
        var jet = x.Jet;
        if (jet.Independent.Count != 1) throw new SymbolicException("Noether's test here is for mechanics: one independent variable (time)");
        var high = jet.CoordinatesIn(lagrangian, 2).FirstOrDefault();
        if (high is not null) throw new SymbolicException($"the Lagrangian depends on {high}: only first-order Lagrangians L(t, q, q̇) are handled");
        var t = jet.Independent[0];
        var pr = x.Prolong(1);
        var xi = x.Xi[0];
        var dxi = jet.TotalDerivative(xi, 0);
        var residual = Simplifier.Simplify(pr.Apply(lagrangian) + lagrangian * dxi);
        var velocities = Enumerable.Range(0, jet.Dependent.Count).Select(a => jet.Coordinate(a, 1)).ToList();
        // D_t B(t, q) = B_t + Σ q̇ B_q is affine in the velocities
        foreach (var v in velocities)
            foreach (var w in velocities)
            {
                var second = Simplifier.Simplify(Calculus.Diff(Calculus.Diff(residual, v), w));
                if (!second.IsZero)
                    return new NoetherResult(false, residual, null, null,
                        $"pr X(L) + L D_t ξ = {residual} is not affine in the velocities (∂²/∂{v}∂{w} = {second} ≠ 0), so it is not D_t B of a function B(t, q): not a variational symmetry", false);
            }
        var zero = velocities.ToDictionary(v => (Expr)v, _ => Expr.Zero);
        var e0 = Simplifier.Simplify(Substitution.Apply(residual, zero));
        var ea = velocities.Select(v => Simplifier.Simplify(Calculus.Diff(residual, v))).ToList();
        // the potential B with B_q = E_q and B_t = E_0
        Expr b = Expr.Zero;
        for (int a = 0; a < velocities.Count; a++)
        {
            var q = jet.Dependent[a];
            var rest = Simplifier.Simplify(ea[a] - Calculus.Diff(b, q));
            if (rest.IsZero) continue;
            var part = integrator.Integrate(rest, q);
            if (part is null) return new NoetherResult(false, residual, null, null, $"∫ {rest} d{q} is beyond the integrator: B not found", false);
            b += part;
        }
        var restT = Simplifier.Simplify(e0 - Calculus.Diff(b, t));
        if (!restT.IsZero)
        {
            var part = integrator.Integrate(restT, t);
            if (part is null) return new NoetherResult(false, residual, null, null, $"∫ {restT} d{t} is beyond the integrator: B not found", false);
            b += part;
        }
        b = Simplifier.Simplify(b);
        if (!Simplifier.IsZero(jet.TotalDerivative(b, 0) - residual))
            return new NoetherResult(false, residual, null, null,
                $"pr X(L) + L D_t ξ = {residual} is not a total derivative D_t B (its velocity coefficients fail the integrability conditions): not a variational symmetry", false);
        var charge = xi * lagrangian - b;
        for (int a = 0; a < velocities.Count; a++)
            charge += (x.Phi[a] - velocities[a] * xi) * Calculus.Diff(lagrangian, velocities[a]);
        charge = Simplifier.Simplify(charge);
        // Noether's identity: D_t I + Σ Q_a E_a(L) = 0 identically (second derivatives of q free)
        var identity = jet.TotalDerivative(charge, 0);
        for (int a = 0; a < velocities.Count; a++)
        {
            var el = Calculus.Diff(lagrangian, jet.Dependent[a]) - jet.TotalDerivative(Calculus.Diff(lagrangian, velocities[a]), 0);
            identity += (x.Phi[a] - velocities[a] * xi) * el;
        }
        bool verified = Simplifier.IsZero(identity);
        return new NoetherResult(true, residual, b, charge, null, verified);
    }

    /// <summary>
    /// The Lagrangians L(q̇) (one dependent variable) whose action is invariant under X up to a total derivative:
    /// φ^{(1)} L′ + L D_tξ = D_t B. The left side depends on q̇ alone, so B = at + bq; with B = 0 the equation is linear
    /// of first order, L = exp(−∫ D_tξ/φ^{(1)} dq̇), up to a constant factor.
    /// </summary>
    public static InvariantLagrangian FindInvariantLagrangian(Generator x, IAntiderivative? integrator = null)
    {
        integrator ??= KernelAntiderivative.Instance;
        var jet = x.Jet;
        if (jet.Independent.Count != 1 || jet.Dependent.Count != 1)
            throw new SymbolicException("an invariant Lagrangian L(q̇) is sought for one time and one coordinate");
        var v = jet.Coordinate(0, 1);
        var p = x.Prolong(1).Coefficient(v);
        var q = Simplifier.Simplify(jet.TotalDerivative(x.Xi[0], 0));
        var others = p.FreeSymbols().Concat(q.FreeSymbols()).Where(s => jet.Base.Contains(s)).Distinct().ToList();
        if (others.Count > 0)
            throw new SymbolicException($"φ^(1) = {p} and D_t ξ = {q} depend on {string.Join(", ", others)}: no Lagrangian of q̇ alone can be invariant");
        if (Simplifier.IsZero(p)) throw new SymbolicException("X does not move the velocity: every L(q̇) with L D_tξ = D_t B works or none does");
        var a = integrator.Integrate(Simplifier.Simplify(Algebra.Together(-q / p)), v)
            ?? throw new SymbolicException($"∫ −({q})/({p}) d{v} is beyond the integrator");
        var l = Symmetries.ExpOf(a);
        // normalised to 1 at rest when finite there
        var atRest = Simplifier.Simplify(Substitution.Apply(l, v, Expr.Zero));
        if (!atRest.IsZero) l = Simplifier.Simplify(l / atRest);
        var check = Simplifier.Simplify(p * Calculus.Diff(l, v) + l * q);
        if (!check.IsZero) throw new SymbolicException($"the Lagrangian found, {l}, fails the invariance check (residual {check})");
        // α + βq̇: the condition gives Q α + (P + Q q̇) β, which is D_t(at + bq) when affine in q̇ with constant coefficients
        bool Affine(Expr e) { var d2 = Simplifier.Simplify(Calculus.Diff(Calculus.Diff(e, v), v)); return d2.IsZero && !Simplifier.Simplify(e).FreeSymbols().Any(s => jet.Base.Contains(s)); }
        bool nulls = Affine(q) && Affine(Simplifier.Simplify(p + q * v));
        return new InvariantLagrangian(l, $"({p}) L'({v}) + ({q}) L = D_t B", nulls);
    }
}
