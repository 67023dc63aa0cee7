using System.Diagnostics;
using System.Numerics;
using System.Text;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Polynomials;

/// <summary>
/// An immutable sparse multivariate polynomial with integer coefficients in the variables
/// x0 … x(n−1) (their names live outside). Terms are kept in lexicographic order x0 &gt; x1 &gt; …,
/// leading term first, as parallel arrays of packed exponent words and coefficients.
/// </summary>
/// <remarks>
/// Canonical form (checked in debug builds): terms strictly decreasing, no zero coefficients, the
/// narrowest packing that holds the degrees, and 64-bit coefficients exactly when every coefficient
/// fits (a <see cref="BigInteger"/> array otherwise). Equal polynomials therefore have equal arrays.
/// </remarks>
/// <example><code>
/// var x = Poly.Variable(2, 0); var y = Poly.Variable(2, 1);
/// var p = (x + y).Pow(2);             // x^2 + 2*x*y + y^2
/// p.ToString(new[] { "x", "y" });     // "x^2 + 2*x*y + y^2"
/// </code></example>
public sealed partial class Poly : IEquatable<Poly>
{
    internal readonly MonoLayout L;
    internal readonly ulong[] K;        // N * L.Words packed monomials
    internal readonly long[]? S;        // coefficients when all fit in a long (never long.MinValue)
    internal readonly BigInteger[]? B;  // coefficients otherwise
    internal readonly int N;

    private int[]? _maxDeg;
    private int _hash;

    private Poly(MonoLayout l, ulong[] k, long[]? s, BigInteger[]? b, int n, int[]? maxDeg)
    {
        L = l; K = k; S = s; B = b; N = n; _maxDeg = maxDeg;
        Debug.Assert(IsCanonical());
    }

    /// <summary>Builds the canonical polynomial from sorted, combined, zero-free terms (the internal fast path).
    /// Trims the arrays, narrows the packing and the coefficients when they allow it.</summary>
    internal static Poly Make(MonoLayout l, ulong[] k, long[]? s, BigInteger[]? b, int n)
    {
        int w = l.Words;
        if (k.Length != n * w) Array.Resize(ref k, n * w);
        if (s != null && s.Length != n) Array.Resize(ref s, n);
        if (b != null)
        {
            if (b.Length != n) Array.Resize(ref b, n);
            bool small = true;
            for (int i = 0; i < n && small; i++) small = FitsLong(b[i]);
            if (small)
            {
                s = new long[n];
                for (int i = 0; i < n; i++) s[i] = (long)b[i];
                b = null;
            }
        }
        if (s == null && b == null) s = [];
        // the highest exponent decides the packing; the per-variable degrees are computed when first asked for (an
        // intermediate sum in 10⁴ variables would otherwise carry an array of 10⁴ degrees it never looks at)
        int bits = MonoLayout.BitsFor(MaxField(l, k, n));
        if (bits != l.Bits)
        {
            var nl = MonoLayout.Get(l.Nvars, bits);
            k = Repack(l, k, n, nl);
            l = nl;
        }
        return new Poly(l, k, s, b, n, null);
    }

    /// <summary>
    /// The highest exponent per variable over <paramref name="n"/> packed monomials, skipping zero words: a monomial
    /// of a polynomial in thousands of variables (a sum of distinct symbols, sin nested a thousand deep) uses a few of
    /// them, and a pass over every field of every term would make each operation cost terms × variables.
    /// </summary>
    internal static void MaxFields(MonoLayout l, ulong[] k, int n, int[] md)
    {
        int words = l.Words, per = l.PerWord, bits = l.Bits;
        ulong mask = l.Mask;
        for (int i = 0; i < n; i++)
        {
            int b = i * words;
            for (int w = 0; w < words; w++)
            {
                ulong x = k[b + w];
                if (x == 0) continue;
                int v0 = w * per, fields = Math.Min(per, l.Nvars - v0);   // the last word's spare fields are zero
                for (int f = 0; f < fields; f++)
                {
                    int e = (int)((x >> ((per - 1 - f) * bits)) & mask);
                    if (e > md[v0 + f]) md[v0 + f] = e;
                }
            }
        }
    }

    /// <summary>The highest exponent of any variable in <paramref name="n"/> packed monomials (zero words skipped).</summary>
    internal static int MaxField(MonoLayout l, ulong[] k, int n)
    {
        int per = l.PerWord, bits = l.Bits, max = 0;
        ulong mask = l.Mask;
        int used = n * l.Words;
        for (int i = 0; i < used; i++)
        {
            ulong x = k[i];
            if (x == 0) continue;
            for (int f = 0; f < per; f++) max = Math.Max(max, (int)((x >> (f * bits)) & mask));
        }
        return max;
    }

