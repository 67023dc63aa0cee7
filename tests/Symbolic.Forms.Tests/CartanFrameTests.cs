using Symbolic.Core;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

/// <summary>
/// The Cartan route solves the structure equations in θ^μ = K^μ_α dx^α (ω^μ = s_μ θ^μ, ds² = Σ N_μ (θ^μ)²), where the
/// coframe's square roots sit in s_μ, and brings in the roots only for the frame components it prints. These tests
/// check the factoring, and every printed frame component against an identity computed from the coframe itself.
/// </summary>
public class CartanFrameTests
{
    private static Expr Sigma => r.Pow(2) + a.Pow(2) * Cos(theta).Pow(2);
    private static Expr Delta => r.Pow(2) - 2 * m * r + a.Pow(2);

    /// <summary>Carter's orthonormal coframe of Kerr: ω⁰ = √(Δ/Σ)(dt − a sin²θ dφ), ω¹ = √(Σ/Δ) dr, ω² = √Σ dθ, ω³ = sin θ/√Σ ((r²+a²)dφ − a dt).</summary>
    private static Coframe Carter(Metric kerr)
    {
        var chart = kerr.Chart;
        var forms = new[]
        {
            chart.OneForm(Expr.Sqrt(Delta / Sigma), Expr.Zero, Expr.Zero, -Expr.Sqrt(Delta / Sigma) * a * Sin(theta).Pow(2)),
            chart.OneForm(Expr.Zero, Expr.Sqrt(Sigma / Delta), Expr.Zero, Expr.Zero),
            chart.OneForm(Expr.Zero, Expr.Zero, Expr.Sqrt(Sigma), Expr.Zero),
            chart.OneForm(-a * Sin(theta) / Expr.Sqrt(Sigma), Expr.Zero, Expr.Zero, (r.Pow(2) + a.Pow(2)) * Sin(theta) / Expr.Sqrt(Sigma)),
        };
        return Coframe.FromForms(kerr, forms, new[] { -1, 1, 1, 1 });
    }

    private static bool HasRoot(Expr e) => e.Any(x => x is Power { Exponent: Number { Value.IsInteger: false } } p && !p.Base.Equals(Expr.E));

    [Fact]
    public void The_completed_square_coframe_of_Kerr_keeps_its_roots_in_the_scales_and_the_frame_theta_rational()
    {
        var kerr = Kerr();
        var frame = Coframe.Orthonormal(kerr, new[] { -1, 1, 1, 1 });
        for (int mu = 0; mu < 4; mu++)
        {
            HasRoot(frame.Norm[mu]).Should().BeFalse($"N_{mu} = {frame.Norm[mu]}");
            Should.BeEquivalent(frame.Eta[mu] * frame.Scale[mu].Pow(2), frame.Norm[mu], $"(N_{mu} = η s²)");
            for (int al = 0; al < 4; al++)
            {
                HasRoot(frame.Direction[mu, al]).Should().BeFalse($"K[{mu},{al}] = {frame.Direction[mu, al]}");
                Should.BeEquivalent(frame.Scale[mu] * frame.Direction[mu, al], frame.H[mu, al], $"(h = s K at [{mu},{al}])");
            }
        }
        HasRoot(frame.Scale[0]).Should().BeTrue("ω^t = √((Σ − 2mr)/Σ)(dt + …) has its root in s_t");
    }

    [Fact]
    public void A_supplied_coframe_is_factored_row_by_row_and_a_row_without_a_common_root_stays_whole()
    {
        var kerr = Kerr();
        var carter = Carter(kerr);
        carter.Scale.Should().OnlyContain(s => HasRoot(s), "each of Carter's rows is one root times a rational row");
        carter.Direction.Cast<Expr>().Should().OnlyContain(k => !HasRoot(k));
        Should.BeEquivalent(carter.Direction[3, 3], -(r.Pow(2) + a.Pow(2)) / a, "(θ³ = dt − (r²+a²)/a dφ)");

        // ω = (1 + √x) dx + dy on a flat plane has no common root: the row is kept as it is, with s = 1 and N = η.
        var x2 = Expr.Symbol("x", Assumptions.Positive);
        var plane = Metric.Diagonal(new[] { x2, y }, Expr.One, Expr.One);
        var c = Expr.Sqrt(x2);
        var w1 = plane.Chart.OneForm(1 / Expr.Sqrt(2 + 2 * c + x2) * (1 + c), 1 / Expr.Sqrt(2 + 2 * c + x2));
        var w2 = plane.Chart.OneForm(-1 / Expr.Sqrt(2 + 2 * c + x2), 1 / Expr.Sqrt(2 + 2 * c + x2) * (1 + c));
        var rotated = Coframe.FromForms(plane, new[] { w1, w2 }, new[] { 1, 1 });
        rotated.Scale.Should().OnlyContain(s => s.IsOne, "(1 + √x, 1)/√(2 + 2√x + x) divided by its first entry still has √x");
        var flat = Curvature.Compute(plane, new CurvatureOptions { Route = CurvatureRoute.Cartan, Coframe = rotated });
        flat.Components.Where(k => k.Quantity != CurvatureQuantities.Connection).Should().BeEmpty("the plane is flat in any frame");
        flat.Components.Should().OnlyContain(k => k.Verified != false);
    }

