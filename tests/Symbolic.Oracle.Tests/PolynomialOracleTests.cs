using System.Numerics;
using System.Text;
using Symbolic.Core.Polynomials;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// Gcd, exact division and cancellation on polynomials built with known common factors (irreducible
/// quadratics, cyclotomic pieces, high multiplicities, large coefficients) in 1–5 variables. Every case is
/// checked in-process by properties that do not trust the gcd under test (the known factor divides the
/// gcd, the gcd divides both, the cofactors are coprime by the PRS reference), and a sample against SymPy.
/// </summary>
public class PolynomialOracleTests
{
    private static readonly string[] Names = { "x", "y", "z", "u", "v" };

    /// <summary>A random case: a = g·p, b = g·q with g known.</summary>
    internal sealed record Case(int Index, Poly G, Poly A, Poly B);

    private static Poly Var(int n, int i) => Poly.Variable(n, i);
    private static Poly Const(int n, BigInteger c) => Poly.Constant(n, c);

    private static Poly RandomPoly(Random rng, int n, int maxTerms, int maxDeg, bool large)
    {
        int terms = rng.Next(1, maxTerms + 1);
        var list = new List<(int[], BigInteger)>();
        for (int t = 0; t < terms; t++)
        {
            var e = new int[n];
            int budget = rng.Next(0, maxDeg + 1);
            for (int k = 0; k < budget; k++) e[rng.Next(n)]++;
            BigInteger c = rng.Next(1, 10) * (rng.Next(2) == 0 ? 1 : -1);
            if (large && rng.Next(3) == 0) c *= BigInteger.Pow(2, rng.Next(20, 90)) + rng.Next(1, 1000);
            list.Add((e, c));
        }
        var p = Poly.FromTerms(n, list);
        return p.IsZero ? Const(n, 1) : p;
    }

    /// <summary>A piece of a common factor: irreducible quadratics, cyclotomic pieces, linear forms, random polynomials.</summary>
    private static Poly Piece(Random rng, int n)
    {
        var x = Var(n, rng.Next(n));
        var y = Var(n, rng.Next(n));
        var one = Const(n, 1);
        switch (rng.Next(9))
        {
            case 0: return x * x + x + one;                       // Φ₃
            case 1: return x * x - x + one;                       // Φ₆
            case 2: return x * x * x * x + x * x * x + x * x + x + one;   // Φ₅
            case 3: return x * x + y * y + one;
            case 4: return x * x - Const(n, 2);
            case 5: return x * x + x * y + y * y;                 // a² + ab + b²
            case 6: return x * Const(n, rng.Next(1, 50)) + y * Const(n, rng.Next(-50, 50)) + Const(n, rng.Next(-9, 10));
            case 7: return x * Const(n, BigInteger.Pow(3, rng.Next(10, 60))) + Const(n, BigInteger.Pow(2, rng.Next(10, 60)) + 1);
            default: return RandomPoly(rng, n, 4, 3, large: false);
        }
    }

    internal static Case MakeCase(Random rng, int index)
    {
        int n = rng.Next(1, 6);
        var g = Const(n, 1);
        int pieces = rng.Next(0, 4);
        for (int i = 0; i < pieces; i++)
        {
            var piece = Piece(rng, n);
            int mult = rng.Next(8) == 0 ? rng.Next(3, 7) : rng.Next(1, 3);
            g *= piece.Pow(mult);
        }
        if (rng.Next(4) == 0) g *= Const(n, rng.Next(2, 30));
        bool large = rng.Next(3) == 0;
        var p = RandomPoly(rng, n, 5, 3, large);
        var q = RandomPoly(rng, n, 5, 3, large);
        if (rng.Next(6) == 0) q = p * RandomPoly(rng, n, 3, 2, false);   // one cofactor divides the other
        return new Case(index, g, g * p, g * q);
    }

    private static string Describe(Case c, int seed) =>
        $"seed {seed}, case {c.Index}: a = {ToSympy(c.A)}, b = {ToSympy(c.B)}, known factor g = {ToSympy(c.G)}";

    internal static string ToSympy(Poly p)
    {
        if (p.IsZero) return "0";
        var sb = new StringBuilder();
        foreach (var (e, c) in p.Terms)
        {
            sb.Append(c.Sign < 0 ? " - " : " + ").Append(BigInteger.Abs(c));
            for (int v = 0; v < e.Length; v++)
                if (e[v] != 0) sb.Append('*').Append(Names[v]).Append(e[v] == 1 ? "" : "**" + e[v]);
        }
        return sb.ToString().TrimStart(' ', '+');
    }

