using System.Text.Json;

namespace Symbolic.Cli.Tests;

[Collection("Console")]
public sealed class LieCommandTests
{
    [Fact]
    public void Symmetries_of_the_heat_equation_in_json_label_six_generators_and_one_family_with_its_constraint()
    {
        var r = Cli.Run("symmetries", "u_t=u_{xx}", "--functions", "u(x,t)", "--format", "json");
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Select(e => e.GetProperty("label").GetString()).Should()
            .Equal("generator[1]", "generator[2]", "generator[3]", "generator[4]", "generator[5]", "generator[6]", "family[1]", "algebra");
        var family = results.Single(e => e.GetProperty("label").GetString() == "family[1]");
        family.GetProperty("components").GetProperty("u").GetString().Should().Be("Function('F')(x, t)");
        family.GetProperty("components").GetProperty("x").GetString().Should().Be("0");
        family.GetProperty("constraint")[0].GetString().Should().Contain("Derivative(Function('F')(x, t), (x, 2))").And.Contain("Derivative(Function('F')(x, t), (t, 1))");
        results.Single(e => e.GetProperty("label").GetString() == "algebra").GetProperty("dimension").GetInt32().Should().Be(6);
    }

    [Fact]
    public void Symmetries_of_y_double_prime_name_the_algebra_sl3()
    {
        var r = Cli.Run("symmetries", "y''=0");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().StartWith("% point symmetries of diff(y(x), x, 2) = 0: dimension 8").And.Contain("sl(3,R)");
        r.Out.Should().Contain(@"X_{4} = x^{2} \frac{\partial}{\partial x} + x y \frac{\partial}{\partial y}");
    }

    [Fact]
    public void Symmetries_of_Blasius_in_text_are_translation_and_scaling()
    {
        var r = Cli.Run("symmetries", "y'''+yy''=0", "-f", "text");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("X1 = -x*∂_x + y*∂_y").And.Contain("X2 = ∂_x").And.Contain("dimension 2");
    }

    [Fact]
    public void Symmetries_of_an_algebraic_equation_are_refused_with_the_reason()
    {
        var r = Cli.Run("symmetries", "y=x^2");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("no derivative of an unknown function");
    }

    [Fact]
    public void Riccati_gives_the_family_and_the_scaling_found_by_the_ansatz()
    {
        var r = Cli.Run("symmetries", @"y'=y^2-\frac{2}{x^2}", "-f", "text");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("particular symmetries (polynomial ansatz, not a complete list)").And.Contain("P1 = -x*∂_x + y*∂_y");
    }

    [Fact]
    public void A_generator_that_is_not_a_vector_field_is_refused()
    {
        var s = new Session();
        var r = s.Execute(@":generator X=x\frac{\partial^2}{\partial x^2}");
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("partial");
    }

    [Fact]
    public void Kepler_scaling_is_rejected_by_noether_with_the_reason()
    {
        var s = new Session();
        s.Execute(@":generator X=3t\frac{\partial}{\partial t}+2r\frac{\partial}{\partial r}").IsError.Should().BeFalse();
        var r = s.Execute(@":noether \frac{1}{2}\dot{r}^2+\frac{\mu}{r}");
        r.IsError.Should().BeFalse(r.Output);
        r.Output.Should().StartWith("% not a variational symmetry").And.Contain("not affine in the velocities");
    }
}
