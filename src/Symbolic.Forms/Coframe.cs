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

    private Coframe(Metric metric, Expr[,] h, int[] eta)
    {
        Metric = metric; H = h; Eta = eta;
    }

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
    public static Coframe Orthonormal(Metric metric)
    {
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
        for (int k = 0; k < n; k++)
        {
            var d = a[k, k];
            if (f.IsZero(d))
                throw new SymbolicException($"cannot complete the square on d{metric.Chart.Coordinates[k].Name} (g has a zero pivot there): supply a coframe with Coframe.FromForms");
            var dExpr = f.ToExpr(d);
            eta[k] = Roots.SignOf(dExpr);
            var root = Roots.Sqrt(Roots.Abs(dExpr));
            for (int j = 0; j < n; j++)
                h[k, j] = j < k ? Expr.Zero : j == k ? root : f.IsZero(a[k, j]) ? Expr.Zero : root * f.ToExpr(f.Div(a[k, j], d));
            for (int i = k + 1; i < n; i++)
                for (int j = k + 1; j < n; j++)
                    if (!f.IsZero(a[k, i]) && !f.IsZero(a[k, j]))
                        a[i, j] = f.Sub(a[i, j], f.Div(f.Mul(a[k, i], a[k, j]), d));
        }
        return new Coframe(metric, h, eta);
    }

    /// <summary>
    /// A coframe the user supplies (e.g. the Kerr tetrad), checked against the metric:
    /// Σ_μ η_μ h^μ_α h^μ_β must equal g_αβ by the normal form.
    /// </summary>
    public static Coframe FromForms(Metric metric, IReadOnlyList<Form> omegas, IReadOnlyList<int> eta)
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
                    throw new SymbolicException($"the coframe does not reproduce the metric: η_μν ω^μ ω^ν differs from g in the d{metric.Chart.Coordinates[a].Name} d{metric.Chart.Coordinates[b].Name} term by {f.ToExpr(s)}");
            }
        return new Coframe(metric, h, eta.ToArray());
    }
}
