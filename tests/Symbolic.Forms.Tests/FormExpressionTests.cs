using Symbolic.Core;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

/// <summary><see cref="Form.FromExpr"/>: forms written as kernel expressions with the heads d and wedge.</summary>
public sealed class FormExpressionTests
{
    private static Expr d(Expr x) => Call.Of(Function.D, x);
    private static Expr Wedge(params Expr[] xs) => Call.Of(Function.Wedge, xs);
    private static readonly Chart Sphere2 = new(theta, phi);

    [Fact]
    public void The_exterior_derivative_of_sin_theta_dphi_is_cos_theta_dtheta_wedge_dphi()
    {
        var form = Form.FromExpr(d(Sin(theta) * d(phi)), Sphere2);
        form.Degree.Should().Be(2);
        form.Coefficient(theta, phi).Should().Be(Cos(theta));
    }

    [Fact]
    public void A_wedge_product_is_antisymmetric() =>
        Form.FromExpr(Wedge(d(theta), Sin(theta) * d(phi)) + Wedge(Sin(theta) * d(phi), d(theta)), Sphere2).Simplify().IsZero.Should().BeTrue();

    [Fact]
    public void d_of_d_is_zero() =>
        Form.FromExpr(d(d(r.Pow(2) * Sin(theta))), new Chart(r, theta)).Simplify().IsZero.Should().BeTrue();

    [Fact]
    public void Omega_k_stands_for_the_kth_form_of_the_coframe()
    {
        var coframe = new[] { Sphere2.D(theta), Sin(theta) * Sphere2.D(phi) };
        var omega = Expr.Symbol("omega", Assumptions.Real);
        var form = Form.FromExpr(Wedge(omega, omega.Pow(2)), Sphere2, coframe);
        form.Coefficient(theta, phi).Should().Be(Sin(theta));
        var act = () => Form.FromExpr(omega.Pow(3), Sphere2, coframe);
        act.Should().Throw<SymbolicException>().WithMessage("the coframe has ω^1 … ω^2, not ω^3");
    }

    [Fact]
    public void Forms_of_different_degrees_are_not_added()
    {
        var act = () => Form.FromExpr(d(theta) + Wedge(d(theta), d(phi)), Sphere2);
        act.Should().Throw<SymbolicException>().WithMessage("cannot add forms of different degrees");
    }

    [Fact]
    public void A_product_of_two_forms_without_a_wedge_is_refused()
    {
        var act = () => Form.FromExpr(d(theta) * d(phi), Sphere2);
        act.Should().Throw<SymbolicException>().WithMessage("a product of two forms is ambiguous here*");
    }

    [Fact]
    public void The_chart_is_the_metrics_when_it_has_every_differentiated_coordinate_else_the_differentials_in_written_order()
    {
        var e = Wedge(d(phi), d(theta));
        Form.ChartFor(e, Sphere()).Should().Be(Sphere().Chart);
        Form.ChartFor(e, appearances: [theta, d(phi), phi, d(theta)]).Coordinates.Should().Equal(theta, phi);
        Form.ChartFor(d(x), Sphere()).Coordinates.Should().Equal(x);
        var act = () => Form.ChartFor(x * y);
        act.Should().Throw<SymbolicException>().WithMessage("no coordinates: write differentials such as d\\theta");
    }

    [Fact]
    public void A_form_expression_is_one_that_mentions_d_or_wedge()
    {
        Form.IsFormExpression(Sin(theta) * d(phi)).Should().BeTrue();
        Form.IsFormExpression(Call.Of(Function.Named("d"), x)).Should().BeTrue();
        Form.IsFormExpression(Call.Of(Function.User("d"), x)).Should().BeFalse();
        Form.IsFormExpression(Sin(theta)).Should().BeFalse();
    }
}
