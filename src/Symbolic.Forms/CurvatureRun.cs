using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>The components computed for a metric, in print order, and the steps: what <see cref="Curvature.Run"/> returns.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Components">The nonzero components, in print order.</param>
/// <param name="Derivation">The steps of every route that ran.</param>
public sealed record CurvatureRun(Metric Metric, IReadOnlyList<CurvatureComponent> Components, Derivation Derivation)
{
    /// <summary>A component by label, or 0 when it was computed and is zero (or not computed).</summary>
    public Expr this[string label] => Get(label)?.Value ?? Expr.Zero;

    /// <summary>The component with this label, or null.</summary>
    public CurvatureComponent? Get(string label) => Components.FirstOrDefault(c => c.Label == label);

    /// <summary>
    /// The components with the zero coordinate components (Christoffel, Riemann, Ricci, scalar, Einstein, Kretschmann)
    /// of the <paramref name="asked"/> quantities filled in, in print order.
    /// </summary>
    public IReadOnlyList<CurvatureComponent> WithZeros(CurvatureQuantities asked)
    {
        var x = Metric.Chart.Coordinates.Select(c => c.Name).ToList();
        int n = x.Count;
        var list = new List<CurvatureComponent>();
        void Add(string label, CurvatureQuantities q) => list.Add(Get(label) ?? new CurvatureComponent(label, q, Expr.Zero));
        if (asked.HasFlag(CurvatureQuantities.Christoffel))
            for (int m = 0; m < n; m++) for (int a = 0; a < n; a++) for (int b = a; b < n; b++) Add($"christoffel[{x[m]},{x[a]},{x[b]}]", CurvatureQuantities.Christoffel);
        list.AddRange(Components.Where(c => c.Quantity is CurvatureQuantities.Connection or CurvatureQuantities.CurvatureForms or CurvatureQuantities.FrameRiemann));
        if (asked.HasFlag(CurvatureQuantities.Riemann))
            for (int m = 0; m < n; m++) for (int v = 0; v < n; v++) for (int b = 0; b < n; b++) for (int c = b + 1; c < n; c++) Add($"riemann[{x[m]},{x[v]},{x[b]},{x[c]}]", CurvatureQuantities.Riemann);
        if (asked.HasFlag(CurvatureQuantities.Ricci))
            for (int v = 0; v < n; v++) for (int c = v; c < n; c++) Add($"ricci[{x[v]},{x[c]}]", CurvatureQuantities.Ricci);
        if (asked.HasFlag(CurvatureQuantities.Scalar)) Add("scalar", CurvatureQuantities.Scalar);
        if (asked.HasFlag(CurvatureQuantities.Einstein))
            for (int v = 0; v < n; v++) for (int c = v; c < n; c++) Add($"einstein[{x[v]},{x[c]}]", CurvatureQuantities.Einstein);
        if (asked.HasFlag(CurvatureQuantities.Kretschmann)) Add("kretschmann", CurvatureQuantities.Kretschmann);
        list.AddRange(Components.Where(c => c.Quantity == CurvatureQuantities.Weyl));
        return list;
    }
}

public static partial class Curvature
{
    private const CurvatureQuantities FrameOnly = CurvatureQuantities.Connection | CurvatureQuantities.CurvatureForms | CurvatureQuantities.FrameRiemann;

    /// <summary>Computes the quantities <paramref name="what"/> of <paramref name="metric"/>, choosing the route unless one is given.</summary>
    /// <remarks>
    /// Without a route: Christoffel symbols come from the Christoffel route (the Cartan route does not produce
    /// them) and everything else from the Cartan route; with both asked for, both run. A non-diagonal metric
    /// with no coframe given and none that can be completed without knowing a sign (Kerr's g_tt changes sign at
    /// the ergosphere) takes the Christoffel route for coordinate quantities, which need no coframe.
    /// With a route, only that route runs: the Christoffel route gives no frame quantities and the Cartan route
    /// no Christoffel symbols.
    /// </remarks>
    /// <example><code>
    /// var run = Curvature.Run(sphere, CurvatureQuantities.Ricci | CurvatureQuantities.Scalar);
    /// run["scalar"];   // 2
    /// </code></example>
    public static CurvatureRun Run(Metric metric, CurvatureQuantities what, CurvatureRoute? route = null, Budget? budget = null, Coframe? coframe = null)
    {
        CurvatureResult On(CurvatureRoute r, CurvatureQuantities q) =>
            Compute(metric, new CurvatureOptions { Route = r, What = q, Budget = budget, Coframe = coframe });
        if (route is { } only)
        {
            var r = On(only, only == CurvatureRoute.Christoffel ? what & ~FrameOnly : what);
            return new CurvatureRun(metric, r.Components, r.Derivation);
        }
        var components = new List<CurvatureComponent>();
        var steps = new Derivation();
        if (what.HasFlag(CurvatureQuantities.Christoffel))
        {
            var gamma = On(CurvatureRoute.Christoffel, CurvatureQuantities.Christoffel);
            components.AddRange(gamma.Components);
            steps.Append(gamma.Derivation);
        }
        var rest = what & ~CurvatureQuantities.Christoffel;
        if (rest != CurvatureQuantities.None)
        {
            var chosen = coframe is null && !metric.IsDiagonal && (rest & (FrameOnly | CurvatureQuantities.Weyl)) == 0
                         && !Coframe.TryOrthonormal(metric, out _)
                ? CurvatureRoute.Christoffel : CurvatureRoute.Cartan;
            var result = On(chosen, rest);
            components.AddRange(result.Components);
            steps.Append(result.Derivation);
        }
        return new CurvatureRun(metric, components, steps);
    }
}
