using System.Diagnostics.CodeAnalysis;
using Symbolic.Core;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Lie;

/// <summary>
/// The Lie algebra spanned by a basis of generators: its structure constants [X_i, X_j] = c^k_ij X_k (computed, each
/// commutator expressed in the basis by exact linear algebra), and a name when the algebra is recognised
/// (abelian, the non-abelian 2-dimensional, sl(2, R), so(3), sl(3, R), …) from invariants: the derived series,
/// the centre, and the signature of the Killing form.
/// </summary>
/// <example><code>
/// var algebra = LieAlgebra.Of(result.Basis);
/// algebra.Name;               // "sl(3,R)" for y'' = 0
/// algebra.Bracket(0, 1);      // the c^k_01
/// </code></example>
public sealed class LieAlgebra
{
    private readonly Rational[,,] _c;

    /// <summary>The basis.</summary>
    public IReadOnlyList<Generator> Basis { get; }
    /// <summary>The dimension.</summary>
    public int Dimension => Basis.Count;
    /// <summary>The name, when recognised; otherwise a description (dimension, solvable or not).</summary>
    public string Name { get; }

    private LieAlgebra(IReadOnlyList<Generator> basis, Rational[,,] c)
    {
        Basis = basis;
        _c = c;
        Name = Recognise();
    }

    /// <summary>The algebra of a basis; throws when a commutator leaves the span (the basis is not closed).</summary>
    public static LieAlgebra Of(IReadOnlyList<Generator> basis) =>
        TryOf(basis, out var algebra, out var reason) ? algebra : throw new SymbolicException(reason);

