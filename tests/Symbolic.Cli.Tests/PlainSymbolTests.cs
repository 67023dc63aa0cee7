namespace Symbolic.Cli.Tests;

/// <summary><c>:symbol e</c> and <c>--symbols e</c>: the letter e as an ordinary symbol (a charge), not Euler's number.</summary>
[Collection("Console")]
public sealed class PlainSymbolTests
{
    [Fact]
    public void By_default_e_is_Eulers_number() =>
        new Session().Out(":format sympy", @"\frac{e^2}{4\pi\epsilon_0 r}").Should().Contain("exp(2)");

    [Fact]
    public void After_symbol_e_the_charge_stays_a_symbol()
    {
        var s = new Session();
        s.Out(":symbol e").Should().Be("e is a plain symbol now, not Euler's number (e^{x} the exponential)");
        s.Out(":format sympy", @"\frac{e^2}{4\pi\epsilon_0 r}").Should().Be("e**2/(4*epsilon_0*pi*r)");
        s.Out(@":diff e^2 x, e").Should().Be("2*e*x");
        s.Out(":symbol").Should().Be("plain symbols: e");
    }

    [Fact]
    public void Symbol_of_a_letter_without_another_meaning_says_so() =>
        new Session().Out(":symbol q").Should().Be("q is a plain symbol already (only e has another meaning)");

    [Fact]
    public void Symbol_of_something_that_is_not_a_name_is_refused_with_the_usage()
    {
        var r = new Session().Execute(":symbol x+1");
        r.IsError.Should().BeTrue();
        r.Output.Should().Be("x+1 is not a letter or a name; usage: :symbol e");
    }

    [Fact]
    public void Symbols_option_makes_e_a_plain_symbol_on_a_one_shot_command()
    {
        var r = Cli.Run("eval", @"\frac{e^2}{4\pi\epsilon_0 r}", "--symbols", "e", "--format", "sympy");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Trim().Should().Be("e**2/(4*epsilon_0*pi*r)");
        var d = Cli.Run("eval", @"e^{2}", "--format", "sympy");
        d.Out.Trim().Should().Be("exp(2)");
    }

    [Fact]
    public void Symbols_option_with_a_bad_name_is_bad_usage()
    {
        var r = Cli.Run("eval", "e", "--symbols", "1");
        r.ExitCode.Should().Be(Program.BadUsage);
        r.Err.Should().Contain("1 is not a letter or a name; usage: --symbols e");
    }

    [Fact]
    public void Symmetries_takes_symbols_too()
    {
        // y'' = e y with e a parameter: the case split on it shows it is a symbol, not Euler's number.
        var r = Cli.Run("symmetries", "y'' = e y", "--symbols", "e", "--format", "text");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Contain("= e*y(x)").And.Contain("% assumed e ≠ 0").And.Contain("% case e = 0:");
        var bad = Cli.Run("symmetries", "y'' = y", "--symbols", "1");
        bad.ExitCode.Should().Be(Program.BadUsage);
        bad.Err.Should().Contain("1 is not a letter or a name; usage: --symbols e");
    }
}
