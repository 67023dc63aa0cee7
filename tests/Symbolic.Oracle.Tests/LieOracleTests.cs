using Symbolic.Core;
using Symbolic.Latex.Printing;
using Symbolic.Lie;

namespace Symbolic.Oracle.Tests;

/// <summary>Prolongations and symmetry checks against SymPy, which computes them from the textbook recursion itself.</summary>
public sealed class LieOracleTests
{
    private const string Script = """
        import sys
        from sympy import symbols, sympify, diff, simplify
        x, y, y_x, y_xx, y_xxx = symbols('x y y_x y_xx y_xxx')
        def D(f):
            return diff(f, x) + y_x*diff(f, y) + y_xx*diff(f, y_x) + y_xxx*diff(f, y_xx)
        for line in sys.stdin:
            xi, eta, p1, p2 = [sympify(s, locals={'y_x': y_x, 'y_xx': y_xx}) for s in line.strip().split(';')]
            f1 = D(eta) - y_x*D(xi)
            f2 = D(f1) - y_xx*D(xi)
            print('ok' if simplify(f1 - p1) == 0 and simplify(f2 - p2) == 0 else 'differ: phi1=%s phi2=%s' % (f1, f2))
        """;

    [Fact]
    public void Second_prolongations_of_random_polynomial_generators_agree_with_SymPy()
    {
        var rng = new Random(Sympy.Seed);
        var x = Expr.Symbol("x", Assumptions.Real);
        var y = Expr.Symbol("y", Assumptions.Real);
        var jet = new JetSpace(new[] { x }, new[] { y });
        Expr Poly()
        {
            Expr p = 0;
            for (int i = 0; i <= 2; i++)
                for (int j = 0; i + j <= 2; j++)
                    p += rng.Next(-3, 4) * x.Pow(i) * y.Pow(j);
            return p;
        }
        var cases = new List<string>();
        for (int k = 0; k < Sympy.Scale(12); k++)
        {
            var g = new Generator(jet, new[] { Poly() }, new[] { Poly() });
            var pr = g.Prolong(2);
            cases.Add(string.Join(";", SympyPrinter.Print(g.Xi[0]), SympyPrinter.Print(g.Phi[0]),
                SympyPrinter.Print(pr.Coefficient(jet.Coordinate(0, 1))), SympyPrinter.Print(pr.Coefficient(jet.Coordinate(0, 2)))));
        }
        var answers = Sympy.Run(Script, cases);
        for (int i = 0; i < cases.Count; i++)
            answers[i].Should().Be("ok", $"seed {Sympy.Seed}, case {cases[i]}");
    }
}