    internal static bool FitsLong(BigInteger c) => c >= -long.MaxValue && c <= long.MaxValue;

    internal static ulong[] Repack(MonoLayout from, ulong[] k, int n, MonoLayout to)
    {
        if (from == to) return k;
        var r = new ulong[n * to.Words];
        if (from.Bits == to.Bits)
        {
            // the same field width: variable v sits in the same word and field in both, so padding with unused variables
            // (or dropping unused ones) copies words; a term of a wide polynomial is not unpacked field by field
            int common = Math.Min(from.Words, to.Words);
            for (int i = 0; i < n; i++) Array.Copy(k, i * from.Words, r, i * to.Words, common);
            return r;
        }
        int nv = Math.Max(from.Nvars, to.Nvars);   // extra variables (padding) stay zero
        Span<int> e = nv <= 64 ? stackalloc int[nv] : new int[nv];
        for (int i = 0; i < n; i++)
        {
            from.Unpack(k, i, e);
            to.Pack(e, r, i);
        }
        return r;
    }

    internal ulong[] KeysIn(MonoLayout to) => Repack(L, K, N, to);

    private bool IsCanonical()
    {
        if ((S == null) == (B == null)) return false;
        for (int i = 0; i < N; i++)
        {
            if (S != null ? S[i] == 0 || S[i] == long.MinValue : B![i].IsZero) return false;
            if (i > 0 && MonoLayout.Compare(K, i - 1, K, i, L.Words) <= 0) return false;
        }
        if (B != null && B.All(FitsLong)) return N == 0;
        return true;
    }

    // ---------------------------------------------------------------- construction

    /// <summary>The zero polynomial in <paramref name="nvars"/> variables.</summary>
    public static Poly Zero(int nvars) => new(MonoLayout.Get(nvars, 8), [], [], null, 0, null);

    /// <summary>The constant 1.</summary>
    public static Poly One(int nvars) => Constant(nvars, BigInteger.One);

    /// <summary>The constant <paramref name="c"/>.</summary>
    public static Poly Constant(int nvars, BigInteger c)
    {
        if (nvars < 0) throw new ArgumentOutOfRangeException(nameof(nvars));
        if (c.IsZero) return Zero(nvars);
        var l = MonoLayout.Get(nvars, 8);
        return FitsLong(c)
            ? new Poly(l, new ulong[l.Words], [(long)c], null, 1, null)
            : new Poly(l, new ulong[l.Words], null, [c], 1, null);
    }

    /// <summary>The monomial x_index^power.</summary>
    public static Poly Variable(int nvars, int index, int power = 1)
    {
        if ((uint)index >= (uint)nvars) throw new ArgumentOutOfRangeException(nameof(index));
        if (power < 0) throw new ArgumentOutOfRangeException(nameof(power), "a polynomial has no negative powers");
        var l = MonoLayout.Get(nvars, MonoLayout.BitsFor(power));
        return new Poly(l, l.Unit(index, power), [1L], null, 1, null);   // degrees computed when asked for
    }

    /// <summary>The monomial c·x^e.</summary>
    public static Poly Monomial(int[] exponents, BigInteger c) => FromTerms(exponents.Length, [(exponents, c)]);

    /// <summary>A polynomial from (exponents, coefficient) pairs in any order; like terms are combined.</summary>
    public static Poly FromTerms(int nvars, IEnumerable<(int[] exponents, BigInteger coefficient)> terms)
    {
        var list = terms as IReadOnlyCollection<(int[] exponents, BigInteger coefficient)> ?? terms.ToList();
        int max = 0;
        foreach (var (e, _) in list)
        {
            if (e.Length != nvars) throw new ArgumentException($"an exponent vector has {e.Length} entries, expected {nvars}");
            foreach (var x in e)
            {
                if (x < 0) throw new ArgumentException("negative exponent in a polynomial");
                max = Math.Max(max, x);
            }
        }
        var l = MonoLayout.Get(nvars, MonoLayout.BitsFor(max));
        var k = new ulong[list.Count * l.Words];
        var c = new BigInteger[list.Count];
        int n = 0;
        foreach (var (e, co) in list)
        {
            l.Pack(e, k, n);
            c[n++] = co;
        }
        return SortCombine(l, k, c, n);
    }

