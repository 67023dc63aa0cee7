using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>Beyond the article: sine-Gordon, and the relativistic free particle (golden/relativistic-mechanics-symmetry-2.md).</summary>
public class FieldAndRelativisticTests
{
    private static readonly Function x = Coord("x"), u = Coord("u");
    private static readonly Symbol m = Pos("m"), c = Pos("c");
    private static readonly Symbol X = Expr.Symbol("x", Assumptions.Real);

    [Fact]
    public void Sine_Gordon_density_gives_the_sine_Gordon_equation_through_the_general_chain_rule()
    {
        var U = Field(u, t, X);
        var L = Expr.Half * (D(U, t).Pow(2) - D(U, X).Pow(2)) + Expr.Cos(U);
        var eq = EulerLagrange.Derive(Action.Field(L, new[] { t, X }, u))["u"];
        eq.Expression.ShouldEqual(-Expr.Sin(U) - D(U, t, t) + D(U, X, X));
        eq.Solved!.Left.Should().Be(D(U, t, t));
        eq.Solved!.Right.ShouldEqual(D(U, X, X) - Expr.Sin(U));
    }

    [Fact]
    public void A_massless_wave_density_is_shown_as_the_wave_equation_and_keeps_the_whole_divergence()
    {
        var U = Field(u, t, X);
        var eq = EulerLagrange.Derive(Action.Field(Expr.Half * (D(U, t).Pow(2) - D(U, X).Pow(2)), new[] { t, X }, u))["u"];
        eq.Form.Should().Be(EquationForm.Solved);
        eq.Solved!.Left.Should().Be(D(U, t, t));
        eq.Solved!.Right.ShouldEqual(D(U, X, X));
        eq.Conservation!.Current[0].ShouldEqual(D(U, t));
        eq.Conservation!.Current[1].ShouldEqual(-D(U, X));
        eq.ToString().Should().NotContain("d/dt");
    }

    private static Action FreeParticle() => Action.Mechanical(-m * c.Pow(2) * Expr.Sqrt(1 - dot(x).Pow(2) / c.Pow(2)), t, x);

    [Fact]
    public void The_relativistic_free_particle_has_the_articles_momentum_and_its_rate_of_change_as_equation()
    {
        var gamma = Expr.One / Expr.Sqrt(1 - dot(x).Pow(2) / c.Pow(2));
        // unnumbered #10: p = m ẋ / √(1 − ẋ²/c²), the momentum of the cyclic coordinate x
        Conservation.CyclicMomenta(FreeParticle()).Should().ContainSingle().Which.Value.ShouldEqual(m * dot(x) * gamma);
        // unnumbered #9: dp/dt = m ẍ/(1 − ẋ²/c²)^{3/2}; the free equation is dp/dt = 0, solved: ẍ = 0
        var eq = EulerLagrange.Derive(FreeParticle())["x"];
        eq.Form.Should().Be(EquationForm.Conservation);
        eq.Conservation!.Quantity.ShouldEqual(m * dot(x) * gamma);
    }

    [Fact]
    public void The_rate_of_change_of_the_relativistic_momentum_is_the_articles_invariant()
    {
        var gamma = Expr.One / Expr.Sqrt(1 - dot(x).Pow(2) / c.Pow(2));
        var eq = EulerLagrange.Derive(FreeParticle())["x"];
        // unnumbered #8/#9: dp/dt = m ẍ/(1 − ẋ²/c²)^{3/2}
        Dt(eq.Conservation!.Quantity).ShouldEqual(m * ddot(x) * gamma.Pow(3));
        eq.Solved!.Right.ShouldEqual(Expr.Zero);
    }

    [Fact]
    public void The_relativistic_energy_is_gamma_m_c_squared_and_the_Hamiltonian_is_c_sqrt_p2_plus_m2c2()
    {
        var gamma = Expr.One / Expr.Sqrt(1 - dot(x).Pow(2) / c.Pow(2));
        Conservation.Energy(FreeParticle()).Value.ShouldEqual(m * c.Pow(2) * gamma);
        var h = Legendre.Transform(FreeParticle());
        var p = Call.Of(h.Momenta[x], t);
        h.Hamiltonian.ShouldEqual(c * Expr.Sqrt(p.Pow(2) + m.Pow(2) * c.Pow(2)));
        h.Equations[0].Right.ShouldEqual(c * p / Expr.Sqrt(p.Pow(2) + m.Pow(2) * c.Pow(2)));
        h.Equations[1].Right.ShouldEqual(Expr.Zero);
    }

    [Fact]
    public void The_boost_of_the_relativistic_article_is_a_Noether_symmetry_with_charge_p_t_minus_E_x_over_c2()
    {
        // unnumbered #1: X = (x/c²)∂_t + t ∂_x (its first prolongation is what Noether's theorem needs)
        var charge = Conservation.Noether(FreeParticle(), q(x) / c.Pow(2), new Dictionary<Function, Expr> { [x] = t });
        charge.IsConserved.Should().BeTrue(charge.Note);
        var gamma = Expr.One / Expr.Sqrt(1 - dot(x).Pow(2) / c.Pow(2));
        charge.Value.ShouldEqual(m * gamma * (dot(x) * t - q(x)));   // p t − E x/c²
    }
}
