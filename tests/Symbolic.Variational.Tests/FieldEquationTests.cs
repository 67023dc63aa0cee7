using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>
/// Field equations of densities in which the field itself does not appear (issue 8, item 3): the mechanics
/// shortcut "a cyclic coordinate is conserved" must never stand for a field equation.
/// </summary>
public class FieldEquationTests
{
    private static readonly Function u = Coord("u"), A = Coord("A"), B = Coord("B");
    private static readonly Symbol X = Expr.Symbol("x", Assumptions.Real), Y = Expr.Symbol("y", Assumptions.Real);
    private static readonly Symbol c = Pos("c"), kappa = Pos("kappa");

    private static Expr D2(Expr f, Symbol v) => Derivative.Of(f, new[] { (v, 2) });

    [Fact]
    public void The_Dirichlet_density_without_u_gives_Laplaces_equation_not_a_conservation_law_in_x()
    {
        var U = Field(u, X, Y);
        var eq = EulerLagrange.Derive(Action.Field(Expr.Half * D(U, X).Pow(2) + Expr.Half * D(U, Y).Pow(2), new[] { X, Y }, u))["u"];
        eq.Form.Should().Be(EquationForm.Solved);
        eq.Solved!.Left.Should().Be(D2(U, X));
        eq.Solved!.Right.ShouldEqual(-D2(U, Y));
        eq.Conservation!.Variables.Should().Equal(X, Y);
        eq.Conservation.Evaluated.Left.ShouldEqual(D2(U, X) + D2(U, Y));
    }

    [Fact]
    public void The_beam_density_brings_the_second_order_term_plus_D_x_squared_of_dL_du_xx()
    {
        var U = Field(u, t, X);
        var L = Expr.Half * D(U, t).Pow(2) - Expr.Half * c.Pow(2) * D(U, X).Pow(2) - Expr.Half * kappa * D2(U, X).Pow(2);
        var eq = EulerLagrange.Derive(Action.Field(L, new[] { t, X }, u))["u"];
        // E = −u_tt + c² u_xx − κ u_xxxx
        eq.Expression.ShouldEqual(-D2(U, t) + c.Pow(2) * D2(U, X) - kappa * Derivative.Of(U, new[] { (X, 4) }));
        eq.Form.Should().Be(EquationForm.Solved);
        eq.Solved!.Left.Should().Be(Derivative.Of(U, new[] { (X, 4) }));
    }

    [Fact]
    public void Two_fields_in_one_square_each_get_their_own_field_equation_and_no_held_d_dt_of_zero()
    {
        var a = Field(A, t, X);
        var b = Field(B, t, X);
        var result = EulerLagrange.Derive(Action.Field(Expr.Half * (D(a, t) - D(b, X)).Pow(2), new[] { t, X }, A, B));
        result["A"].Form.Should().Be(EquationForm.Solved);
        result["A"].Solved!.Left.Should().Be(D2(a, t));
        result["A"].Solved!.Right.ShouldEqual(D(b, t, X));
        result["B"].Form.Should().Be(EquationForm.Solved);
        result["B"].Solved!.Left.Should().Be(D2(b, X));
        result["B"].Solved!.Right.ShouldEqual(D(a, t, X));
        result.ToString().Should().NotContain("d/dt(0)");
    }

    [Fact]
    public void A_cyclic_mechanical_coordinate_still_gives_its_conservation_law()
    {
        var r = Coord("r", Assumptions.Positive);
        var theta = Coord("theta");
        var result = EulerLagrange.Derive(Action.Mechanical(Expr.Half * (dot(r).Pow(2) + q(r).Pow(2) * dot(theta).Pow(2)), t, r, theta));
        result["theta"].Form.Should().Be(EquationForm.Conservation);
        result["theta"].ToString().Should().StartWith("d/dt(");
    }
}
