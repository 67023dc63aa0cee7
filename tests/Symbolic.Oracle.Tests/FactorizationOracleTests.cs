using System.Numerics;
using Symbolic.Core;
using Symbolic.Core.Numbers;
using Symbolic.Core.Ode;
using Symbolic.Core.Polynomials;
using Symbolic.Latex.Printing;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// Factorization over Q against SymPy's <c>factor_list</c> on seeded random products of random (mostly irreducible)
/// polynomials, cyclotomic pieces and large coefficients; and constant-coefficient ODEs whose characteristic polynomial
/// is a random product of rational linear and quadratic factors (repeated ones too), each solution checked by SymPy's
/// <c>checkodesol</c>.
/// </summary>
public sealed class FactorizationOracleTests
{
    private const string FactorScript = """
        import sys
        from sympy import Poly, symbols, ZZ
        x = symbols('x')
        for line in sys.stdin:
            cs = [int(c) for c in line.strip().split(',')]
            c, fl = Poly(list(reversed(cs)), x, domain=ZZ).factor_list()
            out = []
            for f, m in fl:
                co = f.all_coeffs()
                if co[0] < 0:
                    co = [-a for a in co]
                    if m % 2: c = -c
                out.append(','.join(str(a) for a in reversed(co)) + '^' + str(m))
            out.sort()
            print(str(c) + '|' + ' '.join(out))
        """;

    private static readonly Poly X = Poly.Variable(1, 0);
    private static Poly C(BigInteger c) => Poly.Constant(1, c);

    private static Poly RandomPiece(Random rng)
    {
        switch (rng.Next(8))
        {
            case 0: return X.Pow(rng.Next(2, 13)) - C(1);                         // cyclotomic products
            case 1: return X.Pow(rng.Next(2, 9)) + C(rng.Next(1, 4));
            case 2:
            {
                // large coefficients
                var f = X.Pow(rng.Next(1, 4));
                for (int i = 0; i < 2; i++) f += C(BigInteger.Pow(10, rng.Next(5, 25)) + rng.Next(-99, 100)) * X.Pow(rng.Next(0, 3));
                return f.IsConstant ? X : f;
            }
            default:
            {
                var f = C(rng.Next(1, 4)) * X.Pow(rng.Next(1, 6));
                for (int i = 0; i < 3; i++) f += C(rng.Next(-9, 10)) * X.Pow(rng.Next(0, 5));
                return f.IsConstant ? X + C(1) : f;
            }
        }
    }

    private static string Dense(Poly p) =>
        string.Join(",", (p.IsConstant ? new[] { p.ConstantValue } : p.CoefficientsIn(0).Select(c => c.ConstantValue)).Select(c => c.ToString()));

    [Fact]
    public void Factorization_of_random_products_agrees_with_SymPys_factor_list()
    {
        var rng = new Random(Sympy.Seed);
        var inputs = new List<Poly>();
        int n = Sympy.Scale(60);
        for (int k = 0; k < n; k++)
        {
            var p = C(rng.Next(-6, 7) is var u && u != 0 ? u : 1);
            int pieces = rng.Next(1, 5);
            for (int i = 0; i < pieces; i++) p *= RandomPiece(rng).Pow(rng.Next(5) == 0 ? 2 : 1);
            inputs.Add(p);
        }
        // hard cases by construction: the Swinnerton-Dyer octic times a quadratic, and x⁶⁰ − 1 (twelve cyclotomic factors)
        inputs.Add((X.Pow(8) - C(40) * X.Pow(6) + C(352) * X.Pow(4) - C(960) * X * X + C(576)) * (X * X - C(3)));
        inputs.Add(X.Pow(60) - C(1));
        var ours = new List<string>();
        foreach (var p in inputs)
        {
            var r = Factorization.OverRationals(p);
            r.IsComplete.Should().BeTrue($"seed {Sympy.Seed}: {Dense(p)}");
            r.Unit.IsInteger.Should().BeTrue();
            var factors = r.Factors.Select(f => Dense(f.Factor) + "^" + f.Multiplicity).OrderBy(s => s, StringComparer.Ordinal);
            ours.Add(r.Unit + "|" + string.Join(" ", factors));
        }
        var answers = Sympy.Run(FactorScript, inputs.Select(Dense));
        for (int i = 0; i < inputs.Count; i++)
            ours[i].Should().Be(answers[i], $"seed {Sympy.Seed}, case {i}: polynomial (coefficients from x⁰) {Dense(inputs[i])}");
    }

    private static readonly string OdeScript = Sympy.CheckOdeSolutionScript("real=True");

    private static readonly Symbol Xs = Expr.Symbol("x", Assumptions.Real);
    private static readonly Call Y = (Call)Call.Of(Function.User("y"), Xs);
    private static Expr D(int k) => k == 0 ? Y : Derivative.Of(Y, new[] { (Xs, k) });

    /// <summary>A random characteristic polynomial of degree 2–6: rational linear factors bλ − a and quadratics λ² + bλ + c
    /// (irreducible ones with complex or irrational real roots, and reducible ones), a factor sometimes squared.</summary>
    private static List<BigInteger> CharacteristicPolynomial(Random rng, int order)
    {
        var p = new List<BigInteger> { 1 };
        void Times(BigInteger[] f)
        {
            var r = new BigInteger[p.Count + f.Length - 1];
            for (int i = 0; i < p.Count; i++) for (int j = 0; j < f.Length; j++) r[i + j] += p[i] * f[j];
            p = r.ToList();
        }
        while (p.Count - 1 < order)
        {
            int left = order - (p.Count - 1);
            var f = left >= 2 && rng.Next(3) > 0
                ? new BigInteger[] { rng.Next(-6, 7), rng.Next(-4, 5), 1 }
                : new BigInteger[] { -rng.Next(-3, 4), rng.Next(1, 3) };
            Times(f);
            if (rng.Next(5) == 0 && p.Count - 1 + f.Length - 1 <= order) Times(f);
        }
        return p;
    }

    [Fact]
    public void Constant_coefficient_odes_with_products_of_linear_and_quadratic_factors_are_solved_and_checked_by_SymPy()
    {
        var rng = new Random(Sympy.Seed);
        var cases = new List<string>();
        int n = Sympy.Scale(12);
        for (int k = 0; k < n; k++)
        {
            var p = CharacteristicPolynomial(rng, 2 + k % 5);
            Expr lhs = Sum.Of(p.Select((c, i) => Number.Of(Rational.Of(c)) * D(i)));
            var r = OdeSolver.Solve(Relation.Equation(lhs, 0), Y);
            r.Found.Should().BeTrue($"seed {Sympy.Seed}: {lhs} = 0 has a characteristic polynomial of linear and quadratic factors; {r.NotFoundReason}");
            r.Verified.Should().BeTrue();
            // as many constants as the order: the basis is complete
            r.Solution!.Right.FreeSymbols().Count(s => s.Name.StartsWith('C')).Should().Be(p.Count - 1, $"seed {Sympy.Seed}: {lhs}");
            cases.Add(SympyPrinter.Print(lhs) + ";" + SympyPrinter.Print(r.Solution.Right));
        }
        var answers = Sympy.Run(OdeScript, cases);
        for (int i = 0; i < cases.Count; i++)
            answers[i].Should().Be("ok", $"seed {Sympy.Seed}, case {cases[i]}");
    }
}
