using Symbolic.Core;
using Symbolic.Lie;
using Xunit.Abstractions;

namespace Symbolic.Lie.Tests;

public class SymmetryTests
{
    private readonly ITestOutputHelper _out;
    public SymmetryTests(ITestOutputHelper o) => _out = o;

    internal static Symbol S(string n) => Expr.Symbol(n, Assumptions.Real);

    private void Dump(SymmetryResult r)
    {
        _out.WriteLine($"dimension {r.Dimension}, complete {r.Complete}");
        foreach (var e in r.StandardForm) _out.WriteLine("  sf: " + e);
        foreach (var g in r.Basis) _out.WriteLine("  X = " + g);
        foreach (var f in r.Families) _out.WriteLine("  family " + f.Generator + " with " + string.Join(", ", f.Constraint));
        foreach (var e in r.Remaining) _out.WriteLine("  left: " + e);
        foreach (var g in r.Particular) _out.WriteLine("  particular " + g);
        foreach (var n in r.Notes) _out.WriteLine("  note " + n);
    }

    [Fact]
    public void Free_particle_y_double_prime_zero_has_eight_symmetries()
    {
        var jet = new JetSpace(new[] { S("x") }, new[] { S("y") });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), 0));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Dimension.Should().Be(8);
        r.Basis.Should().HaveCount(8);
        r.Basis.Should().OnlyContain(g => Symmetries.IsSymmetry(g, eqs));
    }

    [Fact]
    public void Heat_equation_has_six_symmetries_and_the_linear_superposition_family()
    {
        var jet = new JetSpace(new[] { S("x"), S("t") }, new[] { S("u") });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1), jet.Coordinate(0, 2, 0)));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Basis.Should().HaveCount(6);
        r.Families.Should().HaveCount(1);
    }
}
public class TraceRunner
{
    [Fact]
    public void Trace_heat()
    {
        if (Environment.GetEnvironmentVariable("LIE_TRACE") != "1") return;
        var jet = new JetSpace(new[] { SymmetryTests.S("x"), SymmetryTests.S("t") }, new[] { SymmetryTests.S("u") });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1), jet.Coordinate(0, 2, 0)));
        Symmetries.Find(eqs);
    }
}
