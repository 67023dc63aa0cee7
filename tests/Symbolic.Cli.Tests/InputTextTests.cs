namespace Symbolic.Cli.Tests;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("x + 1", 0)]
    [InlineData(@"\frac{a}{", 1)]
    [InlineData(@"\begin{aligned} x &= 1", 1)]
    [InlineData(@"\begin{aligned} x &= 1 \end{aligned}", 0)]
    [InlineData(@"\left\{ x \right.", 0)]
    [InlineData(@"\beginning{", 1)]
    [InlineData("}", -1)]
    public void Open_groups_count_braces_and_environments_but_not_escaped_braces(string text, int expected) =>
        InputText.OpenGroups(text).Should().Be(expected);

    [Fact]
    public void Splitting_at_top_level_commas_keeps_commas_inside_groups() =>
        InputText.SplitTopLevel(@"f(a, b) + \frac{x,y}{2}, x = [1, 2], y=3", ',')
            .Should().Equal(@"f(a, b) + \frac{x,y}{2}", "x = [1, 2]", "y=3");

    [Theory]
    [InlineData("x % comment", "x ")]
    [InlineData(@"50\% of x", @"50\% of x")]
    [InlineData(@"a \\ % b", @"a \\ ")]
    public void A_comment_runs_from_an_unescaped_percent_to_the_end(string line, string expected) =>
        InputText.StripComment(line).Should().Be(expected);

    [Theory]
    [InlineData(@"L := \frac12 m", "L", @" \frac12 m")]
    [InlineData(@"\omega_0:=2", @"\omega_0", "2")]
    public void An_assignment_splits_at_colon_equals(string line, string name, string value) =>
        InputText.Assignment(line).Should().Be((name, value));

    [Fact]
    public void A_relation_is_not_an_assignment() => InputText.Assignment("x = 1").Should().BeNull();
}
