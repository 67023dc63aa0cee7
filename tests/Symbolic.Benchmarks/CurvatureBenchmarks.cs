using BenchmarkDotNet.Attributes;
using Symbolic.Core;
using Symbolic.Forms;

namespace Symbolic.Benchmarks;

/// <summary>
/// Curvature on the rational normal form. Each benchmark ends by checking its result against the known
/// closed form with the engine's normal form (a wrong answer throws, so a fast wrong result cannot pass).
/// Run: dotnet run -c Release --project tests/Symbolic.Benchmarks -- --filter '*Curvature*' --job short
/// </summary>
[MemoryDiagnoser]
public class CurvatureBenchmarks
{
    private static readonly Symbol t = Expr.Symbol("t", Assumptions.Real), r = Expr.Symbol("r", Assumptions.Positive),
        theta = Expr.Symbol("theta", Assumptions.Real), phi = Expr.Symbol("phi", Assumptions.Real),
        m = Expr.Symbol("m", Assumptions.Positive), a = Expr.Symbol("a", Assumptions.Positive), k = Expr.Symbol("k", Assumptions.Real);

    private Metric _sphere = null!, _schwarzschild = null!, _flrw = null!, _kerr = null!;
    private Expr _scale = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sphere = Metric.Diagonal(new[] { theta, phi }, Expr.One, Expr.Sin(theta).Pow(2));
        _schwarzschild = Metric.Diagonal(new[] { t, r, theta, phi }, -(1 - 2 * m / r), 1 / (1 - 2 * m / r), r.Pow(2), (r * Expr.Sin(theta)).Pow(2));
        _scale = Call.Of(Function.User("a"), t);
        _flrw = Metric.Diagonal(new[] { t, r, theta, phi }, Expr.MinusOne, _scale.Pow(2) / (1 - k * r.Pow(2)), (_scale * r).Pow(2), (_scale * r * Expr.Sin(theta)).Pow(2));
        Expr sig = r.Pow(2) + a.Pow(2) * Expr.Cos(theta).Pow(2), del = r.Pow(2) - 2 * m * r + a.Pow(2);
        var g = new Expr[4, 4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) g[i, j] = Expr.Zero;
        g[0, 0] = -(1 - 2 * m * r / sig);
        g[0, 3] = g[3, 0] = -2 * m * r * a * Expr.Sin(theta).Pow(2) / sig;
        g[1, 1] = sig / del;
        g[2, 2] = sig;
        g[3, 3] = (r.Pow(2) + a.Pow(2) + 2 * m * r * a.Pow(2) * Expr.Sin(theta).Pow(2) / sig) * Expr.Sin(theta).Pow(2);
        _kerr = Metric.FromLineElement(new[] { t, r, theta, phi }, g);
    }

    private static void Verify(Expr actual, Expr expected, string what)
    {
        if (!Normal.IsZero(actual - expected)) throw new InvalidOperationException($"{what}: got {actual}, expected {expected}");
    }

    [Benchmark]
    public Expr Sphere()
    {
        var res = Curvature.Compute(_sphere, new CurvatureOptions { RecordSteps = false });
        Verify(res["scalar"], 2, "sphere scalar curvature");
        return res["scalar"];
    }

    [Benchmark]
    public Expr Schwarzschild()
    {
        var res = Curvature.Compute(_schwarzschild, new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false,
            What = CurvatureQuantities.Ricci | CurvatureQuantities.Kretschmann });
        if (res.Components.Any(c => c.Quantity == CurvatureQuantities.Ricci)) throw new InvalidOperationException("Schwarzschild Ricci ≠ 0");
        Verify(res["kretschmann"], 48 * m.Pow(2) / r.Pow(6), "Schwarzschild Kretschmann");
        return res["kretschmann"];
    }

    [Benchmark]
    public Expr FLRW()
    {
        var res = Curvature.Compute(_flrw, new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false, What = CurvatureQuantities.Einstein });
        var ad = Calculus.Diff(_scale, t);
        Verify(res["einstein[t,t]"], 3 * (ad.Pow(2) + k) / _scale.Pow(2), "FLRW G_tt");
        return res["einstein[t,t]"];
    }

    [Benchmark]
    public int KerrRicci()
    {
        var res = Curvature.Compute(_kerr, new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false, What = CurvatureQuantities.Ricci });
        if (res.Components.Count != 0) throw new InvalidOperationException("Kerr Ricci ≠ 0");
        return res.Components.Count;
    }

    private static readonly Expr KerrK = 48 * m.Pow(2) * (r.Pow(6) - 15 * a.Pow(2) * r.Pow(4) * Expr.Cos(theta).Pow(2) + 15 * a.Pow(4) * r.Pow(2) * Expr.Cos(theta).Pow(4) - a.Pow(6) * Expr.Cos(theta).Pow(6))
                                         / (r.Pow(2) + a.Pow(2) * Expr.Cos(theta).Pow(2)).Pow(6);

    /// <summary>Kerr Ricci + Kretschmann on the Christoffel route: the baseline of <see cref="KerrRicciKretschmannCartan"/>.</summary>
    [Benchmark]
    public Expr KerrRicciKretschmannChristoffel() => KerrRicciKretschmann(CurvatureRoute.Christoffel, null);

    /// <summary>The same on the Cartan route, with the completed-square coframe built inside the measurement.</summary>
    [Benchmark]
    public Expr KerrRicciKretschmannCartan() => KerrRicciKretschmann(CurvatureRoute.Cartan, Coframe.Orthonormal(_kerr, new[] { -1, 1, 1, 1 }));

    private Expr KerrRicciKretschmann(CurvatureRoute route, Coframe? frame)
    {
        var res = Curvature.Compute(_kerr, new CurvatureOptions { Route = route, Coframe = frame, RecordSteps = false, What = CurvatureQuantities.Ricci | CurvatureQuantities.Kretschmann });
        if (res.Components.Any(c => c.Quantity == CurvatureQuantities.Ricci)) throw new InvalidOperationException($"Kerr Ricci ≠ 0 ({route})");
        Verify(res["kretschmann"], KerrK, $"Kerr Kretschmann ({route})");
        return res["kretschmann"];
    }

    [Benchmark]
    public Expr KerrKretschmann()
    {
        var res = Curvature.Compute(_kerr, new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false, What = CurvatureQuantities.Kretschmann });
        Expr c = Expr.Cos(theta);
        Verify(res["kretschmann"], 48 * m.Pow(2) * (r.Pow(6) - 15 * a.Pow(2) * r.Pow(4) * c.Pow(2) + 15 * a.Pow(4) * r.Pow(2) * c.Pow(4) - a.Pow(6) * c.Pow(6))
                                   / (r.Pow(2) + a.Pow(2) * c.Pow(2)).Pow(6), "Kerr Kretschmann");
        return res["kretschmann"];
    }
}
