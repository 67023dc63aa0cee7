using Symbolic.Core.Integration;

namespace Symbolic.Core.Tests.Integration;

public class DefiniteIntegratorTests
{
    private static readonly Symbol x = Expr.Symbol("x");
    private static readonly Symbol a = Expr.Symbol("a");
    private static readonly Symbol n = Expr.Symbol("n");
    private static readonly Symbol Infinity = Symbol.Of("infinity", Assumptions.Real);

    private static double Value(Expr f, Expr lo, Expr hi)
    {
        var r = DefiniteIntegrator.Integrate(f, x, lo, hi);
        r.Value.Should().NotBeNull(r.Reason);
        r.Value!.FreeSymbols().Should().BeEmpty();
        return NumericProbe.Evaluate(r.Value).Real;
    }

    private static string Refusal(Expr f, Expr lo, Expr hi)
    {
        var r = DefiniteIntegrator.Integrate(f, x, lo, hi);
        r.Value.Should().BeNull($"the integral of {f} from {lo} to {hi} should be refused, not {r.Value}");
        return r.Reason!;
    }

    public static TheoryData<string, double> SmoothTrigIntegrandsWhoseAntiderivativeJumps => new()
    {
        // name, value by mpmath.quad; the tan half-angle antiderivative jumps at x = π where 1 + cos x only touches zero
        { "1/(2+cos x) on [1,5]", 2.8046193241443838498 },
        { "1/(3+2cos x) on [1,5]", 2.3072211385580907183 },
        { "1/(2-cos x) on [3,4]", 0.34553809093668684517 },
        { "1/(5+4cos x) on [3,4]", 0.76727824241416118381 },
        { "1/(2+cos(x/2)) on [6,7]", 0.98436931832031585055 },
        { "1/(2+cos x)^2 on [3,4]", 0.84399681390969454886 },
        { "(1+cos x)/(2+cos x) on [1,5]", 1.1953806758556161502 },
        { "1/(sin x+2cos x+3) on [1,5]", 2.6092593112151604304 },
    };

