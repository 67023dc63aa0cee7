using Symbolic.Core;
using Symbolic.Lie;
using Xunit.Abstractions;

namespace Symbolic.Lie.Tests;

/// <summary>The planar Kepler problem ẍ = −x/r³, ÿ = −y/r³ (r = √(x² + y²)): time translation, rotation and Kepler's scaling.</summary>
public class KeplerSymmetryTests
{
    private readonly ITestOutputHelper _out;
    public KeplerSymmetryTests(ITestOutputHelper o) => _out = o;

    private static Symbol S(string n) => Expr.Symbol(n, Assumptions.Real);

    private static Generator G(JetSpace jet, params Expr[] components) =>
        new(jet, components.Take(jet.Independent.Count).ToArray(), components.Skip(jet.Independent.Count).ToArray());

    [Fact]
    public void Planar_Kepler_system_has_time_translation_rotation_and_scaling()
    {
        var t = S("t"); var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { t }, new[] { x, y });
        var r3 = (x * x + y * y).Pow(Number.Of(Symbolic.Core.Numbers.Rational.Of(3, 2)));
        var eqs = DifferentialEquations.Of(jet,
            Relation.Equation(jet.Coordinate(0, 2), -x / r3),
            Relation.Equation(jet.Coordinate(1, 2), -y / r3));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = Symmetries.Find(eqs, new SymmetryOptions { AnsatzDegree = 0 });
        _out.WriteLine($"{sw.ElapsedMilliseconds} ms, dimension {r.Dimension}, complete {r.Complete}");
        foreach (var g in r.Basis) _out.WriteLine("  X = " + g);
        foreach (var e in r.Remaining) _out.WriteLine("  left: " + e);
        foreach (var e in r.Notes) _out.WriteLine("  note: " + e);
        r.Complete.Should().BeTrue();
        r.Dimension.Should().Be(3);
        SymmetryTests.ShouldSpan(r, G(jet, 1, 0, 0), G(jet, 0, y, -x), G(jet, 3 * t, 2 * x, 2 * y));
    }
}
