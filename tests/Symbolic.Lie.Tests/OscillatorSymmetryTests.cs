using Symbolic.Core;
using Symbolic.Lie;
using Xunit.Abstractions;

namespace Symbolic.Lie.Tests;

/// <summary>Determining systems whose ODEs have trigonometric solutions: the harmonic oscillator's sl(3).</summary>
public class OscillatorSymmetryTests
{
    private readonly ITestOutputHelper _out;
    public OscillatorSymmetryTests(ITestOutputHelper o) => _out = o;

    private static Symbol S(string n) => Expr.Symbol(n, Assumptions.Real);

    private static Generator G(JetSpace jet, params Expr[] components) =>
        new(jet, components.Take(jet.Independent.Count).ToArray(), components.Skip(jet.Independent.Count).ToArray());

    private void Dump(SymmetryResult r)
    {
        _out.WriteLine($"dimension {r.Dimension}, complete {r.Complete}");
        foreach (var e in r.StandardForm) _out.WriteLine("  sf: " + e);
        foreach (var g in r.Basis) _out.WriteLine("  X = " + g);
        foreach (var e in r.Remaining) _out.WriteLine("  left: " + e);
        foreach (var n in r.Notes) _out.WriteLine("  note " + n);
    }

    private static void ShouldSpan(SymmetryResult r, params Generator[] expected) => SymmetryTests.ShouldSpan(r, expected);

    [Fact]
    public void Harmonic_oscillator_y_double_prime_plus_y_has_the_eight_symmetries_of_sl3()
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), -y));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Complete.Should().BeTrue();
        r.Dimension.Should().Be(8);
        Expr s = Expr.Sin(x), c = Expr.Cos(x), s2 = Expr.Sin(2 * x), c2 = Expr.Cos(2 * x);
        ShouldSpan(r, G(jet, 1, 0), G(jet, 0, y), G(jet, 0, s), G(jet, 0, c),
            G(jet, s2, y * c2), G(jet, c2, -y * s2), G(jet, y * c, -y * y * s), G(jet, y * s, y * y * c));
        LieAlgebra.Of(r.Basis).Name.Should().Be("sl(3,R)");
    }

    [Fact]
    public void Oscillator_with_a_frequency_parameter_has_sl3_for_nonzero_omega_and_says_so()
    {
        var x = S("x"); var y = S("y"); var w = S("omega");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), -w * w * y));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Complete.Should().BeTrue();
        r.Dimension.Should().Be(8);
        Expr s = Expr.Sin(w * x), c = Expr.Cos(w * x), s2 = Expr.Sin(2 * w * x), c2 = Expr.Cos(2 * w * x);
        ShouldSpan(r, G(jet, 1, 0), G(jet, 0, y), G(jet, 0, s), G(jet, 0, c),
            G(jet, s2 / w, y * c2), G(jet, c2 / w, -y * s2), G(jet, y * c, -w * y * y * s), G(jet, y * s, w * y * y * c));
        r.Notes.Should().Contain(n => n.Contains("omega") && n.Contains("≠ 0"));
    }

    [Fact]
    public void Ermakov_equation_with_a_parameter_splits_into_sl2_for_nonzero_a_and_sl3_for_a_zero()
    {
        var x = S("x"); var y = S("y"); var a = S("a");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), a / y.Pow(3)));
        var cases = Symmetries.FindCases(eqs);
        foreach (var c in cases) { _out.WriteLine($"case {string.Join(", ", c.Values)} generic {string.Join(", ", c.Generic)}"); Dump(c.Result); }
        var generic = cases[0];
        generic.Values.Should().BeEmpty();
        generic.Generic.Should().ContainSingle().Which.Should().Be(a);
        generic.Result.Dimension.Should().Be(3);
        ShouldSpan(generic.Result, G(jet, 1, 0), G(jet, 2 * x, y), G(jet, x * x, x * y));
        LieAlgebra.Of(generic.Result.Basis).Name.Should().Be("sl(2,R)");
        var zero = cases.Should().ContainSingle(c => c.Values.Count == 1).Subject;
        zero.Values[0].Should().Be(Relation.Equation(a, 0));
        zero.Result.Dimension.Should().Be(8);
        LieAlgebra.Of(zero.Result.Basis).Name.Should().Be("sl(3,R)");
    }

    [Fact]
    public void Oscillator_cases_are_omega_nonzero_and_omega_zero_each_with_sl3()
    {
        var x = S("x"); var y = S("y"); var w = S("omega");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var cases = Symmetries.FindCases(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), -w * w * y)));
        cases.Should().HaveCount(2);
        cases[0].Generic.Should().ContainSingle().Which.Should().Be(w);
        cases[1].Values.Should().ContainSingle().Which.Should().Be(Relation.Equation(w, 0));
        cases.Should().OnlyContain(c => c.Result.Dimension == 8 && c.Result.Complete);
    }
}
