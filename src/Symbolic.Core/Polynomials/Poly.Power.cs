using System.Numerics;

namespace Symbolic.Core.Polynomials;

public sealed partial class Poly
{
    /// <summary>
    /// This raised to a non-negative power. A sum of few terms is expanded by the multinomial theorem
    /// (pⁿ = Σ n!/(k₁!…k_T!) Π (cᵢmᵢ)^kᵢ over k₁ + … + k_T = n), one product per multinomial term, when that
    /// count is below the work of repeated multiplication; otherwise by repeated multiplication, whose products
    /// use the dense kernel for the dense-ish powers of sums (repeated squaring would square the largest
    /// intermediate instead of multiplying it by the few terms of p).
    /// </summary>
    /// <example><code>(x + y).Pow(4000)   // 4001 terms, one binomial coefficient each</code></example>
    public Poly Pow(int n, Budget? budget = null)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), "a polynomial has no negative powers");
        if (n == 0) return One(L.Nvars);
        if (n == 1 || N == 0) return this;
        if (N == 1)
        {
            // a monomial: multiply the exponents, power the coefficient
            var e = new int[L.Nvars];
            L.Unpack(K, 0, e);
            for (int v = 0; v < e.Length; v++) e[v] = checked(e[v] * n);
            return Monomial(e, BigInteger.Pow(Coef(0), n));
        }
        if (PrefersMultinomial(n, budget, out long count)) return MultinomialPow(n, (int)count, budget);
        var r = this;
        for (int i = 1; i < n; i++) r = Multiply(r, this, budget);
        return r;
    }

    /// <summary>Most terms whose multinomial expansion is tried (its recursion is one level per term).</summary>
    private const int MultinomialMaxTerms = 32;

    /// <summary>
    /// True when the C(n + T − 1, T − 1) products of the multinomial expansion are fewer than the term products
    /// of repeated multiplication, Σₖ |pᵏ|·T with |pᵏ| ≤ min(C(k + T − 1, T − 1), Πᵥ (k·degᵥ + 1)).
    /// </summary>
    private bool PrefersMultinomial(int n, Budget? budget, out long count)
    {
        count = 0;
        int t = N;
        if (t > MultinomialMaxTerms) return false;
        long limit = Math.Min(budget?.MaxTerms ?? long.MaxValue, int.MaxValue / Math.Max(1, L.Words) / 2);
        // C(n + t − 1, t − 1), exact: C(n + i, i) = C(n + i − 1, i − 1)·(n + i)/i is an integer at every step
        BigInteger m = 1;
        for (int i = 1; i < t; i++) m = m * (n + i) / i;
        if (m > limit) return false;
        count = (long)m;
        var deg = MaxDegrees;
        double repeated = 0;
        BigInteger mk = 1;                            // C(k + t − 1, t − 1) for the current k
        for (int k = 1; k < n && repeated < count; k++)
        {
            mk = mk * (k + t - 1) / k;
            double box = 1;
            for (int v = 0; v < deg.Length && box < (double)mk; v++) box *= (double)k * deg[v] + 1;
            repeated += Math.Min((double)mk, box) * t;
        }
        return count <= repeated;
    }

    private Poly MultinomialPow(int n, int count, Budget? budget)
    {
        int t = N, nv = L.Nvars;
        var deg = MaxDegrees;
        int maxDeg = 0;
        foreach (var d in deg) maxDeg = Math.Max(maxDeg, d);
        var l = MonoLayout.Get(nv, MonoLayout.BitsFor((long)maxDeg * n));
        var keys = KeysIn(l);
        // every coefficient of pⁿ, and every partial product on the way, is at most (Σ|cᵢ|)ⁿ in size
        BigInteger norm = 0;
        for (int i = 0; i < t; i++) norm += BigInteger.Abs(Coef(i));
        double bits = n * BigInteger.Log(norm, 2);
        budget?.Check(count, $"a power {n} of a polynomial of {t} terms");
        return bits <= 125
            ? Expand<Int128>(n, count, l, keys, budget, i => (Int128)Coef(i), PascalSmall(n))
            : Expand<BigInteger>(n, count, l, keys, budget, Coef, null);
    }

    /// <summary>Rows 0 … n of Pascal's triangle in 128-bit integers (only used when n ≤ 125).</summary>
    private static Int128[][] PascalSmall(int n)
    {
        var rows = new Int128[n + 1][];
        for (int r = 0; r <= n; r++)
        {
            rows[r] = new Int128[r + 1];
            rows[r][0] = rows[r][r] = 1;
            for (int k = 1; k < r; k++) rows[r][k] = rows[r - 1][k - 1] + rows[r - 1][k];
        }
        return rows;
    }

    private Poly Expand<T>(int n, int count, MonoLayout l, ulong[] keys, Budget? budget, Func<int, T> coef, T[][]? pascal)
        where T : struct, INumber<T>
    {
        int t = N, w = l.Words;
        // powers cᵢ^k, k = 0 … n
        var pow = new T[t][];
        for (int i = 0; i < t; i++)
        {
            pow[i] = new T[n + 1];
            pow[i][0] = T.One;
            var c = coef(i);
            for (int k = 1; k <= n; k++) pow[i][k] = pow[i][k - 1] * c;
        }
        var outK = new ulong[(long)count * w];
        var outC = new T[count];
        var key = new ulong[(t + 1) * w];             // key[i] = Σ_{j<i} k_j·m_j, packed
        int m = 0;

        void Level(int i, int r, T prefix)
        {
            int at = i * w, next = at + w;
            if (i == t - 1)
            {
                // the last term takes what is left: C(r, r) = 1
                for (int x = 0; x < w; x++) outK[(long)m * w + x] = key[at + x] + (ulong)r * keys[i * w + x];
                outC[m++] = prefix * pow[i][r];
                if ((m & 0xFFFF) == 0) budget?.ThrowIfCancelled();
                return;
            }
            T binom = T.One;                           // C(r, k)
            for (int x = 0; x < w; x++) key[next + x] = key[at + x];
            for (int k = 0; k <= r; k++)
            {
                if (k > 0)
                {
                    for (int x = 0; x < w; x++) key[next + x] += keys[i * w + x];
                    binom = pascal != null ? pascal[r][k] : binom * T.CreateTruncating(r - k + 1) / T.CreateTruncating(k);
                }
                Level(i + 1, r - k, prefix * binom * pow[i][k]);
            }
        }

        Level(0, n, T.One);
        return SortCombine(l, outK, outC, m);
    }

    /// <summary>Sorts unsorted terms into canonical order, adding like terms and dropping zeros (generic coefficients).</summary>
    private static Poly SortCombine<T>(MonoLayout l, ulong[] k, T[] c, int n) where T : struct, INumber<T>
    {
        int w = l.Words;
        var rk = new ulong[(long)n * w];
        var rc = new T[n];
        int m = 0;
        void Take(ulong[] src, int i, T value)
        {
            if (m > 0 && MonoLayout.Compare(rk, m - 1, src, i, w) == 0) { rc[m - 1] += value; return; }
            if (m > 0 && T.IsZero(rc[m - 1])) m--;
            Array.Copy(src, (long)i * w, rk, (long)m * w, w);
            rc[m++] = value;
        }
        if (w == 1)
        {
            Array.Sort(k, c, 0, n);
            for (int i = n - 1; i >= 0; i--) Take(k, i, c[i]);
        }
        else
        {
            var idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            Array.Sort(idx, (i, j) => MonoLayout.Compare(k, j, k, i, w));
            foreach (var i in idx) Take(k, i, c[i]);
        }
        if (m > 0 && T.IsZero(rc[m - 1])) m--;
        return FromSums(l, rk, rc, m);
    }
}
