using System.Text.Json;
using Symbolic.Cli.Commands;
using Symbolic.Core;
using Symbolic.Forms;
using Symbolic.Latex;

namespace Symbolic.Cli.Tests;

[Collection("Console")]
public sealed class FormsCommandTests
{
    private const string Sphere = @"ds^2 = d\theta^2 + \sin^2\theta d\phi^2";
    private const string Schwarzschild = @"ds^2 = -(1-\frac{2m}{r})dt^2 + \frac{dr^2}{1-2m/r} + r^2 d\theta^2 + r^2\sin^2\theta d\phi^2";

    [Fact]
    public void Functions_declared_on_the_command_line_make_FLRW_read_a_of_t()
    {
        const string flrw = @"ds^2 = -dt^2 + \frac{a(t)^2 dr^2}{1-k r^2} + a(t)^2 r^2 d\theta^2 + a(t)^2 r^2 \sin^2\theta d\phi^2";
        var r = Cli.Run("curvature", "-f", "text", "--functions", "a(t)", "--coords", @"t,r,\theta,\phi", "--what", "scalar", flrw);
        r.ExitCode.Should().Be(0, r.Err);
        var t = Expr.Symbol("t", Assumptions.Real);
        var a = Call.Of(Function.User("a"), t);
        var k = Expr.Symbol("k", Assumptions.Real);
        var printed = LatexMath.ReadOne(Cli.Run("curvature", "--functions", "a(t)", "--coords", @"t,r,\theta,\phi", "--what", "scalar", flrw).Results.Split(@" \tag")[0],
            new LoweringContext { Functions = { ["a"] = new[] { "t" } } });
        Expr dot(int n) => Derivative.Of(a, new[] { (t, n) });
        Simplifier.AreEqual(printed, 6 * dot(1).Pow(2) / a.Pow(2) + 6 * dot(2) / a + 6 * k / a.Pow(2)).Should().BeTrue(r.Out);
    }

    [Fact]
    public void In_a_line_element_a_name_applied_to_coordinates_is_a_function_of_them()
    {
        var metric = FormsCommands.ReadMetric(@"ds^2 = -e^{2\Phi(r)}dt^2 + e^{2\Lambda(r)}dr^2 + r^2 d\theta^2 + r^2\sin^2\theta d\phi^2", null, new LoweringContext());
        var r = metric.Chart.Coordinates[1];
        metric.Components[0, 0].Should().Be(-Expr.Exp(2 * Call.Of(Function.User("Phi"), r)));
        var plain = FormsCommands.ReadMetric(@"ds^2 = a(t)^2 dx^2", @"x", new LoweringContext());   // t is not a coordinate here: a·t
        plain.Components[0, 0].FreeSymbols().Select(s => s.Name).Should().Contain("t");
    }

    [Fact]
    public void The_conventions_are_printed_before_the_results_in_one_line_and_in_full_with_the_option()
    {
        var r = Cli.Run("curvature", "--what", "scalar", Sphere);
        r.Out.Split('\n')[0].Should().StartWith("% Conventions: R^μ_{νβγ} = ∂_β Γ^μ_{νγ}").And.Contain("--conventions");
        r.Out.Split('\n')[1].Should().NotStartWith("%", "the default note is one line");
        var full = Cli.Run("curvature", "--what", "scalar", "--conventions", Sphere);
        full.Out.Split('\n')[0].Should().StartWith("% Conventions: Γ^μ_{αβ}").And.Contain("R^μ_{νβγ}").And.Contain("eq 68");
        Cli.Run("curvature", "-f", "json", "--what", "scalar", Sphere).Out.Should().Contain("\"rule\":\"note\"");
    }

    [Fact]
    public void A_scalar_asked_for_by_name_is_printed_even_when_it_is_zero_and_zero_tensor_components_stay_omitted()
    {
        const string flat = @"ds^2 = -dt^2 + dx^2 + dy^2 + dz^2";
        var r = Cli.Run("curvature", "--what", "scalar", "-f", "text", flat);
        r.ExitCode.Should().Be(0, r.Err);
        r.Results.Trim().Should().Be("(scalar) 0");
        var both = Cli.Run("curvature", "--what", "ricci,scalar,kretschmann", "-f", "text", flat);
        both.Results.Trim().Split('\n').Should().Equal("(scalar) 0", "(kretschmann) 0");
        Cli.Run("curvature", "-f", "text", flat).Results.Trim().Should().BeEmpty("without a name (all) zeros stay omitted");
    }

