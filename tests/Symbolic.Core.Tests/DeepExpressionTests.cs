using Symbolic.Core.Polynomials;

namespace Symbolic.Core.Tests;

/// <summary>Issue 10: deep values fail with a clear message, never a stack overflow (which ends the process).</summary>
public sealed class DeepExpressionTests
{
    private static readonly Symbol x = Expr.Symbol("x", Assumptions.Real);

    [Fact]
    public void A_value_nested_a_hundred_thousand_levels_deep_is_refused_at_the_depth_limit()
    {
        Expr e = x;
        var act = () => { for (int i = 0; i < 100_000; i++) e = Expr.Sin(e); };
        act.Should().Throw<ExpressionTooDeepException>()
            .WithMessage($"the expression is nested {Expr.MaxDepth + 1:N0} levels deep, more than the limit of {Expr.MaxDepth:N0} (Expr.MaxDepth)");
        e.Depth.Should().Be(Expr.MaxDepth);
    }

    [Fact]
    public void Every_walk_of_a_value_at_the_depth_limit_finishes_or_stops_cleanly_even_on_a_small_stack()
    {
        Expr e = x;
        while (e.Depth < Expr.MaxDepth) e = Expr.Sin(e);
        var walks = new Action[]
        {
            () => Simplifier.Simplify(e),
            () => Calculus.Diff(e, x),
            () => Substitution.Apply(e, x, Expr.Symbol("y")),
            () => _ = e.ToString(),
            () => _ = e.FreeSymbols(),
            () => _ = e.Contains(Expr.Symbol("y")),
            () => _ = ExprOrder.Instance.Compare(e, Expr.Sin(Substitution.Apply(e, x, Expr.Symbol("y")))),
        };
        foreach (var walk in walks)
        {
            Exception? failure = null;
            // 256 kB: far less stack than these walks need at this depth, so the guard must speak.
            var thread = new Thread(() =>
            {
                try { walk(); }
                catch (Exception ex) { failure = ex; }
            }, 256 * 1024);
            thread.Start();
            thread.Join();
            if (failure is not null)
                failure.Should().BeOfType<ExpressionTooDeepException>().Which.Message.Should().Contain("nested too deeply");
        }
    }

    [Fact]
    public void Differentiating_sine_nested_a_thousand_deep_gives_one_cosine_factor_per_level()
    {
        Expr e = x;
        for (int i = 0; i < 1000; i++) e = Expr.Sin(e);
        Expr? d = null;
        var thread = new Thread(() => d = Calculus.Diff(e, x), 64 << 20);
        thread.Start();
        thread.Join();
        // The chain rule gives one factor cos(sin^k x) per level: a product of 1,000 factors.
        d.Should().BeOfType<Product>().Which.Factors.Should().HaveCount(1000);
        Calculus.Diff(Expr.Sin(Expr.Sin(x)), x).Should().Be(Expr.Cos(Expr.Sin(x)) * Expr.Cos(x));
    }

    [Theory]
    [InlineData(2_147_483_648L)]
    [InlineData(3_000_000_000L)]
    public void An_integer_exponent_beyond_the_exact_limit_is_refused_with_its_size(long n)
    {
        var run = Simplifier.Run(x.Pow(Expr.Frac(n, 1)));
        run.Complete.Should().BeFalse();
        run.StopReason!.Message.Should().Contain("larger than 1,000,000");
    }

    [Fact]
    public void An_expression_that_is_zero_only_after_simplification_as_a_denominator_is_a_division_by_zero()
    {
        var act = () => Simplifier.Simplify(Expr.One / (Expr.Sin(x).Pow(2) + Expr.Cos(x).Pow(2) - 1));
        act.Should().Throw<DivideByZeroException>();
    }

    [Fact]
    public void A_power_whose_size_is_known_to_exceed_the_memory_budget_is_refused_before_it_is_computed()
    {
        var y = Expr.Symbol("y");
        var run = Simplifier.Run((x + y).Pow(100_000), new Budget());
        run.Complete.Should().BeFalse();
        run.StopReason!.Message.Should().Contain("memory budget");
    }
}

public sealed class BigNumberTests
{
    [Fact]
    public void The_square_root_of_a_700_digit_non_square_stays_a_root()
    {
        var m = System.Numerics.BigInteger.Parse(new string('9', 700));
        var root = Expr.Sqrt(Expr.Frac(m, 1));
        root.Should().NotBeOfType<Number>("999…9 = 9·11…1 is not a square: 3√(11…1)");
        Simplifier.Simplify(root.Pow(2)).Should().Be(Expr.Frac(m, 1));
    }

    [Fact]
    public void The_square_root_of_a_700_digit_square_is_exact()
    {
        var r = System.Numerics.BigInteger.Parse("7" + new string('3', 349));
        Expr.Sqrt(Expr.Frac(r * r, 1)).Should().Be(Expr.Frac(r, 1));
    }
}
