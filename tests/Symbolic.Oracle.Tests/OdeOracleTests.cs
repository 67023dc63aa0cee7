using Symbolic.Core;
using Symbolic.Core.Ode;
using Symbolic.Latex.Printing;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// Random ODEs of each linear class the solver claims (constant coefficients of order 2–4 with real, repeated and complex
/// characteristic roots, with and without a right side; Cauchy–Euler of order 2 and 3; first-order linear), each solved
/// by us and the solution checked by SymPy's <c>checkodesol</c> (substitution, not a comparison with dsolve's text).
/// </summary>
public sealed class OdeOracleTests
{
    private static readonly string Script = Sympy.CheckOdeSolutionScript("positive=True");

    private static readonly Symbol X = Expr.Symbol("x", Assumptions.Real);
    private static readonly Call Y = (Call)Call.Of(Function.User("y"), X);
    private static Expr D(int k) => k == 0 ? Y : Derivative.Of(Y, new[] { (X, k) });

    /// <summary>∏ (λ − rᵢ) for real roots and (λ² − 2aλ + a² + b²) for one pair, as coefficients p₀ … p_m.</summary>
    private static List<long> FromRoots(Random rng, int order)
    {
        // at most one complex pair here; FactorizationOracleTests draws products of several quadratic factors
        bool pair = false;
        var p = new List<long> { 1 };
        void Times(params long[] f)
        {
            var r = new long[p.Count + f.Length - 1];
            for (int i = 0; i < p.Count; i++) for (int j = 0; j < f.Length; j++) r[i + j] += p[i] * f[j];
            p = r.ToList();
        }
        while (p.Count - 1 < order)
        {
            if (!pair && order - (p.Count - 1) >= 2 && rng.Next(2) == 0)
            {
                pair = true;
                long a = rng.Next(-2, 3), b = rng.Next(1, 4);
                Times(a * a + b * b, -2 * a, 1);
            }
            else Times(-rng.Next(-2, 3), 1);   // a root in −2 … 2; repeats come by chance
        }
        return p;
    }

    [Fact]
    public void Solutions_of_random_linear_odes_satisfy_them_by_SymPys_checkodesol()
    {
        var rng = new Random(Sympy.Seed);
        var cases = new List<string>();
        var equations = new List<Expr>();
        int n = Sympy.Scale(10);
        for (int k = 0; k < n; k++)
        {
            // constant coefficients, order 2–4, sometimes with a right side eˣ·(small polynomial) or sin x
            var p = FromRoots(rng, 2 + k % 3);
            Expr lhs = Sum.Of(p.Select((c, i) => (Expr)((int)c * D(i))));
            if (k % 4 == 1) lhs -= rng.Next(1, 4) * Expr.Exp(X);
            if (k % 4 == 3 && p.Count <= 4) lhs -= Expr.Sin(X);
            equations.Add(lhs);
        }
        for (int k = 0; k < n / 2; k++)
        {
            // Cauchy–Euler of order 2 (random coefficients) and 3 (from indicial roots), sometimes with the right side x
            if (k % 2 == 0)
            {
                Expr lhs = X * X * D(2) + rng.Next(-3, 4) * X * D(1) + rng.Next(-3, 4) * D(0);
                if (k % 4 == 0) lhs -= X;
                equations.Add(lhs);
            }
            else
            {
                var a = FromRoots(rng, 3);   // indicial polynomial in r; c₃ r(r−1)(r−2) + c₂ r(r−1) + c₁ r + c₀
                long c3 = a[3], c2 = a[2] + 3 * c3, c1 = a[1] - 2 * c3 + c2, c0 = a[0];
                equations.Add((int)c3 * X.Pow(3) * D(3) + (int)c2 * X * X * D(2) + (int)c1 * X * D(1) + (int)c0 * D(0));
            }
        }
        for (int k = 0; k < n / 2; k++)
            equations.Add(D(1) + rng.Next(-3, 4) * Y - rng.Next(1, 4) * X.Pow(rng.Next(0, 3)));   // y′ + a y = b xᵏ (a x y would need ∫e^{x²})
        foreach (var lhs in equations)
        {
            var r = OdeSolver.Solve(Relation.Equation(lhs, 0), Y);
            r.Found.Should().BeTrue($"seed {Sympy.Seed}: {lhs} = 0 is of a class we claim; {r.NotFoundReason}");
            r.Verified.Should().BeTrue();
            cases.Add(SympyPrinter.Print(lhs) + ";" + SympyPrinter.Print(r.Solution!.Right));
        }
        var answers = Sympy.Run(Script, cases);
        for (int i = 0; i < cases.Count; i++)
            answers[i].Should().Be("ok", $"seed {Sympy.Seed}, case {cases[i]}");
    }

    [Fact]
    public void Every_branch_of_random_nonlinear_odes_satisfies_them_by_SymPys_checkodesol()
    {
        // y y′ = a x and y′ = y/x + a x/y (two branches ±√), y″ = a y′² (y missing), y y″ = a y′² (x missing)
        var rng = new Random(Sympy.Seed);
        var cases = new List<string>();
        int n = Sympy.Scale(3);
        for (int k = 0; k < n; k++)
        {
            int a = rng.Next(1, 4);
            foreach (var lhs in new[] { Y * D(1) - a * X, D(1) - Y / X - a * X / Y, D(2) - a * D(1).Pow(2), Y * D(2) - a * D(1).Pow(2) })
            {
                var r = OdeSolver.Solve(Relation.Equation(lhs, 0), Y);
                r.Found.Should().BeTrue($"seed {Sympy.Seed}: {lhs} = 0 is of a class we claim; {r.NotFoundReason}");
                r.Explicit.Should().BeTrue();
                foreach (var b in r.Branches) cases.Add(SympyPrinter.Print(lhs) + ";" + SympyPrinter.Print(b.Right));
            }
        }
        var answers = Sympy.Run(Script, cases);
        for (int i = 0; i < cases.Count; i++)
            answers[i].Should().Be("ok", $"seed {Sympy.Seed}, case {cases[i]}");
    }
}