    /// <summary>
    /// The algebra of a basis, or false with the reason it has none: a commutator that leaves the span (the basis is
    /// not closed), or the reason a commutator could not be computed (a budget stopped it).
    /// </summary>
    public static bool TryOf(IReadOnlyList<Generator> basis, [NotNullWhen(true)] out LieAlgebra? algebra, [NotNullWhen(false)] out string? reason)
    {
        algebra = null;
        reason = null;
        int n = basis.Count;
        var c = new Rational[n, n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) c[i, j, k] = Rational.Zero;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                Generator z;
                IReadOnlyList<Rational>? coords;
                try
                {
                    z = Generator.Commutator(basis[i], basis[j]);
                    coords = Express(z, basis);
                }
                catch (SymbolicException stop)
                {
                    reason = $"[X{i + 1}, X{j + 1}] was not computed: {stop.Message}";
                    return false;
                }
                if (coords is null)
                {
                    reason = $"[X{i + 1}, X{j + 1}] = {z} is not in the span of the basis: the generators do not close into an algebra";
                    return false;
                }
                for (int k = 0; k < n; k++) { c[i, j, k] = coords[k]; c[j, i, k] = -coords[k]; }
            }
        algebra = new LieAlgebra(basis, c);
        return true;
    }

    /// <summary>c^k_ij.</summary>
    public Rational Constant(int i, int j, int k) => _c[i, j, k];

    /// <summary>[X_i, X_j] as its coordinates in the basis.</summary>
    public IReadOnlyList<Rational> Bracket(int i, int j) => Enumerable.Range(0, Dimension).Select(k => _c[i, j, k]).ToArray();

    /// <summary>[X_i, X_j] written in the basis, e.g. <c>2 X3 − X1</c> (names X1 … Xn), or 0.</summary>
    public string BracketText(int i, int j)
    {
        var parts = new List<string>();
        for (int k = 0; k < Dimension; k++)
        {
            var c = _c[i, j, k];
            if (c.IsZero) continue;
            var mag = c.Abs();
            var coef = mag.IsOne ? "" : mag.IsInteger ? $"{mag} " : $"({mag}) ";
            parts.Add((c.Sign < 0 ? "-" : "+") + coef + $"X{k + 1}");
        }
        if (parts.Count == 0) return "0";
        var s = string.Join(" ", parts).Replace("+", "+ ").Replace("-", "- ").TrimStart('+', ' ');
        return s.StartsWith("- ") ? "-" + s[2..] : s;
    }

    /// <summary>
    /// The constant coordinates of <paramref name="y"/> in the span of <paramref name="basis"/>, or null when it is not
    /// a constant linear combination of them.
    /// </summary>
    public static IReadOnlyList<Rational>? Express(Generator y, IReadOnlyList<Generator> basis)
    {
        var vars = y.Jet.Base;
        var sys = new LinearPdeSystem(vars);
        var cs = basis.Select(_ => sys.NewConstant()).ToList();
        // Σ c_k X_k^m − 1·Y^m = 0 for all values of the variables, with "unit" the last-ranked constant: the solution
        // with unit = 1 gives the coordinates; unit forced to a leader means Y is not in the span.
        var unit = sys.NewUnknown("unit", new bool[vars.Count]);
        var yc = y.Components;
        for (int m = 0; m < yc.Count; m++)
        {
            var e = new LinExpr();
            e.Add(sys.Key(unit), sys.Coef(-yc[m]), sys.Ctx);
            for (int k = 0; k < basis.Count; k++) e.Add(sys.Key(cs[k]), sys.Coef(basis[k].Components[m]), sys.Ctx);
            sys.Equations.Add(e);
        }
        sys.Split();
        sys.StandardForm();
        // unit must stay free (ranked last among constants, it is never a leader unless the system forces unit = 0)
        var leaders = sys.Equations.Select(e => e.Leader()).ToList();
        if (leaders.Any(l => l.Unknown == unit)) return null;
        var result = new Rational[basis.Count];
        for (int k = 0; k < basis.Count; k++)
        {
            var eq = sys.Equations.FirstOrDefault(e => e.Leader().Unknown == cs[k]);
            if (eq is null)
            {
                // a free coordinate: the basis is dependent; take 0
                result[k] = Rational.Zero;
                continue;
            }
            var rest = eq.Terms.Where(kv => kv.Key.Unknown != cs[k]).ToList();
            var value = Rational.Zero;
            foreach (var (key, c) in rest)
            {
                if (key.Unknown != unit) return null;   // depends on another free coordinate: dependent basis
                if (!c.IsConstant) return null;
                value -= c.ConstantValue;
            }
            result[k] = value;
        }
        return result;
    }


    // ------------------------------------------------------------------ recognition

    private string Recognise()
    {
        int n = Dimension;
        if (n == 0) return "trivial";
        var derived = DerivedDimension(Enumerable.Range(0, n).Select(UnitVector).ToList());
        bool abelian = derived == 0;
        if (abelian) return n == 1 ? "abelian, dimension 1" : $"abelian, dimension {n}";
        var killing = KillingSignature();
        bool solvable = IsSolvable();
        if (n == 2) return "solvable, dimension 2 (non-abelian: [X1, X2] ∝ a generator)";
        if (killing.Zero == 0)
        {
            // semisimple
            if (n == 3) return killing.Negative == 3 ? "so(3)" : "sl(2,R)";
            if (n == 8)
            {
                if (killing.Positive == 5 && killing.Negative == 3) return "sl(3,R)";
                if (killing.Negative == 8) return "su(3)";
                if (killing.Positive == 4 && killing.Negative == 4) return "su(2,1)";
            }
            if (n == 6 && killing.Positive == 2 && killing.Negative == 4) return "so(3) ⊕ sl(2,R) or so(3,1)";
            return $"semisimple, dimension {n}";
        }
        return solvable ? $"solvable, dimension {n}" : $"dimension {n}, neither solvable nor semisimple (Levi decomposition not computed)";
    }

    private Rational[] UnitVector(int i)
    {
        var v = Enumerable.Repeat(Rational.Zero, Dimension).ToArray();
        v[i] = Rational.One;
        return v;
    }

    private Rational[] Br(Rational[] a, Rational[] b)
    {
        int n = Dimension;
        var r = Enumerable.Repeat(Rational.Zero, n).ToArray();
        for (int i = 0; i < n; i++)
        {
            if (a[i].IsZero) continue;
            for (int j = 0; j < n; j++)
            {
                if (b[j].IsZero) continue;
                var s = a[i] * b[j];
                for (int k = 0; k < n; k++) if (!_c[i, j, k].IsZero) r[k] += s * _c[i, j, k];
            }
        }
        return r;
    }

    private int DerivedDimension(List<Rational[]> span) => RowBasis(Brackets(span)).Count;

    private List<Rational[]> Brackets(List<Rational[]> span)
    {
        var list = new List<Rational[]>();
        for (int i = 0; i < span.Count; i++)
            for (int j = i + 1; j < span.Count; j++) list.Add(Br(span[i], span[j]));
        return list;
    }

    private bool IsSolvable()
    {
        var span = RowBasis(Enumerable.Range(0, Dimension).Select(UnitVector).ToList());
        while (span.Count > 0)
        {
            var next = RowBasis(Brackets(span));
            if (next.Count == span.Count) return false;
            span = next;
        }
        return true;
    }

    private static List<Rational[]> RowBasis(List<Rational[]> rows)
    {
        var basis = new List<Rational[]>();
        var pivots = new List<int>();
        foreach (var r0 in rows)
        {
            var r = (Rational[])r0.Clone();
            for (int b = 0; b < basis.Count; b++)
            {
                var p = pivots[b];
                if (r[p].IsZero) continue;
                var f = r[p] / basis[b][p];
                for (int k = 0; k < r.Length; k++) r[k] -= f * basis[b][k];
            }
            int piv = Array.FindIndex(r, x => !x.IsZero);
            if (piv < 0) continue;
            basis.Add(r);
            pivots.Add(piv);
        }
        return basis;
    }

    /// <summary>The signature (positive, negative, zero) of the Killing form B(X, Y) = tr(ad X ad Y).</summary>
    public (int Positive, int Negative, int Zero) KillingSignature()
    {
        int n = Dimension;
        var b = new Rational[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                // tr(ad X_i ad X_j) = Σ_{k,l} c^l_{i k} c^k_{j l}
                var s = Rational.Zero;
                for (int k = 0; k < n; k++)
                    for (int l = 0; l < n; l++)
                        if (!_c[i, k, l].IsZero && !_c[j, l, k].IsZero) s += _c[i, k, l] * _c[j, l, k];
                b[i, j] = s;
            }
        return Inertia(b, n);
    }

    private static (int, int, int) Inertia(Rational[,] a, int n)
    {
        // symmetric Gaussian elimination (congruence), with a 2×2 fix when every diagonal pivot is zero
        a = (Rational[,])a.Clone();
        int pos = 0, neg = 0;
        var active = Enumerable.Range(0, n).ToList();
        while (active.Count > 0)
        {
            int p = active.FirstOrDefault(i => !a[i, i].IsZero, -1);
            if (p < 0)
            {
                int q = -1, r = -1;
                foreach (var i in active) { foreach (var j in active) if (i != j && !a[i, j].IsZero) { q = i; r = j; break; } if (q >= 0) break; }
                if (q < 0) break;   // the rest is zero
                // e_q ← e_q + e_r makes a nonzero diagonal: a_qq + 2 a_qr + a_rr = 2 a_qr
                for (int k = 0; k < n; k++) a[q, k] += a[r, k];
                for (int k = 0; k < n; k++) a[k, q] += a[k, r];
                p = q;
            }
            var d = a[p, p];
            if (d.Sign > 0) pos++; else neg++;
            active.Remove(p);
            foreach (var i in active)
            {
                if (a[i, p].IsZero) continue;
                var f = a[i, p] / d;
                for (int k = 0; k < n; k++) a[i, k] -= f * a[p, k];
                for (int k = 0; k < n; k++) a[k, i] -= f * a[k, p];
            }
        }
        return (pos, neg, n - pos - neg);
    }
}
