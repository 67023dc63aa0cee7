namespace Symbolic.Core.Tests;

/// <summary><see cref="LinearSolver.TrySolve"/>: a system that cannot be solved is an answer, not an exception.</summary>
public sealed class LinearSolverTryTests
{
    private static readonly Symbol x = Expr.Symbol("x", Assumptions.Real), y = Expr.Symbol("y", Assumptions.Real), a = Expr.Symbol("a", Assumptions.Real);

    [Fact]
    public void A_regular_system_is_solved()
    {
        LinearSolver.TrySolve([x + y - a, x - y], [x, y], out var solution, out var failure).Should().BeTrue();
        failure.Should().BeNull();
        solution![x].Should().Be(a / 2);
    }

    [Theory]
    [InlineData("nonlinear", "equation 1 is not linear in x")]
    [InlineData("singular", "the system does not determine y")]
    [InlineData("inconsistent", "the equations are inconsistent")]
    public void A_system_that_cannot_be_solved_says_why(string kind, string reason)
    {
        IReadOnlyList<Expr> equations = kind switch
        {
            "nonlinear" => [x.Pow(2) - a],
            "singular" => [x + y - a, 2 * x + 2 * y - 2 * a],
            _ => [x - 1, x - 2],
        };
        IReadOnlyList<Expr> unknowns = kind == "singular" ? [x, y] : [x];
        LinearSolver.TrySolve(equations, unknowns, out var solution, out var failure).Should().BeFalse();
        solution.Should().BeNull();
        failure.Should().Be(reason);
        var act = () => LinearSolver.Solve(equations, unknowns);
        act.Should().Throw<SymbolicException>().WithMessage(reason);
    }
}
