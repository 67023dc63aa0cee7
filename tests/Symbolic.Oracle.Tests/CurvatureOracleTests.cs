using System.Text.Json;
using Symbolic.Core;
using Symbolic.Forms;
using Symbolic.Latex.Printing;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// Christoffel symbols and Ricci tensors of random 2–4-dimensional metrics (diagonal and with cross terms,
/// with unknown functions A(r), B(r), F(r, θ)) against SymPy. Both sides are compared at a random point per
/// metric after replacing each unknown function by the same concrete function (SymPy differentiates the metric;
/// Γ and Ricci follow numerically), so large components need no symbolic simplification; the Cartan route's
/// Ricci is compared too for the diagonal metrics, and every self-check must hold.
/// </summary>
public class CurvatureOracleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Symbol T = Expr.Symbol("t", Assumptions.Real), R = Expr.Symbol("r", Assumptions.Positive),
        Th = Expr.Symbol("theta", Assumptions.Real), Ph = Expr.Symbol("phi", Assumptions.Real), M = Expr.Symbol("m", Assumptions.Positive);
    private static readonly Function A = Function.User("A", Assumptions.Positive), B = Function.User("B", Assumptions.Positive),
        F = Function.User("F", Assumptions.Positive);

    private static Expr Atom(Random rng, int n)
    {
        var th = n > 2 ? Th : R;
        return rng.Next(10) switch
        {
            0 => Call.Of(A, R),
            1 => Call.Of(B, R),
            2 => R.Pow(2),
            3 => 1 - 2 * M / R,
            4 => Expr.Exp(2 * Call.Of(A, R)),
            5 => Expr.Sin(th).Pow(2),
            6 => 1 + R.Pow(2),
            7 => n > 2 ? Call.Of(F, R, Th) : Call.Of(B, R),
            8 => R,
            _ => Expr.Cos(th).Pow(2) + 2,
        };
    }

    internal static (Metric Metric, bool Diagonal) MakeMetric(Random rng)
    {
        int n = rng.Next(2, 5);
        var coords = new[] { T, R, Th, Ph }.Take(n).ToArray();
        if (n == 2) coords = new[] { T, R };
        var g = new Expr[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                g[i, j] = Expr.Zero;
        for (int i = 0; i < n; i++)
        {
            Expr e = Atom(rng, n);
            if (rng.Next(2) == 0) e *= Atom(rng, n);
            g[i, i] = i == 0 && rng.Next(3) > 0 ? -e : e;
        }
        bool diagonal = rng.Next(2) == 0;
        if (!diagonal)
        {
            int i = rng.Next(n), j = rng.Next(n);
            if (i == j) j = (i + 1) % n;
            var c = rng.Next(3) switch { 0 => R / 3, 1 => Call.Of(A, R) / 4, _ => Expr.Frac(1, 5) };
            g[i, j] = g[j, i] = c;
        }
        return (Metric.FromMatrix(new Chart(coords), g), diagonal);
    }

    // SymPy differentiates the metric (with the unknown functions made concrete) up to second order; Γ and
    // Ricci then follow numerically at the point: Γ^a_bc = ½ g^ad S_dbc, S_dbc = ∂_c g_db + ∂_b g_dc − ∂_d g_bc,
    // ∂_e g⁻¹ = −g⁻¹ (∂_e g) g⁻¹, R_bd = ∂_a Γ^a_db − ∂_d Γ^a_ab + Γ^a_ae Γ^e_db − Γ^a_de Γ^e_ab.
    private const string Script = """
        import sys, json, random
        import sympy as sp
        t, theta, phi = sp.symbols('t theta phi', real=True)
        r, m = sp.symbols('r m', positive=True)
        A, B, F = sp.Function('A'), sp.Function('B'), sp.Function('F')
        ns = {'t': t, 'r': r, 'theta': theta, 'phi': phi, 'm': m, 'A': A, 'B': B, 'F': F}
        concrete = {A: sp.Lambda(r, 1 + r/3 + sp.sin(r)/5), B: sp.Lambda(r, 2 + sp.cos(r)/3),
                    F: sp.Lambda((r, theta), 3 + r*sp.sin(theta)/4)}
        def P(s): return sp.sympify(s, locals=ns)
        def make_concrete(e):
            for f, lam in concrete.items():
                e = e.replace(f, lam)
            return e.doit()
        cache = {}
        def value(atom, point):
            if atom not in cache:
                if isinstance(atom, sp.Derivative):
                    body = sp.diff(concrete[atom.expr.func](*atom.expr.args), *atom.variable_count)
                else:
                    body = concrete[atom.func](*atom.args)
                cache[atom] = body.subs(point).evalf(30)
            return cache[atom]
        def num(e, point):
            # one top-down xreplace: a derivative is replaced whole before its function or r inside it
            rule = {d: value(d, point) for d in e.atoms(sp.Derivative)}
            rule.update({a: value(a, point) for a in e.atoms(sp.core.function.AppliedUndef)})
            rule.update({k: sp.Float(v, 30) for k, v in point.items()})
            return complex(sp.N(e.xreplace(rule), 30))
        for line in sys.stdin:
            case = json.loads(line)
            cache.clear()
            X = [ns[c] for c in case['coords']]
            n = len(X)
            rnd = random.Random(case['seed'])
            point = {t: rnd.uniform(0.2, 1), r: rnd.uniform(1.5, 3), theta: rnd.uniform(0.3, 1.2), phi: rnd.uniform(0.2, 1), m: rnd.uniform(0.1, 0.5)}
            gs = sp.Matrix(n, n, lambda i, j: make_concrete(P(case['g'][i][j])))
            ev = lambda e: sp.N(e.subs(point), 30)
            g = gs.applyfunc(ev)
            dg = [gs.diff(X[e]).applyfunc(ev) for e in range(n)]
            ddg = [[gs.diff(X[e]).diff(X[f]).applyfunc(ev) for f in range(n)] for e in range(n)]
            gi = g.inv()
            dgi = [-gi * dg[e] * gi for e in range(n)]
            S = lambda d, b, c: dg[c][d, b] + dg[b][d, c] - dg[d][b, c]
            dS = lambda e, d, b, c: ddg[e][c][d, b] + ddg[e][b][d, c] - ddg[e][d][b, c]
            G = [[[sum(gi[a, d] * S(d, b, c) for d in range(n)) / 2 for c in range(n)] for b in range(n)] for a in range(n)]
            dG = [[[[sum(dgi[e][a, d] * S(d, b, c) + gi[a, d] * dS(e, d, b, c) for d in range(n)) / 2
                     for c in range(n)] for b in range(n)] for a in range(n)] for e in range(n)]
            Ric = [[sum(dG[a][a][d][b] - dG[d][a][a][b] for a in range(n)) + sum(
                    G[a][a][e] * G[e][d][b] - G[a][d][e] * G[e][a][b] for a in range(n) for e in range(n)) for d in range(n)] for b in range(n)]
            bad = []
            names = case['coords']
            def check(label, theirs, ours):
                a = complex(theirs)
                b = num(P(ours), point) if ours is not None else 0
                if abs(a - b) > 1e-9 * (1 + abs(a)):
                    bad.append(f'{label}: SymPy {a}, ours {b}')
            for a in range(n):
                for b in range(n):
                    for c in range(b, n):
                        check(f'christoffel[{names[a]},{names[b]},{names[c]}]', G[a][b][c], case['christoffel'].get(f'{names[a]},{names[b]},{names[c]}'))
            for key in ('ricci', 'cartan_ricci'):
                if key not in case: continue
                for b in range(n):
                    for d in range(b, n):
                        check(f'{key}[{names[b]},{names[d]}]', Ric[b][d], case[key].get(f'{names[b]},{names[d]}'))
            print('ok' if not bad else 'bad ' + '; '.join(bad[:3]))
        """;

    private static Dictionary<string, string> Collect(IEnumerable<CurvatureComponent> components, string prefix) =>
        components.Where(c => c.Label.StartsWith(prefix + "[", StringComparison.Ordinal))
            .ToDictionary(c => c.Label[(prefix.Length + 1)..^1], c => SympyPrinter.Print(c.Value));

    [Fact]
    public void Christoffel_symbols_and_Ricci_agree_with_SymPy_on_random_metrics()
    {
        int seed = Sympy.Seed + 2;
        var rng = new Random(seed);
        int count = Sympy.Scale(50);
        var lines = new List<string>();
        var described = new List<string>();
        var notVerified = new List<string>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            var (metric, diagonal) = MakeMetric(rng);
            int n = metric.Dimension;
            var gStrings = Enumerable.Range(0, n).Select(a => Enumerable.Range(0, n).Select(b => SympyPrinter.Print(metric[metric.Chart.Coordinates[a], metric.Chart.Coordinates[b]])).ToArray()).ToArray();
            var describe = $"seed {seed}, case {i}: coords {string.Join(",", metric.Chart.Coordinates.Select(c => c.Name))}, g = [{string.Join("; ", gStrings.Select(row => string.Join(", ", row)))}]";
            var res = Curvature.Compute(metric, new CurvatureOptions { Route = CurvatureRoute.Christoffel, What = CurvatureQuantities.Christoffel | CurvatureQuantities.Ricci | CurvatureQuantities.Riemann, RecordSteps = false });
            notVerified.AddRange(res.Components.Where(c => c.Verified == false).Select(c => $"{describe}: {c.Label} not verified"));
            var doc = new Dictionary<string, object>
            {
                ["seed"] = seed * 1000 + i,
                ["coords"] = metric.Chart.Coordinates.Select(c => c.Name).ToArray(),
                ["g"] = gStrings,
                ["christoffel"] = Collect(res.Components, "christoffel"),
                ["ricci"] = Collect(res.Components, "ricci"),
            };
            if (diagonal)
            {
                var cartan = Curvature.Compute(metric, new CurvatureOptions { Route = CurvatureRoute.Cartan, What = CurvatureQuantities.Ricci | CurvatureQuantities.Connection, RecordSteps = false });
                notVerified.AddRange(cartan.Components.Where(c => c.Verified == false).Select(c => $"{describe}: Cartan {c.Label} not verified"));
                doc["cartan_ricci"] = Collect(cartan.Components, "ricci");
            }
            lines.Add(JsonSerializer.Serialize(doc));
            described.Add(describe);
        }
        output.WriteLine($"engine: {watch.Elapsed.TotalSeconds:F1} s for {count} metrics");
        watch.Restart();
        var answers = Sympy.Run(Script, lines);
        output.WriteLine($"SymPy: {watch.Elapsed.TotalSeconds:F1} s");
        answers.Should().HaveCount(count);
        var bad = answers.Select((a, i) => (a, i)).Where(x => x.a != "ok").Select(x => $"{described[x.i]}: {x.a}").Take(5).ToList();
        bad.Should().BeEmpty();
        notVerified.Should().BeEmpty();
    }
}
