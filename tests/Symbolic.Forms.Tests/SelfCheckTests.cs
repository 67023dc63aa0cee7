using Symbolic.Core;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

public class SelfCheckTests
{
    [Theory]
    [InlineData(CurvatureRoute.Cartan)]
    [InlineData(CurvatureRoute.Christoffel)]
    public void Every_checked_component_of_Schwarzschild_is_verified(CurvatureRoute route)
    {
        var res = Curvature.Compute(Schwarzschild(), new CurvatureOptions { Route = route });
        res.Components.Where(c => c.Quantity is CurvatureQuantities.Connection or CurvatureQuantities.Riemann or CurvatureQuantities.FrameRiemann or CurvatureQuantities.Christoffel)
            .Should().NotBeEmpty().And.OnlyContain(c => c.Verified == true);
        res.Components.Where(c => c.Quantity is CurvatureQuantities.Kretschmann).Should().OnlyContain(c => c.Verified == null);
    }

    [Fact]
    public void A_connection_form_with_the_wrong_sign_fails_the_structure_equation()
    {
        var res = Curvature.Compute(Schwarzschild(), new CurvatureOptions { What = CurvatureQuantities.Connection });
        var tampered = res.Components.Select(c => c.Label == "connection[1,2]" ? c with { Form = -c.Form!, Value = -c.Value } : c).ToList();
        SelfCheck.FirstStructureEquation(res.Coframe!, res.Components).Should().BeTrue();
        SelfCheck.FirstStructureEquation(res.Coframe!, tampered).Should().BeFalse();
    }

    [Fact]
    public void A_Riemann_component_with_the_wrong_sign_fails_the_first_Bianchi_identity()
    {
        // a metric whose Riemann tensor has components with three distinct lower indices (cross term)
        var g = Metric.FromMatrix(new Chart(t, r, theta), new Expr[,]
        {
            { -1, r * theta, 0 },
            { r * theta, 1 + r.Pow(2), 0 },
            { 0, 0, r.Pow(2) },
        });
        var res = Curvature.Compute(g, new CurvatureOptions { Route = CurvatureRoute.Christoffel, What = CurvatureQuantities.Riemann });
        var names = new[] { "t", "r", "theta" };
        SelfCheck.FirstBianchi(res.Components, "riemann", names).Should().BeTrue();
        var target = res.Components.First(c => c.Label.Split(',').Skip(1).Distinct().Count() == 3);
        var tampered = res.Components.Select(c => c == target ? c with { Value = -c.Value } : c).ToList();
        SelfCheck.FirstBianchi(tampered, "riemann", names).Should().BeFalse($"{target.Label} = {target.Value} flipped");
    }

    [Fact]
    public void A_Christoffel_symbol_with_the_wrong_sign_fails_metric_compatibility()
    {
        var res = Curvature.Compute(Schwarzschild(), new CurvatureOptions { Route = CurvatureRoute.Christoffel, What = CurvatureQuantities.Christoffel });
        var tampered = res.Components.Select(c => c.Label == "christoffel[r,t,t]" ? c with { Value = -c.Value } : c).ToList();
        SelfCheck.MetricCompatibility(res.Metric, tampered).Should().BeFalse();
    }
}
