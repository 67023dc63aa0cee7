using Symbolic.Core;
using Symbolic.Core.Polynomials;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

/// <summary>
/// The Plebański–Demiański family in the Griffiths–Podolský form (ω = 1) and the factored-denominator field
/// the curvature engine runs on. The full charged metric with Λ is the benchmark's (tests/Symbolic.Benchmarks);
/// here the cases stay small enough for the unit suite.
/// </summary>
public class PlebanskiDemianskiTests
{
    private static readonly Symbol n = Expr.Symbol("n", Assumptions.Real), eps = Expr.Symbol("epsilon", Assumptions.Real),
        q = Expr.Symbol("q", Assumptions.Real), alpha = Expr.Symbol("alpha", Assumptions.Real), L = Expr.Symbol("Lambda", Assumptions.Real);

    internal static Metric Metric(Expr charge, Expr acceleration, Expr lambda) =>
        Symbolic.TestSupport.PlebanskiDemianskiMetric.Of(m, n, eps, k, charge, acceleration, lambda);

    [Fact]
    public void Uncharged_Plebanski_Demianski_with_Lambda_is_an_Einstein_space()
    {
        var metric = Metric(Expr.Zero, alpha, L);
        var res = Curvature.Compute(metric, new CurvatureOptions { Route = CurvatureRoute.Christoffel, What = CurvatureQuantities.Ricci | CurvatureQuantities.Scalar });
        Should.BeEquivalent(res["scalar"], 4 * L);
        var names = new[] { "tau", "r", "p", "sigma" };
        for (int i = 0; i < 4; i++)
            for (int j = i; j < 4; j++)
            {
                var label = $"ricci[{names[i]},{names[j]}]";
                var ric = res.Components.FirstOrDefault(c => c.Label == label)?.Value ?? Expr.Zero;
                Should.BeEquivalent(ric, L * metric.G[i, j], $"R_{names[i]}{names[j]} = Λ g_{names[i]}{names[j]}");
            }
    }

    [Fact]
    public void Charged_Plebanski_without_acceleration_has_scalar_curvature_4_Lambda_and_a_traceless_Einstein_plus_Lambda_g()
    {
        var metric = Metric(q, Expr.Zero, L);
        var res = Curvature.Compute(metric, new CurvatureOptions { Route = CurvatureRoute.Christoffel, What = CurvatureQuantities.Scalar | CurvatureQuantities.Einstein });
        Should.BeEquivalent(res["scalar"], 4 * L);
        // the charge shows: G_rr + Λ g_rr ≠ 0 (the electromagnetic stress), while its trace vanishes as the scalar says
        var grr = res.Components.First(c => c.Label == "einstein[r,r]").Value;
        Normal.IsZero(grr + L * metric.G[1, 1]).Should().BeFalse("a charge gives an electromagnetic stress");
    }

    [Fact]
    public void The_factored_field_gives_the_rational_fields_components_on_Kerr()
    {
        var options = new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false,
            What = CurvatureQuantities.Christoffel | CurvatureQuantities.Riemann | CurvatureQuantities.Ricci | CurvatureQuantities.Kretschmann };
        var factored = Curvature.Compute(Kerr(), options, new FactoredField());
        var plain = Curvature.Compute(Kerr(), options, new RationalField());
        factored.Components.Select(c => c.Label).Should().Equal(plain.Components.Select(c => c.Label));
        foreach (var (a, b) in factored.Components.Zip(plain.Components))
            a.Value.Should().Be(b.Value, $"{a.Label}: one normal form, one expression");
    }

    [Fact]
    public void The_factored_field_keeps_the_metric_denominators_as_its_factor_base()
    {
        var field = new FactoredField();
        var metric = Metric(q, alpha, L);
        var g = metric.Lift(field);
        FormOps.Inverse(field, g);
        // r² + p², 1 − αpr, P and Q, and the (P − Q) of g_ττ met as a pivot: nothing expanded into one denominator
        field.Fractions.Factors.Should().HaveCountLessThanOrEqualTo(6);
        field.Fractions.Factors.Should().OnlyContain(f => f.TermCount <= 16);
    }

    [Fact]
    public void Dividing_by_a_numerator_in_sin_theta_rationalises_as_the_rational_field_does()
    {
        var field = new FactoredField();
        var plain = new RationalField();
        Expr a1 = Sin(theta) + r, b1 = Cos(theta) / (r + Sin(theta) * Cos(theta));
        var ours = field.ToRatFun(field.Div(field.FromExpr(a1), field.FromExpr(b1)));
        var theirs = plain.Div(plain.FromExpr(a1), plain.FromExpr(b1));
        Normal.IsZero(field.Context.ToExpr(ours) - plain.Context.ToExpr(theirs)).Should().BeTrue();
        Normal.IsZero(field.ToExpr(field.Diff(field.FromExpr(a1 / b1), theta)) - D(a1 / b1, theta)).Should().BeTrue();
    }
}