    [Fact]
    public void Kerr_by_Cartan_with_the_completed_square_coframe_agrees_with_the_Christoffel_route_in_every_coordinate_component()
    {
        var kerr = Kerr();
        var what = CurvatureQuantities.Riemann | CurvatureQuantities.Ricci | CurvatureQuantities.Kretschmann;
        var cartan = Curvature.Compute(kerr, new CurvatureOptions { Route = CurvatureRoute.Cartan, Coframe = Coframe.Orthonormal(kerr, new[] { -1, 1, 1, 1 }), What = what });
        var christoffel = Curvature.Compute(kerr, new CurvatureOptions { Route = CurvatureRoute.Christoffel, What = what });
        cartan.Components.Where(c => c.Quantity == CurvatureQuantities.Ricci).Should().BeEmpty("Kerr is Ricci-flat");
        cartan.Components.Where(c => c.Quantity == CurvatureQuantities.Riemann).Should().OnlyContain(c => c.Verified == true, "first Bianchi identity");
        RouteAgreement.Check(cartan, christoffel);
    }

    [Fact]
    public void Kerr_in_Carters_coframe_gives_connection_forms_that_solve_the_first_structure_equation_and_frame_components_that_square_to_the_Kretschmann_scalar()
    {
        var kerr = Kerr();
        var frame = Carter(kerr);
        var res = Curvature.Compute(kerr, new CurvatureOptions
        {
            Route = CurvatureRoute.Cartan, Coframe = frame,
            What = CurvatureQuantities.Connection | CurvatureQuantities.FrameRiemann | CurvatureQuantities.Ricci | CurvatureQuantities.Kretschmann,
        });
        res.Components.Where(c => c.Quantity == CurvatureQuantities.Ricci).Should().BeEmpty("Kerr is Ricci-flat");
        res.Components.Where(c => c.Quantity == CurvatureQuantities.Connection).Should().NotBeEmpty().And.OnlyContain(c => c.Verified == true, "dω + ω∧ω = 0 with Carter's forms");
        // K = 4 Σ_{a<b, c<d} η_a η_b η_c η_d R̂_abcd² from the printed R̂^a_{bcd} (roots and all), against the closed form.
        Expr sum = Expr.Zero;
        for (int i = 1; i <= 4; i++) for (int j = i + 1; j <= 4; j++)
            for (int k = 1; k <= 4; k++) for (int l = k + 1; l <= 4; l++)
            {
                var v = res[$"frame_riemann[{i},{j},{k},{l}]"];
                if (v.IsZero) continue;
                int sign = frame.Eta[i - 1] * frame.Eta[j - 1] * frame.Eta[k - 1] * frame.Eta[l - 1];
                sum += sign * v.Pow(2);
            }
        Expr c0 = Cos(theta);
        var closed = 48 * m.Pow(2) * (r.Pow(6) - 15 * a.Pow(2) * r.Pow(4) * c0.Pow(2) + 15 * a.Pow(4) * r.Pow(2) * c0.Pow(4) - a.Pow(6) * c0.Pow(6)) / Sigma.Pow(6);
        Should.BeEquivalent(4 * sum, closed, "(from the frame components)");
        Should.BeEquivalent(res["kretschmann"], closed);
    }

    [Fact]
    public void Schwarzschild_curvature_forms_are_the_frame_components_wedged_with_the_coframe()
    {
        // ω¹ = √(1 − 2m/r) dt and ω² = dr/√(1 − 2m/r) carry roots: 𝓡^a_b = Σ_{c<d} R̂^a_{bcd} ω^c∧ω^d checks the scaling of both.
        var res = Curvature.Compute(Schwarzschild());
        var omega = res.Coframe!.Forms;
        for (int i = 1; i <= 4; i++)
            for (int j = i + 1; j <= 4; j++)
            {
                var expected = new Form(omega[0].Chart, 2, new Dictionary<int, Expr>());
                for (int k = 1; k <= 4; k++)
                    for (int l = k + 1; l <= 4; l++)
                        expected += res[$"frame_riemann[{i},{j},{k},{l}]"] * omega[k - 1].Wedge(omega[l - 1]);
                var actual = res.Get($"curvature[{i},{j}]")?.Form ?? new Form(omega[0].Chart, 2, new Dictionary<int, Expr>());
                var diff = (actual - expected).Simplify();
                diff.IsZero.Should().BeTrue($"curvature[{i},{j}] = {actual}, frame components give {expected}");
            }
        Should.BeEquivalent(res["frame_riemann[1,2,1,2]"], 2 * m / r.Pow(3));
        Should.BeEquivalent(res.Get("connection[2,3]")!.Form!.Coefficient(theta), -Expr.Sqrt(1 - 2 * m / r), "(ω²₃ = −√(1 − 2m/r) dθ)");
    }

    [Fact]
    public void The_coframe_step_records_the_coframe_as_it_was_completed_not_its_normal_form()
    {
        var metric = Schwarzschild();
        var res = Curvature.Compute(metric);
        var steps = res.Derivation.Where(s => s.Rule == "coframe").ToList();
        steps.Should().HaveCount(4);
        var omega2 = ((Relation)steps[1].After).Right;
        omega2.Should().Be(res.Coframe!.Forms[1].ToExpr());
        omega2.ToString().Should().Contain("1 - 2*m/r").And.NotContain("r^2 - 2*m*r");
    }
}
