using Symbolic.Cli.Commands;
using Symbolic.Core;
using Symbolic.Latex;

namespace Symbolic.Cli.Tests;

[Collection("Console")]
public sealed class ElCommandTests
{
    private const string TwoBody = @"S=\int \left[\frac{1}{2}\left(\dot{x}^2+\dot{y}^2\right)+\frac{\mu}{\sqrt{x^2+y^2}}\right]dt";

    [Fact]
    public void El_of_the_two_body_action_in_polar_coordinates_gives_the_radial_equation_and_angular_momentum()
    {
        var r = Cli.Run("el", "-f", "text", TwoBody, "--transform", @"x=r\cos\theta, y=r\sin\theta", "--assume", "r>0");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Be(
            "diff(r(t), t, 2) = r(t)*diff(theta(t), t)^2 - mu/r(t)^2\n" +
            "Derivative(r(t)^2*diff(theta(t), t), t) = 0\n");
        Cli.Run("el", TwoBody, "--transform", @"x=r\cos\theta, y=r\sin\theta", "--assume", "r>0").Out.Split('\n')[1]
            .Should().Be(@"\frac{d}{dt}\left(r^{2} \dot{\theta}\right) = 0");
    }

    [Fact]
    public void El_json_gives_each_equation_a_sympy_Eq_in_functions_of_t_and_second_derivatives()
    {
        var r = Cli.Run("el", "--format", "json", @"S=\int \left[\frac{1}{2}\left(\dot{x}^2+\dot{y}^2\right)+\frac{\mu}{\sqrt{x^2+y^2}}\right]dt");
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var sympy = doc.RootElement.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("sympy").GetString()).ToList();
        sympy.Should().Equal(
            "Eq(Derivative(Function('x')(t), (t, 2)), -(mu*Function('x')(t)/(Function('x')(t)**2 + Function('y')(t)**2)**Rational(3, 2)))",
            "Eq(Derivative(Function('y')(t), (t, 2)), -(mu*Function('y')(t)/(Function('x')(t)**2 + Function('y')(t)**2)**Rational(3, 2)))");
    }

    [Fact]
    public void The_radial_equation_equals_the_one_built_by_hand()
    {
        var context = new LoweringContext();
        context.Assumptions["r"] = Assumptions.Positive;
        var result = VariationalCommands.EulerLagrangeOneShot(TwoBody, "x,y", @"x=r\cos\theta, y=r\sin\theta", @"r,\theta", context, new Budget());
        result.Results.Should().HaveCount(2);
        var radial = (Relation)result.Results[0].Value;
        var t = Symbol.Of("t", Assumptions.Real);
        var rt = Call.Of(Function.User("r", Assumptions.Positive), t);
        var thetat = Call.Of(Function.User("theta"), t);
        var mu = radial.Right.FreeSymbols().Single(s => s.Name == "mu");
        Simplifier.AreEqual(radial.Left, Derivative.Of((Call)rt, new[] { (t, 2) })).Should().BeTrue(radial.ToString());
        var expected = rt * Power.Of(Derivative.Of((Call)thetat, new[] { (t, 1) }), 2) - mu / Power.Of(rt, 2);
        Simplifier.AreEqual(radial.Right, expected).Should().BeTrue(radial.ToString());
        var conserved = (Relation)result.Results[1].Value;
        conserved.Left.Should().BeOfType<Call>().Which.Function.Should().Be(Function.TotalDerivative);
        Simplifier.AreEqual(((Call)conserved.Left).Args[0], Power.Of(rt, 2) * Derivative.Of((Call)thetat, new[] { (t, 1) })).Should().BeTrue();
    }

    [Fact]
    public void El_of_a_Lagrangian_without_an_integral_finds_the_dotted_coordinates()
    {
        var r = Cli.Run("el", "-f", "text", @"\frac12 m\dot{x}^2 - \frac12 k x^2");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Be("diff(x(t), t, 2) = -(k*x(t)/m)\n");
    }

    [Fact]
    public void A_transform_of_a_letter_that_is_not_a_coordinate_is_an_error()
    {
        var r = Cli.Run("el", TwoBody, "--transform", @"z=r\cos\theta");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("z is not a coordinate");
    }

    [Fact]
    public void A_transform_whose_right_sides_use_a_letter_that_is_not_a_new_coordinate_is_refused_naming_it()
    {
        var r = Cli.Run("el", @"\dot x^2+\dot y^2", "--transform", @"x=r\cos\theta, y=r\sin\theta", "--to", "r");
        r.ExitCode.Should().Be(1);
        r.Out.Should().BeEmpty();
        r.Err.Should().Contain("the transformation uses theta, which is neither a new coordinate (r) nor a constant of the Lagrangian");
        var ab = Cli.Run("el", @"\dot x^2+\dot y^2", "--transform", @"x=r\cos\theta, y=r\sin\theta", "--to", "a,b");
        ab.ExitCode.Should().Be(1);
        ab.Err.Should().Contain("the transformation uses r, theta, which are neither a new coordinate (a, b)");
    }

    [Fact]
    public void A_letter_declared_constant_may_appear_in_a_transform_the_pendulum()
    {
        var r = Cli.Run("el", @"\frac12 m(\dot x^2+\dot y^2) - m g y", "--transform", @"x=\ell\sin\theta, y=-\ell\cos\theta",
            "--to", @"\theta", "--constants", @"\ell");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Be(@"\ddot{\theta} = -\frac{g \sin \theta}{\ell}" + "\n");
    }

    [Fact]
    public void El_json_reports_the_self_check_of_each_equation()
    {
        var r = Cli.Run("el", "--format", "json", TwoBody, "--transform", @"x=r\cos\theta, y=r\sin\theta", "--assume", "r>0");
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("verified").GetBoolean()).Should().Equal(true, true);
        doc.RootElement.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("rule").GetString() == "verify").Should().Be(2);
    }

    [Fact]
    public void El_without_coordinates_is_bad_usage()
    {
        var r = Cli.Run("el", "x^2");
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("no coordinates");
    }
}
