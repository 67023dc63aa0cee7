namespace Symbolic.Cli.Tests;

[Collection("Console")]
public sealed class IntegrationCommandTests
{
    [Fact]
    public void Integrate_prints_the_antiderivative_and_sympy_form()
    {
        var r = Cli.Run("integrate", "-f", "sympy", @"\frac{1}{1+x^2}", "--var", "x");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Trim().Should().Be("atan(x)");
    }

    [Fact]
    public void Integrate_with_limits_gives_a_number_and_refuses_a_pole()
    {
        Cli.Run("integrate", "-f", "text", @"\frac{1}{1+x^2}", "--from", "0", "--to", @"\infty").Out.Trim().Should().Be("pi/2");
        var r = Cli.Run("integrate", @"\frac{1}{x}", "--from", "-1", "--to", "1");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("pole in the interval");
    }

    [Fact]
    public void Without_var_the_integrands_own_x_is_the_variable_when_it_has_parameters()
    {
        var r = Cli.Run("integrate", "-f", "sympy", @"\frac{1}{x^2+a^2}");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Trim().Should().NotBe("x/(a**2 + x**2)").And.Contain("atan");
        var ask = Cli.Run("integrate", @"\frac{1}{s^2+a^2}");
        ask.ExitCode.Should().Be(2);
        ask.Err.Should().Contain("several symbols (").And.Contain("say which is the variable with --var");
    }

    [Fact]
    public void A_non_elementary_integrand_is_reported_not_found()
    {
        var r = Cli.Run("integrate", "e^{x^2}");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("not found");
    }

    [Fact]
    public void Eval_evaluates_a_written_integral()
    {
        Cli.Run("eval", "-f", "text", @"\int_0^{\pi} \sin x \, dx").Out.Trim().Should().Be("2");
    }

    [Fact]
    public void Dsolve_solves_and_names_the_method()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", "y' = x y");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("separable");
        r.Out.Split('\n').Should().Contain(l => l.StartsWith("Eq(Function('y')(x), "));
    }

    [Fact]
    public void Dsolve_of_an_equation_without_a_derivative_says_so()
    {
        var r = Cli.Run("dsolve", "y = x");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("no derivative of an unknown function");
    }

    [Fact]
    public void Repl_integrate_and_dsolve_work_in_a_session()
    {
        var s = new Session();
        s.Out(":integrate x e^x, x").Should().Contain("e^{x}");
        s.Out(":dsolve y'' + y = 0").Should().Contain("C_{2}");
    }
}
