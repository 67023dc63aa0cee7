using Symbolic.Core;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

/// <summary>exterior-calculus-7 (kexue.fm 4076), worked example 1, eqs (70)–(78): the unit 2-sphere.</summary>
public class SphereTests
{
    private static CurvatureResult Cartan() => Curvature.Compute(Sphere());

    [Fact]
    public void Eq70_the_obvious_coframe_is_dtheta_and_sin_theta_dphi()
    {
        var frame = Coframe.Orthonormal(Sphere());
        var c = frame.Metric.Chart;
        frame.Forms[0].Should().Be(c.D(theta));
        frame.Forms[1].Should().Be(Sin(theta) * c.D(phi));
        frame.Eta.Should().Equal(1, 1);
    }

    [Fact]
    public void Eq72_the_connection_form_is_minus_cos_theta_dphi()
    {
        var res = Cartan();
        var w12 = res.Get("connection[1,2]")!.Form!;
        w12.Should().Be(-Cos(theta) * Sphere().Chart.D(phi));
    }

    [Fact]
    public void Eq74_the_curvature_form_is_sin_theta_dtheta_wedge_dphi()
    {
        var res = Cartan();
        var c = Sphere().Chart;
        Should.BeEquivalent(res.Get("curvature[1,2]")!.Form!.Coefficient(theta, phi), Sin(theta));
        res.Components.Where(x => x.Quantity == CurvatureQuantities.CurvatureForms).Should().HaveCount(1, "𝓡^1_1 = 𝓡^2_2 = 0 and 𝓡^2_1 = −𝓡^1_2 is not independent");
    }

    [Fact]
    public void Eq76_and_eq78_frame_and_coordinate_Riemann_components()
    {
        var res = Cartan();
        Should.BeEquivalent(res["frame_riemann[1,2,1,2]"], Expr.One);
        Should.BeEquivalent(res["riemann[theta,phi,theta,phi]"], Sin(theta).Pow(2), "eq (78); the running text's sin θ is a typo");
        (Normal.Simplify(res["riemann[theta,phi,theta,phi]"] - Sin(theta))).IsZero.Should().BeFalse("the text after (78) prints R^1_212 = sin θ, which is wrong");
        Should.BeEquivalent(res["riemann[phi,theta,theta,phi]"], Expr.MinusOne);
    }

    [Fact]
    public void Gaussian_curvature_one_gives_scalar_curvature_two_on_both_routes()
    {
        Should.BeEquivalent(Cartan()["scalar"], 2);
        var chr = Curvature.Compute(Sphere(), new CurvatureOptions { Route = CurvatureRoute.Christoffel });
        Should.BeEquivalent(chr["scalar"], 2);
        Should.BeEquivalent(chr["riemann[theta,phi,theta,phi]"], Sin(theta).Pow(2));
        Should.BeEquivalent(chr["kretschmann"], 4);
        Should.BeEquivalent(Cartan()["kretschmann"], 4);
    }

    [Fact]
    public void The_result_carries_its_conventions_and_the_derivation_steps()
    {
        var res = Cartan();
        res.Conventions.Should().Contain("R^μ_{νβγ} = ∂_β Γ^μ_{νγ}");
        res.Derivation.Select(s => s.Rule).Should().ContainInOrder("coframe", "exterior-derivative", "first-structure-equation", "second-structure-equation");
    }
}
