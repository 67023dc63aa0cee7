using Symbolic.Core;
using Symbolic.Latex.Printing;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// The presentation layer never changes a value: on seeded random sums with shared factors, derivatives of an
/// unknown and quotients of sums with integer contents, SymPy finds the shown form equal to the normal form.
/// </summary>
public class PresentationOracleTests
{
    private const string Script = """
        import sys
        import sympy as sp
        x, y, z = sp.symbols('x y z')
        u = sp.Function('u')
        for line in sys.stdin:
            a, b = line.strip().split('|')
            d = sp.simplify(sp.sympify(a, locals={'u': u}) - sp.sympify(b, locals={'u': u}))
            print('ok' if d == 0 else f'differ by {d}')
        """;

    [Fact]
    public void The_shown_form_equals_the_normal_form_by_SymPy()
    {
        var x = Expr.Symbol("x");
        var y = Expr.Symbol("y");
        var z = Expr.Symbol("z");
        var u = Call.Of(Function.User("u"), x, y);
        Expr[] atoms = [x, y, z, Expr.Sin(x), Expr.Exp(-2 * y), u, Derivative.Of(u, [(x, 1)]), Derivative.Of(u, [(y, 2)])];
        var rng = new Random(Sympy.Seed);
        Expr Atom() => atoms[rng.Next(atoms.Length)];
        Expr Monomial() => Product.Of(Number.Of(rng.Next(-4, 5) is var k && k == 0 ? 3 : k), Atom(), Atom().Pow(rng.Next(-1, 3)));
        var lines = new List<string>();
        var cases = new List<string>();
        int n = Sympy.Scale(60);
        for (int i = 0; i < n; i++)
        {
            var shared = Atom();
            var sum = Sum.Of(Enumerable.Range(0, rng.Next(2, 5)).Select(_ => Product.Of(shared, Monomial())));
            var e = rng.Next(3) switch
            {
                0 => sum,
                1 => Product.Of(sum.Pow(1), Power.Of(Product.Of(Number.Of(rng.Next(2, 6)), x + y), Expr.MinusOne)),
                _ => Simplifier.Simplify(sum / (x * x + 1)),
            };
            var shown = Presentation.Present(e);
            lines.Add($"{SympyPrinter.Print(e)}|{SympyPrinter.Print(shown)}");
            cases.Add($"{e}  shown as  {shown}");
        }
        var answers = Sympy.Run(Script, lines);
        var failures = answers.Select((a, i) => (a, i)).Where(t => t.a != "ok").Select(t => $"{cases[t.i]}: {t.a}").ToList();
        failures.Should().BeEmpty($"seed {Sympy.Seed}");
    }
}
