using BenchmarkDotNet.Attributes;
using Symbolic.Core;
using Symbolic.Lie;

namespace Symbolic.Benchmarks;

/// <summary>
/// The whole point-symmetry algebra (determining equations, standard form, integration, every generator) of
/// y'' = 0, the heat equation, Burgers and KdV. Target: each under 50 ms in-process.
/// Peers: SymPy's ode.lie_group only handles first-order ODEs (its infinitesimals, ≈ 0.3 s median per Kamke ODE
/// in a published benchmark); it has nothing for these.
/// </summary>
[MemoryDiagnoser]
public class LieBenchmarks
{
    private static readonly Symbol x = Expr.Symbol("x", Assumptions.Real), y = Expr.Symbol("y", Assumptions.Real);
    private static readonly Symbol t = Expr.Symbol("t", Assumptions.Real), u = Expr.Symbol("u", Assumptions.Real);

    private static JetSpace Plane => new(new[] { x }, new[] { y });
    private static JetSpace Evolution => new(new[] { x, t }, new[] { u });

    [Benchmark]
    public SymmetryResult FreeParticle()
    {
        var jet = Plane;
        return Symmetries.Find(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), 0)));
    }

    [Benchmark]
    public SymmetryResult Heat()
    {
        var jet = Evolution;
        return Symmetries.Find(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1), jet.Coordinate(0, 2, 0))));
    }

    [Benchmark]
    public SymmetryResult Burgers()
    {
        var jet = Evolution;
        return Symmetries.Find(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1), jet.Coordinate(0, 2, 0) - u * jet.Coordinate(0, 1, 0))));
    }

    [Benchmark]
    public SymmetryResult KdV()
    {
        var jet = Evolution;
        return Symmetries.Find(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1) + u * jet.Coordinate(0, 1, 0) + jet.Coordinate(0, 3, 0), 0)));
    }

    /// <summary>y'' + y = 0: the determining system ends in constant-coefficient ODEs with trigonometric solutions.</summary>
    [Benchmark]
    public SymmetryResult Oscillator()
    {
        var jet = Plane;
        return Symmetries.Find(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), -y)));
    }
}
