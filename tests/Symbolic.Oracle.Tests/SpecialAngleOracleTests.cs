using Symbolic.Core;
using Symbolic.Latex.Printing;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// The exact values of sin, cos, tan (and cot, sec, csc) at every kπ/12, k = −24…24, and of arcsin, arccos,
/// arctan at the table's values, against SymPy's: where we give a value it must equal SymPy's exactly; at a
/// multiple of π/6 or π/4 we must give it (or refuse a pole, where SymPy gives zoo); elsewhere we must leave the call as it is.
/// </summary>
public class SpecialAngleOracleTests
{
    private const string Script = """
        import sys
        import sympy as sp
        for line in sys.stdin:
            f, arg, ours, table = line.strip().split('|')
            x = sp.sympify(arg)
            theirs = getattr(sp, f)(x)
            if ours == 'pole':
                print('ok' if theirs.has(sp.zoo) else f'refused as a pole, SymPy gives {theirs}'); continue
            if ours == 'none' and table == 'outside':
                print('ok'); continue   # outside the table (SymPy goes on to half angles): we keep the call by design
            if ours == 'none':
                print('ok' if theirs.has(getattr(sp, f)) or theirs.has(sp.zoo) else f'unevaluated, SymPy gives {theirs}')
                continue
            if theirs.has(sp.zoo) or theirs.has(getattr(sp, f)):
                print(f'ours {ours}, SymPy gives {theirs}')
                continue
            print('ok' if sp.simplify(sp.sympify(ours) - theirs) == 0 else f'ours {ours}, SymPy gives {theirs}')
        """;

    /// <summary>f(a) left as a call, or −f(−a) for an odd f.</summary>
    private static bool Unevaluated(Expr value, Function f) =>
        value is Call c && c.Function == f
        || value is Product { Coefficient.IsOne: false, Factors.Length: 1 } p && p.Coefficient == -1 && p.Factors[0].Base is Call pc && pc.Function == f;

    private static string Ours(Expr value, Function f) => Unevaluated(value, f) ? "none" : SympyPrinter.Print(value);

    [Fact]
    public void Trigonometric_values_at_every_twelfth_of_pi_agree_with_SymPy()
    {
        var functions = new (Function F, string Name)[]
        {
            (Function.Sin, "sin"), (Function.Cos, "cos"), (Function.Tan, "tan"),
            (Function.Cot, "cot"), (Function.Sec, "sec"), (Function.Csc, "csc"),
        };
        var lines = new List<string>();
        var cases = new List<string>();
        for (int k = -24; k <= 24; k++)
        {
            var angle = Expr.Frac(k, 12) * Expr.Pi;
            foreach (var (f, name) in functions)
            {
                Expr value;
                try { value = Call.Of(f, angle); }
                catch (DivideByZeroException)
                {
                    // a pole: SymPy must agree that the value is infinite
                    lines.Add($"{name}|{k}*pi/12|pole|table");
                    cases.Add($"{name}({k}π/12) refused as a pole");
                    continue;
                }
                var tableAngle = k % 2 == 0 || k % 3 == 0;
                if (!tableAngle) Unevaluated(value, f).Should().BeTrue($"{name}({k}π/12) is outside the table and stays unevaluated");
                lines.Add($"{name}|{k}*pi/12|{Ours(value, f)}|{(tableAngle ? "table" : "outside")}");
                cases.Add($"{name}({k}π/12) = {value}");
            }
        }
        var answers = Sympy.Run(Script, lines);
        answers.Should().HaveCount(lines.Count);
        answers.Select((a, i) => (a, i)).Where(t => t.a != "ok").Select(t => $"{cases[t.i]}: {t.a}").Should().BeEmpty();
    }

    [Fact]
    public void Inverse_values_at_the_table_values_agree_with_SymPy()
    {
        var arguments = new[]
        {
            Expr.Zero, Expr.Half, Expr.Sqrt(2) / 2, Expr.Sqrt(3) / 2, Expr.One, Expr.Sqrt(3) / 3, Expr.Sqrt(3),
            Expr.Frac(1, 3), Expr.Two, Expr.Sqrt(2),
        };
        var lines = new List<string>();
        var cases = new List<string>();
        foreach (var a in arguments.Concat(arguments.Select(a => -a)))
            foreach (var (f, name) in new[] { (Function.Asin, "asin"), (Function.Acos, "acos"), (Function.Atan, "atan") })
            {
                var value = Call.Of(f, a);
                lines.Add($"{name}|{SympyPrinter.Print(a)}|{Ours(value, f)}|table");
                cases.Add($"{name}({a}) = {value}");
            }
        var answers = Sympy.Run(Script, lines);
        answers.Should().HaveCount(lines.Count);
        answers.Select((a, i) => (a, i)).Where(t => t.a != "ok").Select(t => $"{cases[t.i]}: {t.a}").Should().BeEmpty();
    }
}
