using Symbolic.Core;
using Symbolic.Lie;

namespace Symbolic.Lie.Tests;

public class NoetherTests
{
    private static readonly Symbol T = Expr.Symbol("t", Assumptions.Real);
    private static readonly Symbol X = Expr.Symbol("x", Assumptions.Real);
    private static readonly Symbol C = Expr.Symbol("c", Assumptions.Positive);
    private static readonly Symbol M = Expr.Symbol("m", Assumptions.Positive);

    private static JetSpace Jet => new(new[] { T }, new[] { X });

    private static (JetSpace, Expr L, Expr V, Expr E, Expr P) Relativistic()
    {
        var jet = Jet;
        var v = jet.Coordinate(0, 1);
        var gamma = (1 - v.Pow(2) / C.Pow(2)).Pow(Expr.Frac(-1, 2));
        var l = -M * C.Pow(2) / gamma;
        return (jet, l, v, M * C.Pow(2) * gamma, M * v * gamma);
    }

    [Fact]
    public void Time_translation_of_the_relativistic_particle_gives_its_energy()
    {
        var (jet, l, _, e, _) = Relativistic();
        var r = Noether.Test(new Generator(jet, new Expr[] { 1 }, new Expr[] { 0 }), l);
        r.IsVariational.Should().BeTrue();
        r.Verified.Should().BeTrue();
        Simplifier.IsZero(r.Charge! + e).Should().BeTrue($"I = −E, got {r.Charge}");
    }

    [Fact]
    public void Space_translation_of_the_relativistic_particle_gives_its_momentum()
    {
        var (jet, l, _, _, p) = Relativistic();
        var r = Noether.Test(new Generator(jet, new Expr[] { 0 }, new Expr[] { 1 }), l);
        r.IsVariational.Should().BeTrue();
        Simplifier.IsZero(r.Charge! - p).Should().BeTrue($"I = p, got {r.Charge}");
    }

    [Fact]
    public void The_Lorentz_boost_leaves_the_relativistic_action_invariant_and_gives_the_boost_charge()
    {
        var (jet, l, _, e, p) = Relativistic();
        var boost = new Generator(jet, new Expr[] { X / C.Pow(2) }, new Expr[] { T });
        var r = Noether.Test(boost, l);
        r.IsVariational.Should().BeTrue();
        r.Verified.Should().BeTrue();
        r.Gauge!.IsZero.Should().BeTrue();
        var k = e * X / C.Pow(2) - p * T;
        Simplifier.IsZero(r.Charge! + k).Should().BeTrue($"I = −K = pt − Ex/c², got {r.Charge}");
    }

    [Fact]
    public void The_boost_determines_the_Lagrangian_of_the_velocity_up_to_scale()
    {
        // the seeds' open question: which L(ẋ) is boost-invariant up to a total derivative?
        var (jet, l, v, _, _) = Relativistic();
        var boost = new Generator(jet, new Expr[] { X / C.Pow(2) }, new Expr[] { T });
        var found = Noether.FindInvariantLagrangian(boost);
        // the ratio is continuous for |ẋ| < c; its square is constant and its value at rest is −mc², so it is −mc²
        // (the square is compared because √(c⁴ − c²ẋ²) and c√(c² − ẋ²) are different kernels of the normal form)
        var ratio = Simplifier.Simplify(l / found.Lagrangian);
        Simplifier.IsZero(Simplifier.Simplify(ratio.Pow(2)) - M.Pow(2) * C.Pow(4)).Should().BeTrue($"(−mc²√(1−ẋ²/c²) / L)² = {ratio}² must be m²c⁴");
        Simplifier.IsZero(Substitution.Apply(ratio, v, Expr.Zero) + M * C.Pow(2)).Should().BeTrue($"the scale at rest is −mc², got {ratio}");
        found.NullLagrangiansToo.Should().BeTrue();
    }

    [Fact]
    public void Galilean_boost_of_the_free_particle_is_variational_with_a_gauge_term()
    {
        var jet = Jet;
        var v = jet.Coordinate(0, 1);
        var r = Noether.Test(new Generator(jet, new Expr[] { 0 }, new Expr[] { T }), M * v.Pow(2) / 2);
        r.IsVariational.Should().BeTrue();
        Simplifier.IsZero(r.Gauge! - M * X).Should().BeTrue();
        Simplifier.IsZero(r.Charge! - (M * v * T - M * X)).Should().BeTrue();
    }

    [Fact]
    public void Kepler_scaling_is_a_symmetry_of_the_equations_but_not_variational()
    {
        var t = T;
        var r = Expr.Symbol("r", Assumptions.Positive);
        var th = Expr.Symbol("theta", Assumptions.Real);
        var mu = Expr.Symbol("mu", Assumptions.Positive);
        var jet = new JetSpace(new[] { t }, new[] { r, th });
        var rd = jet.Coordinate(0, 1);
        var thd = jet.Coordinate(1, 1);
        var l = (rd.Pow(2) + r.Pow(2) * thd.Pow(2)) / 2 + mu / r;
        var scaling = new Generator(jet, new Expr[] { 3 * t }, new Expr[] { 2 * r, 0 });
        var res = Noether.Test(scaling, l);
        res.IsVariational.Should().BeFalse();
        res.Reason.Should().Contain("not affine in the velocities").And.Contain("not a variational symmetry");
        Simplifier.IsZero(res.Residual - l).Should().BeTrue("pr X(L) + L D_t ξ = L for Kepler's scaling");
    }
}