    /// <summary>Sorts unsorted terms into canonical order, adding like terms and dropping zeros.</summary>
    internal static Poly SortCombine(MonoLayout l, ulong[] k, BigInteger[] c, int n)
    {
        int w = l.Words;
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        if (w == 1)
        {
            var keys = new ulong[n];
            Array.Copy(k, keys, n);
            Array.Sort(keys, idx);
            Array.Reverse(idx);
        }
        else
        {
            Array.Sort(idx, (i, j) => MonoLayout.Compare(k, j, k, i, w));
        }
        var rk = new ulong[n * w];
        var rc = new BigInteger[n];
        int m = 0;
        for (int t = 0; t < n; t++)
        {
            int i = idx[t];
            if (m > 0 && MonoLayout.Compare(rk, m - 1, k, i, w) == 0)
            {
                rc[m - 1] += c[i];
                continue;
            }
            if (m > 0 && rc[m - 1].IsZero) m--;
            Array.Copy(k, i * w, rk, m * w, w);
            rc[m++] = c[i];
        }
        if (m > 0 && rc[m - 1].IsZero) m--;
        return Make(l, rk, null, rc, m);
    }

    // ---------------------------------------------------------------- properties

    /// <summary>Number of variables; variables are the indices 0 … VariableCount−1.</summary>
    public int VariableCount => L.Nvars;

    /// <summary>Number of nonzero terms.</summary>
    public int TermCount => N;

    /// <summary>The terms in canonical (lexicographic, leading first) order.</summary>
    public IEnumerable<(int[] Exponents, BigInteger Coefficient)> Terms
    {
        get
        {
            for (int i = 0; i < N; i++)
            {
                var e = new int[L.Nvars];
                L.Unpack(K, i, e);
                yield return (e, Coef(i));
            }
        }
    }

    internal BigInteger Coef(int i) => S != null ? S[i] : B![i];

    /// <summary>True for 0.</summary>
    public bool IsZero => N == 0;
    /// <summary>True for 1.</summary>
    public bool IsOne => N == 1 && S != null && S[0] == 1 && IsConstantTerm(0);
    /// <summary>True for a constant (including 0).</summary>
    public bool IsConstant => N == 0 || (N == 1 && IsConstantTerm(0));
    /// <summary>True for a single term c·x^e.</summary>
    public bool IsMonomial => N == 1;

    private bool IsConstantTerm(int i)
    {
        for (int w = 0; w < L.Words; w++) if (K[i * L.Words + w] != 0) return false;
        return true;
    }

    /// <summary>The value of a constant polynomial (valid when <see cref="IsConstant"/>).</summary>
    public BigInteger ConstantValue
    {
        get
        {
            if (!IsConstant) throw new InvalidOperationException("the polynomial is not a constant");
            return N == 0 ? BigInteger.Zero : Coef(0);
        }
    }

    /// <summary>The coefficient of the leading term (0 for the zero polynomial).</summary>
    public BigInteger LeadingCoefficient => N == 0 ? BigInteger.Zero : Coef(0);

    internal int LeadingSign => N == 0 ? 0 : S != null ? Math.Sign(S[0]) : B![0].Sign;

    /// <summary>Highest exponents per variable (shared array: do not modify).</summary>
    internal int[] MaxDegrees => _maxDeg ??= ComputeMaxDegrees();

    private int[] ComputeMaxDegrees()
    {
        var md = new int[L.Nvars];
        MaxFields(L, K, N, md);
        return md;
    }

    /// <summary>Lowest exponents per variable over all terms.</summary>
    internal int[] MinDegrees()
    {
        var md = new int[L.Nvars];
        if (N == 0) return md;
        Array.Fill(md, int.MaxValue);
        for (int i = 0; i < N; i++)
            for (int v = 0; v < L.Nvars; v++) md[v] = Math.Min(md[v], L.Exp(K, i, v));
        return md;
    }

    /// <summary>The degree in one variable (−1 for the zero polynomial).</summary>
    public int Degree(int variable) => N == 0 ? -1 : MaxDegrees[variable];

    /// <summary>The highest total degree of a term (−1 for the zero polynomial).</summary>
    public int TotalDegree
    {
        get
        {
            if (N == 0) return -1;
            int best = 0;
            for (int i = 0; i < N; i++)
            {
                int s = 0;
                for (int v = 0; v < L.Nvars; v++) s += L.Exp(K, i, v);
                best = Math.Max(best, s);
            }
            return best;
        }
    }

