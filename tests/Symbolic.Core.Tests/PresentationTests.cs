using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Symbolic.Core.Tests;

/// <summary>The presentation rules: each named, recorded as a step, and never changing a value.</summary>
public class PresentationTests
{
    private static readonly Symbol x = Expr.Symbol("x"), y = Expr.Symbol("y"), F = Expr.Symbol("F");
    private static readonly Symbol theta = Expr.Symbol("theta", Assumptions.Real), r = Expr.Symbol("r", Assumptions.Positive);
    private static readonly Symbol xi = Expr.Symbol("xi", Assumptions.Real), eta = Expr.Symbol("eta", Assumptions.Real);
    private static readonly Expr Lambda = Call.Of(Function.User("Lambda"), r);

    private static Expr U(params Symbol[] vars) => Call.Of(Function.User("u"), vars);
    private static Expr D(Expr f, Symbol v, int n = 1) => Derivative.Of(f, new[] { (v, n) });

    [Fact]
    public void A_factor_common_to_every_term_is_written_once_and_the_step_is_named()
    {
        var steps = new Derivation();
        var e = -Expr.Exp(-2 * Lambda) * Expr.Sin(theta) + Expr.Sin(theta);
        var shown = Presentation.Present(e, steps);
        shown.Should().Be(Product.Of(Expr.Sin(theta), 1 - Expr.Exp(-2 * Lambda)));
        steps.Select(s => s.Rule).Should().Equal("pull-out-common-factors");
        steps[0].Before.Should().Be(e);
    }

    [Fact]
    public void Pulling_out_takes_the_integer_content_along_with_a_common_symbol()
    {
        Presentation.Present(4 * F * eta.Pow(2) + 4 * F * xi.Pow(2)).Should().Be(Product.Of(Number.Of(4), F, eta.Pow(2) + xi.Pow(2)));
    }

    [Fact]
    public void A_sum_with_a_constant_term_or_no_common_factor_is_left_as_it_is()
    {
        var steps = new Derivation();
        var e = x.Pow(2) + 2 * x + 1;
        Presentation.Present(e, steps).Should().BeSameAs(e);
        Presentation.Present(x * y + y.Pow(2) + x, steps).Should().Be(x * y + y.Pow(2) + x);
        steps.Should().BeEmpty();
    }

    [Fact]
    public void Constant_ratios_of_sums_in_a_quotient_cancel()
    {
        var u = U(xi, eta);
        var inner = 8 * F * eta.Pow(2) * u + D(u, xi).Pow(2);
        var e = Product.Of(4 * eta.Pow(2) + 4 * xi.Pow(2), inner, Power.Of(8 * eta.Pow(2) + 8 * xi.Pow(2), Expr.MinusOne));
        var steps = new Derivation();
        var shown = Presentation.Present(e, steps);
        shown.Should().Be(Product.Of(Expr.Half, inner));
        steps.Select(s => s.Rule).Should().Contain("cancel-constant-ratios");
    }

    [Fact]
    public void The_laplacian_in_spherical_coordinates_is_collected_by_the_derivatives_with_each_coefficient_simplified()
    {
        var phi = Expr.Symbol("phi", Assumptions.Real);
        var u = U(r, theta, phi);
        var s = Expr.Sin(theta);
        var c = Expr.Cos(theta);
        // The single fraction the Euler–Lagrange step produces for u_rr.
        var numerator = F * r.Pow(2) * c.Pow(2) - 2 * r * D(u, r) * c.Pow(2) - F * r.Pow(2) + D(u, theta) * c * s
                        - D(u, theta, 2) * c.Pow(2) + 2 * r * D(u, r) + D(u, phi, 2) + D(u, theta, 2);
        var e = Relation.Equation(D(u, r, 2), -numerator / (r.Pow(2) * s.Pow(2)));
        var steps = new Derivation();
        var shown = (Relation)Presentation.Present(e, steps);
        steps.Select(st => st.Rule).Should().Contain("collect-derivatives");
        var expected = F - 2 / r * D(u, r) - D(u, theta, 2) / r.Pow(2) - c / (r.Pow(2) * s) * D(u, theta) - D(u, phi, 2) / (r.Pow(2) * s.Pow(2));
        Simplifier.AreEqual(shown.Right, expected).Should().BeTrue();
        // Each derivative appears once, with its own coefficient.
        shown.Right.Should().BeOfType<Sum>().Which.Terms.Should().HaveCount(5);
    }

    [Fact]
    public void A_compound_angle_the_input_wrote_is_folded_back_in_the_result()
    {
        var t = Expr.Symbol("t");
        var th1 = Call.Of(Function.User("theta_1"), t);
        var th2 = Call.Of(Function.User("theta_2"), t);
        var w = D(th1, t) * D(th2, t);
        var input = w * Expr.Cos(th1 - th2) + x;
        var expanded = w * Expr.Cos(th1) * Expr.Cos(th2) + w * Expr.Sin(th1) * Expr.Sin(th2) + 3 * Expr.Sin(th1) * Expr.Cos(th2) - 3 * Expr.Cos(th1) * Expr.Sin(th2);
        var steps = new Derivation();
        var shown = Presentation.Present(expanded, Expr.Sin(th1 - th2) + input, steps);
        shown.Should().Be(w * Expr.Cos(th1 - th2) + 3 * Expr.Sin(th1 - th2));
        steps.Select(s => s.Rule).Should().StartWith("keep-compound-angles");
        // Without the input nothing is folded: the rule keeps only what the user wrote.
        Presentation.Present(expanded).Should().NotBe(shown);
    }

