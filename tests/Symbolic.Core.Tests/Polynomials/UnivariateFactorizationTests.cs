using System.Numerics;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core.Tests.Polynomials;

/// <summary>Factorization over Q of univariate polynomials: each answer multiplied back, each factor's irreducibility
/// from an independent fact (cyclotomic polynomials, Swinnerton-Dyer polynomials, Eisenstein's criterion).</summary>
public class UnivariateFactorizationTests
{
    private static readonly Poly x = Poly.Variable(1, 0);
    private static Poly C(BigInteger c) => Poly.Constant(1, c);
    private static readonly string[] Names = ["x"];

    /// <summary>The factors as "f^m" strings (sorted by degree, then coefficients), after checking unit · ∏ f^m = p.</summary>
    private static List<string> Factors(Poly p, int maxSubsets = Factorization.DefaultMaxSubsets)
    {
        var r = Factorization.OverRationals(p, maxSubsets: maxSubsets);
        var product = C(r.Unit.Num);
        foreach (var f in r.Factors) product *= f.Factor.Pow(f.Multiplicity);
        product.Should().Be(p * r.Unit.Den, "unit · ∏ fᵢ^mᵢ must give the input back");
        r.Factors.Should().OnlyContain(f => f.Factor.Content() == 1);
        if (maxSubsets == Factorization.DefaultMaxSubsets) r.IsComplete.Should().BeTrue();
        return r.Factors.Select(f => f.Factor.ToString(Names) + (f.Multiplicity > 1 ? $" ^{f.Multiplicity}" : "")).ToList();
    }

    [Fact]
    public void Product_of_two_irreducible_quadratics_is_split()
    {
        Factors((x * x + C(1)) * (x * x + C(4) * x + C(5))).Should().Equal("x^2 + 1", "x^2 + 4*x + 5");
    }

    [Fact]
    public void The_Swinnerton_Dyer_quartic_stays_irreducible_though_it_splits_modulo_every_prime()
    {
        // x⁴ − 10x² + 1, the minimal polynomial of √2 + √3: linear or quadratic factors mod every p
        Factors(x.Pow(4) - C(10) * x * x + C(1)).Should().Equal("x^4 - 10*x^2 + 1");
    }

    [Fact]
    public void The_Swinnerton_Dyer_octic_stays_irreducible()
    {
        // the minimal polynomial of √2 + √3 + √5
        var s = x.Pow(8) - C(40) * x.Pow(6) + C(352) * x.Pow(4) - C(960) * x * x + C(576);
        Factors(s).Should().Equal("x^8 - 40*x^6 + 352*x^4 - 960*x^2 + 576");
    }

    [Fact]
    public void X_to_the_eighth_minus_one_is_the_product_of_its_cyclotomic_factors()
    {
        Factors(x.Pow(8) - C(1)).Should().Equal("x - 1", "x + 1", "x^2 + 1", "x^4 + 1");
    }

    [Fact]
    public void X_to_the_thirty_minus_one_splits_into_the_eight_cyclotomic_polynomials_of_the_divisors_of_thirty()
    {
        Factors(x.Pow(30) - C(1)).Should().Equal(
            "x - 1", "x + 1", "x^2 - x + 1", "x^2 + x + 1", "x^4 - x^3 + x^2 - x + 1", "x^4 + x^3 + x^2 + x + 1",
            "x^8 - x^7 + x^5 - x^4 + x^3 - x + 1", "x^8 + x^7 - x^5 - x^4 - x^3 + x + 1");
    }

    [Fact]
    public void The_105th_cyclotomic_polynomial_with_its_coefficient_minus_two_is_irreducible()
    {
        // Φ₁₀₅ = ∏_{d | 105} (x^d − 1)^{μ(105/d)}, of degree φ(105) = 48
        var num = (x.Pow(105) - C(1)) * (x.Pow(7) - C(1)) * (x.Pow(5) - C(1)) * (x.Pow(3) - C(1));
        var den = (x.Pow(35) - C(1)) * (x.Pow(21) - C(1)) * (x.Pow(15) - C(1)) * (x - C(1));
        var phi = num.DivideExact(den);
        phi.Degree(0).Should().Be(48);
        phi.Terms.Should().Contain(t => t.Coefficient == -2);
        Factors(phi).Should().HaveCount(1);
    }

