using Symbolic.Core.Ode;

namespace Symbolic.Core.Tests;

/// <summary>The ODE tests' one way to ask for a solution that must be found, verified by substitution, and of a named method.</summary>
internal static class OdeAssert
{
    public static OdeSolution Solved(Expr lhs, Expr rhs, Call y, string method)
    {
        var r = OdeSolver.Solve(Relation.Equation(lhs, rhs), y);
        r.Found.Should().BeTrue(r.NotFoundReason);
        r.Verified.Should().BeTrue();
        r.Method.Should().Be(method);
        return r;
    }
}
