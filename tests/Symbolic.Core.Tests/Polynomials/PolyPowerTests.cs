using System.Numerics;
using Symbolic.Core.Polynomials;
using static Symbolic.Core.Tests.Polynomials.P;

namespace Symbolic.Core.Tests.Polynomials;

/// <summary>Powers by the multinomial theorem agree with repeated multiplication (issue 10: (x+y)^4000 took 10 s).</summary>
public class PolyPowerTests
{
    private static Poly Repeated(Poly p, int n)
    {
        var r = Poly.One(p.VariableCount);
        for (int i = 0; i < n; i++) r = Poly.Multiply(r, p);
        return r;
    }

    [Theory]
    [InlineData(1, 2, 0, 9, 40)]        // univariate: the multinomial terms collide
    [InlineData(2, 3, 2, 9, 17)]
    [InlineData(4, 4, 1, 3, 12)]
    [InlineData(3, 5, 3, 1_000_000_007, 9)]   // big coefficients: the BigInteger path
    [InlineData(9, 3, 2, 5, 7)]        // nine variables: keys of more than one word
    public void A_power_equals_repeated_multiplication(int nvars, int terms, int maxDeg, int maxCoef, int n)
    {
        var rng = new Random(nvars * 1000 + terms * 10 + n);
        for (int trial = 0; trial < 12; trial++)
        {
            var p = Random(rng, nvars, terms, maxDeg, maxCoef);
            for (int k = 0; k <= n; k += Math.Max(1, n / 5))
                p.Pow(k).Should().Be(Repeated(p, k), $"seed trial {trial}: ({p})^{k}");
        }
    }

    [Fact]
    public void A_binomial_to_the_4000th_has_the_binomial_coefficients()
    {
        var x = X(2, 0); var y = X(2, 1);
        var p = (x - y * 2).Pow(4000);
        p.TermCount.Should().Be(4001);
        var terms = p.Terms.ToList();
        // the term x^k (−2y)^(4000−k) has coefficient C(4000, k)·(−2)^(4000−k)
        BigInteger binom = 1;
        for (int k = 4000; k >= 0; k--)
        {
            var (e, c) = terms[4000 - k];
            e.Should().Equal(k, 4000 - k);
            c.Should().Be(binom * BigInteger.Pow(-2, 4000 - k));
            binom = binom * k / (4001 - k);
        }
    }

    [Fact]
    public void The_power_of_a_sum_of_independent_terms_has_every_multinomial_term()
    {
        var v = Enumerable.Range(0, 4).Select(i => X(4, i)).ToArray();
        var p = (v[0] + v[1] + v[2] + C(4, 1)).Pow(30);
        p.TermCount.Should().Be(5456);                       // C(33, 3)
        p.EvaluateAll([1, 1, 1, 1]).Should().Be(Numbers.Rational.Of(BigInteger.Pow(4, 30)));
        p.EvaluateAll([1, 1, -3, 5]).Should().Be(Numbers.Rational.Zero);   // x + y + z + 1 = 0 there
    }

    [Fact]
    public void A_power_that_outgrows_the_budget_stops_with_the_size_message()
    {
        var v = Enumerable.Range(0, 6).Select(i => X(6, i)).ToArray();
        var p = v.Aggregate((a, b) => a + b);
        var act = () => p.Pow(40, new Budget(maxTerms: 100_000));
        act.Should().Throw<BudgetExceededException>().WithMessage("*more than 100,000 terms (the size budget)*");
    }
}
