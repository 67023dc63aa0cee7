using System.Numerics;

namespace Symbolic.Core.Polynomials;

/// <summary>
/// Greatest common divisors of multivariate integer polynomials.
/// Cheap cases first (zero, constants, monomial factors, variables in only one argument), then the
/// heuristic GCD (evaluate at a large integer, recurse, interpolate, check by trial division), and a
/// recursive primitive PRS as the always-correct fallback.
/// </summary>
/// <example><code>PolyGcd.Gcd(x*x - y*y, x*x + 2*x*y + y*y) == x + y</code></example>
public static class PolyGcd
{
    private const int HeuristicTries = 6;

    /// <summary>The gcd with positive leading coefficient; <c>Gcd(0, b)</c> is b normalised, <c>Gcd(0, 0) = 0</c>.</summary>
    public static Poly Gcd(Poly a, Poly b, Budget? budget = null)
    {
        Poly.Pad(ref a, ref b);
        if (a.IsZero) return Normalize(b);
        if (b.IsZero) return Normalize(a);
        int nv = a.VariableCount;
        if (a.IsConstant || b.IsConstant)
            return Poly.Constant(nv, BigInteger.GreatestCommonDivisor(a.Content(), b.Content()));
        if (a.Equals(b)) return Normalize(a);
        budget?.ThrowIfCancelled();

        // integer contents and common monomial factors come out first
        var ca = a.Content();
        var cb = b.Content();
        var c = BigInteger.GreatestCommonDivisor(ca, cb);
        a = a.DivideByInteger(ca);
        b = b.DivideByInteger(cb);
        var ma = a.MinDegrees();
        var mb = b.MinDegrees();
        var mono = new int[nv];
        bool anyA = false, anyB = false;
        for (int v = 0; v < nv; v++)
        {
            mono[v] = Math.Min(ma[v], mb[v]);
            anyA |= ma[v] > 0;
            anyB |= mb[v] > 0;
        }
        if (anyA) a = a.DivideExact(Poly.Monomial(ma, 1), budget);
        if (anyB) b = b.DivideExact(Poly.Monomial(mb, 1), budget);
        var g = GcdPrimitive(a, b, budget);
        return Normalize(g * Poly.Monomial(mono, c));
    }

    private static Poly Normalize(Poly p) => p.LeadingSign < 0 ? -p : p;

    /// <summary>Gcd of primitive polynomials without monomial factors.</summary>
    private static Poly GcdPrimitive(Poly a, Poly b, Budget? budget)
    {
        int nv = a.VariableCount;
        if (a.IsConstant || b.IsConstant) return Poly.One(nv);
        if (a.Equals(b) || a.Equals(-b)) return Normalize(a);
        if (a.TermCount == 1 || b.TermCount == 1) return Poly.One(nv);   // a monomial without monomial factor is ±1

        // a variable in only one argument: gcd(a, b) = gcd(content of a in that variable, b)
        for (int v = 0; v < nv; v++)
        {
            bool inA = a.DependsOn(v), inB = b.DependsOn(v);
            if (inA && !inB) return GcdWithContent(a, v, b, budget);
            if (inB && !inA) return GcdWithContent(b, v, a, budget);
        }
        // coprime inputs are the common case in rational arithmetic; a modular test settles them
        // without the big-integer growth of the heuristic
        if (ProvablyCoprime(a, b)) return Poly.One(nv);

        // a divides b (common in cancellation): cheap to try when a is the smaller
        var (small, large) = a.TermCount <= b.TermCount ? (a, b) : (b, a);
        if (large.TryDivideExact(small, out _, budget)) return Normalize(small);

        if (TryHeuristic(a, b, budget, out var g)) return g;
        return Prs(a, b, budget);
    }

