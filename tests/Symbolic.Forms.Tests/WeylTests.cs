using Symbolic.Core;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

public class WeylTests
{
    [Fact]
    public void FLRW_is_conformally_flat_so_its_Weyl_tensor_vanishes()
    {
        var res = Curvature.Compute(Flrw(out _), new CurvatureOptions { What = CurvatureQuantities.Weyl });
        res.Components.Should().BeEmpty("every C_{μνβγ} and C² is exactly zero");
    }

    [Fact]
    public void Schwarzschild_Weyl_squared_equals_Kretschmann_because_it_is_Ricci_flat()
    {
        var res = Curvature.Compute(Schwarzschild(), new CurvatureOptions { What = CurvatureQuantities.Weyl | CurvatureQuantities.Kretschmann | CurvatureQuantities.Riemann });
        Should.BeEquivalent(res["weyl_squared"], 48 * m.Pow(2) / r.Pow(6));
        Should.BeEquivalent(res["weyl_squared"], res["kretschmann"]);
        // Ricci-flat: C_{trtr} = R_{trtr} = g_tt R^t_{rtr}.
        Should.BeEquivalent(res["weyl[t,r,t,r]"], Schwarzschild()[t, t] * res["riemann[t,r,t,r]"]);
        res.Components.Where(c => c.Quantity == CurvatureQuantities.Weyl).Select(c => c.Label)
            .Should().Equal("weyl[t,r,t,r]", "weyl[t,theta,t,theta]", "weyl[t,phi,t,phi]", "weyl[r,theta,r,theta]", "weyl[r,phi,r,phi]", "weyl[theta,phi,theta,phi]", "weyl_squared");
    }

    [Fact]
    public void The_2_sphere_Weyl_is_not_computed_below_dimension_3()
    {
        var res = Curvature.Compute(Metric.Diagonal(new[] { theta, phi }, Expr.One, Sin(theta).Pow(2)), new CurvatureOptions { What = CurvatureQuantities.Weyl });
        res.Components.Should().BeEmpty();
    }
}
