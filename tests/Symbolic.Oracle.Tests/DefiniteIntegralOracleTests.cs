using Symbolic.Core;
using Symbolic.Core.Integration;
using Symbolic.Latex.Printing;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// Definite integrals on random intervals against mpmath's quadrature: rational functions of cos and sin
/// (smooth ones whose tan half-angle antiderivative jumps at odd multiples of π, and singular ones with
/// 1 + cos x and the like in the denominator) on intervals that often contain π, and rational functions of x
/// whose denominator may have a root in the interval. Every value we give must agree with mpmath to 1e-8; a
/// value for an integrand with a singularity in the interval (SymPy's solveset) is a failure; a refusal is allowed.
/// </summary>
public class DefiniteIntegralOracleTests
{
    private const string Script = """
        import sys
        import sympy as sp
        import mpmath as mp
        mp.mp.dps = 30
        x = sp.Symbol('x')
        for line in sys.stdin:
            f, lo, hi, ours = line.strip().split('|')
            fe, a, b = sp.sympify(f), sp.sympify(lo), sp.sympify(hi)
            den = sp.denom(sp.together(fe))
            sing = sp.solveset(den, x, sp.Interval(a, b)) if den.has(x) else sp.S.EmptySet
            if ours == 'refused':
                print('ok'); continue
            if isinstance(sing, sp.ConditionSet):
                print(f'SymPy could not decide the singularities of {den}'); continue
            if sing != sp.S.EmptySet:
                print(f'ours {ours}, but the integrand is singular at {sing}'); continue
            fn = sp.lambdify(x, fe, 'mpmath')
            av, bv = mp.mpf(sp.N(a, 30)), mp.mpf(sp.N(b, 30))
            pts = [av] + [k * mp.pi for k in range(int(mp.ceil(av / mp.pi)), int(mp.floor(bv / mp.pi)) + 1) if av < k * mp.pi < bv] + [bv]
            v = mp.quad(fn, pts)
            ov = sp.N(sp.sympify(ours), 30)
            o = mp.mpc(mp.mpf(str(sp.re(ov))), mp.mpf(str(sp.im(ov))))
            print('ok' if abs(v - o) <= 1e-8 * (1 + abs(v)) else f'ours {ours} = {mp.nstr(o, 12)}, mpmath {mp.nstr(v, 12)}')
        """;

    [Fact]
    public void Definite_integrals_on_random_intervals_agree_with_mpmath()
    {
        int seed = Sympy.Seed + 11;
        var rng = new Random(seed);
        var x = Expr.Symbol("x");
        var lines = new List<string>();
        var cases = new List<string>();
        int n = Sympy.Scale(36);
        for (int i = 0; i < n; i++)
        {
            int p = rng.Next(1, 5), q = rng.Next(1, 5) * (rng.Next(2) == 0 ? 1 : -1), r = rng.Next(-3, 4);
            // a smooth denominator p + |q| + 1 ± q cos, or one that touches zero (p = |q|) every few cases
            int c0 = i % 5 == 4 ? Math.Abs(q) : Math.Abs(q) + p;
            Expr f = (i % 6) switch
            {
                0 => 1 / (c0 + q * Expr.Cos(x)),
                1 => 1 / (c0 + q * Expr.Sin(x)),
                2 => (r + Expr.Cos(x)) / (c0 + q * Expr.Cos(x)),
                3 => (c0 + q * Expr.Cos(x)).Pow(-2),
                4 => 1 / (x.Pow(2) + r * x + (q < 0 ? -p : p)),
                _ => 1 / (c0 + Math.Abs(r) + q * Expr.Sin(x) + r * Expr.Cos(x)),
            };
            // the interval: lo in [−4, 4] in quarters, length up to 7, containing π half of the time
            var lo = Expr.Frac(rng.Next(-16, 17), 4);
            Expr hi = Expr.Frac(rng.Next(1, 29), 4);
            hi = Simplifier.Simplify(lo + hi);
            if (i % 2 == 0 && i % 6 != 4) { lo = Expr.Frac(rng.Next(1, 12), 4); hi = Simplifier.Simplify(Expr.Pi + Expr.Frac(rng.Next(1, 16), 4)); }
            DefiniteResult d;
            d = DefiniteIntegrator.Integrate(f, x, lo, hi);
            var ours = d.Value is null ? "refused" : SympyPrinter.Print(d.Value);
            lines.Add($"{SympyPrinter.Print(f)}|{SympyPrinter.Print(lo)}|{SympyPrinter.Print(hi)}|{ours}");
            cases.Add($"∫ {f} dx from {lo} to {hi} = {(d.Value?.ToString() ?? "refused: " + d.Reason)} (seed {seed}, case {i})");
        }
        var answers = Sympy.Run(Script, lines);
        answers.Should().HaveCount(lines.Count);
        answers.Select((a, i) => (a, i)).Where(t => t.a != "ok").Select(t => $"{cases[t.i]}: {t.a}").Should().BeEmpty();
        cases.Count(c => !c.Contains("refused")).Should().BeGreaterThan(n / 2, "most of these integrands are smooth and integrable in closed form");
    }
}
