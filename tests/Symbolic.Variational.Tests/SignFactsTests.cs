using Symbolic.Core;

namespace Symbolic.Variational.Tests;

/// <summary>
/// SignFacts answers sign questions through <see cref="Assume"/> with its extra positive expressions, so the
/// rules are the same in both places: b^(2k) ≥ 0 for real b, and b^(2k) &gt; 0 needs b real and b ≠ 0.
/// </summary>
public class SignFactsTests
{
    private static readonly Symbol theta = Expr.Symbol("theta", Assumptions.Real);
    private static readonly Symbol z = Expr.Symbol("z", Assumptions.Nonzero);
    private static readonly Symbol w = Expr.Symbol("w", Assumptions.Real | Assumptions.Nonzero);
    private static readonly Symbol v = Expr.Symbol("v", Assumptions.Real);

    [Fact]
    public void An_even_power_of_a_nonzero_symbol_that_may_be_complex_is_not_positive()
    {
        // z = i is nonzero and z² = −1.
        SignFacts.None.IsPositive(z.Pow(2)).Should().BeFalse();
        SignFacts.None.IsNonnegative(z.Pow(2)).Should().BeFalse();
        Assume.IsPositive(z.Pow(2)).Should().BeFalse();
    }

    [Fact]
    public void An_even_power_of_a_real_nonzero_symbol_is_positive()
    {
        SignFacts.None.IsPositive(w.Pow(4)).Should().BeTrue();
        Assume.IsPositive(w.Pow(4)).Should().BeTrue();
    }

    [Fact]
    public void An_even_power_of_a_real_symbol_is_nonnegative_but_not_positive()
    {
        SignFacts.None.IsNonnegative(v.Pow(2)).Should().BeTrue();
        SignFacts.None.IsPositive(v.Pow(2)).Should().BeFalse();
    }

    [Fact]
    public void A_fact_makes_its_even_powers_products_and_sums_positive_the_same_way_in_both_homes()
    {
        var facts = SignFacts.None.WithPositive(Expr.Sin(theta));
        var square = Expr.Sin(theta).Pow(2);
        facts.IsPositive(square).Should().BeTrue();
        facts.IsPositive(3 * Expr.Sin(theta) * square).Should().BeTrue();
        facts.IsPositive(square + v.Pow(2)).Should().BeTrue();
        Assume.IsPositive(square + v.Pow(2), facts.Positive).Should().BeTrue();
        SignFacts.None.IsPositive(square).Should().BeFalse("sin θ may be zero without the fact");
    }

    [Fact]
    public void A_root_of_an_even_power_of_a_possibly_complex_nonzero_symbol_is_kept()
    {
        var facts = SignFacts.None;
        var e = Expr.Sqrt(z.Pow(2) * Expr.Symbol("r", Assumptions.Positive).Pow(2));
        facts.Apply(e).ToString().Should().Contain("z");
        facts.Apply(e).Should().NotBe(z * Expr.Symbol("r", Assumptions.Positive));
    }
}
