using System.Numerics;

namespace Symbolic.Core.Polynomials;

public sealed partial class Poly
{
    /// <summary>
    /// Exact division over Z: true and the quotient when <paramref name="divisor"/> divides this.
    /// Fails early on degrees, on the trailing terms, and as soon as a leading term of the running
    /// remainder is not divisible by the divisor's leading term (never on term counts).
    /// </summary>
    public bool TryDivideExact(Poly divisor, out Poly quotient) => TryDivideExact(divisor, out quotient, null);

    /// <summary><see cref="TryDivideExact(Poly, out Poly)"/> under a budget.</summary>
    public bool TryDivideExact(Poly divisor, out Poly quotient, Budget? budget)
    {
        var p = this;
        var d = divisor;
        Pad(ref p, ref d);
        quotient = Zero(p.L.Nvars);
        if (d.N == 0) throw new DivideByZeroException("polynomial division by zero");
        if (p.N == 0) return true;
        if (d.IsConstant)
        {
            var k = d.Coef(0);
            for (int i = 0; i < p.N; i++) if (!(p.Coef(i) % k).IsZero) return false;
            quotient = p.DivideByInteger(k);
            return true;
        }
        // No early exit on term counts: a divisor may have more terms than its multiple
        // (x² − x + 1 divides x³ + 1), and such an exit made exact gcds look like non-divisors.
        var mp = p.MaxDegrees;
        var md = d.MaxDegrees;
        for (int v = 0; v < mp.Length; v++) if (md[v] > mp[v]) return false;
        var l = p.L;
        int w = l.Words;
        var kd = d.KeysIn(l);
        // the last terms multiply to the last term of the dividend
        if (!l.Divides(kd, d.N - 1, p.K, p.N - 1) || !(p.Coef(p.N - 1) % d.Coef(d.N - 1)).IsZero) return false;
        if (d.N == 1)
        {
            var c = d.Coef(0);
            var rk = new ulong[p.N * w];
            var rc = new BigInteger[p.N];
            for (int i = 0; i < p.N; i++)
            {
                if (!l.Divides(kd, 0, p.K, i)) return false;
                var q = BigInteger.DivRem(p.Coef(i), c, out var rem);
                if (!rem.IsZero) return false;
                for (int x = 0; x < w; x++) rk[i * w + x] = p.K[i * w + x] - kd[x];
                rc[i] = q;
            }
            quotient = Make(l, rk, null, rc, p.N);
            return true;
        }
        if (d.S != null && TryDenseDivide(p, d, l, budget, out quotient) is bool dense) return dense;
        // 128-bit sums are exact while |q|·|d|·#d stays below 2^125; past that, redo in BigInteger
        if (p.CoefBits() <= 120 && d.CoefBits() <= 62)
        {
            int qBitLimit = 125 - (int)d.CoefBits() - (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)d.N));
            var r = HeapDivide(p, d, kd, l, budget, ToInt128(p), ToInt128(d), qBitLimit, out quotient);
            if (r.HasValue) return r.Value;
        }
        return HeapDivide(p, d, kd, l, budget, ToBig(p), ToBig(d), int.MaxValue, out quotient) ?? false;
    }

    /// <summary>
    /// Johnson's heap division: the heap holds one stream per quotient term (q_i times the divisor's
    /// non-leading terms) plus the dividend, so the next term of the remainder is found without
    /// building intermediate polynomials.
    /// </summary>
    private static bool? HeapDivide<T>(Poly p, Poly d, ulong[] kd, MonoLayout l, Budget? budget,
        T[] cp, T[] cd, int qBitLimit, out Poly quotient) where T : struct, IBinaryInteger<T>
    {
        quotient = Zero(p.L.Nvars);
        int w = l.Words;
        var heap = new DivHeap(w, 64);
        var qk = new List<ulong>();
        var qc = new List<T>();
        var lcd = cd[0];
        var m = new ulong[w];
        var tmp = new ulong[w];
        heap.Push(p.K, 0, -1, 0);
        long steps = 0;
        while (heap.Count > 0)
        {
            heap.TopKey(m);
            T c = T.Zero;
            while (heap.Count > 0 && heap.TopEquals(m))
            {
                var (i, j) = heap.Pop();
                if (i < 0)
                {
                    c += cp[j];
                    if (j + 1 < p.N) heap.Push(p.K, (j + 1) * w, -1, j + 1);
                }
                else
                {
                    c -= qc[i] * cd[j];
                    if (j + 1 < d.N)
                    {
                        for (int x = 0; x < w; x++) tmp[x] = qk[i * w + x] + kd[(j + 1) * w + x];
                        heap.Push(tmp, 0, i, j + 1);
                    }
                }
            }
            if (T.IsZero(c)) continue;
            if (!DividesKey(l, kd, m)) return false;
            var (q, rem) = T.DivRem(c, lcd);
            if (!T.IsZero(rem)) return false;
            if (qBitLimit != int.MaxValue && long.CreateTruncating(T.Log2(T.Abs(q))) + 1 > qBitLimit) return null;
            int qi = qc.Count;
            for (int x = 0; x < w; x++) qk.Add(m[x] - kd[x]);
            qc.Add(q);
            for (int x = 0; x < w; x++) tmp[x] = qk[qi * w + x] + kd[w + x];
            heap.Push(tmp, 0, qi, 1);
            if (++steps % 4096 == 0) budget?.Check(qc.Count, "polynomial division");
        }
        quotient = FromSums(l, qk.ToArray(), qc.ToArray(), qc.Count);
        return true;
    }

    /// <summary>True when the divisor's leading monomial divides the single monomial <paramref name="m"/>.</summary>
    private static bool DividesKey(MonoLayout l, ulong[] kd, ulong[] m) => l.Divides(kd, 0, m, 0);

    /// <summary>A binary max-heap of (monomial, stream i, position j).</summary>
    private sealed class DivHeap
    {
        private readonly int _w;
        private ulong[] _k;
        private int[] _i, _j;
        public int Count;

        public DivHeap(int w, int cap)
        {
            _w = w;
            _k = new ulong[cap * w];
            _i = new int[cap];
            _j = new int[cap];
        }

        public void TopKey(ulong[] m) => Array.Copy(_k, 0, m, 0, _w);

        public bool TopEquals(ulong[] m)
        {
            for (int x = 0; x < _w; x++) if (_k[x] != m[x]) return false;
            return true;
        }

        private int Cmp(int a, int b) => MonoLayout.Compare(_k, a, _k, b, _w);

        private void Swap(int a, int b)
        {
            for (int x = 0; x < _w; x++) (_k[a * _w + x], _k[b * _w + x]) = (_k[b * _w + x], _k[a * _w + x]);
            (_i[a], _i[b]) = (_i[b], _i[a]);
            (_j[a], _j[b]) = (_j[b], _j[a]);
        }

        public void Push(ulong[] src, int at, int i, int j)
        {
            if (Count == _i.Length)
            {
                Array.Resize(ref _k, _k.Length * 2);
                Array.Resize(ref _i, _i.Length * 2);
                Array.Resize(ref _j, _j.Length * 2);
            }
            int s = Count++;
            Array.Copy(src, at, _k, s * _w, _w);
            _i[s] = i; _j[s] = j;
            while (s > 0)
            {
                int parent = (s - 1) / 2;
                if (Cmp(parent, s) >= 0) break;
                Swap(parent, s);
                s = parent;
            }
        }

        public (int, int) Pop()
        {
            var r = (_i[0], _j[0]);
            Count--;
            if (Count > 0)
            {
                Swap(0, Count);
                int s = 0;
                while (true)
                {
                    int c = 2 * s + 1;
                    if (c >= Count) break;
                    if (c + 1 < Count && Cmp(c + 1, c) > 0) c++;
                    if (Cmp(s, c) >= 0) break;
                    Swap(s, c);
                    s = c;
                }
            }
            return r;
        }
    }
}
