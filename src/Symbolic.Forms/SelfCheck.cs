using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>
/// Checks of curvature results against identities they must satisfy, recomputed from the returned
/// components themselves (not from the engine's intermediate values), so a wrong sign or a dropped term in
/// what is printed shows as <c>false</c>. Each identity is tested by the normal form under a small budget
/// and, where that cannot show zero, at random points (<see cref="NumericProbe.Agree"/>).
/// </summary>
/// <example><code>
/// var result = Curvature.Compute(metric);
/// result.Components.All(c => c.Verified != false);   // every identity that applies holds
/// </code></example>
public static class SelfCheck
{
    /// <summary>
    /// The components with <see cref="CurvatureComponent.Verified"/> set: connection 1-forms by the first structure
    /// equation dω^μ + ω^μ_ν∧ω^ν = 0 for the coframe, Riemann (coordinate and frame) by the first Bianchi identity,
    /// Christoffel symbols by metric compatibility ∂_ρ g_μν = Γ^λ_ρμ g_λν + Γ^λ_ρν g_μλ. Other quantities stay null.
    /// </summary>
    public static IReadOnlyList<CurvatureComponent> Mark(Metric metric, Coframe? coframe, IReadOnlyList<CurvatureComponent> components)
    {
        bool? connection = null, riemann = null, frameRiemann = null, christoffel = null;
        bool Has(CurvatureQuantities q) => components.Any(c => c.Quantity == q);
        if (Has(CurvatureQuantities.Connection) && coframe is not null) connection = FirstStructureEquation(coframe, components);
        if (Has(CurvatureQuantities.Riemann)) riemann = FirstBianchi(components, "riemann", metric.Chart.Coordinates.Select(c => c.Name).ToList());
        if (Has(CurvatureQuantities.FrameRiemann)) frameRiemann = FirstBianchi(components, "frame_riemann", Enumerable.Range(1, metric.Dimension).Select(i => i.ToString()).ToList());
        if (Has(CurvatureQuantities.Christoffel)) christoffel = MetricCompatibility(metric, components);
        return components.Select(c => c with
        {
            Verified = c.Quantity switch
            {
                CurvatureQuantities.Connection => connection,
                CurvatureQuantities.Riemann => riemann,
                CurvatureQuantities.FrameRiemann => frameRiemann,
                CurvatureQuantities.Christoffel => christoffel,
                _ => null,
            },
        }).ToList();
    }

    /// <summary>True when e is zero: by the normal form (small budget), else at random points.</summary>
    public static bool IsZero(Expr e)
    {
        if (e.IsZero) return true;
        try
        {
            if (Simplifier.IsZero(e, new Budget(maxTerms: 200_000))) return true;
        }
        catch (SymbolicException) { }
        catch (ArithmeticException) { }
        return NumericProbe.Agree(e, Expr.Zero);
    }

    /// <summary>dω^μ + Σ_ν ω^μ_ν∧ω^ν = 0 for every μ, with ω^ν_μ = −η_μ η_ν ω^μ_ν and ω^μ_μ = 0.</summary>
    public static bool FirstStructureEquation(Coframe coframe, IReadOnlyList<CurvatureComponent> components)
    {
        int n = coframe.Metric.Dimension;
        var chart = coframe.Metric.Chart;
        var theta = coframe.Forms;
        var zero = new Form(chart, 1, new Dictionary<int, Expr>());
        var omega = new Form[n, n];
        for (int m = 0; m < n; m++) for (int v = 0; v < n; v++) omega[m, v] = zero;
        foreach (var c in components.Where(c => c.Quantity == CurvatureQuantities.Connection))
        {
            var (m, v) = Indices2(c.Label);
            var form = c.Form ?? throw new SymbolicException($"{c.Label} has no form");
            omega[m, v] = form;
            omega[v, m] = Expr.Num(-coframe.Eta[m] * coframe.Eta[v]) * form;
        }
        for (int m = 0; m < n; m++)
        {
            var sum = theta[m].D();
            for (int v = 0; v < n; v++)
                if (!omega[m, v].IsZero && !theta[v].IsZero) sum += omega[m, v].Wedge(theta[v]);
            if (!sum.Terms.All(t => IsZero(t.Coefficient))) return false;
        }
        return true;
    }

    /// <summary>R^μ_{νβγ} + R^μ_{βγν} + R^μ_{γνβ} = 0 over the returned components (antisymmetric in β, γ).</summary>
    public static bool FirstBianchi(IReadOnlyList<CurvatureComponent> components, string name, IReadOnlyList<string> index)
    {
        var map = components.Where(c => c.Label.StartsWith(name + "[", StringComparison.Ordinal)).ToDictionary(c => c.Label, c => c.Value);
        int n = index.Count;
        Expr R(int m, int v, int b, int c)
        {
            if (b == c) return Expr.Zero;
            if (b > c) return -R(m, v, c, b);
            return map.TryGetValue($"{name}[{index[m]},{index[v]},{index[b]},{index[c]}]", out var x) ? x : Expr.Zero;
        }
        for (int m = 0; m < n; m++)
            for (int v = 0; v < n; v++)
                for (int b = v + 1; b < n; b++)
                    for (int c = b + 1; c < n; c++)
                    {
                        var s = R(m, v, b, c) + R(m, b, c, v) + R(m, c, v, b);
                        if (!IsZero(s)) return false;
                    }
        return true;
    }

    /// <summary>∂_ρ g_μν = Γ^λ_ρμ g_λν + Γ^λ_ρν g_μλ for all ρ, μ ≤ ν (the Levi-Civita connection is metric).</summary>
    public static bool MetricCompatibility(Metric metric, IReadOnlyList<CurvatureComponent> components)
    {
        var x = metric.Chart.Coordinates;
        int n = x.Count;
        var map = components.Where(c => c.Quantity == CurvatureQuantities.Christoffel).ToDictionary(c => c.Label, c => c.Value);
        Expr G(int l, int a, int b)
        {
            if (a > b) (a, b) = (b, a);
            return map.TryGetValue($"christoffel[{x[l].Name},{x[a].Name},{x[b].Name}]", out var v) ? v : Expr.Zero;
        }
        for (int r = 0; r < n; r++)
            for (int m = 0; m < n; m++)
                for (int v = m; v < n; v++)
                {
                    var s = Calculus.Diff(metric.G[m, v], x[r]);
                    for (int l = 0; l < n; l++)
                    {
                        if (!metric.G[l, v].IsZero) s -= G(l, r, m) * metric.G[l, v];
                        if (!metric.G[m, l].IsZero) s -= G(l, r, v) * metric.G[m, l];
                    }
                    if (!IsZero(s)) return false;
                }
        return true;
    }

    private static (int, int) Indices2(string label)
    {
        var inside = label[(label.IndexOf('[') + 1)..^1].Split(',');
        return (int.Parse(inside[0], System.Globalization.CultureInfo.InvariantCulture) - 1, int.Parse(inside[1], System.Globalization.CultureInfo.InvariantCulture) - 1);
    }
}
