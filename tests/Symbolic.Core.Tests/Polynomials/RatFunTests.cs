using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;
using static Symbolic.Core.Tests.Polynomials.P;

namespace Symbolic.Core.Tests.Polynomials;

public class RatFunTests
{
    private static RatFun R(Poly p) => RatFun.FromPoly(p);

    [Fact]
    public void Cancelling_x_squared_minus_one_over_x_minus_one_gives_x_plus_one()
    {
        var x = X(1, 0);
        var r = RatFun.Of(x * x - C(1, 1), x - C(1, 1));
        r.Should().Be(R(x + C(1, 1)));
        r.Denominator.IsOne.Should().BeTrue();
    }

    [Fact]
    public void Equality_is_equality_of_functions()
    {
        var a = R(X(2, 0)); var b = R(X(2, 1));
        ((a + b) / (a * a - b * b)).Should().Be(RatFun.One(2) / (a - b));
        ((a + b) / (a * a - b * b)).Should().NotBe(RatFun.One(2) / (a + b));
    }

    [Fact]
    public void Normal_form_has_positive_denominator_and_cancelled_contents()
    {
        var x = X(1, 0);
        var r = RatFun.Of(x * 4 + C(1, 2), -(x * 6));
        r.Numerator.Should().Be(-(x * 2) - C(1, 1));
        r.Denominator.Should().Be(x * 3);
        RatFun.Of(Poly.Zero(1), x).Denominator.IsOne.Should().BeTrue();
    }

    [Fact]
    public void Sum_of_fractions_with_shared_denominator_factors_is_in_lowest_terms()
    {
        var x = R(X(1, 0)); var one = RatFun.One(1);
        var s = one / (x - one) - one / (x + one);
        s.Should().Be(RatFun.Constant(1, 2) / (x * x - one));
        var t = one / (x * (x - one)) - one / (x * (x + one));
        t.Should().Be(RatFun.Constant(1, 2) / (x * (x * x - one)));
        (x / (x + one) + one / (x + one)).IsOne.Should().BeTrue();
    }

    [Fact]
    public void Derivative_of_a_quotient_follows_the_quotient_rule()
    {
        var x = R(X(2, 0)); var y = R(X(2, 1)); var one = RatFun.One(2);
        var f = (x * x + y) / (x - y * y + one);
        var n = x * x + y; var d = x - y * y + one;
        f.Derivative(0).Should().Be((n.Derivative(0) * d - n * d.Derivative(0)) / d.Pow(2));
        (one / x).Derivative(0).Should().Be(-(one / (x * x)));
    }

    [Fact]
    public void Negative_powers_and_substitution_are_exact()
    {
        var x = R(X(2, 0)); var y = R(X(2, 1)); var one = RatFun.One(2);
        (x / y).Pow(-2).Should().Be(y * y / (x * x));
        var f = (x + one) / (x - one);
        f.Substitute(0, one / y).Should().Be((one + y) / (one - y));
        RatFun.Constant(2, Rational.Of(3, 4)).ConstantValue.Should().Be(Rational.Of(3, 4));
    }

    [Fact]
    public void Random_rational_arithmetic_agrees_with_numeric_evaluation()
    {
        ForAllSeeds(seed =>
        {
            var rng = new Random(seed);
            Poly NonZero() { var p = Random(rng, 2, 4); return p.IsZero ? Poly.One(2) : p; }
            var a = RatFun.Of(Random(rng, 2, 4), NonZero());
            var b = RatFun.Of(NonZero(), NonZero());
            var pt = new[] { Rational.Of(rng.Next(-30, 31), rng.Next(1, 7)), Rational.Of(rng.Next(-30, 31), rng.Next(1, 7)) };
            Rational va, vb;
            try { va = a.EvaluateAll(pt); vb = b.EvaluateAll(pt); }
            catch (DivideByZeroException) { return true; }   // a pole: nothing to compare
            if (vb.IsZero) return true;
            return (a + b).EvaluateAll(pt) == va + vb
                && (a * b).EvaluateAll(pt) == va * vb
                && (a / b).EvaluateAll(pt) == va / vb
                && ((a * b) / b).Equals(a)
                && (a - a).IsZero;
        });
    }

    [Fact]
    public void Derivative_over_a_constant_denominator_cancels_the_new_content()
    {
        var x = X(1, 0);
        var f = RatFun.Of(x.Pow(3) + C(1, 1), C(1, 3));
        f.Derivative(0).Should().Be(RatFun.FromPoly(x * x));
    }
}
