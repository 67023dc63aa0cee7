using System.Globalization;
using System.Text;
using Symbolic.Latex.Grammar;

namespace Symbolic.Latex.Tests;

/// <summary>
/// Letters beyond ASCII: the lexer reads them as LETTER exactly when the grammar's former [\p{L}] did (Unicode letters
/// as the ANTLR 4.13 tool knows them), from a table instead of a lexer set that cost ≈ 15 ms at every start-up.
/// </summary>
public class UnicodeLetterTests
{
    [Theory]
    [InlineData("é+α", "(+ é α)")]
    [InlineData("Ω_{ij}", "(_ Ω (juxt i j))")]
    [InlineData("µ×ª", "(× µ ª)")]
    [InlineData("中 ж", "(juxt 中 ж)")]
    public void Letters_beyond_ASCII_are_read_as_letters(string latex, string tree) =>
        Sx.Of(latex).Should().Be(tree);

    [Theory]
    [InlineData("a € b", 3, "unexpected character '€'")]
    [InlineData("x÷y", 2, "unexpected character '÷'")]
    [InlineData("٣", 1, "unexpected character '٣'")]
    [InlineData("a\u00A0b", 2, "unexpected character '\u00A0'")]
    public void Other_characters_beyond_ASCII_are_refused_at_their_column(string latex, int column, string message)
    {
        var act = () => LatexReader.Parse(latex);
        var e = act.Should().Throw<ParseError>().Which;
        e.Message.Should().Be(message);
        (e.Line, e.Column).Should().Be((1, column));
    }

    [Fact]
    public void The_letter_table_is_sorted_disjoint_above_ASCII_and_covers_the_same_code_points_as_before()
    {
        int count = 0, ranges = 0, previous = 0x7F;
        bool inside = false;
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            bool letter = LatexLexer.IsUnicodeLetter(cp);
            if (letter) count++;
            if (letter && !inside) ranges++;
            inside = letter;
            if (letter && cp <= 0x7F) Assert.Fail($"U+{cp:X4} is ASCII: the grammar's [a-zA-Z] reads those");
            if (letter) previous = cp;
        }
        // ANTLR's [\p{L}] was 659 ranges: [a-zA-Z] and these 657 with 136,052 code points
        (count, ranges).Should().Be((136052, 657));
        previous.Should().BeGreaterThan(0xFFFF);
    }

    [Fact]
    public void Every_code_point_of_the_letter_table_is_a_letter_for_dotnet_too()
    {
        // .NET's Unicode data is newer (it knows letters that ANTLR's did not): the table must be a subset of it
        var letters = new[] { UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter,
            UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter };
        var notLetters = new List<string>();
        for (int cp = 0x80; cp <= 0x10FFFF; cp++)
            if (LatexLexer.IsUnicodeLetter(cp) && !(Rune.IsValid(cp) && letters.Contains(Rune.GetUnicodeCategory(new Rune(cp)))))
                notLetters.Add($"U+{cp:X4}");
        notLetters.Should().BeEmpty();
    }
}
