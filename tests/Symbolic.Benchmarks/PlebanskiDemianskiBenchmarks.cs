using BenchmarkDotNet.Attributes;
using Symbolic.Core;
using Symbolic.Core.Numbers;
using Symbolic.Forms;

namespace Symbolic.Benchmarks;

/// <summary>
/// The Plebański–Demiański metric in the Griffiths–Podolský form (ω = 1) with all nine parameters symbolic
/// (issue 16). Each benchmark verifies what it computed, so a fast wrong answer throws:
/// R = 4Λ; without charge R_μν = Λ g_μν; with charge G_μν + Λ g_μν = 2(F_μα F_ν^α − ¼ g_μν F²) for the potential
/// A = −q r/(r² + p²) (dτ − p² dσ), exactly by the normal form; the Kretschmann scalar at random rational parameter values
/// against a separate computation on the metric with those values put in first (two variables, the expanded
/// rational field), as functions of r and p.
/// Run: dotnet run -c Release --project tests/Symbolic.Benchmarks -- --filter '*PlebanskiDemianski*' --job short
/// </summary>
[MemoryDiagnoser]
public class PlebanskiDemianskiBenchmarks
{
    private static readonly Symbol tau = S("tau"), r = S("r"), p = S("p"), sigma = S("sigma"), m = S("m"), n = S("n"), eps = S("epsilon"),
        k = S("k"), q = S("q"), alpha = S("alpha"), L = S("Lambda");
    private static Symbol S(string name) => Expr.Symbol(name, Assumptions.Real);

    private Metric _charged = null!, _uncharged = null!;

    /// <summary>The metric with the charge given, and the parameters in <paramref name="values"/> (the charge among them) put in first.</summary>
    public static Metric Metric(Expr charge, IReadOnlyDictionary<Symbol, Expr>? values = null)
    {
        Expr V(Symbol s) => values is not null && values.TryGetValue(s, out var v) ? v : s;
        Expr qq = values is not null && values.TryGetValue(q, out var qv) ? qv : charge;
        return Symbolic.TestSupport.PlebanskiDemianskiMetric.Of(V(m), V(n), V(eps), V(k), qq, V(alpha), V(L));
    }

    [GlobalSetup]
    public void Setup()
    {
        _charged = Metric(q);
        _uncharged = Metric(Expr.Zero);
    }

    private static readonly string[] Names = ["tau", "r", "p", "sigma"];

    private static Expr Component(CurvatureResult res, string quantity, int i, int j) =>
        res[$"{quantity}[{Names[Math.Min(i, j)]},{Names[Math.Max(i, j)]}]"];

    private static void Verify(Expr actual, Expr expected, string what)
    {
        if (!Normal.IsZero(actual - expected)) throw new InvalidOperationException($"{what}: got {actual}, expected {expected}");
    }

