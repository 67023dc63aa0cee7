using Symbolic.Core;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

/// <summary><see cref="Curvature.Run"/> (the choice of route) and <see cref="Coframe.FromForms(Metric, IReadOnlyList{Form})"/> (the choice of η).</summary>
public sealed class CurvatureRunTests
{
    // ds² = 2 dx dy: no square can be completed (g_xx = 0), so there is no obvious coframe.
    private static Metric Null2 => Metric.FromMatrix(new Chart(x, y), new Expr[,] { { Expr.Zero, Expr.One }, { Expr.One, Expr.Zero } });

    [Fact]
    public void Without_a_route_Christoffel_symbols_and_frame_quantities_are_both_computed()
    {
        var run = Curvature.Run(Sphere(), CurvatureQuantities.Christoffel | CurvatureQuantities.Connection | CurvatureQuantities.Scalar);
        run.Components.Select(c => c.Label).Should().Equal("christoffel[theta,phi,phi]", "christoffel[phi,theta,phi]", "connection[1,2]", "scalar");
        run["scalar"].Should().Be(Number.Of(2));
    }

    [Fact]
    public void A_route_given_runs_alone_and_the_Christoffel_route_gives_no_frame_quantities()
    {
        Curvature.Run(Sphere(), CurvatureQuantities.Connection | CurvatureQuantities.Scalar, CurvatureRoute.Christoffel)
            .Components.Select(c => c.Label).Should().Equal("scalar");
    }

    [Fact]
    public void Coordinate_quantities_of_a_metric_without_an_obvious_coframe_take_the_Christoffel_route()
    {
        Coframe.TryOrthonormal(Null2, out _).Should().BeFalse();
        Curvature.Run(Null2, CurvatureQuantities.Ricci | CurvatureQuantities.Scalar).Components.Should().BeEmpty();
        var cartan = () => Curvature.Run(Null2, CurvatureQuantities.Scalar, CurvatureRoute.Cartan);
        cartan.Should().Throw<SymbolicException>().WithMessage("cannot complete the square on dx*");
    }

    [Fact]
    public void With_zeros_the_zero_coordinate_components_are_filled_in_print_order()
    {
        var run = Curvature.Run(Sphere(), CurvatureQuantities.Ricci);
        run.WithZeros(CurvatureQuantities.Ricci).Select(c => (c.Label, c.Value.IsZero)).Should().Equal(
            ("ricci[theta,theta]", false), ("ricci[theta,phi]", true), ("ricci[phi,phi]", false));
    }

    [Fact]
    public void A_coframe_without_signs_takes_the_first_eta_that_reproduces_the_metric()
    {
        var minkowski = Metric.Diagonal([t, x], Expr.MinusOne, Expr.One);
        var chart = minkowski.Chart;
        Coframe.FromForms(minkowski, [chart.D(t), chart.D(x)]).Eta.Should().Equal(-1, 1);
        // The signature read from the metric is tried first, then every other choice: here only η = diag(1, −1) fits.
        Coframe.FromForms(minkowski, [chart.D(x), chart.D(t)]).Eta.Should().Equal(1, -1);
    }

    [Fact]
    public void A_coframe_that_reproduces_the_metric_with_no_signs_is_refused_with_the_difference()
    {
        var chart = Sphere().Chart;
        var act = () => Coframe.FromForms(Sphere(), [chart.D(theta), chart.D(phi)]);
        act.Should().Throw<SymbolicException>().WithMessage("the coframe does not reproduce the metric*");
    }

    [Fact]
    public void The_signature_of_a_metric_without_an_obvious_coframe_is_not_read()
    {
        Null2.TrySignature(out var eta).Should().BeFalse();
        eta.Should().BeNull();
        Schwarzschild().TrySignature(out var s).Should().BeTrue();
        s.Should().Equal(-1, 1, 1, 1);
    }
}
