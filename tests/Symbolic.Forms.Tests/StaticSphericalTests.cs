using Symbolic.Core;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

/// <summary>
/// exterior-calculus-7 (kexue.fm 4076), worked example 2, eqs (79)–(88): −e^{2Φ}dt² + e^{2Λ}dr² + r²dΩ²,
/// frame indices 1 = t, 2 = r, 3 = θ, 4 = φ. Expected values are the article's, typed here from the article;
/// the engine derives its own through Cartan's structure equations.
/// </summary>
public class StaticSphericalTests
{
    private static readonly Metric G = StaticSpherical(out Phi, out Lambda);
    private static readonly Expr Phi, Lambda;
    private static readonly Chart C = G.Chart;
    private static readonly Lazy<CurvatureResult> Res = new(() => Curvature.Compute(G));
    private static Expr dPhi => D(Phi, r);
    private static Expr ddPhi => D(Phi, r, 2);
    private static Expr dLambda => D(Lambda, r);

    private static void FormIs(string label, Form expected)
    {
        var actual = Res.Value.Get(label)?.Form ?? C.Zero(expected.Degree);
        (actual - expected).IsZeroBySimplification().Should().BeTrue($"{label} = {actual} should be {expected}");
    }

    [Fact]
    public void Eq80_the_coframe_is_e_Phi_dt_e_Lambda_dr_r_dtheta_r_sin_theta_dphi()
    {
        var frame = Coframe.Orthonormal(G);
        frame.Eta.Should().Equal(-1, 1, 1, 1);
        frame.Forms[0].Should().Be(Expr.Exp(Phi) * C.D(t));
        frame.Forms[1].Should().Be(Expr.Exp(Lambda) * C.D(r));
        frame.Forms[2].Should().Be(r * C.D(theta));
        frame.Forms[3].Should().Be(r * Sin(theta) * C.D(phi));
    }

    [Fact]
    public void Eq85_connection_forms()
    {
        FormIs("connection[1,2]", Expr.Exp(Phi - Lambda) * dPhi * C.D(t));
        FormIs("connection[1,3]", C.Zero(1));
        FormIs("connection[1,4]", C.Zero(1));
        FormIs("connection[2,3]", -Expr.Exp(-Lambda) * C.D(theta));
        FormIs("connection[2,4]", -Sin(theta) * Expr.Exp(-Lambda) * C.D(phi));
        FormIs("connection[3,4]", -Cos(theta) * C.D(phi));
    }

    [Fact(Skip = Pending.Kernel)]
    public void Eq87_curvature_forms_with_the_sign_typo_in_R34_detected()
    {
        var dtdr = C.D(t).Wedge(C.D(r));
        FormIs("curvature[1,2]", -Expr.Exp(Phi - Lambda) * (ddPhi + dPhi.Pow(2) - dPhi * dLambda) * dtdr);
        FormIs("curvature[1,3]", -Expr.Exp(Phi - 2 * Lambda) * dPhi * C.D(t).Wedge(C.D(theta)));
        FormIs("curvature[1,4]", -Expr.Exp(Phi - 2 * Lambda) * dPhi * Sin(theta) * C.D(t).Wedge(C.D(phi)));
        FormIs("curvature[2,3]", Expr.Exp(-Lambda) * dLambda * C.D(r).Wedge(C.D(theta)));
        FormIs("curvature[2,4]", Expr.Exp(-Lambda) * dLambda * Sin(theta) * C.D(r).Wedge(C.D(phi)));
        // Corrected: (1 − e^{−2Λ}) sin θ dθ∧dφ.
        FormIs("curvature[3,4]", (1 - Expr.Exp(-2 * Lambda)) * Sin(theta) * C.D(theta).Wedge(C.D(phi)));
        // As printed in (87): (1 − e^{2Λ}) — the engine must disagree.
        var printed = (1 - Expr.Exp(2 * Lambda)) * Sin(theta) * C.D(theta).Wedge(C.D(phi));
        (Res.Value.Get("curvature[3,4]")!.Form! - printed).IsZeroBySimplification().Should().BeFalse("eq (87) prints e^{2Λ} where e^{−2Λ} is right");
    }

    [Fact(Skip = Pending.Kernel)]
    public void Eq88_frame_components_with_the_label_typo_detected()
    {
        Should.BeEquivalent(Res.Value["frame_riemann[1,2,1,2]"], -Expr.Exp(-2 * Lambda) * (ddPhi + dPhi.Pow(2) - dPhi * dLambda));
        // Printed as R̂^1_{312}; the value −(1/r)e^{−2Λ}Φ' is R̂^1_{313}, and R̂^1_{312} is 0.
        Should.BeEquivalent(Res.Value["frame_riemann[1,3,1,3]"], -Expr.Exp(-2 * Lambda) * dPhi / r);
        Res.Value.Contains("frame_riemann[1,3,1,2]").Should().BeFalse("R̂^1_{312} = 0: the label in (88) is a typo");
        Should.BeEquivalent(Res.Value["frame_riemann[1,4,1,4]"], -Expr.Exp(-2 * Lambda) * dPhi / r);
        Should.BeEquivalent(Res.Value["frame_riemann[2,3,2,3]"], Expr.Exp(-2 * Lambda) * dLambda / r);
        Should.BeEquivalent(Res.Value["frame_riemann[3,4,3,4]"], (1 - Expr.Exp(-2 * Lambda)) / r.Pow(2));
    }

    [Fact(Skip = Pending.Kernel)]
    public void Cartan_and_Christoffel_routes_agree_on_every_tensor()
    {
        var chr = Curvature.Compute(G, new CurvatureOptions { Route = CurvatureRoute.Christoffel });
        RouteAgreement.Check(Res.Value, chr);
    }
}

internal static class RouteAgreement
{
    private const CurvatureQuantities Shared = CurvatureQuantities.Riemann | CurvatureQuantities.Ricci | CurvatureQuantities.Scalar | CurvatureQuantities.Einstein | CurvatureQuantities.Kretschmann;

    public static void Check(CurvatureResult a, CurvatureResult b)
    {
        var labels = a.Components.Concat(b.Components).Where(c => (c.Quantity & Shared) != 0).Select(c => c.Label).Distinct().ToList();
        labels.Should().NotBeEmpty();
        foreach (var l in labels) Should.BeEquivalent(a[l], b[l], $"({l}: Cartan vs Christoffel)");
    }
}
