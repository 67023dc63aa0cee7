using System.Numerics;

namespace Symbolic.Core.Polynomials;

public sealed partial class Poly
{
    private const int DenseBoxLimit = 1 << 30;

    /// <summary>
    /// The product, checking <paramref name="budget"/> (term count and cancellation) while working.
    /// Dense-ish products accumulate into an array indexed by the exponent box of the result; sparse
    /// ones into an open-addressing hash table. Coefficients accumulate in 128-bit integers when a bound
    /// shows that no sum can overflow, in <see cref="BigInteger"/> otherwise.
    /// </summary>
    public static Poly Multiply(Poly a, Poly b, Budget? budget = null)
    {
        Pad(ref a, ref b);
        int nv = a.L.Nvars;
        if (a.N == 0 || b.N == 0) return Zero(nv);
        if (a.N < b.N) (a, b) = (b, a);
        var da = a.MaxDegrees;
        var db = b.MaxDegrees;
        var dr = new int[nv];
        long maxd = 0;
        for (int v = 0; v < nv; v++)
        {
            long s = (long)da[v] + db[v];
            maxd = Math.Max(maxd, s);
            dr[v] = (int)Math.Min(s, int.MaxValue);
        }
        var l = MonoLayout.Get(nv, MonoLayout.BitsFor(maxd));
        if (b.N == 1) return MultiplyByTerm(a, b, l);
        budget?.ThrowIfCancelled();

        long box = 1;
        for (int v = 0; v < nv && box <= DenseBoxLimit; v++) box *= dr[v] + 1L;
        long products = (long)a.N * b.N;
        // 128-bit accumulation is exact when |a|max·|b|max·min(#a, #b) < 2^126
        bool fits128 = a.CoefBits() + b.CoefBits() + (64 - BitOperations.LeadingZeroCount((ulong)b.N)) <= 126;
        bool dense = box <= DenseBoxLimit && box <= 4 * products;
        Poly r;
        if (fits128 && dense) r = MulDenseSmall(a, b, dr, box, l, budget);
        else if (fits128) r = MulHash(a, b, l, ToInt128(a), ToInt128(b), budget);
        else r = MulHash(a, b, l, ToBig(a), ToBig(b), budget);
        budget?.Check(r.N, "polynomial multiplication");
        return r;
    }

    private static Int128[] ToInt128(Poly p)
    {
        var r = new Int128[p.N];
        for (int i = 0; i < p.N; i++) r[i] = p.S != null ? p.S[i] : (Int128)p.B![i];
        return r;
    }

    private static BigInteger[] ToBig(Poly p)
    {
        var r = new BigInteger[p.N];
        for (int i = 0; i < p.N; i++) r[i] = p.Coef(i);
        return r;
    }

    private static Poly MultiplyByTerm(Poly a, Poly t, MonoLayout l)
    {
        int w = l.Words;
        var ka = a.KeysIn(l);
        var kt = t.KeysIn(l);
        var rk = new ulong[a.N * w];
        // multiplying every term by one monomial keeps the order
        for (int i = 0; i < a.N; i++)
            for (int x = 0; x < w; x++) rk[i * w + x] = ka[i * w + x] + kt[x];
        var c = t.Coef(0);
        var rc = new BigInteger[a.N];
        for (int i = 0; i < a.N; i++) rc[i] = a.Coef(i) * c;
        return Make(l, rk, null, rc, a.N);
    }

    private static int[] BoxIndex(Poly p, long[] stride)
    {
        var idx = new int[p.N];
        int nv = p.L.Nvars;
        Span<int> e = nv <= 64 ? stackalloc int[nv] : new int[nv];
        for (int i = 0; i < p.N; i++)
        {
            p.L.Unpack(p.K, i, e);
            long s = 0;
            for (int v = 0; v < nv; v++) s += e[v] * stride[v];
            idx[i] = (int)s;
        }
        return idx;
    }

    private const int ChunkSize = 1 << 15;   // Int128 accumulators per chunk: 512 KB, stays in L2

