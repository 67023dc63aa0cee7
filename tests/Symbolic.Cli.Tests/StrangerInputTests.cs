namespace Symbolic.Cli.Tests;

/// <summary>
/// Inputs tried as a new user would, outside the examples; each expected answer was checked independently
/// (SymPy, or the textbook result named beside it).
/// </summary>
[Collection("Console")]
public sealed class StrangerInputTests
{
    [Theory]
    [InlineData(@"\frac{x^6-1}{x^2-1}", "x^{4} + x^{2} + 1")]
    [InlineData(@"\frac{\sin 2x}{\sin x}", @"2 \cos x")]
    [InlineData(@"\cosh^2 x - \sinh^2 x", "1")]
    [InlineData(@"\sin^2(2x+1) + \cos^2(1+2x)", "1")]
    [InlineData(@"\sqrt{x^2}", @"\sqrt{x^{2}}")]   // no sign assumed: x may be negative
    public void Everyday_expressions_simplify_to_what_sympy_gives(string input, string expected)
    {
        var r = Cli.Run("eval", input);
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Trim().Should().Be(expected);
    }

    [Fact]
    public void The_hyperbolic_plane_has_scalar_curvature_minus_two_over_a_squared()
    {
        var r = Cli.Run("curvature", @"ds^2 = a^2 d\chi^2 + a^2 \sinh^2\chi d\phi^2", "--what", "scalar");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain(@"-\frac{2}{a^{2}} \tag{scalar}");
    }

    [Fact]
    public void A_linear_first_order_equation_is_solved_with_its_particular_solution()
    {
        var r = Cli.Run("dsolve", "y' + y = x");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("y(x) = C_{1} e^{-x} + x - 1");
    }

    [Fact]
    public void The_Ermakov_Pinney_equation_has_the_three_dimensional_algebra_sl2()
    {
        // y'' = y^{-3}: ∂_x, 2x∂_x + y∂_y, x²∂_x + xy∂_y (Ibragimov's handbook), nothing else.
        var r = Cli.Run("symmetries", "y'' = y^{-3}");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("dimension 3").And.Contain("sl(2,R)")
            .And.Contain(@"x^{2} \frac{\partial}{\partial x} + x y \frac{\partial}{\partial y}");
    }

    [Fact]
    public void A_potential_of_two_coordinates_gives_its_partial_derivatives()
    {
        var r = Cli.Run("el", @"\frac12 m (\dot x^2+\dot y^2) - V(x,y)", "--functions", "V(x,y)");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain(@"\ddot{x} = -\frac{V^{(1,0)}(x, y)}{m}").And.Contain(@"\ddot{y} = -\frac{V^{(0,1)}(x, y)}{m}");
    }

    [Fact]
    public void Subscript_derivatives_of_a_declared_field_are_its_partial_derivatives_in_the_field_equation()
    {
        // ½(w_x² + w_y²) + ¼w⁴: δS = 0 gives w_xx + w_yy = w³ (was w³ = 0, the subscripts read as plain symbols).
        var s = new Session();
        s.Out(@":fields w(x,y)");
        s.Out(@":el \frac{1}{2}(w_x^2 + w_y^2) + \frac{1}{4}w^4")
            .Should().Be(@"\frac{\partial^{2} w}{\partial x^{2}} = w^{3} - \frac{\partial^{2} w}{\partial y^{2}}");
        // Laplace in polar coordinates, with a Greek variable in the subscript: v_rr + v_r/r + v_θθ/r² = 0.
        s.Out(@":fields v(r,\theta)");
        s.Out(@":el \frac{1}{2}r\left(v_r^2+\frac{v_\theta^2}{r^2}\right)")
            .Should().Be(@"\frac{\partial^{2} v}{\partial r^{2}} = -\frac{\frac{\partial v}{\partial r} + \frac{1}{r} \frac{\partial^{2} v}{\partial \theta^{2}}}{r}");
    }
}
