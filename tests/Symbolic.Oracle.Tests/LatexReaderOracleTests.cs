using System.Globalization;
using System.Text;
using Symbolic.Latex;
using Symbolic.Latex.Printing;
using Xunit.Abstractions;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// The reader against SymPy: random formulas are built twice, once as LaTeX the way articles write it
/// (juxtaposed products, \frac, \sqrt, \sin^2\theta, \sin^{n-2}\theta, e^{x}, \left(\right)) and once as SymPy
/// code; our reading of the LaTeX, printed as SymPy code, must equal SymPy's value of the same formula.
/// And the round trip: our LaTeX printer's output of that reading, read again, must still agree.
/// </summary>
public class LatexReaderOracleTests(ITestOutputHelper output)
{
    private sealed record Pair(string Latex, string Py, int Precedence);   // 0 sum, 1 product, 2 atom

    private static Pair Atom(Random rng) => rng.Next(8) switch
    {
        0 => Num(rng),
        1 => new Pair("x", "x", 2),
        2 => new Pair("y", "y", 2),
        3 => new Pair(@"\theta", "theta", 2),
        4 => new Pair("n", "n", 2),
        5 => new Pair(@"\alpha", "alpha", 2),
        6 => new Pair("a", "a", 2),
        _ => new Pair("b", "b", 2),
    };

    private static Pair Num(Random rng)
    {
        var k = rng.Next(2, 10).ToString(CultureInfo.InvariantCulture);
        return new Pair(k, k, 2);
    }

    private static string Paren(Pair p, int need, Random rng) =>
        p.Precedence >= need ? p.Latex : rng.Next(2) == 0 ? $"({p.Latex})" : $@"\left({p.Latex}\right)";

    private static Pair Gen(Random rng, int depth)
    {
        if (depth <= 0 || rng.NextDouble() < 0.15) return Atom(rng);
        var a = Gen(rng, depth - 1);
        var b = Gen(rng, depth - 1);
        switch (rng.Next(13))
        {
            case 0: return new Pair($"{a.Latex} + {b.Latex}", $"({a.Py}) + ({b.Py})", 0);
            case 1: return new Pair($"{a.Latex} - {Paren(b, 1, rng)}", $"({a.Py}) - ({b.Py})", 0);
            case 2:
                // juxtaposition: a number only in front, never between two factors
                return new Pair($"{Paren(a, 1, rng)} {(b.Latex.Length > 0 && char.IsDigit(b.Latex[0]) ? @"\cdot " : "")}{Paren(b, 1, rng)}", $"({a.Py})*({b.Py})", 1);
            case 3: return new Pair($@"{Paren(a, 1, rng)} \cdot {Paren(b, 1, rng)}", $"({a.Py})*({b.Py})", 1);
            case 4: return new Pair($@"\frac{{{a.Latex}}}{{{b.Latex} + 1}}", $"({a.Py})/(({b.Py}) + 1)", 2);
            case 5:
                {
                    var k = rng.Next(2, 4);
                    return new Pair($"{{{Paren(a, 2, rng)}}}^{{{k}}}", $"({a.Py})**{k}", 2);
                }
            case 6:
                {
                    var (fn, py) = Trig(rng);
                    var k = rng.Next(2, 4);
                    return new Pair($@"\{fn}^{{{k}}}\left({a.Latex}\right)", $"{py}({a.Py})**{k}", 2);
                }
            case 7:
                {
                    // (sin θ)^{n-2}: the symbolic power written on the name
                    var (fn, py) = Trig(rng);
                    // precedence 0: written before another factor the argument would take it in (\sin 2x is sin(2x))
                    return new Pair($@"\{fn}^{{n-2}}\theta", $"{py}(theta)**(n-2)", 0);
                }
            case 8:
                {
                    var (fn, py) = Trig(rng);
                    return a.Precedence == 2 && !a.Latex.Contains('\\') && !a.Latex.Contains('^') && !a.Latex.Contains('(')
                        ? new Pair($@"\{fn} {a.Latex}", $"{py}({a.Py})", 0)
                        : new Pair($@"\{fn}\left({a.Latex}\right)", $"{py}({a.Py})", 2);
                }
            case 9: return new Pair($"e^{{{a.Latex}}}", $"exp({a.Py})", 2);
            case 10: return new Pair($@"\sqrt{{{a.Latex}}}", $"sqrt({a.Py})", 2);
            case 11: return new Pair($@"\ln\left({a.Latex}\right)", $"log({a.Py})", 2);
            default: return new Pair($"-{Paren(a, 1, rng)}", $"-({a.Py})", 0);
        }
    }

