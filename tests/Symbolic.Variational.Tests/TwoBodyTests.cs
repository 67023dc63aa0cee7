using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>Golden tests: variational-coordinate-transform (1)–(4), see golden/variational-coordinate-transform.md.</summary>
public class TwoBodyTests
{
    private static readonly Function x = Coord("x"), y = Coord("y");
    private static readonly Function r = Coord("r", Assumptions.Positive), theta = Coord("theta");

    /// <summary>Eq. (2): L = ½(ẋ² + ẏ²) + μ/√(x² + y²).</summary>
    internal static Action CartesianAction() =>
        Action.Mechanical(Expr.Half * (dot(x).Pow(2) + dot(y).Pow(2)) + mu / Expr.Sqrt(q(x).Pow(2) + q(y).Pow(2)), t, x, y);

    /// <summary>Eq. (3): L = ½(ṙ² + r²θ̇²) + μ/r.</summary>
    internal static Action PolarAction() =>
        Action.Mechanical(Expr.Half * (dot(r).Pow(2) + q(r).Pow(2) * dot(theta).Pow(2)) + mu / q(r), t, r, theta);

    [Fact]
    public void Euler_Lagrange_of_the_Cartesian_two_body_action_gives_the_two_body_equations()
    {
        var result = EulerLagrange.Derive(CartesianAction());

        // (1): ẍ = −μx/(x²+y²)^{3/2}, ÿ = −μy/(x²+y²)^{3/2}
        var rho3 = (q(x).Pow(2) + q(y).Pow(2)).Pow(Expr.Frac(3, 2));
        result["x"].Form.Should().Be(EquationForm.Solved);
        result["x"].Solved!.Left.Should().Be(ddot(x));
        result["x"].Solved!.Right.ShouldEqual(-mu * q(x) / rho3);
        result["y"].Solved!.Left.Should().Be(ddot(y));
        result["y"].Solved!.Right.ShouldEqual(-mu * q(y) / rho3);
        result.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Euler_Lagrange_of_the_polar_two_body_action_gives_the_radial_equation_and_the_conservation_of_angular_momentum()
    {
        var result = EulerLagrange.Derive(PolarAction());

        // (4): r̈ = r θ̇² − μ/r²,  d/dt(r² θ̇) = 0
        result["r"].Form.Should().Be(EquationForm.Solved);
        result["r"].Solved!.Left.Should().Be(ddot(r));
        result["r"].Solved!.Right.ShouldEqual(q(r) * dot(theta).Pow(2) - mu / q(r).Pow(2));
        result["theta"].Form.Should().Be(EquationForm.Conservation);
        result["theta"].Conservation!.Quantity.ShouldEqual(q(r).Pow(2) * dot(theta));
        result["theta"].ToString().Should().StartWith("d/dt(");
        // The plain form stays available, and the θ equation is also solved for θ̈.
        result["theta"].Plain.Right.Should().Be(Expr.Zero);
        result["theta"].Solved!.Right.ShouldEqual(-2 * dot(r) * dot(theta) / q(r));
    }

    [Fact]
    public void The_derivation_records_the_action_each_partial_derivative_and_the_equations()
    {
        var steps = EulerLagrange.Derive(PolarAction()).Derivation.Select(s => s.Rule).ToList();
        steps[0].Should().Be("action");
        steps.Should().Contain(new[] { "partial-derivative", "total-derivative", "euler-lagrange", "conservation-law", "solve" });
        steps.Count(s => s == "partial-derivative").Should().Be(4);   // ∂L/∂r, ∂L/∂ṙ, ∂L/∂θ, ∂L/∂θ̇
    }
}

/// <summary>Golden tests: (2) with x = r cos θ, y = r sin θ → (3) → (4), and the cross-check through (1).</summary>
public class PolarTwoBodyTests
{
    private static readonly Function x = Coord("x"), y = Coord("y");
    private static readonly Function r = Coord("r", Assumptions.Positive), theta = Coord("theta");

    internal static PointTransformation Polar() => PointTransformation.OfCoordinates(new[] { r, theta },
        (x, q(r) * Expr.Cos(q(theta))), (y, q(r) * Expr.Sin(q(theta))));

    [Fact]
    public void The_polar_substitution_turns_the_Cartesian_action_into_the_polar_action()
    {
        var transformed = Polar().ApplyTo(TwoBodyTests.CartesianAction());

        transformed.Action.Fields.Select(f => f.Name).Should().Equal("r", "theta");
        transformed.Action.Lagrangian.ShouldEqual(TwoBodyTests.PolarAction().Lagrangian);   // (3)
        transformed.Derivation.Select(s => s.Rule).Should().Contain("chain-rule");
    }

    [Fact]
    public void Varying_the_transformed_action_gives_the_articles_equations_4()
    {
        var result = EulerLagrange.Derive(Polar().ApplyTo(TwoBodyTests.CartesianAction()).Action);

        result["r"].Solved!.Right.ShouldEqual(q(r) * dot(theta).Pow(2) - mu / q(r).Pow(2));
        result["theta"].Conservation!.Quantity.ShouldEqual(q(r).Pow(2) * dot(theta));
    }

    [Fact]
    public void The_presented_equations_read_as_the_article_prints_4()
    {
        var result = EulerLagrange.Derive(Polar().ApplyTo(TwoBodyTests.CartesianAction()).Action);
        result.ToString().Should().Be(
            "diff(r(t), t, 2) = r(t)*diff(theta(t), t)^2 - mu/r(t)^2" + Environment.NewLine +
            "d/dt(r(t)^2*diff(theta(t), t)) = 0");
    }

    [Fact]
    public void Substituting_polar_coordinates_directly_into_the_equations_1_gives_equations_equivalent_to_4()
    {
        var cartesian = EulerLagrange.Derive(TwoBodyTests.CartesianAction());
        Expr Residual(string name)
        {
            var eq = cartesian[name].Solved!;
            var e = eq.Left - eq.Right;
            e = Substitution.ApplyFunction(e, x, new[] { t }, q(r) * Expr.Cos(q(theta)));
            return Substitution.ApplyFunction(e, y, new[] { t }, q(r) * Expr.Sin(q(theta)));
        }
        var ex = Residual("x");
        var ey = Residual("y");
        // Project on the radial and tangential unit vectors.
        var radial = Expr.Cos(q(theta)) * ex + Expr.Sin(q(theta)) * ey;
        var tangential = -Expr.Sin(q(theta)) * ex + Expr.Cos(q(theta)) * ey;

        radial.ShouldEqual(ddot(r) - q(r) * dot(theta).Pow(2) + mu / q(r).Pow(2));
        tangential.ShouldEqual(Dt(q(r).Pow(2) * dot(theta)) / q(r));   // r θ̈ + 2 ṙ θ̇ = (1/r) d/dt(r² θ̇)
    }
}
