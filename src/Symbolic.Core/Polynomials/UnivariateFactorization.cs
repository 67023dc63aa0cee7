using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Polynomials;

/// <summary>One factor of a <see cref="UnivariateFactorization"/>: a primitive integer polynomial with positive leading
/// coefficient, its multiplicity, and whether it is proved irreducible over Q (false only when the recombination of the
/// modular factors ran out of its budget: the factor divides the input, but may split further).</summary>
/// <param name="Factor">The factor, in the variable of the input.</param>
/// <param name="Multiplicity">Its exponent in the input.</param>
/// <param name="IsIrreducible">True when proved irreducible over Q.</param>
public readonly record struct PolyFactor(Poly Factor, int Multiplicity, bool IsIrreducible);

/// <summary>p = <see cref="Unit"/> · ∏ fᵢ^mᵢ with fᵢ primitive, positive leading coefficient, pairwise distinct.</summary>
public sealed class UnivariateFactorization
{
    internal UnivariateFactorization(Rational unit, IReadOnlyList<PolyFactor> factors, string? incomplete)
    {
        Unit = unit; Factors = factors; Incomplete = incomplete;
    }

    /// <summary>The rational constant in front (sign and content of the input).</summary>
    public Rational Unit { get; }

    /// <summary>The factors, by degree then coefficients.</summary>
    public IReadOnlyList<PolyFactor> Factors { get; }

    /// <summary>True when every factor is proved irreducible.</summary>
    public bool IsComplete => Incomplete is null;

    /// <summary>Why the factorization is not complete (the recombination's budget ran out), or null.</summary>
    public string? Incomplete { get; }
}

/// <summary>
/// Factorization of univariate polynomials over Q into irreducibles (Zassenhaus): content and primitive part,
/// square-free decomposition (Yun), distinct-degree and equal-degree (Cantor–Zassenhaus) factorization modulo the best
/// of a few small primes, quadratic Hensel lifting past the Mignotte bound, and recombination of the lifted factors by
/// subsets of growing size with the degree test (degrees possible modulo every prime tried) and the trailing-coefficient
/// test, each candidate confirmed by exact division over Z. The subset search is exponential in the worst case
/// (Swinnerton-Dyer polynomials): it stops after <see cref="DefaultMaxSubsets"/> candidates and says so in
/// <see cref="UnivariateFactorization.Incomplete"/>; a factor it returns always divides the input.
/// </summary>
/// <example><code>
/// var x = Poly.Variable(1, 0);
/// var f = Factorization.OverRationals((x*x + 1) * (x*x + 4*x + 5));   // unit 1, [x² + 1, x² + 4x + 5]
/// </code></example>
public static class Factorization
{
    /// <summary>How many candidate subsets the recombination tries before it gives up.</summary>
    public const int DefaultMaxSubsets = 200_000;

    /// <summary>The factorization over Q of a polynomial in at most one variable (any variable index).</summary>
    /// <exception cref="ArgumentException">When <paramref name="p"/> is zero or depends on more than one variable.</exception>
    public static UnivariateFactorization OverRationals(Poly p, Budget? budget = null, int maxSubsets = DefaultMaxSubsets)
    {
        if (p.IsZero) throw new ArgumentException("the zero polynomial has no factorization");
        int nv = p.VariableCount;
        var vars = Enumerable.Range(0, nv).Where(p.DependsOn).ToList();
        if (vars.Count > 1) throw new ArgumentException("a univariate factorization needs a polynomial in one variable; this one has " + vars.Count);
        int v = vars.Count == 1 ? vars[0] : 0;
        var dense = vars.Count == 0 ? new[] { p.ConstantValue } : p.CoefficientsIn(v).Select(c => c.ConstantValue).ToArray();
        var (unit, factors, incomplete) = Factor(dense, budget ?? Budget.Unlimited, maxSubsets);
        var result = factors.Select(f => new PolyFactor(ToPoly(f.F, nv == 0 ? 1 : nv, v), f.M, f.Irreducible)).ToList();
        return new UnivariateFactorization(unit, result, incomplete);
    }

