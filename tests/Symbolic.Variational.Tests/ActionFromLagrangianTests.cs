using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>
/// <see cref="Action.FromLagrangian"/>, <see cref="Action.LagrangianOf"/>, <see cref="PointTransformation.FromEquations"/> and
/// <see cref="ConservationLaw.Held"/>: what an action is, decided in the module from what a person typed.
/// </summary>
public sealed class ActionFromLagrangianTests
{
    private static readonly Function x = Coord("x"), y = Coord("y"), u = Coord("u");
    private static readonly Symbol X = Expr.Symbol("x", Assumptions.Real), Y = Expr.Symbol("y", Assumptions.Real);

    [Fact]
    public void An_action_written_as_an_integral_gives_its_body_and_variable()
    {
        var s = Expr.Symbol("S", Assumptions.Real);
        var tau = Expr.Symbol("tau", Assumptions.Real);
        var lagrangian = Expr.Half * dot(x).Pow(2);
        var (l, time, integral) = Action.LagrangianOf(Relation.Equation(s, Call.Of(Function.Integral, lagrangian, tau)), t);
        (l, time, integral).Should().Be((lagrangian, tau, true));
        Action.LagrangianOf(lagrangian, t).Should().Be((lagrangian, t, false));
    }

    [Fact]
    public void An_integral_over_two_variables_is_not_an_action_in_time()
    {
        var act = () => Action.LagrangianOf(Call.Of(Function.Integral, q(x), t, X), t);
        act.Should().Throw<SymbolicException>().WithMessage(@"the action must be a single integral \int L\, dt");
    }

    [Fact]
    public void The_functions_of_time_are_the_coordinates_in_name_order()
    {
        var lagrangian = Expr.Half * (dot(y).Pow(2) + dot(x).Pow(2)) - q(x) * q(y);
        var action = Action.FromLagrangian(lagrangian, t);
        action.IsMechanical.Should().BeTrue();
        action.Fields.Select(f => f.Name).Should().Equal("x", "y");
        Action.FromLagrangian(lagrangian, t, [y]).Fields.Select(f => f.Name).Should().Equal("y");
    }

    [Fact]
    public void A_function_of_several_variables_makes_a_field_action_over_them()
    {
        var ux = D(Field(u, X, Y), X);
        var uy = D(Field(u, X, Y), Y);
        var action = Action.FromLagrangian(Expr.Half * (ux.Pow(2) + uy.Pow(2)), t);
        action.IsFieldAction.Should().BeTrue();
        action.IndependentVariables.Should().Equal(X, Y);
        action.Fields.Select(f => f.Name).Should().Equal("u");
    }

    [Fact]
    public void A_Lagrangian_without_functions_of_time_has_nothing_to_vary()
    {
        var action = Action.FromLagrangian(X.Pow(2), t);
        action.Fields.Should().BeEmpty();
        action.IsFieldAction.Should().BeTrue();
    }

    [Fact]
    public void The_new_coordinates_of_a_point_transformation_are_the_letters_of_the_right_sides_as_functions_of_time()
    {
        var r = Expr.Symbol("r", Assumptions.Real);
        var theta = Expr.Symbol("theta", Assumptions.Real);
        var ell = Expr.Symbol("ell", Assumptions.Positive);
        var action = TwoBodyTests.CartesianAction();
        var map = PointTransformation.FromEquations(action, [(x, r * Expr.Cos(theta)), (y, r * Expr.Sin(theta))],
            assumptions: n => n == "r" ? Assumptions.Positive : Assumptions.Real);
        map.NewCoordinates.Select(f => (f.Name, f.Assumptions)).Should().Equal(("r", Assumptions.Positive), ("theta", Assumptions.Real));
        var pendulum = PointTransformation.FromEquations(Action.Mechanical(Expr.Half * dot(x).Pow(2), t, x), [(x, ell * Expr.Sin(theta))], constants: ["ell"]);
        pendulum.NewCoordinates.Select(f => f.Name).Should().Equal("theta");
        pendulum.Constants.Should().Equal(ell);
    }

    [Fact]
    public void The_polar_action_from_equations_gives_the_polar_Lagrangian()
    {
        var r = Expr.Symbol("r", Assumptions.Positive);
        var theta = Expr.Symbol("theta", Assumptions.Real);
        var map = PointTransformation.FromEquations(TwoBodyTests.CartesianAction(), [(x, r * Expr.Cos(theta)), (y, r * Expr.Sin(theta))],
            assumptions: n => n == "r" ? Assumptions.Positive : Assumptions.Real);
        map.ApplyTo(TwoBodyTests.CartesianAction()).Action.Lagrangian.ShouldEqual(TwoBodyTests.PolarAction().Lagrangian);
    }

    [Fact]
    public void New_variables_of_a_field_transformation_follow_the_written_order()
    {
        var xi = Expr.Symbol("xi", Assumptions.Real);
        var eta = Expr.Symbol("eta", Assumptions.Real);
        var map = PointTransformation.FromVariableEquations([(X, eta + xi), (Y, eta - xi)], [X, xi, eta, Y]);
        map.NewVariables.Should().Equal(xi, eta);
        PointTransformation.FromVariableEquations([(X, eta + xi), (Y, eta - xi)], [X, eta, xi, Y]).NewVariables.Should().Equal(eta, xi);
    }

    [Fact]
    public void A_conservation_law_is_held_as_written()
    {
        var result = EulerLagrange.Derive(TwoBodyTests.PolarAction());
        var law = result["theta"].Conservation!;
        var held = law.Held;
        held.Right.Should().Be(Expr.Zero);
        held.Left.Should().BeOfType<Call>().Which.Function.Should().Be(Function.TotalDerivative);
        ((Call)held.Left).Args[1].Should().Be(t);
        law.ToString().Should().StartWith("d/dt(");
    }
}