    /// <summary>
    /// Dense accumulation by Kronecker index (index(a·b) = index(a) + index(b)), done one chunk of the
    /// output index range at a time so the accumulator stays in cache; chunks are independent, so large
    /// products run them in parallel. Both index lists are decreasing, so for each term of a the terms of
    /// b that land in a chunk form a contiguous range found by binary search.
    /// </summary>
    private static Poly MulDenseSmall(Poly a, Poly b, int[] dr, long box, MonoLayout l, Budget? budget)
    {
        int nv = dr.Length;
        var stride = new long[nv];
        long st = 1;
        for (int v = nv - 1; v >= 0; v--) { stride[v] = st; st *= dr[v] + 1L; }
        var ia = BoxIndex(a, stride);
        var ib = BoxIndex(b, stride);
        // 64-bit inputs use the single-instruction widening multiply; wider ones a full Int128 product
        var ca = a.S;
        var cb = b.S;
        Int128[]? wa = null, wb = null;
        if (ca == null || cb == null) { wa = ToInt128(a); wb = ToInt128(b); }
        int chunks = (int)((box + ChunkSize - 1) / ChunkSize);
        var outIdx = new long[chunks][];
        var outVal = new Int128[chunks][];
        var token = budget?.Cancellation ?? CancellationToken.None;

        void RunChunk(int c, Int128[] acc)
        {
            // chunk c covers indices [lo, hi); chunk 0 is the top of the range (emitted first)
            long hi = box - (long)c * ChunkSize, lo = Math.Max(0, hi - ChunkSize);
            long minB = ib[^1], maxB = ib[0];
            for (int i = 0; i < ia.Length; i++)
            {
                long ai = ia[i];
                if (ai + maxB < lo) break;          // ia decreasing: later terms land lower still
                if (ai + minB >= hi) continue;
                int j0 = FirstBelow(ib, hi - ai), j1 = FirstBelow(ib, lo - ai);
                int off = (int)(ai - lo);
                if (wa == null)
                {
                    long ci = ca![i];
                    for (int j = j0; j < j1; j++)
                        acc[off + ib[j]] += Math.BigMul(ci, cb![j]);
                }
                else
                {
                    Int128 ci = wa[i];
                    for (int j = j0; j < j1; j++)
                        acc[off + ib[j]] += ci * wb![j];
                }
            }
            int n = 0;
            for (int x = (int)(hi - lo) - 1; x >= 0; x--) if (acc[x] != 0) n++;
            var ox = new long[n];
            var ov = new Int128[n];
            n = 0;
            for (int x = (int)(hi - lo) - 1; x >= 0; x--)
            {
                if (acc[x] == 0) continue;
                ox[n] = lo + x;
                ov[n++] = acc[x];
                acc[x] = 0;
            }
            outIdx[c] = ox;
            outVal[c] = ov;
        }

        long products = (long)a.N * b.N;
        if (products > 1 << 21 && Environment.ProcessorCount > 1)
        {
            try
            {
                Parallel.For(0, chunks, new ParallelOptions { CancellationToken = token },
                    RentChunk,
                    (c, _, acc) => { RunChunk(c, acc); return acc; },
                    ReturnChunk);
            }
            catch (AggregateException ex) when (ex.InnerException is OperationCanceledException oce)
            {
                throw oce;
            }
        }
        else
        {
            var acc = RentChunk();
            long work = 0;
            for (int c = 0; c < chunks; c++)
            {
                RunChunk(c, acc);
                work += products / chunks + 1;
                if (work > 1 << 22) { work = 0; budget?.ThrowIfCancelled(); }
            }
            ReturnChunk(acc);
        }
        token.ThrowIfCancellationRequested();

        int count = 0;
        foreach (var o in outIdx) count += o.Length;
        budget?.Check(count, "polynomial multiplication");
        var rk = new ulong[count * l.Words];
        var rs = new long[count];
        BigInteger[]? rb = null;
        Span<int> e = nv <= 64 ? stackalloc int[nv] : new int[nv];
        int m = 0;
        for (int ch = 0; ch < chunks; ch++)
        {
            var ox = outIdx[ch];
            var ov = outVal[ch];
            for (int t = 0; t < ox.Length; t++)
            {
                long rem = ox[t];
                for (int v = 0; v < nv; v++)
                {
                    e[v] = (int)(rem / stride[v]);
                    rem -= e[v] * stride[v];
                }
                l.Pack(e, rk, m);
                var c = ov[t];
                if (rb == null && (c > long.MaxValue || c < -long.MaxValue))
                {
                    rb = new BigInteger[count];
                    for (int y = 0; y < m; y++) rb[y] = rs[y];
                }
                if (rb != null) rb[m] = (BigInteger)c;
                else rs[m] = (long)c;
                m++;
            }
        }
        return rb != null ? Make(l, rk, null, rb, m) : Make(l, rk, rs, null, m);
    }

    // A 512 KB array lives on the large-object heap; allocating one per product triggered a full GC
    // every few multiplications. Each thread keeps one, always left all-zero (a chunk clears what it
    // used), and an exception simply abandons it.
    [ThreadStatic] private static Int128[]? _chunk;

    private static Int128[] RentChunk()
    {
        var c = _chunk ?? new Int128[ChunkSize];
        _chunk = null;
        return c;
    }

    private static void ReturnChunk(Int128[] c) => _chunk = c;

