using Symbolic.Core;

namespace Symbolic.Latex.Tests;

/// <summary>A <see cref="ParseError"/> is a <see cref="SymbolicException"/>, and its position survives the lowering's own catch.</summary>
public sealed class ParseErrorTypeTests
{
    [Fact]
    public void A_parse_error_is_caught_as_a_math_error()
    {
        var act = () => LatexMath.ReadOne(@"\frac{a}{b");
        act.Should().Throw<SymbolicException>().Which.Should().BeOfType<ParseError>();
    }

    [Fact]
    public void An_error_inside_a_fraction_keeps_its_own_column()
    {
        // The lowering wraps kernel refusals at the node it lowers; a ParseError from deeper down is passed on unchanged.
        var error = Assert.Throws<ParseError>(() => LatexMath.ReadOne(@"x + \frac{1}{\partial_x}"));
        error.Column.Should().BeGreaterThan(10, error.Render());
    }
}