    private static string Wire(Poly p) =>
        p.IsZero ? "0,0,0,0,0:0" : string.Join(";", p.Terms.Select(t =>
            string.Join(",", Enumerable.Range(0, 5).Select(v => v < t.Exponents.Length ? t.Exponents[v] : 0)) + ":" + t.Coefficient));

    /// <summary>The failure of one case, or null: no property trusts the gcd under test.</summary>
    internal static string? Check(Case c)
    {
        var g = PolyGcd.Gcd(c.A, c.B);
        if (!c.A.TryDivideExact(g, out var ca)) return $"gcd {ToSympy(g)} does not divide a";
        if (!c.B.TryDivideExact(g, out var cb)) return $"gcd {ToSympy(g)} does not divide b";
        if (!g.TryDivideExact(c.G, out _)) return $"the known factor does not divide the gcd {ToSympy(g)}";
        if (!PolyGcd.GcdByPrs(ca, cb).IsOne) return $"the cofactors of the gcd {ToSympy(g)} are not coprime";
        if (g.Terms.First().Coefficient.Sign < 0 && !g.IsZero) return "the gcd has a negative leading coefficient";
        // exact division back and forth, and a near miss that must not divide
        if (!c.A.TryDivideExact(c.G, out var qa) || !(qa * c.G).Equals(c.A)) return "a / g is not exact";
        if (!c.G.IsConstant && c.A.TryDivideExact(c.G, out _) && (c.A + Poly.One(c.A.VariableCount)).TryDivideExact(c.G, out _))
            return "a + 1 divides by the known factor";
        // cancellation: a/b in lowest terms, cross-multiplied back
        var r = RatFun.Of(c.A, c.B);
        if (!(r.Numerator * c.B).Equals(r.Denominator * c.A)) return "a/b cancelled is not a/b";
        if (!PolyGcd.GcdByPrs(r.Numerator, r.Denominator).IsOne) return "a/b cancelled is not in lowest terms";
        if (r.Denominator.Terms.First().Coefficient.Sign < 0) return "the denominator has a negative leading coefficient";
        return null;
    }

    [Fact]
    public void Gcd_exact_division_and_cancellation_hold_on_ten_thousand_built_cases()
    {
        int seed = Sympy.Seed;
        var rng = new Random(seed);
        int count = Sympy.Scale(10_000);
        var failures = new List<string>();
        for (int i = 0; i < count && failures.Count < 5; i++)
        {
            var c = MakeCase(rng, i);
            string? why;
            try { why = Check(c); }
            catch (Exception e) { why = $"{e.GetType().Name}: {e.Message}"; }
            if (why is not null) failures.Add($"{why} ({Describe(c, seed)})");
        }
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Gcd_agrees_with_SymPy_up_to_sign_on_a_sample()
    {
        int seed = Sympy.Seed + 1;
        var rng = new Random(seed);
        int count = Sympy.Scale(500);
        var cases = Enumerable.Range(0, count).Select(i => MakeCase(rng, i)).ToList();
        var ours = cases.Select(c => PolyGcd.Gcd(c.A, c.B)).ToList();
        // polynomials travel as exponent:coefficient lists and become SymPy Polys over ZZ directly
        const string script = """
            import sys
            from sympy import symbols, Poly, ZZ
            gens = symbols('x y z u v')
            def poly(s):
                d = {}
                for t in s.split(';'):
                    e, c = t.split(':')
                    d[tuple(int(k) for k in e.split(','))] = int(c)
                return Poly.from_dict(d, gens, domain=ZZ)
            for line in sys.stdin:
                a, b, g = (poly(s) for s in line.strip().split('|'))
                h = a.gcd(b)
                print('ok' if h == g or h == -g else 'bad ' + str(h.as_expr()))
            """;
        var answers = Sympy.Run(script, cases.Select((c, i) => $"{Wire(c.A)}|{Wire(c.B)}|{Wire(ours[i])}"));
        answers.Should().HaveCount(count);
        var bad = answers.Select((a, i) => (a, i)).Where(t => t.a != "ok")
            .Select(t => $"{Describe(cases[t.i], seed)}: ours {ToSympy(ours[t.i])}, SymPy {t.a}").Take(5).ToList();
        bad.Should().BeEmpty();
    }
}
