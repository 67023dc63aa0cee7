namespace Symbolic.Core.Ode;

/// <summary>A first integral H of a characteristic system: constant along its solutions.</summary>
/// <param name="Integral">H(x, y), or null when none was found.</param>
/// <param name="Verified">True when ξ ∂H/∂x + η ∂H/∂y = 0 was checked in the normal form.</param>
/// <param name="Steps">The derivation (the ODE dy/dx = η/ξ and how it was solved).</param>
/// <param name="NotFoundReason">Why there is none, in words.</param>
public sealed record FirstIntegralResult(Expr? Integral, bool Verified, Derivation Steps, string? NotFoundReason);

/// <summary>
/// First integrals of the characteristic system dx/ξ = dy/η (what Lie invariants and canonical coordinates
/// need): the ODE dy/dx = η/ξ is solved and its constant of integration is the first integral.
/// </summary>
/// <example><code>
/// // dẋ/(1 − ẋ²/c²) = −dẍ/(3ẋẍ/c²)  ⇒  H = ẍ (1 − ẋ²/c²)^{−3/2} (up to a constant factor)
/// FirstIntegrals.Of(u, 1 - u.Pow(2) / c.Pow(2), w, -3 * u * w / c.Pow(2)).Integral;
/// </code></example>
public static class FirstIntegrals
{
    /// <summary>A first integral of dx/ξ = dy/η.</summary>
    public static FirstIntegralResult Of(Symbol x, Expr xi, Symbol y, Expr eta, Budget? budget = null)
    {
        var steps = new Derivation();
        if (Simplifier.IsZero(xi)) return new(x, true, steps, null);
        if (Simplifier.IsZero(eta)) return new(y, true, steps, null);
        var yf = (Call)Call.Of(Function.User(y.Name + "_f"), x);
        var ode = Relation.Equation(Derivative.Of(yf, new[] { (x, 1) }), Substitution.Apply(Simplifier.Simplify(eta / xi), y, yf));
        steps.Record("characteristic-ode", null, Substitution.Apply(ode, yf, y), "dy/dx = η/ξ");
        var sol = OdeSolver.Solve(ode, yf, budget);
        steps.Append(sol.Steps);
        if (sol.Solution is not Relation rel) return new(null, false, steps, sol.NotFoundReason);
        Expr H;
        if (sol.Explicit)
        {
            // y = f(x, C₁): solve for C₁ (linear in C₁ for every method that gives an explicit solution here).
            try
            {
                var c = LinearSolver.Solve(new Expr[] { Relation.Equation(rel.Left, rel.Right) }, new Expr[] { OdeSolver.C1 }, budget);
                H = c[OdeSolver.C1];
            }
            catch (SymbolicException e) { return new(null, false, steps, "the solution could not be solved for its constant: " + e.Message); }
        }
        else H = rel.Left - rel.Right + OdeSolver.C1;
        H = Simplifier.Simplify(Substitution.Apply(H, yf, y));
        if (H.Contains(OdeSolver.C1)) return new(null, false, steps, "the constant of integration could not be separated");
        var check = Simplifier.IsZero(xi * Calculus.Diff(H, x) + eta * Calculus.Diff(H, y), budget);
        if (!check) return new(null, false, steps, "a candidate first integral failed the check ξ H_x + η H_y = 0");
        steps.Record("first-integral", null, H, "ξ ∂H/∂x + η ∂H/∂y = 0 checked");
        return new(H, true, steps, null);
    }
}
