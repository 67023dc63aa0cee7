namespace Symbolic.Latex.Tests;

/// <summary>Errors say where (line, column, caret) and what was expected, in words.</summary>
public class ErrorTests
{
    private static ParseError ErrorOf(string latex)
    {
        var act = () => LatexReader.Parse(latex);
        return act.Should().Throw<ParseError>().Which;
    }

    [Fact]
    public void An_unclosed_fraction_argument_names_the_brace_and_the_command()
    {
        var e = ErrorOf(@"\frac{a}{b");
        e.Message.Should().Be(@"expected '}' to close \frac{...}{ opened at column 9, found the end of the formula");
        (e.Line, e.Column).Should().Be((1, 11));
        e.SourceLine.Should().Be(@"\frac{a}{b");
        e.Render().Should().Be(
            "line 1, column 11: expected '}' to close \\frac{...}{ opened at column 9, found the end of the formula\n" +
            "  \\frac{a}{b\n" +
            "            ^");
        e.ToString().Should().Be(e.Render());
    }

    [Theory]
    [InlineData(@"x=\frac{a", 1, 10, @"expected '}' to close \frac{ opened at column 8, found the end of the formula")]
    [InlineData(@"\sqrt{x", 1, 8, @"expected '}' to close \sqrt{ opened at column 6, found the end of the formula")]
    [InlineData(@"a_{b", 1, 5, @"expected '}' to close _{ opened at column 3, found the end of the formula")]
    [InlineData(@"(a+b", 1, 5, @"expected ')' to close '(' opened at column 1, found the end of the formula")]
    [InlineData(@"\left( x", 1, 9, @"expected \right to close \left( opened at column 1, found the end of the formula")]
    [InlineData(@"\left( x \right", 1, 16, @"expected a delimiter after \right (one of ( ) [ ] \{ \} | \| \langle \rangle or . for none), found the end of the formula")]
    [InlineData(@"\begin{aligned} a &= b", 1, 23, @"expected \end{aligned} to close \begin{aligned} opened at column 1, found the end of the formula")]
    [InlineData(@"\begin{pmatrix} a \end{bmatrix}", 1, 19, @"\end{bmatrix} does not match \begin{pmatrix} opened at column 1")]
    [InlineData("x^", 1, 3, "expected a superscript after '^', found the end of the formula")]
    [InlineData("x_}", 1, 3, "expected a subscript after '_', found '}'")]
    [InlineData(@"\frac{a}", 1, 9, @"expected the denominator of \frac, found the end of the formula")]
    [InlineData("a}", 1, 2, "unmatched '}': nothing open here for it to close")]
    [InlineData("a)", 1, 2, "unmatched ')': nothing open here for it to close")]
    [InlineData(@"a \right)", 1, 3, @"\right without a matching \left")]
    [InlineData(@"a \end{aligned}", 1, 3, @"\end{aligned} without a matching \begin")]
    [InlineData("a ? b", 1, 3, "unexpected character '?'")]
    [InlineData("x_a_b", 1, 4, "double subscript: this base already has a subscript; use braces, e.g. x_{ij}")]
    [InlineData("x^a^b", 1, 4, "double superscript: this base already has a superscript; use braces, e.g. x^{ab}")]
    [InlineData("{a+b)", 1, 5, "expected '}' to close '{' opened at column 1, found ')'")]
    public void Errors_say_where_and_what_was_expected(string latex, int line, int column, string message)
    {
        var e = ErrorOf(latex);
        e.Message.Should().Be(message);
        (e.Line, e.Column).Should().Be((line, column));
    }

    [Fact]
    public void Errors_on_later_lines_point_at_that_line_and_name_the_opening_line()
    {
        var e = ErrorOf("\\begin{aligned}\na &= \\frac{1}{2\n\\end{aligned}");
        (e.Line, e.Column).Should().Be((3, 1));
        e.Message.Should().Be(@"expected '}' to close \frac{...}{ opened at line 2, column 14, found '\end{aligned}'");
        e.SourceLine.Should().Be(@"\end{aligned}");
        e.Render().Split('\n')[2].Should().Be("  ^");
    }

    [Fact]
    public void Ten_thousand_nested_braces_give_nesting_too_deep_not_a_crash()
    {
        var deep = new string('{', 10_000) + "x" + new string('}', 10_000);
        var e = ErrorOf(deep);
        e.Message.Should().StartWith("nesting too deep");
        e.Column.Should().Be(LatexReader.MaxNesting + 1);
    }

    [Theory]
    [InlineData("(")]
    [InlineData(@"\left(")]
    [InlineData(@"\hat")]
    [InlineData(@"\sum")]
    [InlineData(@"\sin")]
    [InlineData("-")]
    public void Ten_thousand_nested_constructs_of_any_kind_parse_or_give_a_parse_error(string unit)
    {
        var deep = string.Concat(Enumerable.Repeat(unit + " ", 10_000)) + "x";
        try { LatexReader.Parse(deep); }
        catch (ParseError e) { e.Message.Should().NotBeNullOrEmpty(); }
    }

    [Fact]
    public void Moderate_nesting_still_parses()
    {
        var depth = 60;
        Sx.Of(new string('(', depth) + "x" + new string(')', depth)).Should().EndWith("x" + new string(')', depth));
    }
}
