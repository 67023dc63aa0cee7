using Symbolic.Core;
using Symbolic.Core.Integration;
using Symbolic.Core.Numbers;
using Symbolic.Latex.Printing;
using Xunit.Abstractions;

namespace Symbolic.Oracle.Tests.Integration;

/// <summary>
/// Rioboo's real form for quartic denominators irreducible over Q that split over a real quadratic field,
/// (x² + b√d x + c)(x² − b√d x + c) with 4c &gt; b²d (no real poles): random numerators, seeded. SymPy checks that
/// the antiderivative is real on the real line, differentiates back (at random points), and has no jumps
/// (its difference quotients on a fine grid over [−6, 6] match the integrand).
/// </summary>
public class RealRationalIntegrationOracleTests(ITestOutputHelper output)
{
    private const string Check = """
import sys, random
from sympy import *
x = Symbol('x', real=True)
for line in sys.stdin:
    f_s, F_s = line.rstrip('\n').split('\t')
    try:
        f = sympify(f_s, locals={'x': x}); F = sympify(F_s, locals={'x': x})
        if F.has(I):
            print('complex: ' + F_s); continue
        d = diff(F, x) - f
        rnd = random.Random(3)
        pts = [Rational(rnd.randint(-600, 600), 97) for _ in range(8)]
        if any(abs(N(d.subs(x, p), 30)) > 1e-15 * (1 + abs(N(f.subs(x, p), 30))) for p in pts):
            print('derivative differs'); continue
        Fl = lambdify(x, F, 'mpmath'); fl = lambdify(x, f, 'mpmath')
        import mpmath
        mpmath.mp.dps = 20
        h = mpmath.mpf(1) / 20
        bad = None
        for k in range(240):
            a = -6 + k * h + mpmath.mpf(1) / 97
            q = (Fl(a + h) - Fl(a)) / h
            m = fl(a + h / 2)
            if abs(mpmath.im(Fl(a))) > 1e-20: bad = 'not real at %s' % a; break
            if abs(q - m) > 1e-2 * (1 + abs(m)): bad = 'jump near x = %s' % mpmath.nstr(a, 5); break
        print(bad or 'ok')
    except Exception as e:
        print('error ' + type(e).__name__ + ': ' + str(e).replace('\n', ' ')[:200])
""";

    [Fact]
    public void Quartics_split_over_a_real_quadratic_field_integrate_to_real_logs_and_arctans_without_jumps()
    {
        var rnd = new Random(Sympy.Seed);
        var x = Expr.Symbol("x");
        var cases = new List<(Expr f, Expr F)>();
        int[] fields = [2, 3, 5, 6, 7];
        for (int i = 0; i < Sympy.Scale(12); i++)
        {
            int d = fields[rnd.Next(fields.Length)];
            int b = rnd.Next(1, 3);
            int c = b * b * d / 4 + rnd.Next(1, 4);   // 4c > b²d: complex roots only
            var den = x.Pow(4) + (2 * c - b * b * d) * x.Pow(2) + c * c;
            var num = Sum.Of(Enumerable.Range(0, 4).Select(k => Number.Of(rnd.Next(-3, 4)) * x.Pow(k)));
            if (num.IsZero) num = Expr.One;
            var f = num / den;
            var r = Integrator.Integrate(f, (Symbol)x);
            r.Found.Should().BeTrue($"seed {Sympy.Seed}: ∫ {f} dx: {r.NotFoundReason}");
            r.Antiderivative!.Any(e => e is Call { Function.Name: "RootSum" }).Should().BeFalse($"seed {Sympy.Seed}: ∫ {f} dx = {r.Antiderivative} has a real form");
            cases.Add((f, r.Antiderivative!));
        }
        var answers = Sympy.Run(Check, cases.Select(c => $"{SympyPrinter.Print(c.f)}\t{SympyPrinter.Print(c.F)}"));
        var bad = cases.Zip(answers).Where(z => z.Second != "ok").Select(z => $"seed {Sympy.Seed}: ∫ {SympyPrinter.Print(z.First.f)} dx = {SympyPrinter.Print(z.First.F)}: {z.Second}").ToList();
        foreach (var line in bad) output.WriteLine(line);
        bad.Should().BeEmpty();
    }
}
