namespace Symbolic.Core.Polynomials;

public sealed partial class Poly
{
    /// <summary>
    /// Exact division by dense scatter over the Kronecker index of the dividend's degree box, one
    /// cache-sized chunk at a time from the top. Every quotient term scatters −q·d into the chunk as
    /// soon as it is found, so when the scan reaches an index its value is final; the first value that
    /// the divisor's leading term does not divide proves the division inexact. Returns null (caller
    /// falls back to the heap) when the box is too sparse or quotient coefficients outgrow 64 bits.
    /// An early exit clears what it left in the accumulator and gives it back: an inexact division is the
    /// usual answer of <see cref="FactoredFractions"/>' cancellation tests, and abandoning the 512 KB chunk
    /// there allocated one on the large-object heap per test (a full GC every few; Kerr spent ≈ 60 ms in them).
    /// </summary>
    private static bool? TryDenseDivide(Poly p, Poly d, MonoLayout l, Budget? budget, out Poly quotient)
    {
        quotient = Zero(p.L.Nvars);
        int nv = l.Nvars;
        var mp = p.MaxDegrees;
        var md = d.MaxDegrees;
        long box = 1;
        for (int v = 0; v < nv && box <= DenseBoxLimit; v++) box *= mp[v] + 1L;
        if (box > DenseBoxLimit || box > 64L * (p.N + d.N)) return null;
        var stride = new long[nv];
        long st = 1;
        for (int v = nv - 1; v >= 0; v--) { stride[v] = st; st *= mp[v] + 1L; }
        var ip = BoxIndex(p, stride);
        var id = BoxIndex(d, stride);
        if (p.CoefBits() > 124) return null;
        var cp = ToInt128(p);
        var cd = d.S!;
        long lcd = cd[0];
        int id0 = id[0];
        var ed0 = new int[nv];
        d.L.Unpack(d.K, 0, ed0);
        int qBitLimit = 125 - (int)d.CoefBits() - (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)d.N));
        var qIdx = new List<int>();
        var qc = new List<long>();
        var e = new int[nv];
        var acc = RentChunk();
        // an early exit at position x of a chunk: every position above x is zero again (each was scanned, and a
        // quotient term only scatters below itself), so clearing [0, x] leaves the chunk all-zero for the next user
        static bool? Exit(Int128[] acc, bool? result, int x)
        {
            Array.Clear(acc, 0, x + 1);
            ReturnChunk(acc);
            return result;
        }
        int chunks = (int)((box + ChunkSize - 1) / ChunkSize);
        int pPos = 0;
        int minD = id[^1];
        for (int c = 0; c < chunks; c++)
        {
            budget?.Check(qc.Count, "polynomial division");
            long hi = box - (long)c * ChunkSize, lo = Math.Max(0, hi - ChunkSize);
            while (pPos < p.N && ip[pPos] >= lo) { acc[ip[pPos] - lo] += cp[pPos]; pPos++; }
            int qOld = qIdx.Count;
            for (int t = 0; t < qOld; t++)
            {
                long qt = qIdx[t];
                if (qt + id0 < lo) break;   // quotient indices decrease
                if (qt + minD >= hi) continue;
                int j0 = FirstBelow(id, hi - qt), j1 = FirstBelow(id, lo - qt);
                long qv = qc[t];
                int off = (int)(qt - lo);
                for (int j = j0; j < j1; j++) acc[off + id[j]] -= Math.BigMul(qv, cd[j]);
            }
            for (int x = (int)(hi - lo) - 1; x >= 0; x--)
            {
                var val = acc[x];
                if (val == 0) continue;
                acc[x] = 0;
                long m = lo + x, rem = m;
                for (int v = 0; v < nv; v++)
                {
                    e[v] = (int)(rem / stride[v]);
                    rem -= e[v] * stride[v];
                    int qe = e[v] - ed0[v];
                    if (qe < 0 || qe > mp[v] - md[v]) return Exit(acc, false, x);
                }
                var qv = Int128.DivRem(val, lcd);
                if (qv.Remainder != 0) return Exit(acc, false, x);
                if (qv.Quotient > long.MaxValue || qv.Quotient < -long.MaxValue) return Exit(acc, null, x);
                long q = (long)qv.Quotient;
                if (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Abs(q)) > qBitLimit) return Exit(acc, null, x);
                int qm = (int)(m - id0);
                qIdx.Add(qm);
                qc.Add(q);
                int off = (int)(qm - lo);
                for (int j = 1; j < id.Length && qm + id[j] >= lo; j++) acc[off + id[j]] -= Math.BigMul(q, cd[j]);
            }
        }
        ReturnChunk(acc);
        int n = qIdx.Count;
        var qk = new ulong[n * l.Words];
        var qs = new long[n];
        for (int t = 0; t < n; t++)
        {
            long rem = qIdx[t];
            for (int v = 0; v < nv; v++)
            {
                e[v] = (int)(rem / stride[v]);
                rem -= e[v] * stride[v];
            }
            l.Pack(e, qk, t);
            qs[t] = qc[t];
        }
        quotient = Make(l, qk, qs, null, n);
        return true;
    }
}