    private static (Expr F, Expr Lo, Expr Hi) Case(string name) => name switch
    {
        "1/(2+cos x) on [1,5]" => (1 / (2 + Expr.Cos(x)), 1, 5),
        "1/(3+2cos x) on [1,5]" => (1 / (3 + 2 * Expr.Cos(x)), 1, 5),
        "1/(2-cos x) on [3,4]" => (1 / (2 - Expr.Cos(x)), 3, 4),
        "1/(5+4cos x) on [3,4]" => (1 / (5 + 4 * Expr.Cos(x)), 3, 4),
        "1/(2+cos(x/2)) on [6,7]" => (1 / (2 + Expr.Cos(x / 2)), 6, 7),
        "1/(2+cos x)^2 on [3,4]" => ((2 + Expr.Cos(x)).Pow(-2), 3, 4),
        "(1+cos x)/(2+cos x) on [1,5]" => ((1 + Expr.Cos(x)) / (2 + Expr.Cos(x)), 1, 5),
        "1/(sin x+2cos x+3) on [1,5]" => (1 / (Expr.Sin(x) + 2 * Expr.Cos(x) + 3), 1, 5),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(SmoothTrigIntegrandsWhoseAntiderivativeJumps))]
    public void A_jump_of_the_antiderivative_inside_the_interval_is_corrected(string name, double expected)
    {
        var (f, lo, hi) = Case(name);
        Value(f, lo, hi).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void One_over_two_plus_cos_over_a_full_period_is_two_pi_over_root_three()
    {
        Value(1 / (2 + Expr.Cos(x)), 0, 2 * Expr.Pi).Should().BeApproximately(2 * Math.PI / Math.Sqrt(3), 1e-12);
    }

    [Fact]
    public void One_over_five_minus_three_sin_over_a_full_period_is_half_pi()
    {
        Value(1 / (5 - 3 * Expr.Sin(x)), 0, 2 * Expr.Pi).Should().BeApproximately(Math.PI / 2, 1e-12);
    }

    [Fact]
    public void One_over_one_plus_sin_squared_on_zero_to_pi_is_pi_over_root_two()
    {
        Value(1 / (1 + Expr.Sin(x).Pow(2)), 0, Expr.Pi).Should().BeApproximately(Math.PI / Math.Sqrt(2), 1e-12);
    }

    [Fact]
    public void A_touching_zero_of_the_integrand_denominator_is_a_divergence_not_a_value()
    {
        Refusal(1 / (1 + Expr.Cos(x)), 3, 4).Should().Contain("singular");
        Refusal(Expr.Sin(x) / (1 + Expr.Cos(x)), 3, Expr.Frac(7, 2)).Should().Contain("singular");
        // a stranger's trial: 1 + sin x touches zero at 3π/2 inside [0, 6] (mpmath's quad returns a large finite number there)
        Refusal(1 / (1 + Expr.Sin(x)), 0, 6).Should().Contain("vanishes at x ≈ 4.71239");
    }

    [Fact]
    public void Smooth_trig_and_rational_integrands_over_intervals_past_the_half_angle_poles_have_their_values()
    {
        // the stranger's trial, values from mpmath.quad
        Value(1 / (3 + Expr.Sin(x)), 0, 7).Should().BeApproximately(2.436554174765, 1e-9);
        Value(Expr.Cos(x) / (2 + Expr.Sin(x)), 1, 9).Should().BeApproximately(-0.163816469586227, 1e-9);
        Value((x - 3).Pow(-2), 0, 2).Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void A_pole_that_depends_on_a_parameter_is_refused_with_the_condition()
    {
        Refusal((x - a).Pow(-2), 0, 1).Should().Contain("depends on a");
        Refusal(1 / (x - a), 0, 1).Should().Contain("depends on a");
        Refusal(1 / (x.Pow(2) - a), 0, 2).Should().Contain("depends on a");
        Refusal(Expr.Tan(a * x), 0, 1).Should().Contain("depends on a");
        Refusal(x.Pow(n), 0, 1).Should().Contain("depends on n");
    }

    [Fact]
    public void A_parameter_kept_off_the_interval_by_its_sign_still_integrates()
    {
        var p = Symbol.Of("p", Assumptions.Positive);
        var r = DefiniteIntegrator.Integrate(1 / (x.Pow(2) + p), x, 0, 1);
        r.Value.Should().NotBeNull(r.Reason);
    }

    [Fact]
    public void Integrands_decaying_like_one_over_x_squared_converge_at_infinity()
    {
        Value(x.Pow(-2), 1, Infinity).Should().BeApproximately(1, 1e-12);
        Value(3 * x.Pow(-2), 1, Infinity).Should().BeApproximately(3, 1e-12);
        Value((x + 1).Pow(-2), 0, Infinity).Should().BeApproximately(1, 1e-12);
        Value((2 * x + 1).Pow(-2), 0, Infinity).Should().BeApproximately(0.5, 1e-12);
        Value((x + 1) / x.Pow(3), 1, Infinity).Should().BeApproximately(1.5, 1e-12);
        Value(x.Pow(-2), -Infinity, -1).Should().BeApproximately(1, 1e-12);
        Value(x.Pow(Expr.Frac(-3, 2)), 1, Infinity).Should().BeApproximately(2, 1e-12);
    }

    [Fact]
    public void One_over_x_still_diverges_at_infinity()
    {
        Refusal(1 / x, 1, Infinity).Should().Contain("diverges");
        Refusal(x / (x.Pow(2) + 1), 0, Infinity).Should().Contain("diverges");
    }

    [Fact]
    public void A_radicand_of_the_antiderivative_may_vanish_at_a_limit()
    {
        Value(Expr.Sqrt(1 - x.Pow(2)), -1, 1).Should().BeApproximately(Math.PI / 2, 1e-12);
    }

    [Fact]
    public void An_integrable_singularity_at_a_limit_converges_when_the_antiderivative_stays_finite()
    {
        Value(1 / Expr.Sqrt(x), 0, 1).Should().BeApproximately(2, 1e-12);
        Refusal(1 / x, 0, 1).Should().Contain("pole");
        Refusal(x.Pow(-2), 0, 1).Should().Contain("pole");
        Refusal(1 / Expr.Sqrt(x) / x, 0, 1).Should().Contain("singular");
    }
}
