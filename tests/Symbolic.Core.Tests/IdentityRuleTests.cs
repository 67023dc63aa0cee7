namespace Symbolic.Core.Tests;

/// <summary>
/// One identity rule for names: a symbol and an unknown function are their name, their kind and their assumptions.
/// Two that print the same but carry different assumptions are different, for symbols and functions alike, so a sign
/// rule never applies to a name through a twin that carries more assumptions.
/// </summary>
public class IdentityRuleTests
{
    private static readonly Symbol t = Expr.Symbol("t", Assumptions.Real);

    [Fact]
    public void Symbols_that_print_the_same_with_different_assumptions_are_different_and_the_same_ones_are_equal()
    {
        var plain = Expr.Symbol("r");
        var positive = Expr.Symbol("r", Assumptions.Positive);
        plain.ToString().Should().Be(positive.ToString());
        plain.Should().NotBe(positive);
        positive.Should().Be(Expr.Symbol("r", Assumptions.Positive));
        positive.GetHashCode().Should().Be(Expr.Symbol("r", Assumptions.Positive).GetHashCode());
    }

    [Fact]
    public void Functions_that_print_the_same_with_different_assumptions_are_different_as_symbols_are()
    {
        var real = Function.User("r");
        var positive = Function.User("r", Assumptions.Positive);
        Call.Of(real, t).ToString().Should().Be(Call.Of(positive, t).ToString());
        real.Should().NotBe(positive);
        (real == positive).Should().BeFalse();
        Call.Of(real, t).Should().NotBe(Call.Of(positive, t));
        Calculus.Diff(Call.Of(real, t), t).Should().NotBe(Calculus.Diff(Call.Of(positive, t), t));
        Call.Of(positive, t).Should().Be(Call.Of(Function.User("r", Assumptions.Positive), t));
        Call.Of(positive, t).GetHashCode().Should().Be(Call.Of(Function.User("r", Assumptions.Positive), t).GetHashCode());
    }

    [Fact]
    public void A_symbol_and_a_function_compare_the_same_way_under_the_rule()
    {
        var symbolsEqual = Expr.Symbol("q", Assumptions.Real).Equals(Expr.Symbol("q", Assumptions.Positive));
        var functionsEqual = Function.User("q", Assumptions.Real).Equals(Function.User("q", Assumptions.Positive));
        functionsEqual.Should().Be(symbolsEqual);
        Expr.Symbol("q", Assumptions.Real).Equals(Expr.Symbol("q", Assumptions.Real)).Should()
            .Be(Function.User("q", Assumptions.Real).Equals(Function.User("q", Assumptions.Real)));
    }

    [Fact]
    public void Twins_with_different_assumptions_do_not_cancel_and_a_sign_rule_uses_only_the_assumed_one()
    {
        var real = Call.Of(Function.User("r"), t);
        var positive = Call.Of(Function.User("r", Assumptions.Positive), t);
        Simplifier.Simplify(Expr.Sqrt(positive.Pow(2))).Should().Be(positive);
        Simplifier.Simplify(Expr.Sqrt(real.Pow(2))).Should().NotBe(real);
        (positive - real).IsZero.Should().BeFalse();
    }
}