    /// <summary>True when some term contains the variable.</summary>
    public bool DependsOn(int variable) => variable < L.Nvars && N > 0 && MaxDegrees[variable] > 0;

    /// <summary>Largest absolute value of a coefficient.</summary>
    internal BigInteger MaxNorm()
    {
        BigInteger m = 0;
        for (int i = 0; i < N; i++) m = BigInteger.Max(m, BigInteger.Abs(Coef(i)));
        return m;
    }

    /// <summary>Bits in the largest absolute coefficient.</summary>
    internal long CoefBits()
    {
        if (S != null)
        {
            ulong m = 0;
            foreach (var c in S) m = Math.Max(m, (ulong)Math.Abs(c));
            return 64 - BitOperations.LeadingZeroCount(m);
        }
        long b = 0;
        foreach (var c in B!) b = Math.Max(b, (long)BigInteger.Abs(c).GetBitLength());
        return b;
    }

    /// <summary>The same polynomial seen in more variables (the new ones unused).</summary>
    public Poly WithVariableCount(int nvars)
    {
        if (nvars == L.Nvars) return this;
        if (nvars < L.Nvars)
        {
            for (int v = nvars; v < L.Nvars; v++)
                if (DependsOn(v)) throw new ArgumentException($"the polynomial uses variable {v}, cannot drop it");
        }
        var nl = MonoLayout.Get(nvars, L.Bits);
        int[]? md = null;
        if (_maxDeg != null)
        {
            md = new int[nvars];
            Array.Copy(_maxDeg, md, Math.Min(nvars, L.Nvars));
        }
        // lex order is unchanged by appending (or dropping) unused trailing variables
        return new Poly(nl, Repack(L, K, N, nl), S, B, N, md);
    }

    internal static void Pad(ref Poly a, ref Poly b)
    {
        if (a.L.Nvars == b.L.Nvars) return;
        int n = Math.Max(a.L.Nvars, b.L.Nvars);
        a = a.WithVariableCount(n);
        b = b.WithVariableCount(n);
    }

    // ---------------------------------------------------------------- equality and printing

    /// <inheritdoc/>
    public bool Equals(Poly? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.N != N || other.L.Nvars != L.Nvars) return false;
        if (_hash != 0 && other._hash != 0 && _hash != other._hash) return false;
        if (other.L != L || (S == null) != (other.S == null)) return false;
        if (S != null ? !S.AsSpan().SequenceEqual(other.S) : !B!.AsSpan().SequenceEqual(other.B)) return false;
        return K.AsSpan().SequenceEqual(other.K);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Poly);

    /// <summary>Structural hash, computed on first use (most intermediate polynomials are never hashed).</summary>
    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var h = new HashCode();
        h.Add(L.Nvars);
        h.Add(N);
        for (int i = 0; i < K.Length; i++) h.Add(K[i]);
        for (int i = 0; i < N; i++) h.Add(S != null ? S[i].GetHashCode() : B![i].GetHashCode());
        int r = h.ToHashCode();
        return _hash = r == 0 ? 1 : r;
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Poly? a, Poly? b) => a is null ? b is null : a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Poly? a, Poly? b) => !(a == b);

    /// <summary>Text with the given variable names, e.g. <c>3*x^2*y - y + 1</c>.</summary>
    public string ToString(IReadOnlyList<string> variableNames)
    {
        if (variableNames.Count < L.Nvars) throw new ArgumentException("not enough variable names");
        if (N == 0) return "0";
        var sb = new StringBuilder();
        var e = new int[L.Nvars];
        for (int i = 0; i < N; i++)
        {
            var c = Coef(i);
            L.Unpack(K, i, e);
            bool constant = e.All(x => x == 0);
            if (i == 0) { if (c.Sign < 0) sb.Append('-'); }
            else sb.Append(c.Sign < 0 ? " - " : " + ");
            var a = BigInteger.Abs(c);
            bool first = true;
            if (!a.IsOne || constant) { sb.Append(a.ToString(System.Globalization.CultureInfo.InvariantCulture)); first = false; }
            for (int v = 0; v < L.Nvars; v++)
            {
                if (e[v] == 0) continue;
                if (!first) sb.Append('*');
                first = false;
                sb.Append(variableNames[v]);
                if (e[v] > 1) sb.Append('^').Append(e[v]);
            }
        }
        return sb.ToString();
    }

    /// <summary>Text with variables named x0, x1, ….</summary>
    public override string ToString() =>
        ToString(Enumerable.Range(0, L.Nvars).Select(i => "x" + i).ToArray());
}
