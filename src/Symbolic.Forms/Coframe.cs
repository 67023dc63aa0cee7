using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>
/// An orthonormal coframe ω^μ = h^μ_α dx^α with constant η = diag(±1): ds² = η_μν ω^μ ω^ν
/// (exterior-calculus-7 eq 65). Frame indices are printed 1-based, as in the articles.
/// </summary>
/// <example><code>
/// var frame = Coframe.Orthonormal(metric);        // ω^μ = √|g_μμ| dx^μ for a diagonal metric
/// Form w2 = frame.Forms[1];                       // e^Λ dr for the static spherically symmetric metric
/// </code></example>
public sealed class Coframe
{
    /// <summary>The metric the coframe diagonalises.</summary>
    public Metric Metric { get; }
    /// <summary>h^μ_α: row μ holds the components of ω^μ.</summary>
    public Expr[,] H { get; }
    /// <summary>η_μμ, each +1 or −1.</summary>
    public IReadOnlyList<int> Eta { get; }

    /// <summary>s_μ of h = diag(s)·K: ω^μ = s_μ θ^μ (see <see cref="Direction"/>).</summary>
    internal Expr[] Scale { get; }
    /// <summary>
    /// K of h = diag(s)·K: the 1-forms θ^μ = K^μ_α dx^α, free of square roots where the rows of h allow it (a row
    /// √(1 − 2m/r)·(…) keeps its root in s_μ), so that the structure equations can be solved in the frame θ with
    /// ds² = Σ_μ N_μ (θ^μ)² and rational coefficients, and the roots enter only when a frame component is written out.
    /// </summary>
    internal Expr[,] Direction { get; }
    /// <summary>N_μ = η_μ s_μ²: ds² = Σ_μ N_μ (θ^μ)².</summary>
    internal Expr[] Norm { get; }

    private Coframe(Metric metric, Expr[,] h, int[] eta, Expr[]? scale = null, Expr[,]? direction = null, Expr[]? norm = null)
    {
        Metric = metric; H = h; Eta = eta;
        if (scale is null || direction is null || norm is null) (scale, direction, norm) = Factor(h, eta);
        Scale = scale; Direction = direction; Norm = norm;
    }

    /// <summary>
    /// h = diag(s)·K row by row: s_μ is the first nonzero entry of the row when it carries a square root and the row
    /// divided by it, and s_μ², are free of roots (√(Δ/Σ)(dt − a sin²θ dφ) gives s = √(Δ/Σ), θ = dt − a sin²θ dφ);
    /// otherwise s_μ = 1 and θ^μ = ω^μ. Either way s_μ θ^μ = ω^μ exactly.
    /// </summary>
    private static (Expr[] Scale, Expr[,] Direction, Expr[] Norm) Factor(Expr[,] h, int[] eta)
    {
        int n = eta.Length;
        var scale = new Expr[n];
        var direction = new Expr[n, n];
        var norm = new Expr[n];
        for (int mu = 0; mu < n; mu++)
        {
            scale[mu] = Expr.One;
            norm[mu] = Expr.Num(eta[mu]);
            for (int a = 0; a < n; a++) direction[mu, a] = h[mu, a];
            int first = Enumerable.Range(0, n).FirstOrDefault(a => !h[mu, a].IsZero, -1);
            if (first < 0 || RootFree(h[mu, first])) continue;
            var s = h[mu, first];
            var row = Enumerable.Range(0, n).Select(a => h[mu, a].IsZero ? Expr.Zero : a == first ? Expr.One : h[mu, a] / s).ToArray();
            var squared = eta[mu] * s.Pow(2);
            if (!RootFree(squared) || !row.All(RootFree)) continue;
            scale[mu] = s;
            norm[mu] = squared;
            for (int a = 0; a < n; a++) direction[mu, a] = row[a];
        }
        return (scale, direction, norm);
    }

    /// <summary>True when e has no fractional power other than of e (a kernel of the normal form, not a root).</summary>
    private static bool RootFree(Expr e) =>
        !e.Any(x => x is Power { Exponent: Number { Value.IsInteger: false } } p && !p.Base.Equals(Expr.E));