    /// <summary>
    /// quantity_μν + shift·g_μν = 2 T_μν with T the stress of F = dA, A = −q r/(r² + p²) (dτ − p² dσ); exact, in a factored field.
    /// </summary>
    internal static void VerifyElectromagneticStress(Metric metric, CurvatureResult res, string quantity, Expr shift)
    {
        var f = new FactoredField();
        var g = metric.Lift(f);
        var gi = FormOps.Inverse(f, g);
        var x = metric.Chart.Coordinates;
        Expr rho2 = r.Pow(2) + p.Pow(2);
        var a = new[] { -q * r / rho2, Expr.Zero, Expr.Zero, q * r * p.Pow(2) / rho2 }.Select(f.FromExpr).ToArray();
        var F = new Core.Polynomials.FactoredFraction[4, 4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) F[i, j] = f.Sub(f.Diff(a[j], x[i]), f.Diff(a[i], x[j]));
        var Fup = new Core.Polynomials.FactoredFraction[4, 4];   // F^a_b = g^{ac} F_cb, then F² = F_ab F^ab
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
            {
                var s = f.Zero;
                for (int c = 0; c < 4; c++) s = f.Add(s, f.Mul(gi[i, c], F[c, j]));
                Fup[i, j] = s;
            }
        var f2 = f.Zero;
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                for (int d = 0; d < 4; d++) f2 = f.Add(f2, f.Mul(f.Mul(F[i, j], Fup[i, d]), gi[d, j]));
        for (int i = 0; i < 4; i++)
            for (int j = i; j < 4; j++)
            {
                var t = f.Mul(f.Constant(Rational.Of(1, 4)), f.Mul(g[i, j], f2));   // t = ¼ g F² − F_ic F_j^c = −T
                for (int c = 0; c < 4; c++) t = f.Add(t, f.Mul(F[i, c], Fup[c, j]));   // Σ F_ic F^c_j = −F_ic F_j^c
                var lhs = f.Add(f.FromExpr(Component(res, quantity, i, j)), f.Mul(f.FromExpr(shift), g[i, j]));
                if (!f.IsZero(f.Sub(lhs, f.Mul(f.Constant(Rational.Of(-2)), t))))
                    throw new InvalidOperationException($"{quantity}[{Names[i]},{Names[j]}] + ({shift}) g is not the electromagnetic stress 2T");
            }
    }

    [Benchmark]
    public Expr PlebanskiDemianskiRicciUncharged()
    {
        var res = Curvature.Compute(_uncharged, new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false, What = CurvatureQuantities.Ricci | CurvatureQuantities.Scalar });
        Verify(res["scalar"], 4 * L, "PD uncharged R");
        for (int i = 0; i < 4; i++)
            for (int j = i; j < 4; j++) Verify(Component(res, "ricci", i, j), L * _uncharged.G[i, j], $"PD uncharged R_{Names[i]}{Names[j]} = Λ g");
        return res["scalar"];
    }

    [Benchmark]
    public Expr PlebanskiDemianskiRicci()
    {
        var res = Curvature.Compute(_charged, new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false, What = CurvatureQuantities.Ricci | CurvatureQuantities.Scalar });
        Verify(res["scalar"], 4 * L, "PD R");
        VerifyElectromagneticStress(_charged, res, "ricci", -L);   // R_μν − Λ g_μν = 2 T_μν (R = 4Λ)
        return res["scalar"];
    }

    [Benchmark]
    public Expr PlebanskiDemianskiEinstein()
    {
        var res = Curvature.Compute(_charged, new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false, What = CurvatureQuantities.Einstein });
        VerifyElectromagneticStress(_charged, res, "einstein", L);   // G_μν + Λ g_μν = 2 T_μν
        return res["einstein[r,r]"];
    }

    [Benchmark]
    public Expr PlebanskiDemianskiKretschmann()
    {
        var res = Curvature.Compute(_charged, new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false, What = CurvatureQuantities.Kretschmann });
        var kretschmann = res["kretschmann"];
        VerifyKretschmannAtRandomParameters(kretschmann, 2, 16);
        return kretschmann;
    }

    /// <summary>K with random rational parameter values put in, against K of the metric with those values put in first
    /// (computed on the expanded rational field, in r and p only): equal as functions of r and p.</summary>
    internal static void VerifyKretschmannAtRandomParameters(Expr kretschmann, int count, int seed)
    {
        var rng = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var values = new Dictionary<Symbol, Expr>();
            foreach (var s in new[] { m, n, eps, k, q, alpha, L }) values[s] = Expr.Frac(rng.Next(-9, 10), rng.Next(1, 8));
            var direct = Curvature.Compute(Metric(q, values), new CurvatureOptions { Route = CurvatureRoute.Christoffel, RecordSteps = false, What = CurvatureQuantities.Kretschmann },
                new RationalField());
            var substituted = Substitution.Apply(kretschmann, values.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value));
            Verify(substituted, direct["kretschmann"], $"PD Kretschmann at {string.Join(", ", values.Select(kv => $"{kv.Key} = {kv.Value}"))}");
        }
    }
}
