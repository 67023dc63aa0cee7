namespace Symbolic.Cli.Tests;

/// <summary>A generator typed as the articles write it: ∂_x, \frac{∂}{∂x}, sums with coefficients; and refused with a position otherwise.</summary>
[Collection("Console")]
public sealed class GeneratorReadingTests
{
    [Theory]
    [InlineData(@":generator X=\partial_t", @"X = \frac{\partial}{\partial t}")]
    [InlineData(@":generator X=\frac{\partial}{\partial t}", @"X = \frac{\partial}{\partial t}")]
    [InlineData(@":generator X=y\partial_x-x\partial_y", @"X = y \frac{\partial}{\partial x} - x \frac{\partial}{\partial y}")]
    [InlineData(@":generator X = 3t\partial_t + 2x\partial_x + 2y\partial_y", @"X = 3 t \frac{\partial}{\partial t} + 2 x \frac{\partial}{\partial x} + 2 y \frac{\partial}{\partial y}")]
    [InlineData(@":generator X=\partial_{x}", @"X = \frac{\partial}{\partial x}")]
    public void A_generator_reads_in_every_form_the_articles_use(string command, string expected)
    {
        var s = new Session();
        s.Execute(":function x(t)");
        s.Execute(":function y(t)");
        var r = s.Execute(command);
        r.IsError.Should().BeFalse(r.Output);
        r.Output.Should().Be(expected);
    }

    [Fact]
    public void Time_translation_alone_acts_on_the_declared_unknowns_and_prolongs()
    {
        var s = new Session();
        s.Execute(":function x(t)");
        s.Execute(@":generator X=\partial_t").IsError.Should().BeFalse();
        s.Execute(@":apply \ddot{x}+x").Output.Should().Be("0");
    }

    [Theory]
    [InlineData(@":generator X=t\partial_x + \partial_x\partial_y", 17, "not a vector field")]
    [InlineData(@":generator X = x + \partial_y", 5, "has no")]
    [InlineData(@":generator X=\frac{\partial^2}{\partial x^2}+\partial_t", 3, "not a vector field")]
    public void A_generator_that_is_not_a_vector_field_is_refused_at_the_offending_term(string command, int column, string message)
    {
        var s = new Session();
        s.Execute(":function u(x,t)");
        var r = s.Execute(command);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain(message).And.Contain($"column {column}");
    }

    [Fact]
    public void A_generator_with_no_dependent_variable_and_none_declared_says_how_to_declare_one()
    {
        var r = new Session().Execute(@":generator X=\partial_t");
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain(":function x(t)");
    }
}