    /// <summary>The 1-forms ω^μ.</summary>
    public IReadOnlyList<Form> Forms
    {
        get
        {
            int n = Metric.Dimension;
            return Enumerable.Range(0, n).Select(mu => Metric.Chart.OneForm(Enumerable.Range(0, n).Select(a => H[mu, a]).ToArray())).ToArray();
        }
    }

    /// <summary>
    /// The obvious orthonormal coframe: ω^μ = √|g_μμ| dx^μ for a diagonal metric; otherwise the squares are
    /// completed in chart order (g = Σ_k D_k (dx^k + Σ_{j&gt;k} L_kj dx^j)², ω^k = √|D_k| (dx^k + …)), which
    /// for Kerr in Boyer–Lindquist coordinates (t, r, θ, φ) absorbs the dt dφ term into ω^t.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="signature">The signs η of the completed squares, in chart order (e.g. −1, 1, 1, 1 for Kerr);
    /// needed when a pivot's sign cannot be proved from the assumptions (Kerr's g_tt changes sign at the ergosphere).</param>
    /// <exception cref="SymbolicException">A zero pivot, or a pivot whose sign the assumptions do not decide and no signature given.</exception>
    public static Coframe Orthonormal(Metric metric, IReadOnlyList<int>? signature = null) =>
        Complete(metric, signature, out var failure) ?? throw new SymbolicException(failure!);

    /// <summary>The coframe of <see cref="Orthonormal"/>, or false when the squares cannot be completed without a sign the assumptions do not give.</summary>
    public static bool TryOrthonormal(Metric metric, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Coframe? coframe, IReadOnlyList<int>? signature = null)
    {
        coframe = Complete(metric, signature, out _);
        return coframe is not null;
    }