    /// <summary>The first position in a decreasing array whose value is below <paramref name="bound"/>.</summary>
    private static int FirstBelow(int[] dec, long bound)
    {
        int lo = 0, hi = dec.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (dec[mid] < bound) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    private static Poly MulHash<T>(Poly a, Poly b, MonoLayout l, T[] ca, T[] cb, Budget? budget)
        where T : struct, INumber<T>
    {
        int w = l.Words;
        var ka = a.KeysIn(l);
        var kb = b.KeysIn(l);
        int cap = 16;
        while (cap < 2 * (a.N + b.N)) cap <<= 1;
        var hk = new ulong[cap * w];
        var hv = new T[cap];
        FillEmpty(hk, w);
        int count = 0;
        long limit = budget?.MaxTerms ?? long.MaxValue;
        var m = new ulong[w];
        long work = 0;
        for (int i = 0; i < a.N; i++)
        {
            T c = ca[i];
            for (int j = 0; j < b.N; j++)
            {
                ulong h = 0;
                for (int x = 0; x < w; x++)
                {
                    m[x] = ka[i * w + x] + kb[j * w + x];
                    h = (h ^ m[x]) * 0x9E3779B97F4A7C15UL;
                }
                int mask = cap - 1, s = (int)(h >> 33) & mask;
                while (true)
                {
                    if (hk[s * w] == ulong.MaxValue)
                    {
                        for (int x = 0; x < w; x++) hk[s * w + x] = m[x];
                        hv[s] = c * cb[j];
                        if (++count * 2 > cap)
                        {
                            if (count > limit) budget!.Check(count, "polynomial multiplication");
                            (hk, hv, cap) = Grow(hk, hv, cap, w);
                        }
                        break;
                    }
                    if (SameKey(hk, s * w, m, w))
                    {
                        hv[s] += c * cb[j];
                        break;
                    }
                    s = (s + 1) & mask;
                }
            }
            work += b.N;
            if (work > 1 << 20) { work = 0; budget?.ThrowIfCancelled(); }
        }
        // collect the nonzero sums and sort them into canonical order (keys are distinct already)
        var rk = new ulong[count * w];
        var rv = new T[count];
        int n = 0;
        for (int s = 0; s < cap; s++)
        {
            if (hk[s * w] == ulong.MaxValue || T.IsZero(hv[s])) continue;
            Array.Copy(hk, s * w, rk, n * w, w);
            rv[n++] = hv[s];
        }
        budget?.ThrowIfCancelled();
        if (w == 1)
        {
            Array.Sort(rk, rv, 0, n);
            Array.Reverse(rk, 0, n);
            Array.Reverse(rv, 0, n);
            return FromSums(l, rk, rv, n);
        }
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Array.Sort(idx, (i, j) => MonoLayout.Compare(rk, j, rk, i, w));
        var sk = new ulong[n * w];
        var sv = new T[n];
        for (int t = 0; t < n; t++)
        {
            Array.Copy(rk, idx[t] * w, sk, t * w, w);
            sv[t] = rv[idx[t]];
        }
        return FromSums(l, sk, sv, n);
    }

    /// <summary>Sorted, distinct, nonzero terms with generic coefficients to a canonical polynomial.</summary>
    private static Poly FromSums<T>(MonoLayout l, ulong[] k, T[] v, int n) where T : struct, INumber<T>
    {
        var lim = T.CreateSaturating(long.MaxValue);
        bool small = true;
        for (int i = 0; i < n && small; i++) small = T.Abs(v[i]) <= lim;
        if (small)
        {
            var s = new long[n];
            for (int i = 0; i < n; i++) s[i] = long.CreateTruncating(v[i]);
            return Make(l, k, s, null, n);
        }
        var b = new BigInteger[n];
        for (int i = 0; i < n; i++) b[i] = BigInteger.CreateTruncating(v[i]);
        return Make(l, k, null, b, n);
    }

    private static void FillEmpty(ulong[] hk, int w)
    {
        for (int s = 0; s < hk.Length; s += w) hk[s] = ulong.MaxValue;
    }

    private static bool SameKey(ulong[] hk, int at, ulong[] m, int w)
    {
        for (int x = 0; x < w; x++) if (hk[at + x] != m[x]) return false;
        return true;
    }

    private static (ulong[], T[], int) Grow<T>(ulong[] hk, T[] hv, int cap, int w)
    {
        int ncap = cap * 2, mask = ncap - 1;
        var nk = new ulong[ncap * w];
        var nvals = new T[ncap];
        FillEmpty(nk, w);
        for (int s = 0; s < cap; s++)
        {
            if (hk[s * w] == ulong.MaxValue) continue;
            ulong h = 0;
            for (int x = 0; x < w; x++) h = (h ^ hk[s * w + x]) * 0x9E3779B97F4A7C15UL;
            int t = (int)(h >> 33) & mask;
            while (nk[t * w] != ulong.MaxValue) t = (t + 1) & mask;
            Array.Copy(hk, s * w, nk, t * w, w);
            nvals[t] = hv[s];
        }
        return (nk, nvals, ncap);
    }
}
