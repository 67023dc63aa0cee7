namespace Symbolic.Cli.Tests;

/// <summary>The <c>dsolve</c> command as a stranger types it: branches, two constants, --unknown, initial conditions, y(1 − y).</summary>
[Collection("Console")]
public sealed class DsolveCommandTests
{
    [Fact]
    public void Dsolve_with_unknown_y_of_x_is_accepted()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", "--unknown", "y(x)", "y'' + y = 0");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("Eq(Function('y')(x), C_1*cos(x) + C_2*sin(x))");
    }

    [Fact]
    public void Dsolve_with_an_unknown_of_two_variables_is_a_usage_error()
    {
        var r = Cli.Run("dsolve", "--unknown", "u(x, t)", "u' = u");
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("--unknown takes a function of one variable");
    }

    [Fact]
    public void Dsolve_prints_both_signs_of_a_square_root()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", "y y' = x");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("2 branches");
        r.Out.Split('\n').Should().Contain("Eq(Function('y')(x), sqrt(x**2 + 2*C_1))").And.Contain("Eq(Function('y')(x), -sqrt(x**2 + 2*C_1))");
    }

    [Fact]
    public void Dsolve_of_y_double_prime_equal_f_of_y_has_two_constants_and_no_derivative_left()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", "y'' = y^3");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("energy-integral-quadrature, implicit solution, 2 branches");
        r.Out.Should().Contain("Eq(Integral(1/sqrt(y**4/2 + 2*C_1), y), C_2 + x)");
        r.Out.Should().NotContain("Derivative");
    }

    [Fact]
    public void Dsolve_takes_initial_conditions_after_the_equation()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", "y'' + y = 0, y(0) = 1, y'(0) = 0");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Split('\n').Should().Contain("Eq(Function('y')(x), cos(x))");
    }

    [Fact]
    public void Dsolve_takes_initial_conditions_in_the_ics_option()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", "--ics", "y(0) = 2", "y' = y");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Split('\n').Should().Contain("Eq(Function('y')(x), 2*exp(x))");
    }

    [Fact]
    public void Dsolve_refuses_initial_conditions_on_another_function()
    {
        var r = Cli.Run("dsolve", "--ics", "z(0) = 2", "y' = y");
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("is not about the unknown");
    }

    [Fact]
    public void Dsolve_reads_y_of_an_expression_in_y_as_a_product_and_warns()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", "y' = y(1-y)");
        r.ExitCode.Should().Be(0, r.Err);
        r.Err.Should().Contain("is read as a product");
        r.Out.Should().Contain("separable");
    }

    [Fact]
    public void Dsolve_solves_the_logistic_equation_in_N_of_t()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", @"\frac{dN}{dt}=rN(1-N/K)");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("Eq(Function('N')(t), ");
    }

    [Fact]
    public void Dsolve_reads_y_inside_a_derivative_operator_as_the_unknown()
    {
        var r = Cli.Run("dsolve", "-f", "sympy", @"\frac{d}{dx}(xy) = x");
        r.ExitCode.Should().Be(0, r.Err);
        r.Err.Should().Contain("y is read as the unknown function y(x)");
        r.Out.Should().Contain("Eq(Function('y')(x), x/2 + C_1/x)");
    }

    [Fact]
    public void Repl_dsolve_shows_every_branch_and_takes_initial_conditions()
    {
        var s = new Session();
        s.Out(":dsolve y y' = x").Split('\n').Should().HaveCount(2);
        s.Out(":dsolve y'' + y = 0, y(0) = 1, y'(0) = 0").Should().Be(@"y(x) = \cos x");
    }
}
