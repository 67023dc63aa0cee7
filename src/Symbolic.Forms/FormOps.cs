using System.Numerics;
using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>
/// The form algebra on sparse coefficient maps, written once for every coefficient field. A k-form is a map
/// from basis masks to coefficients: bit i of the mask is dx^i, and the basis element is the wedge of the set
/// bits in increasing order (dx^{i1}∧…∧dx^{ik}, i1 &lt; … &lt; ik), so the sign of every reordering is explicit.
/// Zero coefficients are never stored.
/// </summary>
internal static class FormOps
{
    /// <summary>Parity of the number of pairs (i in a, j in b) with i &gt; j: the sign of dx^a ∧ dx^b reordered.</summary>
    public static int WedgeSign(int a, int b)
    {
        int swaps = 0;
        while (b != 0)
        {
            int j = BitOperations.TrailingZeroCount(b);
            b &= b - 1;
            swaps += BitOperations.PopCount((uint)a >> (j + 1));
        }
        return (swaps & 1) == 0 ? 1 : -1;
    }

    /// <summary>Sign of moving dx^i to the front of the sorted basis element <paramref name="mask"/>.</summary>
    public static int InsertSign(int i, int mask) => (BitOperations.PopCount((uint)(mask & ((1 << i) - 1))) & 1) == 0 ? 1 : -1;

    public static void AddTo<T>(ICoefficientField<T> f, Dictionary<int, T> acc, int mask, T c) where T : class
    {
        if (f.IsZero(c)) return;
        if (acc.TryGetValue(mask, out var old))
        {
            var s = f.Add(old, c);
            if (f.IsZero(s)) acc.Remove(mask); else acc[mask] = s;
        }
        else acc[mask] = c;
    }

    public static Dictionary<int, T> Add<T>(ICoefficientField<T> f, IReadOnlyDictionary<int, T> a, IReadOnlyDictionary<int, T> b, int sign = 1) where T : class
    {
        var r = new Dictionary<int, T>(a);
        foreach (var (m, c) in b) AddTo(f, r, m, sign > 0 ? c : f.Neg(c));
        return r;
    }

    public static Dictionary<int, T> Scale<T>(ICoefficientField<T> f, IReadOnlyDictionary<int, T> a, T k) where T : class
    {
        var r = new Dictionary<int, T>(a.Count);
        if (f.IsZero(k)) return r;
        foreach (var (m, c) in a) AddTo(f, r, m, f.Mul(k, c));
        return r;
    }

    public static Dictionary<int, T> Wedge<T>(ICoefficientField<T> f, IReadOnlyDictionary<int, T> a, IReadOnlyDictionary<int, T> b) where T : class
    {
        var r = new Dictionary<int, T>();
        foreach (var (ma, ca) in a)
            foreach (var (mb, cb) in b)
            {
                if ((ma & mb) != 0) continue;   // dx^i ∧ dx^i = 0
                var p = f.Mul(ca, cb);
                AddTo(f, r, ma | mb, WedgeSign(ma, mb) > 0 ? p : f.Neg(p));
            }
        return r;
    }

    /// <summary>d(c dx^I) = Σ_i ∂_i c dx^i ∧ dx^I.</summary>
    public static Dictionary<int, T> D<T>(ICoefficientField<T> f, IReadOnlyDictionary<int, T> a, IReadOnlyList<Symbol> coords) where T : class
    {
        var r = new Dictionary<int, T>();
        foreach (var (m, c) in a)
            for (int i = 0; i < coords.Count; i++)
            {
                if ((m & (1 << i)) != 0) continue;
                var dc = f.Diff(c, coords[i]);
                if (f.IsZero(dc)) continue;
                AddTo(f, r, m | (1 << i), InsertSign(i, m) > 0 ? dc : f.Neg(dc));
            }
        return r;
    }

    /// <summary>i_V(c dx^I): contracts V into each slot of dx^I with the sign of moving that slot to the front.</summary>
    public static Dictionary<int, T> Interior<T>(ICoefficientField<T> f, IReadOnlyDictionary<int, T> a, IReadOnlyList<T> v) where T : class
    {
        var r = new Dictionary<int, T>();
        foreach (var (m, c) in a)
            for (int i = 0; i < v.Count; i++)
            {
                if ((m & (1 << i)) == 0 || f.IsZero(v[i])) continue;
                var p = f.Mul(v[i], c);
                AddTo(f, r, m & ~(1 << i), InsertSign(i, m) > 0 ? p : f.Neg(p));
            }
        return r;
    }