    /// <summary>The factorization over Q of c₀ + c₁x + … (rational coefficients, lowest first): unit and integer factors (dense, lowest first).</summary>
    internal static (Rational Unit, List<(BigInteger[] F, int M, bool Irreducible)> Factors, string? Incomplete) OverRationals(
        IReadOnlyList<Rational> c, Budget? budget = null, int maxSubsets = DefaultMaxSubsets)
    {
        BigInteger lcm = BigInteger.One;
        foreach (var q in c) lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, q.Den) * q.Den;
        var ints = c.Select(q => q.Num * (lcm / q.Den)).ToArray();
        var (unit, factors, incomplete) = Factor(ints, budget ?? Budget.Unlimited, maxSubsets);
        return (unit / Rational.Of(lcm), factors, incomplete);
    }

    private static Poly ToPoly(BigInteger[] f, int nv, int v)
    {
        var terms = new List<(int[], BigInteger)>();
        for (int i = 0; i < f.Length; i++)
        {
            if (f[i].IsZero) continue;
            var e = new int[nv];
            e[v] = i;
            terms.Add((e, f[i]));
        }
        return Poly.FromTerms(nv, terms);
    }

    // ------------------------------------------------------------------ over Z

    private static (Rational, List<(BigInteger[] F, int M, bool Irreducible)>, string?) Factor(BigInteger[] f, Budget budget, int maxSubsets)
    {
        f = Trim(f);
        if (f.Length == 0) throw new ArgumentException("the zero polynomial has no factorization");
        var content = f.Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor);
        if (f[^1].Sign < 0) content = -content;
        var unit = Rational.Of(content);
        f = f.Select(c => c / content).ToArray();
        var factors = new List<(BigInteger[] F, int M, bool Irreducible)>();
        string? incomplete = null;
        int zeros = 0;
        while (zeros < f.Length - 1 && f[zeros].IsZero) zeros++;
        if (zeros > 0) { factors.Add((new[] { BigInteger.Zero, BigInteger.One }, zeros, true)); f = f[zeros..]; }
        if (f.Length > 1)
        {
            var parts = SquareFree(f, budget);
            for (int i = 0; i < parts.Count; i++)
            {
                if (parts[i].Length <= 1) continue;
                foreach (var (g, irreducible, note) in FactorSquareFree(parts[i], budget, maxSubsets))
                {
                    factors.Add((g, i + 1, irreducible));
                    incomplete ??= note;
                }
            }
        }
        factors.Sort((a, b) => Compare(a.F, b.F));
        return (unit, factors, incomplete);
    }

    private static int Compare(BigInteger[] a, BigInteger[] b)
    {
        if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
        for (int i = a.Length - 1; i >= 0; i--)
        {
            int c = a[i].CompareTo(b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>Yun's square-free decomposition of a primitive f with positive leading coefficient: result[i] is Pᵢ₊₁ (maybe 1).</summary>
    private static List<BigInteger[]> SquareFree(BigInteger[] f, Budget budget)
    {
        var p = ToPoly(f, 1, 0);
        var result = new List<BigInteger[]>();
        var dp = p.Derivative(0);
        var g = PolyGcd.Gcd(p, dp, budget);
        var b = p.DivideExact(g, budget);
        var c = dp.DivideExact(g, budget);
        var d = c - b.Derivative(0);
        while (!b.IsConstant)
        {
            budget.ThrowIfCancelled();
            var a = PolyGcd.Gcd(b, d, budget);
            result.Add(Dense(a));
            b = b.DivideExact(a, budget);
            c = d.DivideExact(a, budget);
            d = c - b.Derivative(0);
        }
        return result;
    }

    private static BigInteger[] Dense(Poly p)
    {
        if (p.IsZero) return [];
        if (!p.DependsOn(0)) return [p.ConstantValue];
        var r = p.CoefficientsIn(0).Select(c => c.ConstantValue).ToArray();
        return r[^1].Sign < 0 ? r.Select(x => -x).ToArray() : r;
    }

    /// <summary>The irreducible factors of a square-free primitive f (positive leading coefficient, f(0) ≠ 0).</summary>
    private static List<(BigInteger[] F, bool Irreducible, string? Note)> FactorSquareFree(BigInteger[] f, Budget budget, int maxSubsets)
    {
        int n = f.Length - 1;
        if (n <= 1) return [(f, true, null)];
        var lc = f[^1];

        // the best of a few good primes (fewest modular factors); the degrees each allows restrict the recombination
        var allowed = new bool[n + 1];
        Array.Fill(allowed, true);
        long bestP = 0;
        List<(long[] G, int Degree)>? bestDdf = null;
        int good = 0;
        foreach (var p in SmallPrimes())
        {
            budget.ThrowIfCancelled();
            if ((lc % p).IsZero) continue;
            var fp = ModP(f, p);
            if (Deg(Gcd(fp, Derivative(fp, p), p)) > 0) continue;
            var ddf = DistinctDegree(fp, p, budget);
            var reach = new bool[n + 1];
            reach[0] = true;
            int count = 0;
            foreach (var (g, d) in ddf)
                for (int k = 0; k < Deg(g) / d; k++)
                {
                    count++;
                    for (int s = n; s >= d; s--) reach[s] |= reach[s - d];
                }
            for (int s = 0; s <= n; s++) allowed[s] &= reach[s];
            if (bestDdf is null || count < bestDdf.Sum(t => Deg(t.G) / t.Degree)) { bestP = p; bestDdf = ddf; }
            bool any = false;
            for (int s = 1; s < n; s++) any |= allowed[s];
            if (!any) return [(f, true, null)];
            if (++good == 5) break;
        }
        if (bestDdf is null) throw new InvalidOperationException("no good prime below 10⁴ for a square-free polynomial");
        var rng = new Random(12345);
        var modular = new List<long[]>();
        foreach (var (g, d) in bestDdf) modular.AddRange(EqualDegree(g, d, bestP, rng, budget));
        if (modular.Count == 1) return [(f, true, null)];

        // Mignotte: a factor of f times lc(f)/lc(factor) has coefficients at most B = |lc|·2ⁿ·‖f‖₂; lift to M > 2B
        var norm2 = Sqrt(f.Aggregate(BigInteger.Zero, (s, c) => s + c * c)) + 1;
        var bound = BigInteger.Abs(lc) * BigInteger.Pow(2, n) * norm2;
        BigInteger m = bestP;
        while (m <= 2 * bound) m *= m;
        var lifted = HenselLift(f, modular, bestP, m, budget);
        return Recombine(f, lifted, m, allowed, budget, maxSubsets);
    }

    /// <summary>⌊√v⌋ by Newton's iteration (v ≥ 0).</summary>
    private static BigInteger Sqrt(BigInteger v)
    {
        if (v < 2) return v;
        var x = BigInteger.One << (int)((v.GetBitLength() + 1) / 2);   // ≥ √v
        while (true)
        {
            var y = (x + v / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    private static IEnumerable<long> SmallPrimes()
    {
        for (long p = 3; p < 10_000; p += 2)
        {
            bool prime = true;
            for (long d = 3; d * d <= p && prime; d += 2) prime = p % d != 0;
            if (prime) yield return p;
        }
    }

    /// <summary>Zassenhaus's recombination: subsets S of the lifted factors, smallest first; lc·∏S mod M (symmetric) that
    /// divides f exactly is a factor.</summary>
    private static List<(BigInteger[] F, bool Irreducible, string? Note)> Recombine(BigInteger[] f, List<BigInteger[]> lifted, BigInteger m, bool[] allowed,
        Budget budget, int maxSubsets)
    {
        var result = new List<(BigInteger[], bool, string?)>();
        var t = lifted;
        int s = 1;
        long tried = 0;
        while (2 * s <= t.Count)
        {
            bool found = false;
            var lc = f[^1];
            var target0 = lc * f[0];
            foreach (var subset in Subsets(t.Count, s))
            {
                budget.ThrowIfCancelled();
                if (++tried > maxSubsets)
                {
                    result.Add((f, false, $"the recombination of {t.Count} modular factors stopped after {maxSubsets:N0} candidate subsets; "
                        + $"the factor of degree {f.Length - 1} may split further"));
                    return result;
                }
                int degree = subset.Sum(i => t[i].Length - 1);
                if (!allowed[degree]) continue;
                // trailing coefficient: lc·∏ g(0) must divide lc·f(0)
                var c0 = lc;
                foreach (var i in subset) c0 = c0 * t[i][0] % m;
                c0 = Symmetric(c0, m);
                if (c0.IsZero || !(target0 % c0).IsZero) continue;
                var g = new[] { lc };
                foreach (var i in subset) g = MulMod(g, t[i], m);
                g = g.Select(c => Symmetric(c, m)).ToArray();
                var gc = g.Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor);
                g = g.Select(c => c / gc).ToArray();
                if (g[^1].Sign < 0) g = g.Select(c => -c).ToArray();
                if (DivideExact(f, g) is not { } q) continue;
                result.Add((g, true, null));
                f = q;
                var rest = new List<BigInteger[]>();
                for (int i = 0; i < t.Count; i++) if (!subset.Contains(i)) rest.Add(t[i]);
                t = rest;
                found = true;
                break;
            }
            if (!found) s++;
        }
        if (f.Length > 1) result.Add((f, true, null));
        return result;
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        var idx = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])idx.Clone();
            int i = k - 1;
            while (i >= 0 && idx[i] == n - k + i) i--;
            if (i < 0) yield break;
            idx[i]++;
            for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
    }

    private static BigInteger Symmetric(BigInteger c, BigInteger m)
    {
        c %= m;
        if (c.Sign < 0) c += m;
        return c > m / 2 ? c - m : c;
    }

    /// <summary>f / g over Z when g divides f exactly, else null.</summary>
    private static BigInteger[]? DivideExact(BigInteger[] f, BigInteger[] g)
    {
        int n = f.Length - 1, d = g.Length - 1;
        if (d > n) return null;
        var r = (BigInteger[])f.Clone();
        var q = new BigInteger[n - d + 1];
        var lg = g[^1];
        for (int k = n - d; k >= 0; k--)
        {
            var (t, rem) = BigInteger.DivRem(r[k + d], lg);
            if (!rem.IsZero) return null;
            q[k] = t;
            if (t.IsZero) continue;
            for (int j = 0; j <= d; j++) r[k + j] -= t * g[j];
        }
        for (int i = 0; i < d; i++) if (!r[i].IsZero) return null;
        return q;
    }

    // ------------------------------------------------------------------ Hensel lifting

    /// <summary>Lifts f ≡ lc(f)·∏ uᵢ (mod p), uᵢ monic, to the same modulo M = p^(2^k): one factor at a time
    /// (quadratic two-factor lifting, von zur Gathen–Gerhard Algorithm 15.10), then checks the product.</summary>
    private static List<BigInteger[]> HenselLift(BigInteger[] f, List<long[]> u, long p, BigInteger mFinal, Budget budget)
    {
        var lc = f[^1];
        var cur = f.Select(c => Mod(c, mFinal)).ToArray();
        var result = new List<BigInteger[]>();
        for (int i = 0; i < u.Count - 1; i++)
        {
            var h0 = u[i];
            long[] g0 = [(long)Mod(lc, p)];
            for (int j = i + 1; j < u.Count; j++) g0 = Mul(g0, u[j], p);
            var (s0, t0) = Bezout(g0, h0, p);
            BigInteger[] g = ToBig(g0), h = ToBig(h0), s = ToBig(s0), t = ToBig(t0);
            BigInteger m = p;
            while (m < mFinal)
            {
                budget.ThrowIfCancelled();
                var m2 = m * m;
                var target = cur.Select(c => Mod(c, m2)).ToArray();
                var e = SubMod(target, MulMod(g, h, m2), m2);
                var (q, r) = DivRemMonic(MulMod(s, e, m2), h, m2);
                var gs = AddMod(AddMod(g, MulMod(t, e, m2), m2), MulMod(q, g, m2), m2);
                var hs = AddMod(h, r, m2);
                var b = SubMod(AddMod(MulMod(s, gs, m2), MulMod(t, hs, m2), m2), [BigInteger.One], m2);
                var (c, d) = DivRemMonic(MulMod(s, b, m2), hs, m2);
                s = SubMod(s, d, m2);
                t = SubMod(SubMod(t, MulMod(t, b, m2), m2), MulMod(c, gs, m2), m2);
                (g, h, m) = (gs, hs, m2);
            }
            result.Add(h);
            cur = g;
        }
        var inv = BigInteger.ModPow(Mod(lc, mFinal), Totient(p, mFinal) - 1, mFinal);
        result.Add(cur.Select(c => Mod(c * inv, mFinal)).ToArray());
        // the lifted factors must reproduce f modulo M (a failure here is a bug, never a wrong factorization)
        var check = new[] { Mod(lc, mFinal) };
        foreach (var g in result) check = MulMod(check, g, mFinal);
        var fm = Trim(f.Select(c => Mod(c, mFinal)).ToArray());
        if (!check.AsSpan().SequenceEqual(fm)) throw new InvalidOperationException("Hensel lifting did not reproduce the polynomial");
        return result;
    }

    /// <summary>φ(p^k) for M = p^k.</summary>
    private static BigInteger Totient(long p, BigInteger m) => m / p * (p - 1);

    private static BigInteger Mod(BigInteger c, BigInteger m)
    {
        c %= m;
        return c.Sign < 0 ? c + m : c;
    }

    private static BigInteger[] ToBig(long[] a) => a.Select(c => (BigInteger)c).ToArray();

    private static BigInteger[] Trim(BigInteger[] a)
    {
        int n = a.Length;
        while (n > 0 && a[n - 1].IsZero) n--;
        return n == a.Length ? a : a[..n];
    }

    private static BigInteger[] AddMod(BigInteger[] a, BigInteger[] b, BigInteger m)
    {
        var r = new BigInteger[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < r.Length; i++) r[i] = Mod((i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0), m);
        return Trim(r);
    }

    private static BigInteger[] SubMod(BigInteger[] a, BigInteger[] b, BigInteger m)
    {
        var r = new BigInteger[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < r.Length; i++) r[i] = Mod((i < a.Length ? a[i] : 0) - (i < b.Length ? b[i] : 0), m);
        return Trim(r);
    }

    private static BigInteger[] MulMod(BigInteger[] a, BigInteger[] b, BigInteger m)
    {
        if (a.Length == 0 || b.Length == 0) return [];
        var r = new BigInteger[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].IsZero) continue;
            for (int j = 0; j < b.Length; j++) r[i + j] += a[i] * b[j];
        }
        for (int i = 0; i < r.Length; i++) r[i] = Mod(r[i], m);
        return Trim(r);
    }

    /// <summary>Division by a monic h modulo m.</summary>
    private static (BigInteger[] Q, BigInteger[] R) DivRemMonic(BigInteger[] a, BigInteger[] h, BigInteger m)
    {
        int d = h.Length - 1;
        if (a.Length - 1 < d) return ([], a);
        var r = (BigInteger[])a.Clone();
        var q = new BigInteger[a.Length - d];
        for (int k = q.Length - 1; k >= 0; k--)
        {
            var t = Mod(r[k + d], m);
            q[k] = t;
            if (t.IsZero) continue;
            for (int j = 0; j <= d; j++) r[k + j] = Mod(r[k + j] - t * h[j], m);
        }
        return (Trim(q), Trim(r[..d]));
    }

    // ------------------------------------------------------------------ modulo a small prime (dense, lowest first)

    private static long[] ModP(BigInteger[] f, long p) => TrimL(f.Select(c => (long)Mod(c, p)).ToArray());

    private static int Deg(long[] a) => a.Length - 1;

    private static long[] TrimL(long[] a)
    {
        int n = a.Length;
        while (n > 0 && a[n - 1] == 0) n--;
        return n == a.Length ? a : a[..n];
    }

    private static long Inv(long a, long p) => (long)BigInteger.ModPow(a, p - 2, p);

    private static long[] Mul(long[] a, long[] b, long p)
    {
        if (a.Length == 0 || b.Length == 0) return [];
        var r = new long[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == 0) continue;
            for (int j = 0; j < b.Length; j++) r[i + j] = (r[i + j] + a[i] * b[j]) % p;
        }
        return TrimL(r);
    }

    private static long[] Sub(long[] a, long[] b, long p)
    {
        var r = new long[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < r.Length; i++) r[i] = ((i < a.Length ? a[i] : 0) - (i < b.Length ? b[i] : 0) + p) % p;
        return TrimL(r);
    }

    private static (long[] Q, long[] R) DivRem(long[] a, long[] b, long p)
    {
        int d = Deg(b);
        if (Deg(a) < d) return ([], a);
        var r = (long[])a.Clone();
        var q = new long[a.Length - d];
        var inv = Inv(b[^1], p);
        for (int k = q.Length - 1; k >= 0; k--)
        {
            var t = r[k + d] * inv % p;
            q[k] = t;
            if (t == 0) continue;
            for (int j = 0; j <= d; j++) r[k + j] = ((r[k + j] - t * b[j]) % p + p) % p;
        }
        return (TrimL(q), TrimL(r[..d]));
    }

    private static long[] Monic(long[] a, long p)
    {
        if (a.Length == 0) return a;
        var inv = Inv(a[^1], p);
        return a.Select(c => c * inv % p).ToArray();
    }

    private static long[] Gcd(long[] a, long[] b, long p)
    {
        while (b.Length > 0) (a, b) = (b, DivRem(a, b, p).R);
        return Monic(a, p);
    }

    private static long[] Derivative(long[] a, long p)
    {
        if (a.Length <= 1) return [];
        var r = new long[a.Length - 1];
        for (int i = 1; i < a.Length; i++) r[i - 1] = a[i] * (i % p) % p;
        return TrimL(r);
    }

    /// <summary>(s, t) with s·g + t·h = 1 mod p, deg s &lt; deg h (g, h coprime).</summary>
    private static (long[] S, long[] T) Bezout(long[] g, long[] h, long p)
    {
        long[] r0 = g, r1 = h, s0 = [1], s1 = [];
        while (r1.Length > 0)
        {
            var (q, r) = DivRem(r0, r1, p);
            (r0, r1) = (r1, r);
            (s0, s1) = (s1, Sub(s0, Mul(q, s1, p), p));
        }
        if (Deg(r0) != 0) throw new InvalidOperationException("modular factors are not coprime");
        var k = Inv(r0[0], p);
        var s = DivRem(s0.Select(c => c * k % p).ToArray(), h, p).R;
        var t = DivRem(Sub([1], Mul(s, g, p), p), h, p).Q;   // exact: 1 − s·g is a multiple of h
        return (s, t);
    }

    private static long[] PowMod(long[] a, BigInteger e, long[] m, long p)
    {
        long[] r = [1];
        a = DivRem(a, m, p).R;
        while (!e.IsZero)
        {
            if (!e.IsEven) r = DivRem(Mul(r, a, p), m, p).R;
            e >>= 1;
            if (!e.IsZero) a = DivRem(Mul(a, a, p), m, p).R;
        }
        return r;
    }

    /// <summary>Distinct-degree factorization of a square-free monic-izable f: (product of the irreducible factors of degree d, d).</summary>
    private static List<(long[] G, int Degree)> DistinctDegree(long[] f, long p, Budget budget)
    {
        var result = new List<(long[], int)>();
        f = Monic(f, p);
        long[] x = [0, 1];
        var h = x;
        for (int d = 1; 2 * d <= Deg(f); d++)
        {
            budget.ThrowIfCancelled();
            h = PowMod(h, p, f, p);
            var g = Gcd(Sub(h, x, p), f, p);
            if (Deg(g) > 0)
            {
                result.Add((g, d));
                f = DivRem(f, g, p).Q;
                h = DivRem(h, f, p).R;
            }
        }
        if (Deg(f) > 0) result.Add((f, Deg(f)));
        return result;
    }

    /// <summary>Cantor–Zassenhaus: the monic irreducible factors of degree d of g (p odd, g their product).</summary>
    private static List<long[]> EqualDegree(long[] g, int d, long p, Random rng, Budget budget)
    {
        if (Deg(g) == d) return [g];
        var e = (BigInteger.Pow(p, d) - 1) / 2;
        while (true)
        {
            budget.ThrowIfCancelled();
            var a = TrimL(Enumerable.Range(0, Deg(g)).Select(_ => rng.NextInt64(p)).ToArray());
            if (Deg(a) < 1) continue;
            var b = PowMod(a, e, g, p);
            var g1 = Gcd(Sub(b, [1], p), g, p);
            if (Deg(g1) <= 0 || Deg(g1) == Deg(g)) continue;
            var g2 = DivRem(g, g1, p).Q;
            var r = EqualDegree(g1, d, p, rng, budget);
            r.AddRange(EqualDegree(Monic(g2, p), d, p, rng, budget));
            return r;
        }
    }
}