    private static Poly GcdWithContent(Poly a, int v, Poly b, Budget? budget)
    {
        var cs = a.CoefficientsIn(v);
        var g = b;
        foreach (var c in cs.Where(c => !c.IsZero).OrderBy(c => c.TermCount))
        {
            g = Gcd(c, g, budget);
            if (g.IsConstant) return Poly.One(a.VariableCount);
        }
        return Normalize(g);
    }

    private const long Prime = 2_147_483_647;   // 2^31 − 1: products of residues fit in a long

    /// <summary>
    /// True only when gcd(a, b) certainly has degree 0 in every variable. For each variable x, the
    /// others are set to random residues mod p; when both leading coefficients in x survive, the image
    /// of gcd(a, b) keeps its x-degree and divides both images, so coprime images prove degree 0.
    /// False means "unknown", never "not coprime".
    /// </summary>
    internal static bool ProvablyCoprime(Poly a, Poly b)
    {
        int nv = a.VariableCount;
        // any values do; fixed for reproducibility. SplitMix64, not System.Random: a seeded Random builds a 56-word
        // table per call, and the factored-denominator arithmetic calls this hundreds of times per curvature run.
        ulong state = (ulong)(a.TermCount * 31 + b.TermCount);
        var point = new long[nv];
        for (int x = 0; x < nv; x++)
        {
            if (!a.DependsOn(x) || !b.DependsOn(x)) continue;
            bool done = false;
            for (int attempt = 0; attempt < 2 && !done; attempt++)
            {
                for (int v = 0; v < nv; v++) point[v] = 2 + (long)(SplitMix64(ref state) % (Prime - 3));
                var ia = ImageMod(a, x, point);
                var ib = ImageMod(b, x, point);
                if (ia[^1] == 0 || ib[^1] == 0) continue;   // a leading coefficient vanished: try another point
                if (UniGcdDegreeMod(ia, ib) > 0) return false;
                done = true;
            }
            if (!done) return false;
        }
        return true;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The dense univariate image in x (index = degree) with the other variables set to residues.</summary>
    private static long[] ImageMod(Poly p, int x, long[] point)
    {
        int nv = p.VariableCount;
        var img = new long[p.Degree(x) + 1];
        var md = p.MaxDegrees;
        var pows = new long[nv][];
        for (int v = 0; v < nv; v++)
        {
            if (v == x) continue;
            pows[v] = new long[md[v] + 1];
            pows[v][0] = 1;
            for (int i = 1; i <= md[v]; i++) pows[v][i] = pows[v][i - 1] * point[v] % Prime;
        }
        var exps = new int[nv];
        for (int i = 0; i < p.N; i++)
        {
            p.L.Unpack(p.K, i, exps);
            long t = p.S != null ? p.S[i] % Prime : (long)(p.B![i] % Prime);
            if (t < 0) t += Prime;
            for (int v = 0; v < nv; v++)
                if (v != x && exps[v] != 0) t = t * pows[v][exps[v]] % Prime;
            img[exps[x]] = (img[exps[x]] + t) % Prime;
        }
        return img;
    }

    /// <summary>Degree of the gcd of two dense univariate polynomials mod <see cref="Prime"/>.</summary>
    private static int UniGcdDegreeMod(long[] a, long[] b)
    {
        a = (long[])a.Clone();
        b = (long[])b.Clone();
        int da = Deg(a, a.Length - 1), db = Deg(b, b.Length - 1);
        while (db >= 0)
        {
            if (da < db) { (a, b) = (b, a); (da, db) = (db, da); continue; }
            // a ← a mod b
            long inv = ModInverse(b[db]);
            while (da >= db)
            {
                long f = a[da] * inv % Prime;
                int shift = da - db;
                for (int i = 0; i <= db; i++)
                {
                    a[i + shift] = (a[i + shift] - f * b[i]) % Prime;
                    if (a[i + shift] < 0) a[i + shift] += Prime;
                }
                da = Deg(a, da - 1);
                if (da < 0) break;
            }
            (a, b) = (b, a);
            (da, db) = (db, da);
        }
        return da;
    }

    private static int Deg(long[] p, int from)
    {
        int d = Math.Min(from, p.Length - 1);
        while (d >= 0 && p[d] == 0) d--;
        return d;
    }

    private static long ModInverse(long a)
    {
        long r = 1, b = a % Prime, e = Prime - 2;
        while (e > 0)
        {
            if ((e & 1) != 0) r = r * b % Prime;
            b = b * b % Prime;
            e >>= 1;
        }
        return r;
    }

    private static int MainVariable(Poly a, Poly b)
    {
        for (int v = a.VariableCount - 1; v >= 0; v--)
            if (a.DependsOn(v) || b.DependsOn(v)) return v;
        return -1;
    }

    /// <summary>
    /// GCDHEU (Char, Geddes, Gonnet), shaped like SymPy's <c>dmp_zz_heu_gcd</c>: with ξ larger than twice the
    /// coefficients, the ξ-adic expansion of gcd(a(ξ), b(ξ)) recovers the gcd when the result divides
    /// both arguments. The evaluation point grows on each failure.
    /// </summary>
    private static bool TryHeuristic(Poly f, Poly g, Budget? budget, out Poly gcd)
    {
        gcd = null!;
        int x = MainVariable(f, g);
        var fn = f.MaxNorm();
        var gn = g.MaxNorm();
        // ξ ≥ 2·min(|f|, |g|) + 2 is the condition of the CGG theorem (Geddes et al., Thm 7.7) under which
        // "the interpolated gcd divides both" proves it is the gcd. SymPy starts lower (99·√B) and that
        // accepted wrong answers here for multivariate inputs with large coefficients.
        var xi = 2 * BigInteger.Min(fn, gn) + 2;
        xi = BigInteger.Max(xi, 2 * BigInteger.Min(fn / BigInteger.Abs(f.LeadingCoefficient), gn / BigInteger.Abs(g.LeadingCoefficient)) + 2);
        for (int t = 0; t < HeuristicTries; t++)
        {
            budget?.ThrowIfCancelled();
            var F = f.Evaluate(x, xi);
            var G = g.Evaluate(x, xi);
            if (!F.IsZero && !G.IsZero)
            {
                var h = Gcd(F, G, budget);
                var H = Interpolate(h, xi, x, budget).PrimitivePart();
                if (!H.IsZero && f.TryDivideExact(H, out _, budget) && g.TryDivideExact(H, out _, budget))
                {
                    gcd = Normalize(H);
                    return true;
                }
                // the cofactors may interpolate correctly when the gcd itself does not
                if (F.TryDivideExact(h, out var cf, budget))
                {
                    var Cf = Interpolate(cf, xi, x, budget);
                    if (!Cf.IsZero && f.TryDivideExact(Cf, out var H2, budget))
                    {
                        H2 = H2.PrimitivePart();
                        if (g.TryDivideExact(H2, out _, budget)) { gcd = Normalize(H2); return true; }
                    }
                }
            }
            xi = 73794 * xi * ISqrt(ISqrt(xi)) / 27011;
        }
        return false;
    }

    /// <summary>The ξ-adic expansion of <paramref name="h"/> with symmetric digits, as a polynomial in x.</summary>
    private static Poly Interpolate(Poly h, BigInteger xi, int x, Budget? budget)
    {
        int nv = h.VariableCount;
        var half = xi / 2;
        var terms = new List<(int[], BigInteger)>();
        for (int i = 0; !h.IsZero; i++)
        {
            budget?.ThrowIfCancelled();   // one digit per pass: as many passes as the gcd's degree in x
            var digit = new List<(int[], BigInteger)>();
            foreach (var (e, c) in h.Terms)
            {
                var r = BigInteger.Remainder(c, xi);
                if (r.Sign < 0) r += xi;
                if (r > half) r -= xi;
                if (r.IsZero) continue;
                digit.Add((e, r));
                var e2 = (int[])e.Clone();
                e2[x] = i;
                terms.Add((e2, r));
            }
            var d = Poly.FromTerms(nv, digit);
            h = (h - d).DivideByInteger(xi);
            if (i > 100_000) throw new InvalidOperationException("interpolation does not terminate");
        }
        return Poly.FromTerms(nv, terms);
    }

    private static BigInteger ISqrt(BigInteger n)
    {
        if (n.Sign <= 0) return 0;
        if (n < (1L << 52))
        {
            var r = (long)Math.Sqrt((double)n);
            while (r * r > n) r--;
            while ((r + 1) * (r + 1) <= n) r++;
            return r;
        }
        // Newton from above: a power of two at least the root
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    /// <summary>
    /// The gcd by the recursive primitive PRS alone (no heuristics): slow, always correct; the fallback
    /// of <see cref="Gcd"/> and a reference to check it against.
    /// </summary>
    public static Poly GcdByPrs(Poly a, Poly b, Budget? budget = null)
    {
        Poly.Pad(ref a, ref b);
        if (a.IsZero) return Normalize(b);
        if (b.IsZero) return Normalize(a);
        if (a.IsConstant || b.IsConstant)
            return Poly.Constant(a.VariableCount, BigInteger.GreatestCommonDivisor(a.Content(), b.Content()));
        var ca = a.Content();
        var cb = b.Content();
        var c = BigInteger.GreatestCommonDivisor(ca, cb);
        return Normalize(Prs(a.DivideByInteger(ca), b.DivideByInteger(cb), budget, usePrsBelow: true).Scale(c));
    }

    /// <summary>Content with respect to one variable: the gcd of the coefficient polynomials.</summary>
    private static Poly ContentIn(Poly p, int x, Budget? budget, bool usePrsBelow = false)
    {
        var cs = p.CoefficientsIn(x);
        Poly g = Poly.Zero(p.VariableCount);
        foreach (var c in cs.Where(c => !c.IsZero).OrderBy(c => c.TermCount))
        {
            g = usePrsBelow ? GcdByPrs(g, c, budget) : Gcd(g, c, budget);
            if (g.IsConstant && g.IsOne) break;
        }
        return g;
    }

    /// <summary>Recursive primitive polynomial remainder sequence in the main variable: slow but always right.</summary>
    private static Poly Prs(Poly a, Poly b, Budget? budget, bool usePrsBelow = false)
    {
        int x = MainVariable(a, b);
        if (x < 0) return Poly.One(a.VariableCount);
        var ca = ContentIn(a, x, budget, usePrsBelow);
        var cb = ContentIn(b, x, budget, usePrsBelow);
        var c = usePrsBelow ? GcdByPrs(ca, cb, budget) : Gcd(ca, cb, budget);
        var A = a.DivideExact(ca, budget);
        var B = b.DivideExact(cb, budget);
        if (A.Degree(x) < B.Degree(x)) (A, B) = (B, A);
        while (!B.IsZero && B.Degree(x) > 0)
        {
            budget?.ThrowIfCancelled();
            var R = PseudoRemainder(A, B, x, budget);
            A = B;
            B = R.IsZero ? R : R.DivideExact(ContentIn(R, x, budget, usePrsBelow), budget);
        }
        var g = B.IsZero ? A : Poly.One(a.VariableCount);
        return Normalize(c * Normalize(g));
    }

    private static Poly PseudoRemainder(Poly a, Poly b, int x, Budget? budget)
    {
        int db = b.Degree(x);
        var lcb = b.CoefficientsIn(x)[db];
        var r = a;
        while (!r.IsZero && r.Degree(x) >= db)
        {
            budget?.ThrowIfCancelled();
            int dr = r.Degree(x);
            var lcr = r.CoefficientsIn(x)[dr];
            r = Poly.Multiply(lcb, r, budget) - Poly.Multiply(lcr * Poly.Variable(a.VariableCount, x, dr - db), b, budget);
        }
        return r;
    }
}
