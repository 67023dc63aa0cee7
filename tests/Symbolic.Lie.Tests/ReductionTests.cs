using Symbolic.Core;
using Symbolic.Lie;
using Xunit.Abstractions;

namespace Symbolic.Lie.Tests;

public class ReductionTests
{
    private readonly ITestOutputHelper _out;
    public ReductionTests(ITestOutputHelper o) => _out = o;

    private static Symbol S(string n) => Expr.Symbol(n, Assumptions.Real);

    [Fact]
    public void A_second_order_equation_is_reduced_by_translation_and_solved_by_quadrature()
    {
        // y'' = y'²/y with X = ∂_x: r = y, s = x, w = 1/y', w' = −w/r ⇒ w = C₁/r ⇒ x = C₁ log y + C₂
        var x = S("x"); var y = Expr.Symbol("y", Assumptions.Positive);
        var jet = new JetSpace(new[] { x }, new[] { y });
        var ode = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), jet.Coordinate(0, 1).Pow(2) / y));
        var red = Reduction.ReduceOrder(ode, new Generator(jet, new Expr[] { 1 }, new Expr[] { 0 }));
        _out.WriteLine($"r = {red.R}, s = {red.S}, reduced {red.Reduced}, w = {red.WSolution}, solution {red.Solution}, verified {red.Verified}");
        Simplifier.IsZero(red.R - y).Should().BeTrue();
        Simplifier.IsZero(red.S - x).Should().BeTrue();
        var w = (Call)red.W;
        var expected = -w / red.RSymbol;
        Simplifier.IsZero(red.Reduced.Right - expected).Should().BeTrue($"reduced {red.Reduced}");
        red.Solution.Should().NotBeNull();
        red.Verified.Should().BeTrue();
    }

    [Fact]
    public void A_first_order_homogeneous_equation_reduces_to_a_quadrature_whose_solution_is_verified()
    {
        var x = Expr.Symbol("x", Assumptions.Positive); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var ode = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 1), y / x + x / y));
        var red = Reduction.ReduceOrder(ode, new Generator(jet, new Expr[] { x }, new Expr[] { y }));
        _out.WriteLine($"r = {red.R}, s = {red.S}, reduced {red.Reduced}, solution {red.Solution}, verified {red.Verified}");
        Simplifier.IsZero(red.Reduced.Right - red.RSymbol).Should().BeTrue();
        red.Solution.Should().NotBeNull();
        red.Verified.Should().BeTrue();
    }

    [Fact]
    public void A_transformation_that_is_not_a_symmetry_is_refused()
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var ode = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), x * y));
        var act = () => Reduction.ReduceOrder(ode, new Generator(jet, new Expr[] { 1 }, new Expr[] { 0 }));
        act.Should().Throw<SymbolicException>().WithMessage("*is not a symmetry*");
    }

    [Fact]
    public void Heat_equation_scaling_gives_the_similarity_ode_of_the_source_solution()
    {
        // u = t^{-1/2} G(x/√t): G'' + ζ G'/2 + G/2 = 0
        var x = S("x"); var t = Expr.Symbol("t", Assumptions.Positive); var u = S("u");
        var jet = new JetSpace(new[] { x, t }, new[] { u });
        var heat = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1), jet.Coordinate(0, 2, 0)));
        var red = Reduction.Similarity(heat, new Generator(jet, new Expr[] { x, 2 * t }, new Expr[] { -u }));
        _out.WriteLine($"zeta = {red.Zeta}, {red.Form}, reduced {red.Reduced}");
        Simplifier.IsZero(red.Zeta - x / Expr.Sqrt(t)).Should().BeTrue();
        var z = red.ZetaSymbol;
        var gf = Call.Of(Function.User("G"), z);
        var expected = Derivative.Of(gf, new[] { (z, 2) }) + z / 2 * Derivative.Of(gf, new[] { (z, 1) }) + gf / 2;
        Simplifier.IsZero(red.Reduced.Left - expected).Should().BeTrue($"reduced {red.Reduced}");
        // the source solution: G = e^{−ζ²/4} solves it
        var source = Expr.Exp(-z * z / 4);
        Simplifier.IsZero(Calculus.Diff(source, z, 2) + z / 2 * Calculus.Diff(source, z) + source / 2).Should().BeTrue();
    }
}
