using Symbolic.Core;
using Symbolic.Latex.Printing;

namespace Symbolic.Latex.Tests;

/// <summary>Issue 10: the length of a formula is not its depth; messages for empty or odd input name what is wrong.</summary>
public sealed class HostileReadingTests
{
    [Fact]
    public void A_flat_sum_of_a_hundred_thousand_terms_reads()
    {
        var text = string.Join("+", Enumerable.Repeat("x", 100_000));
        LatexReader.Parse(text).Depth.Should().BeLessThan(10);
        LatexMath.ReadOne(text).Should().Be(Expr.Num(100_000) * Expr.Symbol("x", Assumptions.Real));
    }

    [Fact]
    public void The_528_term_expansion_of_a_plus_b_plus_c_to_the_31_reads_back_as_itself()
    {
        var (a, b, c) = (Expr.Symbol("a", Assumptions.Real), Expr.Symbol("b", Assumptions.Real), Expr.Symbol("c", Assumptions.Real));
        var expanded = Algebra.Expand((a + b + c).Pow(31));
        ((Sum)expanded).Terms.Length.Should().Be(528);
        LatexMath.ReadOne(LatexPrinter.Print(expanded)).Should().Be(expanded);
    }

    [Fact]
    public void A_long_product_chain_reads_as_one_product()
    {
        var text = string.Join(@"\cdot ", Enumerable.Repeat("y", 20_000));
        LatexMath.ReadOne(text).Should().Be(Expr.Symbol("y", Assumptions.Real).Pow(20_000));
    }

    [Fact]
    public void A_hundred_thousand_letters_in_a_row_read_as_one_power()
    {
        var text = new string('x', 100_000);
        LatexMath.ReadOne(text).Should().Be(Expr.Symbol("x", Assumptions.Real).Pow(100_000));
    }

    [Theory]
    [InlineData(@"\text{}")]
    [InlineData(@"\text{ }")]
    public void An_empty_text_is_refused_with_a_positioned_message(string input)
    {
        var act = () => LatexMath.ReadOne(input);
        act.Should().Throw<ParseError>().Which.Message.Should().Contain("empty \\text{}");
    }

    [Fact]
    public void A_backslash_d_without_argument_is_refused_with_a_positioned_message()
    {
        var act = () => LatexMath.ReadOne(@"\d");
        act.Should().Throw<ParseError>().Which.Message.Should().Contain("\\d needs something to act on");
    }

    [Fact]
    public void A_zero_argument_operator_prints_without_crashing()
    {
        LatexPrinter.Print(Call.Of(Function.D)).Should().Be(@"\operatorname{d}()");
    }

    [Fact]
    public void An_input_longer_than_the_limit_is_refused_at_once_with_its_size()
    {
        var text = new string('x', LatexReader.DefaultMaxLength + 1);
        var act = () => LatexMath.ReadOne(text);
        var error = act.Should().Throw<ParseError>().Which;
        error.Message.Should().Be("the input is too long: it has 1,000,001 characters; the limit is 1,000,000 "
            + "(raise LatexReader.MaxLength to read longer input)");
        (error.Line, error.Column).Should().Be((1, 1));
        error.SourceLine.Should().Be(new string('x', 60) + "…");
    }
}