    private static (string, string) Trig(Random rng) => rng.Next(4) switch
    {
        0 => ("sin", "sin"), 1 => ("cos", "cos"), 2 => ("tan", "tan"), _ => ("sinh", "sinh"),
    };

    private const string Script = """
import sys, random
from sympy import *
x, y, theta, n, alpha, a, b = symbols('x y theta n alpha a b', real=True)
ns = {'x': x, 'y': y, 'theta': theta, 'n': n, 'alpha': alpha, 'a': a, 'b': b}
rng = random.Random(7)
def same(p, q):
    d = p - q
    if d == 0: return True
    try:
        if simplify(d) == 0: return True
    except Exception:
        pass
    for _ in range(4):
        pt = {s: Rational(rng.randint(11, 37), 10) for s in (x, y, theta, n, alpha, a, b)}
        try:
            v = complex(N(d.subs(pt), 30))
        except Exception:
            return False
        if abs(v) > 1e-9 * (1 + abs(complex(N(p.subs(pt), 30)))): return False
    return True
for line in sys.stdin:
    ours, expected = line.rstrip('\n').split('\t')
    p = sympify(ours, locals=ns)
    q = sympify(expected, locals=ns)
    print('ok' if same(p, q) else 'DIFF ' + str(expand(p - q)))
""";

    [Fact]
    public void Our_reading_of_random_article_style_LaTeX_equals_SymPys_value_of_the_same_formula()
    {
        var seed = Sympy.Seed;
        var rng = new Random(seed);
        var cases = new List<(Pair Pair, string Ours, string Reread)>();
        var refused = new List<string>();
        int count = Sympy.Scale(300);
        for (int i = 0; i < count; i++)
        {
            var pair = Gen(rng, rng.Next(1, 4));
            try
            {
                var value = LatexMath.ReadOne(pair.Latex);
                var reread = LatexMath.ReadOne(LatexPrinter.Print(value));
                cases.Add((pair, SympyPrinter.Print(value), SympyPrinter.Print(reread)));
            }
            catch (ParseError e) { refused.Add($"{pair.Latex}: {e.Message}"); }
        }
        var lines = cases.SelectMany(c => new[] { $"{c.Ours}\t{c.Pair.Py}", $"{c.Reread}\t{c.Pair.Py}" });
        var answers = Sympy.Run(Script, lines);
        answers.Should().HaveCount(2 * cases.Count);
        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            if (answers[2 * i] != "ok") failures.Add($"read  {cases[i].Pair.Latex}  as  {cases[i].Ours}, SymPy: {cases[i].Pair.Py} ({answers[2 * i]})");
            if (answers[2 * i + 1] != "ok") failures.Add($"round trip of {cases[i].Pair.Latex}: {cases[i].Reread}, SymPy: {cases[i].Pair.Py} ({answers[2 * i + 1]})");
        }
        var report = new StringBuilder($"seed {seed}: {cases.Count} formulas read, {refused.Count} refused, {failures.Count} disagreements\n");
        foreach (var f in failures.Concat(refused).Take(20)) report.AppendLine(f);
        output.WriteLine(report.ToString());
        refused.Should().BeEmpty(report.ToString());
        failures.Should().BeEmpty(report.ToString());
    }
}
