using Symbolic.Core;
using Symbolic.Lie;

namespace Symbolic.Lie.Tests;

public class InvariantTests
{
    private static Symbol S(string n) => Expr.Symbol(n, Assumptions.Real);

    [Fact]
    public void The_boost_invariant_of_velocity_and_acceleration_is_the_relativistic_force_2512()
    {
        var t = S("t"); var x = S("x"); var c = Expr.Symbol("c", Assumptions.Positive); var m = Expr.Symbol("m", Assumptions.Positive);
        var jet = new JetSpace(new[] { t }, new[] { x });
        var pr = new Generator(jet, new Expr[] { x / c.Pow(2) }, new Expr[] { t }).Prolong(2);
        var v = jet.Coordinate(0, 1); var a = jet.Coordinate(0, 2);
        // F(ẋ, ẍ): only the velocity and acceleration components matter (2512 eq. 6)
        var inv = Invariants.Of(new[] { (v, pr.Coefficient(v)), (a, pr.Coefficient(a)) });
        inv.Should().ContainSingle();
        var article = m * a * (1 - v.Pow(2) / c.Pow(2)).Pow(Expr.Frac(-3, 2));
        // the same invariant up to a constant factor: the ratio's derivatives vanish
        var ratio = Simplifier.Simplify(article / inv[0]);
        Simplifier.IsZero(Calculus.Diff(ratio, a)).Should().BeTrue();
        Simplifier.IsZero(Simplifier.Simplify(Calculus.Diff(ratio.Pow(2), v))).Should().BeTrue($"ratio {ratio}");
    }

    [Fact]
    public void The_interval_is_the_invariant_of_the_boost()
    {
        var t = S("t"); var x = S("x"); var c = Expr.Symbol("c", Assumptions.Positive);
        var inv = Invariants.Of(new[] { (t, x / c.Pow(2)), (x, (Expr)t) });
        inv.Should().ContainSingle();
        Simplifier.IsZero(Simplifier.Simplify(Calculus.Diff(Simplifier.Simplify(inv[0] / (x.Pow(2) - c.Pow(2) * t.Pow(2))), x))).Should().BeTrue($"got {inv[0]}");
    }

    [Fact]
    public void Heat_scaling_gives_the_similarity_variables_of_the_source_solution()
    {
        // x∂_x + 2t∂_t − u∂_u: invariants x/√t and u√t, so u = t^{-1/2} G(x/√t)
        var x = S("x"); var t = Expr.Symbol("t", Assumptions.Positive); var u = S("u");
        var inv = Invariants.Of(new[] { (t, 2 * t), (x, (Expr)x), (u, -u) });   // t first: it is the parameter of the characteristics
        inv.Should().HaveCount(2);
        inv.Should().Contain(i => Simplifier.IsZero(i - x * t.Pow(Expr.Frac(-1, 2))));
        inv.Should().Contain(i => Simplifier.IsZero(i - u * t.Pow(Expr.Frac(1, 2))));
        // and the source solution t^{-1/2} e^{-x²/4t} of that form solves u_t = u_xx
        var source = t.Pow(Expr.Frac(-1, 2)) * Expr.Exp(-x.Pow(2) / (4 * t));
        Simplifier.IsZero(Calculus.Diff(source, t) - Calculus.Diff(source, x, 2)).Should().BeTrue();
    }

    [Fact]
    public void Homogeneous_equation_is_solved_by_canonical_coordinates()
    {
        // y' = y/x + x/y with X = x∂_x + y∂_y: r = y/x, s = ln x, ds/dr = r ⇒ ln x = r²/2 + C
        var x = Expr.Symbol("x", Assumptions.Positive); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var ode = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 1), y / x + x / y));
        var red = Invariants.Reduce(ode, new Generator(jet, new Expr[] { x }, new Expr[] { y }));
        red.Should().NotBeNull();
        var (r, s, rs, g) = red!.Value;
        Simplifier.IsZero(r - y / x).Should().BeTrue($"r = {r}");
        Simplifier.IsZero(s - Expr.Log(x)).Should().BeTrue($"s = {s}");
        Simplifier.IsZero(g - rs).Should().BeTrue($"ds/dr = {g}");
        // the solution y² = 2x²(ln x − C) solves the ODE (checked independently by substitution)
        var cc = S("C");
        var sol = x * Expr.Sqrt(2 * (Expr.Log(x) - cc));
        Simplifier.IsZero(Calculus.Diff(sol, x) - (sol / x + x / sol)).Should().BeTrue();
    }

    [Fact]
    public void Riccati_scaling_reduces_the_equation_to_a_quadrature()
    {
        // y' = y² − 2/x², X = x∂_x − y∂_y: r = xy, s = ln x, ds/dr = 1/(r² + r − 2)
        var x = Expr.Symbol("x", Assumptions.Positive); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var ode = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 1), y * y - 2 / x.Pow(2)));
        var red = Invariants.Reduce(ode, new Generator(jet, new Expr[] { x }, new Expr[] { -y }));
        red.Should().NotBeNull();
        var (r, _, rs, g) = red!.Value;
        Simplifier.IsZero(r - x * y).Should().BeTrue($"r = {r}");
        Simplifier.IsZero(g - 1 / (rs.Pow(2) + rs - 2)).Should().BeTrue($"ds/dr = {g}");
    }
}
