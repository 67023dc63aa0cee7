using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>Issue 8, item 9: a point transformation never reads a stray letter as a constant silently.</summary>
public class PointTransformationLetterTests
{
    private static readonly Function x = Coord("x"), y = Coord("y"), r = Coord("r", Assumptions.Positive), a = Coord("a");
    private static readonly Symbol theta = Expr.Symbol("theta", Assumptions.Real), ell = Pos("ell");

    private static Action Free() => Action.Mechanical(dot(x).Pow(2) + dot(y).Pow(2), t, x, y);

    [Fact]
    public void A_right_side_letter_that_is_neither_a_new_coordinate_nor_a_constant_is_refused_by_name()
    {
        var map = PointTransformation.OfCoordinates(new[] { r }, (x, q(r) * Expr.Cos(theta)), (y, q(r) * Expr.Sin(theta)));
        var act = () => map.ApplyTo(Free());
        act.Should().Throw<SymbolicException>().WithMessage(
            "the transformation uses theta, which is neither a new coordinate (r) nor a constant of the Lagrangian: list it among the new coordinates, or declare it constant");
    }

    [Fact]
    public void A_new_coordinate_on_no_right_side_is_refused()
    {
        var map = PointTransformation.OfCoordinates(new[] { r, a }, (x, q(r)), (y, q(r)));
        var act = () => map.ApplyTo(Free());
        act.Should().Throw<SymbolicException>().WithMessage("the new coordinate a appears on no right side of the transformation");
    }

    [Fact]
    public void A_declared_constant_and_the_Lagrangians_own_parameters_are_allowed()
    {
        var th = Coord("theta");
        var g = Pos("g");
        var L = Expr.Half * (dot(x).Pow(2) + dot(y).Pow(2)) - g * q(y);
        var map = PointTransformation.OfCoordinates(new[] { th }, (x, ell * Expr.Sin(q(th))), (y, -ell * Expr.Cos(q(th)) + g)).WithConstants(ell);
        var result = EulerLagrange.Derive(map.ApplyTo(Action.Mechanical(L, t, x, y)).Action);
        result["theta"].Solved!.Right.ShouldEqual(-g * Expr.Sin(q(th)) / ell);
    }
}