    [Fact]
    public void Curvature_of_the_2_sphere_has_scalar_2()
    {
        var r = Cli.Run("curvature", "-f", "text", "--what", "ricci,scalar", Sphere);
        r.ExitCode.Should().Be(0, r.Err);
        r.Results.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "(ricci[theta,theta]) 1", "(ricci[phi,phi]) sin(theta)^2", "(scalar) 2");
    }

    [Fact]
    public void Coordinates_are_inferred_in_order_of_first_appearance_or_taken_from_coords()
    {
        var context = new LoweringContext();
        FormsCommands.ReadMetric(Schwarzschild, null, context).Chart.Coordinates.Select(c => c.Name).Should().Equal("t", "r", "theta", "phi");
        FormsCommands.ReadMetric(Schwarzschild, @"r,t,\phi,\theta", context).Chart.Coordinates.Select(c => c.Name).Should().Equal("r", "t", "phi", "theta");
    }

    [Fact]
    public void A_cross_term_is_split_half_to_each_off_diagonal_component()
    {
        var metric = FormsCommands.ReadMetric(@"ds^2 = dx^2 + 2a\,dx\,dy + dy^2", null, new LoweringContext());
        var g = metric.Components;
        var a = g[0, 1].FreeSymbols().Single();
        a.Name.Should().Be("a");
        Simplifier.AreEqual(g[0, 1], a).Should().BeTrue();
        Simplifier.AreEqual(g[1, 0], a).Should().BeTrue();
    }

    [Fact]
    public void Schwarzschild_is_Ricci_flat_and_its_Kretschmann_scalar_is_48_m2_over_r6()
    {
        var context = new LoweringContext();
        context.Assumptions["r"] = Assumptions.Positive;
        var metric = FormsCommands.ReadMetric(Schwarzschild, null, context);
        var result = Curvature.Run(metric, FormsCommands.ParseWhat("ricci,scalar,kretschmann"), null, new Budget());
        result.Components.Select(c => c.Label).Should().Equal("kretschmann");
        var r = metric.Chart.Coordinates[1];
        var m = metric[metric.Chart.Coordinates[0], metric.Chart.Coordinates[0]].FreeSymbols().Single(s => s.Name == "m");
        var expected = 48 * Power.Of(m, 2) / Power.Of(r, 6);
        Simplifier.AreEqual(result["kretschmann"], expected).Should().BeTrue(result["kretschmann"].ToString());

        var cli = Cli.Run("curvature", "-f", "text", "--what", "ricci,kretschmann", "--assume", "r>0", Schwarzschild);
        cli.ExitCode.Should().Be(0, cli.Err);
        cli.Results.Should().Be("(kretschmann) 48*m^2/r^6\n");
    }

    [Fact]
    public void The_automatic_Schwarzschild_coframe_gives_the_connection_with_the_sign_of_eq_85()
    {
        // ω² = dr/√(1 − 2m/r) is a positive multiple of dr, so ω¹₂ = +m/r² dt as exterior-calculus-7 eq 85
        // (e^{Φ−Λ}Φ′ dt with e^{2Φ} = 1 − 2m/r) and as the typed coframe gives
        foreach (var metric in new[] { Schwarzschild, Schwarzschild.Replace("1-2m/r}", @"1-\frac{2m}{r}}") })
        {
            var cli = Cli.Run("curvature", "-f", "text", "--route", "cartan", "--what", "connection", metric);
            cli.ExitCode.Should().Be(0, cli.Err);
            cli.Results.Split('\n')[0].Should().Be("(connection[1,2]) m*d(t)/r^2");
        }
    }

    [Fact]
    public void By_default_everything_is_computed_Christoffel_symbols_and_frame_quantities_alike()
    {
        var labels = Cli.Run("curvature", "-f", "json", Sphere).Out;
        using var doc = JsonDocument.Parse(labels);
        doc.RootElement.GetProperty("results").EnumerateArray().Select(x => x.GetProperty("label").GetString()).Should().Equal(
            "christoffel[theta,phi,phi]", "christoffel[phi,theta,phi]", "connection[1,2]", "curvature[1,2]", "frame_riemann[1,2,1,2]",
            "riemann[theta,phi,theta,phi]", "riemann[phi,theta,theta,phi]", "ricci[theta,theta]", "ricci[phi,phi]", "scalar", "kretschmann");
        Cli.Run("curvature", "-f", "text", "--route", "christoffel", "--what", "scalar", Sphere).Results.Should().Be("(scalar) 2\n");
    }

    [Fact]
    public void Zeros_prints_the_zero_components_too()
    {
        var r = Cli.Run("curvature", "-f", "text", "--what", "ricci", "--zeros", Sphere);
        r.Results.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "(ricci[theta,theta]) 1", "(ricci[theta,phi]) 0", "(ricci[phi,phi]) sin(theta)^2");
    }

    [Fact]
    public void Json_labels_are_the_component_labels()
    {
        var r = Cli.Run("curvature", "-f", "json", "--what", "ricci,scalar,kretschmann", Sphere);
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Select(x => x.GetProperty("label").GetString()).Should().Equal("ricci[theta,theta]", "ricci[phi,phi]", "scalar", "kretschmann");
        results[2].GetProperty("text").GetString().Should().Be("2");
        results[3].GetProperty("text").GetString().Should().Be("4");
    }

    [Fact]
    public void A_bad_metric_is_a_math_error_with_a_message()
    {
        var r = Cli.Run("curvature", @"ds^2 = x + dy");
        r.ExitCode.Should().Be(1);
        r.Results.Should().BeEmpty();
        r.Err.Should().StartWith("error: not a line element");
    }

    [Fact]
    public void An_unknown_quantity_is_bad_usage()
    {
        var r = Cli.Run("curvature", "--what", "torsion", Sphere);
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("unknown quantity torsion");
    }

    [Fact]
    public void Repl_metric_then_ricci_kretschmann_and_christoffel()
    {
        var s = new Session();
        s.Out(":metric " + Schwarzschild).Should().StartWith(@"metric in (t, r, \theta, \phi): g[t,t] = ");
        s.Out(":ricci").Should().Be("all components are zero (ricci,scalar)");
        s.Out(":kretschmann").Should().Be(@"kretschmann = \frac{48 m^{2}}{r^{6}}");
        s.Out(":christoffel").Split('\n').Should().Contain(@"christoffel[theta,r,theta] = \frac{1}{r}");
        s.Out(":curvature scalar").Should().Be("all components are zero (scalar)");
    }

    [Fact]
    public void Repl_curvature_of_the_sphere()
    {
        var s = new Session();
        s.Out(":metric " + Sphere);
        s.Out(":curvature scalar,kretschmann").Split('\n').Should().Equal("scalar = 2", "kretschmann = 4");
    }

    [Fact]
    public void Repl_curvature_without_a_metric_says_so()
    {
        var r = new Session().Execute(":ricci", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("no metric yet");
    }
}
