using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>Issue 8, the net: every Euler–Lagrange result is checked against Σ(−D)^k ∂L/∂q^(k) inside the module.</summary>
public class SelfCheckTests
{
    private static readonly Function x = Coord("x"), y = Coord("y"), r = Coord("r", Assumptions.Positive), theta = Coord("theta"), u = Coord("u");
    private static readonly Symbol X = Expr.Symbol("x", Assumptions.Real), Y = Expr.Symbol("y", Assumptions.Real);

    [Fact]
    public void Solved_conservation_and_coupled_results_are_all_verified()
    {
        var kepler = EulerLagrange.Derive(Action.Mechanical(
            Expr.Half * (dot(r).Pow(2) + q(r).Pow(2) * dot(theta).Pow(2)) + mu / q(r), t, r, theta));
        kepler.Equations.Should().OnlyContain(e => e.Verified);
        kepler["theta"].Form.Should().Be(EquationForm.Conservation);

        var coupled = EulerLagrange.Derive(Action.Mechanical(
            Expr.Half * (dot(x).Pow(2) + dot(y).Pow(2)) + dot(x) * dot(y) * Expr.Cos(q(x) - q(y)) - q(x) * q(y), t, x, y));
        coupled.Equations.Should().OnlyContain(e => e.Verified && e.Solved != null);

        var U = Field(u, X, Y);
        var laplace = EulerLagrange.Derive(Action.Field(Expr.Half * (D(U, X).Pow(2) + D(U, Y).Pow(2)), new[] { X, Y }, u));
        laplace["u"].Verified.Should().BeTrue();
        laplace.Derivation.Should().Contain(s => s.Rule == "verify");
    }

    [Fact]
    public void The_check_rejects_a_solved_form_that_does_not_satisfy_the_equation()
    {
        var action = Action.Mechanical(Expr.Half * dot(x).Pow(2) - Expr.Half * q(x).Pow(2), t, x);
        var raw = EulerLagrange.Raw(action, x, null);
        var right = new FieldEquation(x, -ddot(x) - q(x), -ddot(x) - q(x), ddot(x), Relation.Equation(ddot(x), -q(x)), null);
        var wrong = new FieldEquation(x, -ddot(x) - q(x), -ddot(x) - q(x), ddot(x), Relation.Equation(ddot(x), q(x)), null);
        var wrongE = new FieldEquation(x, ddot(x) - q(x), ddot(x) - q(x), null, null, null);
        EulerLagrange.Check(raw, right, null).Should().BeTrue();
        EulerLagrange.Check(raw, wrong, null).Should().BeFalse();
        EulerLagrange.Check(raw, wrongE, null).Should().BeFalse();
    }
}
