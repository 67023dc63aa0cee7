using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;
using static Symbolic.Core.Tests.Polynomials.P;

namespace Symbolic.Core.Tests.Polynomials;

public class FactoredFractionsTests
{
    /// <summary>Equal as functions, and the left side in normal form (its parts coprime, as RatFun's are).</summary>
    private static bool Same(RatFun a, RatFun b) =>
        (a - b).IsZero && (a.Numerator.IsZero || PolyGcd.Gcd(a.Numerator, a.Denominator).IsConstant);

    [Fact]
    public void A_sum_over_a_shared_factor_cancels_it()
    {
        var q = new FactoredFractions();
        Poly x = X(2, 0), y = X(2, 1);
        var a = q.FromRatFun(RatFun.Of(x, x + y));
        var b = q.FromRatFun(RatFun.Of(y, x + y));
        var s = q.Add(a, b);
        s.IsConstant.Should().BeTrue("x/(x+y) + y/(x+y) = 1");
        q.ToRatFun(s).IsOne.Should().BeTrue();
    }

    [Fact]
    public void A_sum_takes_the_larger_power_of_each_factor_without_a_gcd()
    {
        var q = new FactoredFractions();
        Poly x = X(2, 0), y = X(2, 1), one = C(2, 1);
        var a = q.FromRatFun(RatFun.Of(one, (x + y) * (x + y) * (x - y)));
        var b = q.FromRatFun(RatFun.Of(one, (x + y) * (x + one)));
        var gcdsBefore = q.GcdCount;
        var s = q.Add(a, b);
        q.GcdCount.Should().Be(gcdsBefore, "the common denominator is the product of the larger powers of known factors");
        q.ToRatFun(s).Should().Be(RatFun.Of(one, (x + y) * (x + y) * (x - y)) + RatFun.Of(one, (x + y) * (x + one)));
        var (_, factors) = q.DenominatorFactors(s);
        factors.Should().HaveCount(3).And.Contain((x + y, 2));
    }

    [Fact]
    public void A_known_factor_that_shares_a_part_with_a_new_denominator_is_split()
    {
        var q = new FactoredFractions();
        Poly x = X(2, 0), y = X(2, 1), one = C(2, 1);
        // (x² − y²) is met whole first, then x + y alone: the base must become {x + y, x − y}
        var a = q.FromRatFun(RatFun.Of(one, x * x - y * y));
        var b = q.FromRatFun(RatFun.Of(x, x + y));
        q.Factors.Should().BeEquivalentTo(new[] { x + y, x - y });
        var s = q.Add(a, b);
        q.ToRatFun(s).Should().Be(RatFun.Of(one, x * x - y * y) + RatFun.Of(x, x + y));
        q.ToRatFun(q.Multiply(a, q.FromPoly(x - y))).Should().Be(RatFun.Of(one, x + y));
    }

    [Fact]
    public void The_denominator_of_a_metric_entry_is_split_into_its_factors()
    {
        var q = new FactoredFractions();
        Poly r = X(3, 0), p = X(3, 1), al = X(3, 2), one = C(3, 1);
        var omega = one - al * p * r;
        // (r² + p²)/(Q Ω²) with Q = 1 − 2r: the content in α and the square-free part separate Q and Ω
        var qq = one - r * 2;
        var f = q.FromRatFun(RatFun.Of(r * r + p * p, qq * omega * omega));
        var (_, factors) = q.DenominatorFactors(f);
        static Poly Positive(Poly p) => p.LeadingSign < 0 ? -p : p;
        factors.Should().BeEquivalentTo(new[] { (Positive(qq), 1), (Positive(omega), 2) });
    }

    [Fact]
    public void Random_sums_products_and_derivatives_agree_with_the_rational_normal_form()
    {
        var seed = Environment.TickCount;
        var rng = new Random(seed);
        for (int round = 0; round < 40; round++)
        {
            var q = new FactoredFractions();
            int nv = 3;
            // a few small factors, some sharing parts (f·g and f), so that bases get split
            var f = Enumerable.Range(0, 4).Select(_ => Random(rng, nv, 3, 2, 4)).Where(p => !p.IsConstant).ToList();
            if (f.Count < 2) continue;
            f.Add(f[0] * f[1]);
            RatFun RandomFraction()
            {
                var den = C(nv, rng.Next(1, 4));
                for (int i = 0; i < 2; i++) den = den * f[rng.Next(f.Count)];
                return RatFun.Of(Random(rng, nv, 4, 2, 5), den);
            }
            var xs = Enumerable.Range(0, 4).Select(_ => RandomFraction()).ToList();
            var fx = xs.Select(q.FromRatFun).ToList();
            for (int i = 0; i < xs.Count; i++)
                for (int j = 0; j < xs.Count; j++)
                {
                    var because = $"seed {seed}, round {round}: {xs[i]} and {xs[j]}";
                    Same(q.ToRatFun(q.Add(fx[i], fx[j])), xs[i] + xs[j]).Should().BeTrue(because);
                    Same(q.ToRatFun(q.Subtract(fx[i], fx[j])), xs[i] - xs[j]).Should().BeTrue(because);
                    Same(q.ToRatFun(q.Multiply(fx[i], fx[j])), xs[i] * xs[j]).Should().BeTrue(because);
                }
            for (int i = 0; i < xs.Count; i++)
                for (int v = 0; v < nv; v++)
                    Same(q.ToRatFun(q.Derivative(fx[i], v)), xs[i].Derivative(v)).Should().BeTrue($"seed {seed}, round {round}: ∂/∂x{v} of {xs[i]}");
        }
    }

    [Fact]
    public void Normal_form_keeps_the_integer_part_of_the_denominator_coprime_to_the_numerator()
    {
        var q = new FactoredFractions();
        Poly x = X(1, 0);
        var a = q.FromRatFun(RatFun.Of(x, C(1, 6)));
        var b = q.FromRatFun(RatFun.Of(x, C(1, 3)));
        var s = q.Add(a, b);   // x/6 + x/3 = x/2
        s.Content.Should().Be(2);
        q.ToRatFun(s).Should().Be(RatFun.Of(x, C(1, 2)));
        q.ToRatFun(q.Multiply(q.Constant(Rational.Of(3, 4)), q.FromRatFun(RatFun.Of(C(1, 2), x)))).Should().Be(RatFun.Of(C(1, 3), x * 2));
    }
}
