namespace Symbolic.Core.Tests;

/// <summary>Small square systems go by Cramer's rule on polynomial rows (issue 10: Gaussian elimination over rational
/// functions took past a minute on three Euler–Lagrange equations with a square root).</summary>
public class CramerSolverTests
{
    private static readonly Symbol u = Expr.Symbol("u"), v = Expr.Symbol("v"), w = Expr.Symbol("w");
    private static readonly Symbol p = Expr.Symbol("p"), q = Expr.Symbol("q");

    [Fact]
    public void A_three_by_three_system_with_a_root_and_fractions_is_solved_and_checks_back()
    {
        var root = Expr.Sqrt(1 - p.Pow(2) - q.Pow(2));
        var eqs = new Expr[]
        {
            Relation.Equation(u / root + p * v / (1 + q.Pow(2)) + w, p),
            Relation.Equation(q * u - v * root + p * q * w / (p - 2), 1 / root),
            Relation.Equation(u + v + w * root.Pow(3), p + q),
        };
        var sol = LinearSolver.Solve(eqs, new Expr[] { u, v, w });
        foreach (var eq in eqs.Cast<Relation>())
            Simplifier.IsZero(Substitution.Apply(eq.Left - eq.Right, sol.ToDictionary(kv => kv.Key, kv => kv.Value)))
                .Should().BeTrue($"{eq} with {string.Join(", ", sol)}");
    }

    [Fact]
    public void A_singular_square_system_names_the_unknown_it_does_not_determine()
    {
        var act = () => LinearSolver.Solve(new Expr[] { u + v - 1, 2 * u + 2 * v - 3 }, new Expr[] { u, v });
        act.Should().Throw<SymbolicException>().WithMessage("*does not determine v*");
    }
}
