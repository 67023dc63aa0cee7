using System.Globalization;
using Symbolic.Core;
using Symbolic.Latex.Printing;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// The zero test and simplify on random expressions that are zero by construction (trig, hyperbolic,
/// exponential/log, √ under assumptions, rational cancellation) and on random nonzero ones; simplify(e) must
/// keep the value of e at random points that respect the assumptions, by our probe and by SymPy's evaluation.
/// </summary>
public class SimplifyOracleTests
{
    private static readonly Symbol X = Expr.Symbol("x"), Y = Expr.Symbol("y"), Ar = Expr.Symbol("a", Assumptions.Real),
        Rp = Expr.Symbol("r", Assumptions.Positive), Sp = Expr.Symbol("s", Assumptions.Positive), Z = Expr.Symbol("z", Assumptions.Real);

    private static Expr Any(Random rng) => rng.Next(8) switch
    {
        0 => X,
        1 => Y,
        2 => Ar,
        3 => X + rng.Next(1, 4),
        4 => rng.Next(2, 5) * Ar * Y,
        5 => Rp / (1 + Sp),
        6 => Expr.Sin(Ar),
        _ => Ar.Pow(2) - Y,
    };

    private static Expr Real(Random rng) => rng.Next(4) switch
    {
        0 => Ar,
        1 => Ar.Pow(2) + 1,
        2 => rng.Next(2, 5) * Ar * Rp,
        _ => Expr.Sin(Ar) + Rp,
    };

    private static Expr Positive(Random rng) => rng.Next(5) switch
    {
        0 => Rp,
        1 => Rp + Sp,
        2 => Rp * Sp,
        3 => 1 + Rp.Pow(2),
        _ => Rp / (2 + Sp),
    };

    /// <summary>A pair that is equal as functions (on the assumptions).</summary>
    internal static (Expr L, Expr R, string Name) Identity(Random rng)
    {
        var u = Any(rng);
        var v = Any(rng);
        if ((u - v).IsZero) v = u + 1;   // (u² − v²)/(u − v) needs u ≠ v
        var p = Positive(rng);
        var q = Positive(rng);
        switch (rng.Next(15))
        {
            case 0: return (Expr.Sin(u).Pow(2) + Expr.Cos(u).Pow(2), Expr.One, "sin²+cos²");
            case 1: return (Expr.Sin(2 * u), 2 * Expr.Sin(u) * Expr.Cos(u), "sin 2u");
            case 2: return (Expr.Cos(u + v), Expr.Cos(u) * Expr.Cos(v) - Expr.Sin(u) * Expr.Sin(v), "cos(u+v)");
            case 3: return (Expr.Exp(u) * Expr.Exp(v), Expr.Exp(u + v), "e^u e^v");
            case 4: return (Expr.Cosh(u).Pow(2) - Expr.Sinh(u).Pow(2), Expr.One, "cosh²−sinh²");
            case 5: return (Expr.Tan(u) * Expr.Cos(u), Expr.Sin(u), "tan·cos");
            case 6: return ((u.Pow(2) - v.Pow(2)) / (u - v), u + v, "difference of squares");
            case 7: return (Expr.Sqrt(p.Pow(2)), p, "√(p²), p > 0");
            case 8: return (Expr.Sqrt(p) * Expr.Sqrt(q), Expr.Sqrt(p * q), "√p√q, p, q > 0");
            case 9: { var a = Real(rng); return (Expr.Log(Expr.Exp(a)), a, "log e^a, a real"); }
            case 10: return (Expr.Exp(Expr.Log(u)), u, "e^{log u}");
            case 11: return (Expr.Sqrt(1 / (1 + p)), 1 / Expr.Sqrt(1 + p), "√(1/(1+p))");
            case 12: return ((u + v).Pow(3), u.Pow(3) + 3 * u.Pow(2) * v + 3 * u * v.Pow(2) + v.Pow(3), "cube of a sum");
            case 13: return ((u.Pow(3) + 1) / (u.Pow(2) - u + 1), u + 1, "sum of cubes");
            default: return ((u.Pow(3) - v.Pow(3)) / (u.Pow(2) + u * v + v.Pow(2)), u - v, "difference of cubes");
        }
    }

