using Symbolic.Cli.Commands;
using Symbolic.Core;

namespace Symbolic.Cli.Tests;

public sealed class FormArithmeticTests
{
    private readonly Session _s = new();
    private const string Sphere = @":metric ds^2 = d\theta^2 + \sin^2\theta d\phi^2";

    [Fact]
    public void The_exterior_derivative_typed_as_LaTeX_is_evaluated_on_the_coordinates_it_mentions() =>
        _s.Out(@"d(\sin\theta d\phi)").Should().Be(@"\cos \theta \, d \theta \wedge d \phi");

    [Fact]
    public void A_wedge_product_typed_as_LaTeX_is_antisymmetric() =>
        _s.Out(@"d\theta \wedge \sin\theta d\phi + \sin\theta d\phi \wedge d\theta").Should().Be("0");

    [Fact]
    public void d_of_d_is_zero() =>
        _s.Out(@"d(d(r^2 \sin\theta))").Should().Be("0");

    [Fact]
    public void Coframe_forms_are_used_by_omega_after_coframe()
    {
        _s.Out(Sphere, @":coframe \omega^1 = d\theta, \omega^2 = \sin\theta d\phi").Should().Contain("η = diag(1, 1)");
        _s.Out(@"\omega^1 \wedge \omega^2").Should().Be(@"\sin \theta \, d \theta \wedge d \phi");
        _s.Out(@"d(\omega^2)").Should().Be(@"\cos \theta \, d \theta \wedge d \phi");
    }

    [Fact]
    public void A_coframe_that_does_not_reproduce_the_metric_is_refused()
    {
        var r = _s.Execute(Sphere);
        r = _s.Execute(@":coframe \omega^1 = d\theta, \omega^2 = d\phi");
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("does not reproduce the metric");
    }

    [Fact]
    public void Cartan_prints_the_coframe_its_derivatives_and_the_connection_and_curvature_forms_of_the_sphere() =>
        _s.Out(Sphere, ":cartan").Split('\n').Should().Equal(
            @"\omega^{1} = d \theta",
            @"\omega^{2} = \sin \theta \, d \phi",
            @"d\omega^{1} = 0",
            @"d\omega^{2} = \cos \theta \, d \theta \wedge d \phi",
            @"connection[1,2] = -\cos \theta \, d \phi",
            @"curvature[1,2] = \sin \theta \, d \theta \wedge d \phi");

    [Fact]
    public void Connection_riemann_and_einstein_commands_of_the_sphere()
    {
        _s.Out(Sphere, ":connection").Should().Be(@"connection[1,2] = -\cos \theta \, d \phi");
        _s.Out(":riemann").Split('\n').Should().Contain(@"riemann[theta,phi,theta,phi] = \sin^{2} \theta");
        _s.Out(":einstein").Should().Be("all components are zero (einstein)");
    }

    [Fact]
    public void Function_declares_unknown_functions_of_r_for_the_static_spherical_metric()
    {
        _s.Out(@":function \Phi(r), \Lambda(r)").Should().Be(@"functions: \Phi(r), \Lambda(r)");
        _s.Context.Functions.Should().ContainKey("Phi");
        _s.Out(@":metric ds^2 = -e^{2\Phi}dt^2 + e^{2\Lambda}dr^2 + r^2 d\theta^2 + r^2\sin^2\theta d\phi^2");
        _s.Out(":connection").Split('\n').Should().Contain(@"connection[1,2] = e^{-\Lambda + \Phi} \Phi' \, dt");
    }

    [Fact]
    public void Weyl_is_a_quantity_of_curvature() =>
        FormsCommands.ParseWhat("weyl").Should().Be(Symbolic.Forms.CurvatureQuantities.Weyl);
}

public sealed class KerrExampleTests
{
    [Fact]
    public void The_Kerr_example_is_Ricci_flat_and_prints_the_closed_form_Kretschmann_scalar()
    {
        var s = new Session();
        var dir = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(dir, "examples"))) dir = Path.GetDirectoryName(dir)!;
        var outputs = File.ReadAllLines(Path.Combine(dir, "examples", "kerr.sym"))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('%'))
            .Select(l => s.Out(l)).ToList();
        outputs.Should().Contain("all components are zero (ricci,scalar)");
        var printed = outputs.Single(o => o.StartsWith("kretschmann = "))["kretschmann = ".Length..];
        var actual = s.Read(printed);
        var expected = s.Read(@"\frac{48m^2(r^6 - 15a^2r^4\cos^2\theta + 15a^4r^2\cos^4\theta - a^6\cos^6\theta)}{(r^2+a^2\cos^2\theta)^6}");
        Simplifier.AreEqual(actual, expected).Should().BeTrue(printed);
    }
}

[Collection("Console")]
public sealed class WeylCommandTests
{
    [Fact]
    public void Curvature_what_weyl_prints_the_Schwarzschild_Weyl_components_and_C_squared()
    {
        var r = Cli.Run("curvature", "-f", "text", "--what", "weyl", "--assume", "r>0",
            @"ds^2 = -(1-\frac{2m}{r})dt^2 + \frac{dr^2}{1-2m/r} + r^2 d\theta^2 + r^2\sin^2\theta d\phi^2");
        r.ExitCode.Should().Be(0, r.Err);
        var lines = r.Results.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(7);
        lines[0].Should().StartWith("(weyl[t,r,t,r])");
        lines[^1].Should().Be("(weyl_squared) 48*m^2/r^6");
    }
}
