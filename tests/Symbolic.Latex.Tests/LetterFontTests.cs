using Symbolic.Core;
using Symbolic.Latex.Printing;

namespace Symbolic.Latex.Tests;

/// <summary>
/// A font that makes another letter (\mathcal, \mathscr, \mathfrak, \mathbb) is part of the name: 𝓛 is not L. Before, the
/// font was dropped, so \mathcal{L} − L read as 0 with no warning.
/// </summary>
public class LetterFontTests
{
    private static Expr Simplified(string latex) => Simplifier.Run(LatexMath.ReadOne(latex), Budget.Unlimited).Value;

    [Theory]
    [InlineData(@"\mathcal{L} - L", "mathcal:L")]
    [InlineData(@"{\cal L} - L", "mathcal:L")]
    [InlineData(@"\mathscr{H} - H", "mathscr:H")]
    [InlineData(@"\mathfrak{g} - g", "mathfrak:g")]
    [InlineData(@"\mathbb{E} - E", "mathbb:E")]
    public void A_letter_in_a_letter_making_font_is_another_name_than_the_plain_letter(string latex, string name)
    {
        var r = Simplified(latex);
        r.Should().NotBe(Expr.Zero);
        r.FreeSymbols().Select(s => s.Name).Should().BeEquivalentTo(name, name[(name.IndexOf(':') + 1)..]);
    }

    [Theory]
    [InlineData(@"\mathcal{L}", @"\mathcal{L}")]
    [InlineData(@"\tilde{\mathcal{L}}", @"\tilde{\mathcal{L}}")]
    [InlineData(@"\mathfrak{g}^2", @"\mathfrak{g}^{2}")]
    [InlineData(@"{\cal L}", @"\mathcal{L}")]
    public void The_font_is_printed_back(string latex, string printed) =>
        LatexPrinter.Print(Simplified(latex)).Should().Be(printed);

    [Fact]
    public void Upright_and_italic_fonts_only_restyle_the_letter() =>
        Simplified(@"\mathrm{A} - A + \mathit{B} - B").Should().Be(Expr.Zero);

    [Fact]
    public void The_blackboard_spellings_are_one_name() =>
        Simplified(@"\Bbb{R} - \mathbb{R}").Should().Be(Expr.Zero);
}
