namespace Symbolic.Cli.Tests;

/// <summary>What a stranger found: wrong definite integrals with exit 0, ∞ cancelled like a symbol, and eval hiding integrate's refusal.</summary>
[Collection("Console")]
public sealed class DefiniteIntegralCommandTests
{
    [Fact]
    public void Integrate_across_the_jump_of_the_half_angle_antiderivative_gives_the_true_value()
    {
        var r = Cli.Run("integrate", "-f", "sympy", @"\frac{1}{2+\cos x}", "--var", "x", "--from", "0", "--to", @"2\pi");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Trim().Should().Be("2*sqrt(3)*pi/3");
    }

    [Fact]
    public void Integrate_refuses_a_double_pole_where_the_denominator_only_touches_zero()
    {
        var r = Cli.Run("integrate", @"\frac{1}{1+\cos x}", "--var", "x", "--from", "3", "--to", "4");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("vanishes at x ≈ 3.14159");
    }

    [Fact]
    public void Integrate_refuses_a_pole_that_depends_on_a_parameter()
    {
        var r = Cli.Run("integrate", @"\frac{1}{(x-a)^2}", "--var", "x", "--from", "0", "--to", "1");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("depends on a");
    }

    [Theory]
    [InlineData(@"\infty - \infty")]
    [InlineData(@"\frac{\infty}{\infty}")]
    [InlineData(@"0 \cdot \infty")]
    [InlineData(@"1^\infty")]
    public void Eval_refuses_an_indeterminate_form_of_infinity(string latex)
    {
        var r = Cli.Run("eval", latex);
        r.ExitCode.Should().NotBe(0, r.Out);
        r.Err.Should().Contain("is indeterminate");
    }

    [Fact]
    public void Eval_of_an_integral_to_infinity_evaluates_or_says_why_not()
    {
        Cli.Run("eval", "-f", "text", @"\int_1^\infty \frac{dx}{x^2}").Out.Trim().Should().Be("1");
        var r = Cli.Run("eval", @"\int_{-1}^{1} \frac{dx}{x}");
        r.ExitCode.Should().NotBe(0, r.Out);
        r.Err.Should().Contain("pole in the interval");
    }
}
