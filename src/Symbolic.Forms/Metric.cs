using Symbolic.Core;
using Symbolic.Core.Numbers;

namespace Symbolic.Forms;

/// <summary>
/// A (pseudo-)Riemannian metric ds² = g_ij dxⁱ dx^j on a chart: a symmetric matrix of expressions.
/// Build it from the matrix, from the diagonal, or from the terms of a line element as typed.
/// </summary>
/// <example><code>
/// // ds² = −e^{2Φ}dt² + e^{2Λ}dr² + r²dθ² + r² sin²θ dφ²
/// var g = Metric.Diagonal(new[] { t, r, theta, phi }, -Expr.Exp(2 * Phi), Expr.Exp(2 * Lambda), r.Pow(2), (r * Expr.Sin(theta)).Pow(2));
/// </code></example>
public sealed partial class Metric
{
    private Expr[,]? _inverse;
    private Expr? _volume;

    /// <summary>The chart.</summary>
    public Chart Chart { get; }

    /// <summary>The components g_ij (symmetric).</summary>
    public Expr[,] Components => (Expr[,])G.Clone();

    internal Expr[,] G { get; }

    /// <summary>The dimension.</summary>
    public int Dimension => Chart.Dimension;

    /// <summary>True when every off-diagonal component is zero.</summary>
    public bool IsDiagonal { get; }

    private Metric(Chart chart, Expr[,] g)
    {
        int n = chart.Dimension;
        if (g.GetLength(0) != n || g.GetLength(1) != n) throw new SymbolicException($"the metric of a {n}-dimensional chart is an {n}×{n} matrix");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                if (!g[i, j].Equals(g[j, i])) throw new SymbolicException($"the metric must be symmetric: g[{i},{j}] = {g[i, j]} but g[{j},{i}] = {g[j, i]}");
        Chart = chart;
        G = (Expr[,])g.Clone();
        IsDiagonal = true;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j && !G[i, j].IsZero) IsDiagonal = false;
    }

    /// <summary>The metric with matrix <paramref name="g"/> in the coordinates <paramref name="coords"/>.</summary>
    public static Metric FromLineElement(IReadOnlyList<Symbol> coords, Expr[,] g) => new(new Chart(coords), g);

    /// <summary>The metric with matrix <paramref name="g"/> on <paramref name="chart"/>.</summary>
    public static Metric FromMatrix(Chart chart, Expr[,] g) => new(chart, g);

    /// <summary>A diagonal metric ds² = Σ gᵢ (dxⁱ)².</summary>
    public static Metric Diagonal(IReadOnlyList<Symbol> coords, params Expr[] diagonal)
    {
        if (diagonal.Length != coords.Count) throw new SymbolicException($"{coords.Count} coordinates need {coords.Count} diagonal components, got {diagonal.Length}");
        var g = new Expr[coords.Count, coords.Count];
        for (int i = 0; i < coords.Count; i++) for (int j = 0; j < coords.Count; j++) g[i, j] = i == j ? diagonal[i] : Expr.Zero;
        return new Metric(new Chart(coords), g);
    }

    /// <summary>
    /// The metric of a line element typed as a list of terms c·dxⁱ dx^j (ds² = Σ c dxⁱ dx^j): a cross term
    /// c dt dφ contributes c/2 to g_tφ and to g_φt, as 2 g_tφ dt dφ does.
    /// </summary>
    public static Metric FromTerms(IReadOnlyList<Symbol> coords, IEnumerable<(Expr Coefficient, Symbol I, Symbol J)> terms)
    {
        var chart = new Chart(coords);
        int n = chart.Dimension;
        var g = new Expr[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i, j] = Expr.Zero;
        foreach (var (c, a, b) in terms)
        {
            int i = chart.IndexOf(a), j = chart.IndexOf(b);
            if (i == j) g[i, i] += c;
            else { g[i, j] += c / 2; g[j, i] += c / 2; }
        }
        return new Metric(chart, g);
    }

    /// <summary>g_ij for two coordinates.</summary>
    public Expr this[Symbol a, Symbol b] => G[Chart.IndexOf(a), Chart.IndexOf(b)];

    /// <summary>The inverse metric g^ij, computed on the rational normal form and converted once.</summary>
    public Expr[,] InverseExpr => _inverse ??= ComputeInverse();

    private Expr[,] ComputeInverse()
    {
        var f = new RationalField();
        var inv = FormOps.Inverse(f, Lift(f));
        int n = Dimension;
        var r = new Expr[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) r[i, j] = f.ToExpr(inv[i, j]);
        return r;
    }

    internal T[,] Lift<T>(ICoefficientField<T> f) where T : class
    {
        int n = Dimension;
        var r = new T[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) r[i, j] = G[i, j].IsZero ? f.Zero : f.FromExpr(G[i, j]);
        return r;
    }

    /// <summary>
    /// √|det g| as a physicist writes it on the chart's domain (√(r⁴ sin²θ) = r² sin θ: the square roots of
    /// squares are taken as the factors themselves; other roots stay as √).
    /// </summary>
    public Expr VolumeDensity => _volume ??= ComputeVolume();

    private Expr ComputeVolume()
    {
        if (IsDiagonal)
        {
            Expr v = Expr.One;
            for (int i = 0; i < Dimension; i++) v *= Roots.Sqrt(Roots.Abs(G[i, i]));
            return v;
        }
        var f = new RationalField();
        var det = f.ToExpr(FormOps.Determinant(f, Lift(f)));
        return Roots.Sqrt(Roots.Abs(det));
    }

    /// <summary>
    /// The signs of the diagonal of an orthonormal frame (η) as read from the metric: −1 for a component that
    /// is negative on the chart's domain (−e^{2Φ}, −(1 − 2m/r)), +1 otherwise.
    /// </summary>
    /// <exception cref="SymbolicException">A non-diagonal metric whose squares cannot be completed without a sign the assumptions do not give.</exception>
    public int[] Signature()
    {
        if (IsDiagonal) return Enumerable.Range(0, Dimension).Select(i => Roots.SignOf(G[i, i])).ToArray();
        return Coframe.Orthonormal(this).Eta.ToArray();
    }

    /// <summary>The <see cref="Signature"/>, or false when it cannot be read without a sign the assumptions do not give.</summary>
    public bool TrySignature([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out int[]? signature)
    {
        signature = IsDiagonal ? Signature() : Coframe.TryOrthonormal(this, out var frame) ? frame.Eta.ToArray() : null;
        return signature is not null;
    }
}

