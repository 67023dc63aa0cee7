namespace Symbolic.Core.Tests;

/// <summary>A name in parts: base, accents, upper and lower index words, and its one-line spelling (the identity).</summary>
public class SymbolNameTests
{
    [Fact]
    public void A_name_spells_its_accents_base_and_indices_on_one_line()
    {
        SymbolName.Of("omega", upper: "mu", lower: "nu").Spelling.Should().Be("omega^mu_nu");
        SymbolName.Of("R", upper: "mu", lower: "nu rho sigma").Spelling.Should().Be("R^mu_nu rho sigma");
        SymbolName.Of("x", accents: ["tilde", "hat"]).Spelling.Should().Be("tilde:hat:x");
        SymbolName.Plain("theta").Spelling.Should().Be("theta");
    }

    [Fact]
    public void Index_words_are_kept_apart()
    {
        var r = SymbolName.Of("R", upper: "mu", lower: "nu rho sigma");
        r.Upper.Should().Equal("mu");
        r.Lower.Should().Equal("nu", "rho", "sigma");
        r.IsPlain.Should().BeFalse();
        SymbolName.Plain("x").IsPlain.Should().BeTrue();
    }

    [Fact]
    public void A_symbol_built_from_parts_is_the_symbol_of_its_spelling_and_keeps_its_parts()
    {
        var name = SymbolName.Of("q", lower: "i");
        var q = Symbol.Of(name, Assumptions.Real);
        q.Name.Should().Be("q_i");
        q.Should().Be(Symbol.Of("q_i", Assumptions.Real));
        q.Parts.Should().Be(name);
        q.Parts.Lower.Should().Equal("i");
        Function.User(name).Parts.Lower.Should().Equal("i");
    }

    [Fact]
    public void Adding_a_lower_index_keeps_the_other_parts()
    {
        var u = SymbolName.Of("u", upper: "1");
        u.AddLower("xx").Spelling.Should().Be("u^1_xx");
        u.AddLower("xx").Upper.Should().Equal("1");
    }
}
