using Symbolic.Core;
using Symbolic.Lie;

namespace Symbolic.Lie.Tests;

public class ProlongationTests
{
    private static readonly Symbol T = Expr.Symbol("t", Assumptions.Real);
    private static readonly Symbol X = Expr.Symbol("x", Assumptions.Real);
    private static readonly Symbol C = Expr.Symbol("c", Assumptions.Positive);
    private static readonly Symbol M = Expr.Symbol("m", Assumptions.Positive);

    private static (JetSpace Jet, Generator Boost) Boost()
    {
        var jet = new JetSpace(new[] { T }, new[] { X });
        return (jet, new Generator(jet, new[] { X / C.Pow(2) }, new Expr[] { T }));
    }

    [Fact]
    public void First_prolongation_of_the_Lorentz_boost_is_one_minus_velocity_squared_over_c_squared()
    {
        // 2478, unnumbered #8: X^(1) = X + (1 − ẋ²/c²) ∂_ẋ
        var (jet, boost) = Boost();
        var xdot = jet.Coordinate(0, 1);
        var expected = 1 - xdot.Pow(2) / C.Pow(2);
        Simplifier.AreEqual(boost.Prolong(1).Coefficient(xdot), expected).Should().BeTrue();
    }

    [Fact]
    public void Second_prolongation_of_the_Lorentz_boost_is_minus_three_velocity_acceleration_over_c_squared()
    {
        // 2478, unnumbered #10: X^(2) = X^(1) − (3ẋẍ/c²) ∂_ẍ
        var (jet, boost) = Boost();
        var xdot = jet.Coordinate(0, 1);
        var xddot = jet.Coordinate(0, 2);
        Simplifier.AreEqual(boost.Prolong(2).Coefficient(xddot), -3 * xdot * xddot / C.Pow(2)).Should().BeTrue();
    }

    [Fact]
    public void Newtons_law_is_not_boost_invariant_but_the_relativistic_force_is()
    {
        // 2512: X^(2)(mẍ) = −3mẋẍ/c² ≠ 0 and X^(2)(mẍ/(1−ẋ²/c²)^{3/2}) = 0
        var (jet, boost) = Boost();
        var xdot = jet.Coordinate(0, 1);
        var xddot = jet.Coordinate(0, 2);
        var pr = boost.Prolong(2);
        Simplifier.AreEqual(pr.Apply(M * xddot), -3 * M * xdot * xddot / C.Pow(2)).Should().BeTrue();
        var invariant = M * xddot * (1 - xdot.Pow(2) / C.Pow(2)).Pow(Expr.Frac(-3, 2));
        Simplifier.IsZero(pr.Apply(invariant)).Should().BeTrue();
    }

    [Fact]
    public void Total_derivative_adds_one_to_each_jet_coordinate()
    {
        var x = Expr.Symbol("x", Assumptions.Real);
        var y = Expr.Symbol("y", Assumptions.Real);
        var jet = new JetSpace(new[] { x }, new[] { y });
        var y1 = jet.Coordinate(0, 1);
        var y2 = jet.Coordinate(0, 2);
        Simplifier.AreEqual(jet.TotalDerivative(x * y * y1, 0), y * y1 + x * y1 * y1 + x * y * y2).Should().BeTrue();
        y2.Name.Should().Be("y_xx");
    }

    [Fact]
    public void A_coefficient_depending_on_a_derivative_is_refused_as_not_a_point_symmetry()
    {
        var (jet, _) = Boost();
        var act = () => new Generator(jet, new Expr[] { jet.Coordinate(0, 1) }, new Expr[] { T });
        act.Should().Throw<SymbolicException>().WithMessage("*depends on the derivative x_t*point symmetry*");
    }

    [Fact]
    public void Invariance_of_the_speed_of_light_fixes_k_to_one_over_c_squared()
    {
        // 2478 eqs 3–5: X = k x ∂_t + t ∂_x; ẋ = c must be invariant: X^(1)(ẋ − c) = 0 on ẋ = c ⇒ k = 1/c²
        var k = Expr.Symbol("k", Assumptions.Real);
        var jet = new JetSpace(new[] { T }, new[] { X });
        var xdot = jet.Coordinate(0, 1);
        var x = new Generator(jet, new Expr[] { k * X }, new Expr[] { T });
        var condition = Substitution.Apply(x.Prolong(1).Apply(xdot - C), xdot, C);
        var solved = LinearSolver.Solve(new[] { condition }, new Expr[] { k });
        Simplifier.AreEqual(solved[k], 1 / C.Pow(2)).Should().BeTrue($"k = {solved[k]}");
    }
}
