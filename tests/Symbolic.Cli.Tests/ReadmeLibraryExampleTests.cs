using Symbolic.Core;
using Symbolic.Forms;
using Symbolic.Latex;
using Symbolic.Variational;
using Action = Symbolic.Variational.Action;

namespace Symbolic.Cli.Tests;

/// <summary>The README's "From LaTeX to a module" example, compiled and checked: the entry points the commands call.</summary>
public sealed class ReadmeLibraryExampleTests
{
    [Fact]
    public void A_line_element_becomes_a_metric_whose_Kretschmann_scalar_is_48_m2_over_r6()
    {
        var ds2 = @"ds^2 = -(1-\frac{2m}{r})dt^2 + \frac{dr^2}{1-2m/r} + r^2 d\theta^2 + r^2\sin^2\theta\, d\phi^2";
        var context = new LoweringContext { FunctionsOfDifferentials = true };
        context.Assumptions["r"] = Assumptions.Positive;
        var metric = Metric.FromLineElement(LatexMath.ReadOne(ds2, context), appearances: LatexSource.FirstAppearances(ds2, context));
        var k = Curvature.Run(metric, CurvatureQuantities.Kretschmann)["kretschmann"];   // 48 m^2/r^6

        metric.Chart.Coordinates.Select(c => c.Name).Should().Equal("t", "r", "theta", "phi");
        var r = metric.Chart.Coordinates[1];
        var m = k.FreeSymbols().Single(s => s.Name == "m");
        Simplifier.AreEqual(k, 48 * m.Pow(2) / r.Pow(6)).Should().BeTrue(k.ToString());
    }

    [Fact]
    public void d_and_wedge_typed_as_LaTeX_become_a_form()
    {
        var typed = @"d(\sin\theta\, d\phi)";
        var w = LatexMath.ReadOne(typed);
        var chart = Form.ChartFor(w, appearances: LatexSource.FirstAppearances(typed));   // (θ, φ), as written
        var form = Form.FromExpr(w, chart).Simplify();                                    // cos θ dθ∧dφ

        form.Degree.Should().Be(2);
        form.ToString().Should().Be("cos(theta) dtheta^dphi");
    }

    [Fact]
    public void An_action_typed_as_LaTeX_gives_the_conservation_of_angular_momentum()
    {
        var t = Expr.Symbol("t", Assumptions.Real);
        var (L, time, _) = Action.LagrangianOf(
            LatexMath.ReadOne(@"S = \int \left[\frac12 m(\dot{r}^2 + r^2\dot{\theta}^2) + \frac{k}{r}\right] dt"), t);
        var action = Action.FromLagrangian(L, time);                        // mechanical, coordinates r, θ
        var law = EulerLagrange.Derive(action)["theta"].Conservation!.Held;  // d/dt(m r² θ̇) = 0

        action.Fields.Select(f => f.Name).Should().Equal("r", "theta");
        Formats.Print(law, OutputFormat.Latex).Should().Be(@"\frac{d}{dt}\left(m r^{2} \dot{\theta}\right) = 0");
    }
}
