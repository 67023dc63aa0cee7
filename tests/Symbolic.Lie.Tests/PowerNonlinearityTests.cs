using Symbolic.Core;
using Symbolic.Lie;
using Xunit.Abstractions;

namespace Symbolic.Lie.Tests;

/// <summary>
/// y″ = yⁿ with a symbolic n (Ibragimov's handbook, Olver Ex. 2.44): ∂_x and the scaling (1 − n)x∂_x + 2y∂_y for
/// generic n; n = 0 and n = 1 are linear (sl(3)), n = −3 the Ermakov–Pinney sl(2).
/// </summary>
public class PowerNonlinearityTests
{
    private readonly ITestOutputHelper _out;
    public PowerNonlinearityTests(ITestOutputHelper o) => _out = o;

    private static Symbol S(string n) => Expr.Symbol(n, Assumptions.Real);

    private static Generator G(JetSpace jet, params Expr[] components) =>
        new(jet, components.Take(jet.Independent.Count).ToArray(), components.Skip(jet.Independent.Count).ToArray());

    [Fact]
    public void Generic_n_gives_translation_and_scaling_and_n_zero_is_sl3()
    {
        var x = S("x"); var y = S("y"); var n = S("n");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), y.Pow(n)));
        var cases = Symmetries.FindCases(eqs);
        foreach (var c in cases) _out.WriteLine($"case {string.Join(", ", c.Values)}: dimension {c.Result.Dimension}, generic {string.Join("; ", c.Generic)}");
        var generic = cases[0].Result;
        generic.Complete.Should().BeTrue();
        generic.Dimension.Should().Be(2);
        SymmetryTests.ShouldSpan(generic, G(jet, 1, 0), G(jet, (1 - n) * x, 2 * y));
        Symmetries.IsSymmetry(G(jet, (1 - n) * x, 2 * y), eqs).Should().BeTrue();
        // the case split finds the linear cases (sl(3)) and Ermakov–Pinney's sl(2); any other split value keeps dimension 2
        int DimensionAt(int v) => cases.Single(c => c.Values.Count == 1 && c.Values[0].Equals(Relation.Equation(n, v))).Result.Dimension!.Value;
        DimensionAt(0).Should().Be(8);
        DimensionAt(1).Should().Be(8);
        DimensionAt(-3).Should().Be(3);
        LieAlgebra.Of(cases.Single(c => c.Values.Count == 1 && c.Values[0].Equals(Relation.Equation(n, -3))).Result.Basis).Name.Should().Be("sl(2,R)");
        cases.Where(c => c.Values.Count == 1 && !new Expr[] { 0, 1, -3 }.Contains(c.Values[0].Right)).Should().OnlyContain(c => c.Result.Dimension == 2);
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(-3, 3)]
    [InlineData(2, 2)]
    public void Special_exponents_have_their_own_dimension(int exponent, int dimension)
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var r = Symmetries.Find(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), y.Pow(exponent))));
        r.Complete.Should().BeTrue();
        r.Dimension.Should().Be(dimension);
    }
}