/// <summary>Square roots the way the articles take them on a chart's domain.</summary>
internal static class Roots
{
    /// <summary>The sign of an expression on the chart's domain, read from its leading part: −e^{2Φ} → −1, −1 + 2m/r → −1.</summary>
    public static int SignOf(Expr e) => e switch
    {
        Number n => n.Value.Sign >= 0 ? 1 : -1,
        Product p => p.Coefficient.Sign,
        Sum s => !s.Constant.IsZero ? s.Constant.Sign : s.Terms.Length > 0 ? SignOf(s.Terms[0].Coefficient * s.Terms[0].Term) : 1,
        Power { Exponent: Number { Value.IsInteger: true } k } p => k.Value.Num.IsEven ? 1 : SignOf(p.Base),
        _ => 1,
    };

    /// <summary>|e| with the sign read by <see cref="SignOf"/>.</summary>
    public static Expr Abs(Expr e) => SignOf(e) < 0 ? -e : e;

    /// <summary>√e for e ≥ 0: even powers halve (√(r² sin²θ) = r sin θ), e^{2Φ} → e^Φ, the rest stays under √.</summary>
    public static Expr Sqrt(Expr e)
    {
        switch (e)
        {
            case Number n:
                return Expr.Sqrt(n);
            case Power p when p.Base.Equals(Expr.E):
                return Expr.Exp(p.Exponent / 2);
            case Power { Exponent: Number { Value.IsInteger: true } k } p when k.Value.Num.IsEven:
                return p.Base.Pow(k.Value / 2);
            case Power { Exponent: Number { Value.IsInteger: true } k } p when k.Value.Sign < 0:
                // e = b^k ≥ 0 with k odd makes b > 0, and then √(b^k) = (√b)^k: √(1/(1 − 2m/r)) is
                // 1/√(1 − 2m/r), the same root as ω^t's, not a second root of the same thing.
                return Sqrt(p.Base).Pow(k.Value);
            case Product p:
            {
                var outside = new List<Expr> { Expr.Sqrt(Expr.Num(p.Coefficient)) };
                var inside = new List<Expr>();
                foreach (var (b, x) in p.Factors)
                {
                    var factor = b.Pow(x);
                    if (b.Equals(Expr.E) || x is Number { Value.IsInteger: true } xi && xi.Value.Num.IsEven) outside.Add(Sqrt(factor));
                    else if (x is Number { Value.IsInteger: true } xo && Assume.IsReal(b))
                    {
                        // b^{2k+1} = b^{2k}·b: the even part comes out.
                        var half = (xo.Value - Rational.One) / 2;
                        outside.Add(b.Pow(Expr.Num(half)));
                        inside.Add(b);
                    }
                    else inside.Add(factor);
                }
                var rest = Product.Of(inside);
                if (!rest.IsOne) outside.Add(Expr.Sqrt(rest));
                return Product.Of(outside);
            }
            default:
                return Expr.Sqrt(e);
        }
    }
}