    [Fact]
    public void Large_coefficients_are_recovered_exactly()
    {
        var big = BigInteger.Pow(10, 30) + 7;
        var f1 = C(big) * x + C(3);
        var f2 = x * x + C(BigInteger.Pow(2, 70) + 1) * x - C(7);
        var f3 = x.Pow(3) - x - C(1);
        Factors(f1 * f2 * f3).Should().Equal("1000000000000000000000000000007*x + 3", "x^2 + 1180591620717411303425*x - 7", "x^3 - x - 1");
    }

    [Fact]
    public void A_repeated_factor_comes_with_its_multiplicity()
    {
        Factors((x - C(1)).Pow(3) * (x * x + C(2)).Pow(2) * x.Pow(2) * (x * x - C(2)))
            .Should().Equal("x - 1 ^3", "x ^2", "x^2 - 2", "x^2 + 2 ^2");
    }

    [Fact]
    public void The_content_and_the_sign_go_into_the_unit()
    {
        var r = Factorization.OverRationals(C(-6) * x * x + C(6));
        r.Unit.Should().Be(Rational.Of(-6));
        r.Factors.Select(f => f.Factor.ToString(Names)).Should().Equal("x - 1", "x + 1");
    }

    [Fact]
    public void An_Eisenstein_polynomial_of_degree_twelve_is_irreducible()
    {
        // x¹² + 6x⁵ + 12x + 18: Eisenstein at 2 (6, 12, 18 even, 18 not divisible by 4)
        Factors(x.Pow(12) + C(6) * x.Pow(5) + C(12) * x + C(18)).Should().HaveCount(1);
    }

    [Fact]
    public void A_budget_that_runs_out_returns_a_true_factor_marked_unproved_and_says_why()
    {
        var s = x.Pow(8) - C(40) * x.Pow(6) + C(352) * x.Pow(4) - C(960) * x * x + C(576);
        var r = Factorization.OverRationals(s, maxSubsets: 1);
        r.IsComplete.Should().BeFalse();
        r.Incomplete.Should().Contain("stopped after 1 candidate subsets").And.Contain("may split further");
        r.Factors.Should().ContainSingle().Which.IsIrreducible.Should().BeFalse();
        r.Factors[0].Factor.Should().Be(s);
    }

    [Fact]
    public void A_polynomial_in_two_variables_is_refused_with_the_reason()
    {
        var two = Poly.Variable(2, 0) + Poly.Variable(2, 1);
        var act = () => Factorization.OverRationals(two);
        act.Should().Throw<ArgumentException>().WithMessage("*needs a polynomial in one variable*");
    }

    [Fact]
    public void The_factors_keep_the_variable_of_the_input()
    {
        var y = Poly.Variable(3, 2);
        var r = Factorization.OverRationals(y * y - Poly.Constant(3, 4));
        r.Factors.Select(f => f.Factor.ToString(new[] { "a", "b", "y" })).Should().Equal("y - 2", "y + 2");
    }

    [Fact]
    public void Random_products_multiply_back_into_the_input()
    {
        var rng = new Random(7);
        for (int k = 0; k < 30; k++)
        {
            var p = C(rng.Next(1, 5));
            int n = rng.Next(1, 4);
            for (int i = 0; i < n; i++)
            {
                var f = x.Pow(rng.Next(1, 5));
                for (int j = 0; j < 3; j++) f += C(rng.Next(-9, 10)) * x.Pow(rng.Next(0, 4));
                if (f.IsConstant) continue;
                p *= f;
            }
            var r = Factorization.OverRationals(p);
            var product = C(r.Unit.Num);
            foreach (var f in r.Factors) product *= f.Factor.Pow(f.Multiplicity);
            product.Should().Be(p * r.Unit.Den, p.ToString(Names));
            r.IsComplete.Should().BeTrue();
        }
    }
}