    [Fact]
    public void Exponentials_of_an_argument_the_input_wrote_in_sinh_and_cosh_come_back_as_sinh_and_cosh()
    {
        var mu = Expr.Symbol("mu", Assumptions.Real);
        var nu = Expr.Symbol("nu", Assumptions.Real);
        // Elliptic coordinates: x = a cosh μ cos ν, y = a sinh μ sin ν; the metric factor the normal form writes in e^{±2μ}.
        var input = Expr.Cosh(mu) * Expr.Cos(nu) + Expr.Sinh(mu) * Expr.Sin(nu);
        var e = Expr.Exp(2 * mu) / 4 + Expr.Exp(-2 * mu) / 4 + Expr.Half - Expr.Cos(nu).Pow(2);
        var steps = new Derivation();
        var shown = Presentation.Present(e, input, steps);
        shown.Should().Be(Expr.Sinh(mu).Pow(2) + Expr.Sin(nu).Pow(2));
        steps.Select(s => s.Rule).Should().Contain("keep-input-functions");
        // Without the input the exponentials stay: the rule keeps only what the user wrote.
        Presentation.Present(e).Should().NotBe(shown);
    }

    [Fact]
    public void An_exponential_of_half_the_argument_written_is_not_rewritten()
    {
        var mu = Expr.Symbol("mu", Assumptions.Real);
        var e = Expr.Exp(mu / 2) + Expr.Exp(-mu / 2) + x;
        Presentation.Present(e, Expr.Cosh(mu)).Should().Be(e);
    }

    [Fact]
    public void Sine_over_cosine_is_shown_as_the_tangent_and_one_over_cosine_as_the_secant_when_the_input_wrote_them()
    {
        var input = Expr.Tan(theta) + Call.Of(Function.Sec, theta);
        var e = x * Expr.Sin(theta).Pow(3) / Expr.Cos(theta) + y / Expr.Cos(theta).Pow(2);
        var shown = Presentation.Present(e, input);
        shown.Should().Be(x * Expr.Sin(theta).Pow(2) * Expr.Tan(theta) + y * Call.Of(Function.Sec, theta).Pow(2));
    }

    [Fact]
    public void An_equation_equal_to_zero_is_divided_by_its_number_and_a_leading_minus()
    {
        var steps = new Derivation();
        Presentation.Present(Relation.Equation(-2 * x - 4 * y, Expr.Zero), steps).Should().Be(Relation.Equation(x + 2 * y, Expr.Zero));
        steps.Select(s => s.Rule).Should().Contain("divide-out-nonzero-factors");
    }

    [Fact]
    public void An_equation_is_divided_by_a_symbol_assumed_positive_but_not_by_one_that_may_be_zero()
    {
        var l = Expr.Symbol("l", Assumptions.Positive);
        var k = Expr.Symbol("k");
        var t = Expr.Symbol("t");
        var q = Call.Of(Function.User("q"), t);
        var inner = D(q, t, 2) + Expr.Sin(q);
        Presentation.Present(Relation.Equation(Product.Of(Expr.MinusOne, l, inner), Expr.Zero)).Should().Be(Relation.Equation(inner, Expr.Zero));
        Presentation.Present(Relation.Equation(Product.Of(Expr.MinusOne, k, inner), Expr.Zero)).Should().Be(Relation.Equation(k * inner, Expr.Zero));
        // Not an equation to zero, or an inequality: nothing is divided.
        var other = Relation.Equation(-2 * x, y);
        Presentation.Present(other).Should().Be(other);
    }

    [Fact]
    public void Presentation_keeps_the_value_of_random_expressions_with_hyperbolic_input() =>
        Prop.ForAll<int>(seed =>
        {
            var rng = new Random(seed);
            var e = Sum.Of(Enumerable.Range(0, rng.Next(1, 4)).Select(i =>
                Product.Of(Number.Of(rng.Next(-3, 4)), Expr.Exp(Number.Of(rng.Next(-3, 4)) * x), PropertyTests.RandomExpr(seed * 5 + i, 1))));
            var input = Expr.Sinh(x) + Expr.Tan(x) + Call.Of(Function.Sec, y);
            var shown = Presentation.Present(Simplifier.Simplify(e), input);
            return Simplifier.AreEqual(e, shown) && SameValue(e, shown);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Presentation_keeps_the_value_of_random_expressions() =>
        Prop.ForAll<int>(seed =>
        {
            var e = PropertyTests.RandomExpr(seed);
            var shown = Presentation.Present(Simplifier.Simplify(e));
            return Simplifier.AreEqual(e, shown) && SameValue(e, shown);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Presentation_keeps_the_value_of_random_sums_with_shared_factors() =>
        Prop.ForAll<int>(seed =>
        {
            var rng = new Random(seed);
            var shared = PropertyTests.RandomExpr(seed, 1);
            var e = Sum.Of(Enumerable.Range(0, rng.Next(2, 5)).Select(i => Product.Of(shared, PropertyTests.RandomExpr(seed * 7 + i, 2))));
            var shown = Presentation.Present(e);
            return Simplifier.AreEqual(e, shown) && SameValue(e, shown);
        }).QuickCheckThrowOnFailure();

    private static bool SameValue(Expr a, Expr b)
    {
        var point = new Dictionary<Expr, Complex> { [x] = 0.37, [y] = -0.61, [Expr.Symbol("z")] = 1.13 };
        var va = NumericProbe.Evaluate(a, point);
        var vb = NumericProbe.Evaluate(b, point);
        if (double.IsNaN(va.Real) && double.IsNaN(vb.Real)) return true;   // both at a pole: nothing to compare
        return Complex.Abs(va - vb) <= 1e-7 * (1 + Complex.Abs(va));
    }
}
