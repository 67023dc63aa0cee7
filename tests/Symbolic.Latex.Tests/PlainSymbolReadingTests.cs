using Symbolic.Core;
using KSymbol = Symbolic.Core.Symbol;

namespace Symbolic.Latex.Tests;

/// <summary><see cref="LoweringContext.PlainSymbols"/>: a letter the reader would give a meaning (e) read as a plain symbol.</summary>
public class PlainSymbolReadingTests
{
    private static readonly KSymbol e = Expr.Symbol("e", Assumptions.Real), x = Expr.Symbol("x", Assumptions.Real);

    private static LoweringContext Plain()
    {
        var ctx = new LoweringContext();
        ctx.PlainSymbols.Add("e");
        return ctx;
    }

    [Fact]
    public void Without_the_declaration_e_is_Eulers_number_and_e_to_the_x_the_exponential()
    {
        LatexMath.ReadOne("e").Should().Be(Expr.E);
        LatexMath.ReadOne("e^{x}").Should().Be(Expr.Exp(x));
    }

    [Fact]
    public void A_plain_e_is_a_symbol_and_its_power_a_power_of_that_symbol()
    {
        LatexMath.ReadOne("e", Plain()).Should().Be(e);
        LatexMath.ReadOne("e^{x}", Plain()).Should().Be(Power.Of(e, x));
        LatexMath.ReadOne(@"\frac{e^2}{r}", Plain()).FreeSymbols().Select(s => s.Name).Should().BeEquivalentTo("e", "r");
    }

    [Fact]
    public void A_plain_e_is_differentiated_like_any_letter()
    {
        // \frac{d}{de}: e is an operand name like x once it is a plain symbol.
        var r = Simplifier.Run(LatexMath.ReadOne(@"\frac{d}{de}(e^2 x)", Plain()), Budget.Unlimited).Value;
        r.Should().Be(2 * e * x);
    }

    [Fact]
    public void A_clone_keeps_the_plain_symbols() =>
        Plain().Clone().PlainSymbols.Should().Contain("e");
}

public class EulerPowerWarningTests
{
    private static IReadOnlyList<ReadWarning> WarningsOf(string latex, LoweringContext ctx)
    {
        LatexMath.ReadOne(latex, ctx);
        return ctx.Warnings.ToList();
    }

    [Fact]
    public void A_number_power_of_e_is_read_as_Eulers_number_with_a_warning_naming_the_declaration() =>
        WarningsOf(@"\frac{e^2}{4\pi\epsilon_0 r}", new LoweringContext()).Select(w => w.Message).Should().Equal(
            "e^2 is read as a power of Euler's number e; :symbol e (or --symbols e) makes e a plain symbol, such as a charge");

    [Fact]
    public void The_exponential_of_a_variable_and_a_declared_plain_e_are_not_warned()
    {
        WarningsOf(@"e^{-x^2}", new LoweringContext()).Should().BeEmpty();
        var plain = new LoweringContext();
        plain.PlainSymbols.Add("e");
        WarningsOf(@"\frac{e^2}{r}", plain).Should().BeEmpty();
        WarningsOf(@"e\,x\,E", plain).Should().BeEmpty();
    }

    [Fact]
    public void A_bare_e_is_read_as_Eulers_number_with_a_warning_naming_the_declaration()
    {
        // e x E cos Ωt in a Lagrangian: a charge more often than 2.718…; the reading is kept and said.
        var ctx = new LoweringContext();
        LatexMath.ReadOne(@"e\,x\,E", ctx).Should().Be(Expr.E * Expr.Symbol("x", Assumptions.Real) * Expr.Symbol("E", Assumptions.Real));
        ctx.Warnings.Select(w => w.Message).Should().Equal(
            "e is read as Euler's number (2.718…); :symbol e (or --symbols e) makes e a plain symbol, such as a charge");
    }
}