    private static Coframe? Complete(Metric metric, IReadOnlyList<int>? signature, out string? failure)
    {
        failure = null;
        int n = metric.Dimension;
        var h = new Expr[n, n];
        var eta = new int[n];
        if (metric.IsDiagonal)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++) h[i, j] = Expr.Zero;
                eta[i] = Roots.SignOf(metric.G[i, i]);
                h[i, i] = Roots.Sqrt(Roots.Abs(metric.G[i, i]));
            }
            return new Coframe(metric, h, eta);
        }
        var f = new RationalField();
        var a = metric.Lift(f);
        var scale = new Expr[n];
        var direction = new Expr[n, n];
        var norm = new Expr[n];
        for (int k = 0; k < n; k++)
        {
            var d = a[k, k];
            if (f.IsZero(d))
            {
                failure = $"cannot complete the square on d{metric.Chart.Coordinates[k].Name} (g has a zero pivot there): supply a coframe with Coframe.FromForms";
                return null;
            }
            var dExpr = f.ToExpr(d);
            if ((signature is not null ? signature[k] : CertainSign(dExpr)) is not { } sign)
            {
                failure = $"cannot tell the sign of the square completed on d{metric.Chart.Coordinates[k].Name} ({dExpr}) from the assumptions: give the signature (e.g. -1,1,1,1) or a coframe";
                return null;
            }
            eta[k] = sign;
            var root = Roots.Sqrt(eta[k] < 0 ? -dExpr : dExpr);
            // ω^k = √|D_k| θ^k with θ^k = dx^k + Σ_{j>k} (a_kj/D_k) dx^j rational and N_k = D_k.
            scale[k] = root;
            norm[k] = dExpr;
            for (int j = 0; j < n; j++)
            {
                direction[k, j] = j < k ? Expr.Zero : j == k ? Expr.One : f.IsZero(a[k, j]) ? Expr.Zero : f.ToExpr(f.Div(a[k, j], d));
                h[k, j] = j < k ? Expr.Zero : j == k ? root : direction[k, j].IsZero ? Expr.Zero : root * direction[k, j];
            }
            for (int i = k + 1; i < n; i++)
                for (int j = k + 1; j < n; j++)
                    if (!f.IsZero(a[k, i]) && !f.IsZero(a[k, j]))
                        a[i, j] = f.Sub(a[i, j], f.Div(f.Mul(a[k, i], a[k, j]), d));
        }
        return new Coframe(metric, h, eta, scale, direction, norm);
    }

    private static int? CertainSign(Expr e) =>
        Assume.IsNonnegative(e) ? 1 : Assume.IsNonnegative(-e) ? -1 : null;

    /// <summary>
    /// A coframe the user supplies (e.g. the Kerr tetrad), checked against the metric:
    /// Σ_μ η_μ h^μ_α h^μ_β must equal g_αβ by the normal form.
    /// </summary>
    /// <exception cref="SymbolicException">The forms are not n 1-forms on the metric's chart, or they do not reproduce the metric with these signs.</exception>
    public static Coframe FromForms(Metric metric, IReadOnlyList<Form> omegas, IReadOnlyList<int> eta)
    {
        var h = Components(metric, omegas, eta);
        return Reproduces(metric, h, eta) is { } failure ? throw new SymbolicException(failure) : new Coframe(metric, h, eta.ToArray());
    }

    /// <summary>
    /// A coframe the user supplies without its signs: η is the first choice of signs with which the forms reproduce
    /// the metric, trying the metric's own signature first (η = diag(−1, 1, 1, 1) for Schwarzschild) and then every other.
    /// </summary>
    /// <exception cref="SymbolicException">The forms are not n 1-forms on the metric's chart, or no signs make them reproduce the metric (the message of the last try).</exception>
    public static Coframe FromForms(Metric metric, IReadOnlyList<Form> omegas)
    {
        string? failure = null;
        foreach (var eta in Signs(metric))
        {
            var h = Components(metric, omegas, eta);
            failure = Reproduces(metric, h, eta);
            if (failure is null) return new Coframe(metric, h, eta);
        }
        throw new SymbolicException(failure!);
    }

    /// <summary>The candidate η: the metric's signature first, then every other choice of signs.</summary>
    private static IEnumerable<int[]> Signs(Metric metric)
    {
        int n = metric.Dimension;
        var first = metric.TrySignature(out var signature) ? signature : null;
        if (first is not null) yield return first;
        for (int bits = 0; bits < 1 << n; bits++)
        {
            var eta = Enumerable.Range(0, n).Select(i => (bits >> i & 1) == 0 ? 1 : -1).ToArray();
            if (first is null || !eta.SequenceEqual(first)) yield return eta;
        }
    }

    private static Expr[,] Components(Metric metric, IReadOnlyList<Form> omegas, IReadOnlyList<int> eta)
    {
        int n = metric.Dimension;
        if (omegas.Count != n || eta.Count != n) throw new SymbolicException($"a coframe of a {n}-dimensional metric has {n} 1-forms and {n} signs");
        if (eta.Any(e => e is not (1 or -1))) throw new SymbolicException("η is diagonal with entries +1 or −1");
        var h = new Expr[n, n];
        for (int mu = 0; mu < n; mu++)
        {
            if (omegas[mu].Degree != 1 && !omegas[mu].IsZero) throw new SymbolicException($"ω^{mu + 1} must be a 1-form");
            if (!omegas[mu].Chart.Equals(metric.Chart)) throw new SymbolicException($"ω^{mu + 1} lives on a different chart");
            for (int a = 0; a < n; a++) h[mu, a] = omegas[mu].Coefficient(metric.Chart.Coordinates[a]);
        }
        return h;
    }

    /// <summary>Null when Σ_μ η_μ h^μ_α h^μ_β equals g_αβ by the normal form, else what differs.</summary>
    private static string? Reproduces(Metric metric, Expr[,] h, IReadOnlyList<int> eta)
    {
        int n = metric.Dimension;
        var f = new RationalField();
        for (int a = 0; a < n; a++)
            for (int b = a; b < n; b++)
            {
                var s = f.FromExpr(metric.G[a, b]);
                for (int mu = 0; mu < n; mu++)
                    if (!h[mu, a].IsZero && !h[mu, b].IsZero)
                    {
                        var p = f.Mul(f.FromExpr(h[mu, a]), f.FromExpr(h[mu, b]));
                        s = eta[mu] > 0 ? f.Sub(s, p) : f.Add(s, p);
                    }
                if (!f.IsZero(s))
                    return $"the coframe does not reproduce the metric: η_μν ω^μ ω^ν differs from g in the d{metric.Chart.Coordinates[a].Name} d{metric.Chart.Coordinates[b].Name} term by {f.ToExpr(s)}";
            }
        return null;
    }
}