    internal static (Expr Zero, Expr NonZero, string Names) MakeCase(Random rng)
    {
        var (l1, r1, n1) = Identity(rng);
        var (l2, r2, n2) = Identity(rng);
        var k1 = Any(rng) + rng.Next(1, 5);
        var k2 = rng.Next(-5, 6) is var k && k == 0 ? 7 : k;
        var zero = k1 * (l1 - r1) + k2 * (l2 - r2);
        // z appears nowhere else: the sum cannot vanish
        var nonzero = zero + Z * (Expr.Sin(Ar) + 2);
        return (zero, nonzero, $"{n1}; {n2}");
    }

    [Fact]
    public void Zero_by_construction_simplifies_to_zero_and_nonzero_does_not()
    {
        int seed = Sympy.Seed + 3;
        var rng = new Random(seed);
        int count = Sympy.Scale(400);
        var failures = new List<string>();
        for (int i = 0; i < count && failures.Count < 5; i++)
        {
            var (zero, nonzero, names) = MakeCase(rng);
            var where = $"seed {seed}, case {i} ({names})";
            try
            {
                if (!Simplifier.IsZero(zero)) failures.Add($"{where}: not recognised as zero: {zero}");
                else if (!Simplifier.Simplify(zero).IsZero) failures.Add($"{where}: simplify did not give 0: {zero}");
                if (Simplifier.IsZero(nonzero)) failures.Add($"{where}: declared zero: {nonzero}");
                var run = Simplifier.Run(nonzero);
                if (run.Value.IsZero) failures.Add($"{where}: simplified to 0: {nonzero}");
                if (!run.Verified) failures.Add($"{where}: simplify({nonzero}) = {run.Value} does not agree at random points");
            }
            catch (Exception e) when (e is SymbolicException or ArithmeticException or InvalidOperationException)
            {
                failures.Add($"{where}: {e.GetType().Name}: {e.Message}");
            }
        }
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Simplify_keeps_the_value_that_SymPy_gives_the_input()
    {
        int seed = Sympy.Seed + 4;
        var rng = new Random(seed);
        int count = Sympy.Scale(200);
        var lines = new List<string>();
        var cases = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var (_, e, names) = MakeCase(rng);
            // a sum of identities and a generic part, so simplify has work to do
            e = e + Identity(rng).L;
            var s = Simplifier.Simplify(e);
            var point = string.Join(",", new[] { ("x", rng.NextDouble() * 2 - 1), ("y", rng.NextDouble() * 2 - 1), ("a", rng.NextDouble() * 2 - 1),
                ("r", 0.3 + rng.NextDouble()), ("s", 0.3 + rng.NextDouble()), ("z", rng.NextDouble() * 2 - 1) }
                .Select(p => p.Item1 + "=" + p.Item2.ToString("R", CultureInfo.InvariantCulture)));
            lines.Add($"{SympyPrinter.Print(e)}|{SympyPrinter.Print(s)}|{point}");
            cases.Add($"seed {seed}, case {i} ({names}): {e} simplified to {s} at {point}");
        }
        const string script = """
            import sys
            import sympy as sp
            x, y = sp.symbols('x y')
            a, z = sp.symbols('a z', real=True)
            r, s = sp.symbols('r s', positive=True)
            ns = {'x': x, 'y': y, 'a': a, 'z': z, 'r': r, 's': s}
            for line in sys.stdin:
                e, ours, point = line.strip().split('|')
                pt = {ns[k]: sp.Float(v, 30) for k, v in (p.split('=') for p in point.split(','))}
                try:
                    u = complex(sp.N(sp.sympify(e, locals=ns).xreplace(pt), 30))
                    w = complex(sp.N(sp.sympify(ours, locals=ns).xreplace(pt), 30))
                except (ZeroDivisionError, TypeError):
                    print('ok'); continue   # a pole or an undefined value at this point: nothing to compare
                if any(v != v or abs(v) == float('inf') for v in (u, w)):
                    print('ok'); continue
                print('ok' if abs(u - w) <= 1e-9 * (1 + abs(u)) else f'bad SymPy {u}, ours {w}')
            """;
        var answers = Sympy.Run(script, lines);
        answers.Should().HaveCount(count);
        answers.Select((a, i) => (a, i)).Where(t => t.a != "ok").Select(t => $"{cases[t.i]}: {t.a}").Take(5).Should().BeEmpty();
    }
}
