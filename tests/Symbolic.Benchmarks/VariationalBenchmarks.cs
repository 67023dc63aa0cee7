using BenchmarkDotNet.Attributes;
using Symbolic.Core;
using Symbolic.Variational;
using Action = Symbolic.Variational.Action;

namespace Symbolic.Benchmarks;

/// <summary>
/// The article's derivations end to end: the two-body problem (Cartesian action → polar → Euler–Lagrange,
/// solved) and the spherical Laplacian (Poisson action → spherical variables → Euler–Lagrange).
/// Compare with SymPy's euler_equations on the same Lagrangians (shared/peers/sympy_T1_euler_lagrange.py).
/// </summary>
[MemoryDiagnoser]
public class VariationalBenchmarks
{
    private static readonly Symbol t = Expr.Symbol("t", Assumptions.Real);
    private static readonly Symbol mu = Expr.Symbol("mu", Assumptions.Positive);
    private static readonly Function x = Function.User("x"), y = Function.User("y");
    private static readonly Function r = Function.User("r", Assumptions.Positive), theta = Function.User("theta");

    private static Expr Q(Function f) => Call.Of(f, t);
    private static Expr Dot(Function f) => Derivative.Of(Q(f), new[] { (t, 1) });

    [Benchmark]
    public EulerLagrangeResult TwoBodyCartesianToPolarSolved()
    {
        var cartesian = Action.Mechanical(Expr.Half * (Dot(x).Pow(2) + Dot(y).Pow(2)) + mu / Expr.Sqrt(Q(x).Pow(2) + Q(y).Pow(2)), t, x, y);
        var polar = PointTransformation.OfCoordinates(new[] { r, theta },
            (x, Q(r) * Expr.Cos(Q(theta))), (y, Q(r) * Expr.Sin(Q(theta))));
        return EulerLagrange.Derive(polar.ApplyTo(cartesian).Action);
    }

    [Benchmark]
    public EulerLagrangeResult TwoBodyCartesianOnly()
    {
        var cartesian = Action.Mechanical(Expr.Half * (Dot(x).Pow(2) + Dot(y).Pow(2)) + mu / Expr.Sqrt(Q(x).Pow(2) + Q(y).Pow(2)), t, x, y);
        return EulerLagrange.Derive(cartesian);
    }

    [Benchmark]
    public EulerLagrangeResult SphericalLaplacian()
    {
        Symbol X = Expr.Symbol("x", Assumptions.Real), Y = Expr.Symbol("y", Assumptions.Real), Z = Expr.Symbol("z", Assumptions.Real);
        Symbol R = Expr.Symbol("r", Assumptions.Positive), th = Expr.Symbol("theta", Assumptions.Real), ph = Expr.Symbol("phi", Assumptions.Real);
        var F = Expr.Symbol("F", Assumptions.Real);
        var u = Function.User("u");
        var U = Call.Of(u, X, Y, Z);
        Expr D(Symbol v) => Derivative.Of(U, new[] { (v, 1) });
        var poisson = Action.Field(Expr.Half * (D(X).Pow(2) + D(Y).Pow(2) + D(Z).Pow(2)) + F * U, new[] { X, Y, Z }, u);
        var spherical = PointTransformation.OfVariables(new[] { R, th, ph },
                (X, R * Expr.Sin(th) * Expr.Cos(ph)), (Y, R * Expr.Sin(th) * Expr.Sin(ph)), (Z, R * Expr.Cos(th)))
            .Assuming(Expr.Sin(th));
        return EulerLagrange.Derive(spherical.ApplyTo(poisson).Action);
    }
}