    /// <summary>The indices of a mask in increasing order.</summary>
    public static int[] Indices(int mask)
    {
        var r = new int[BitOperations.PopCount((uint)mask)];
        for (int k = 0; mask != 0; k++)
        {
            r[k] = BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
        }
        return r;
    }

    public static int MaskOf(IEnumerable<int> indices)
    {
        int m = 0;
        foreach (var i in indices) m |= 1 << i;
        return m;
    }

    /// <summary>Lexicographic order of the index tuples (dt∧dr before dt∧dθ before dr∧dθ).</summary>
    public static int CompareMasks(int a, int b)
    {
        int pa = BitOperations.PopCount((uint)a), pb = BitOperations.PopCount((uint)b);
        if (pa != pb) return pa.CompareTo(pb);
        while (a != b)
        {
            int ia = BitOperations.TrailingZeroCount(a), ib = BitOperations.TrailingZeroCount(b);
            if (ia != ib) return ia.CompareTo(ib);
            a &= a - 1; b &= b - 1;
        }
        return 0;
    }

    /// <summary>
    /// The inverse of a square matrix by Gauss–Jordan elimination, pivoting on entries the field proves nonzero.
    /// Sparse metrics (diagonal, Kerr's t–φ block) cost only the nonzero entries.
    /// </summary>
    public static T[,] Inverse<T>(ICoefficientField<T> f, T[,] m) where T : class
    {
        int n = m.GetLength(0);
        var a = (T[,])m.Clone();
        var inv = new T[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) inv[i, j] = i == j ? f.One : f.Zero;
        for (int col = 0; col < n; col++)
        {
            int piv = -1;
            for (int r = col; r < n; r++) if (!f.IsZero(a[r, col])) { piv = r; break; }
            if (piv < 0) throw new SymbolicException("the matrix is singular (the metric is degenerate): no inverse");
            if (piv != col)
                for (int j = 0; j < n; j++)
                {
                    (a[piv, j], a[col, j]) = (a[col, j], a[piv, j]);
                    (inv[piv, j], inv[col, j]) = (inv[col, j], inv[piv, j]);
                }
            var p = a[col, col];
            for (int j = 0; j < n; j++)
            {
                if (!f.IsZero(a[col, j])) a[col, j] = f.Div(a[col, j], p);
                if (!f.IsZero(inv[col, j])) inv[col, j] = f.Div(inv[col, j], p);
            }
            for (int r = 0; r < n; r++)
            {
                if (r == col || f.IsZero(a[r, col])) continue;
                var k = a[r, col];
                for (int j = 0; j < n; j++)
                {
                    if (!f.IsZero(a[col, j])) a[r, j] = f.Sub(a[r, j], f.Mul(k, a[col, j]));
                    if (!f.IsZero(inv[col, j])) inv[r, j] = f.Sub(inv[r, j], f.Mul(k, inv[col, j]));
                }
            }
            f.Check();
        }
        return inv;
    }

    /// <summary>Determinant by fraction-carrying elimination (small n).</summary>
    public static T Determinant<T>(ICoefficientField<T> f, T[,] m) where T : class
    {
        int n = m.GetLength(0);
        var a = (T[,])m.Clone();
        T det = f.One;
        for (int col = 0; col < n; col++)
        {
            int piv = -1;
            for (int r = col; r < n; r++) if (!f.IsZero(a[r, col])) { piv = r; break; }
            if (piv < 0) return f.Zero;
            if (piv != col)
            {
                for (int j = 0; j < n; j++) (a[piv, j], a[col, j]) = (a[col, j], a[piv, j]);
                det = f.Neg(det);
            }
            det = f.Mul(det, a[col, col]);
            for (int r = col + 1; r < n; r++)
            {
                if (f.IsZero(a[r, col])) continue;
                var k = f.Div(a[r, col], a[col, col]);
                for (int j = col; j < n; j++)
                    if (!f.IsZero(a[col, j])) a[r, j] = f.Sub(a[r, j], f.Mul(k, a[col, j]));
            }
        }
        return det;
    }
}
