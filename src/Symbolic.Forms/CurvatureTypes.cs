using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>Which way the curvature is computed.</summary>
public enum CurvatureRoute
{
    /// <summary>Orthonormal coframe, Cartan's structure equations (exterior-calculus-6/7).</summary>
    Cartan,
    /// <summary>Christoffel symbols from the metric (riemann-geometry-3 eq 20, riemann-geometry-5 eq 49); needs no coframe.</summary>
    Christoffel,
}

/// <summary>The quantities to compute; each one computes what it depends on, but only the requested ones are returned.</summary>
[Flags]
public enum CurvatureQuantities
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Γ^μ_{αβ} (Christoffel route).</summary>
    Christoffel = 1,
    /// <summary>Connection 1-forms ω^μ_ν (Cartan route).</summary>
    Connection = 2,
    /// <summary>Curvature 2-forms 𝓡^μ_ν (Cartan route).</summary>
    CurvatureForms = 4,
    /// <summary>R̂^μ_{νβγ} in the orthonormal frame (Cartan route).</summary>
    FrameRiemann = 8,
    /// <summary>R^μ_{νβγ} in the coordinate frame.</summary>
    Riemann = 16,
    /// <summary>R_{μν} in coordinates.</summary>
    Ricci = 32,
    /// <summary>The scalar curvature R.</summary>
    Scalar = 64,
    /// <summary>G_{μν} = R_{μν} − ½ g_{μν} R in coordinates.</summary>
    Einstein = 128,
    /// <summary>R_{abcd} R^{abcd}.</summary>
    Kretschmann = 256,
    /// <summary>
    /// The Weyl tensor C_{μνβγ} (all indices down, coordinates; Cartan route, dimension ≥ 3) for the independent
    /// pairs (μ&lt;ν) ≤ (β&lt;γ), labelled <c>weyl[t,r,t,r]</c>, and its square <c>weyl_squared</c> = C_{abcd}C^{abcd}.
    /// </summary>
    Weyl = 512,
    /// <summary>Everything the route can give.</summary>
    All = 1023,
}

/// <summary>Options for <see cref="Curvature.Compute"/>.</summary>
/// <example><code>new CurvatureOptions { Route = CurvatureRoute.Christoffel, What = CurvatureQuantities.Ricci }</code></example>
public sealed class CurvatureOptions
{
    /// <summary>The route (default Cartan).</summary>
    public CurvatureRoute Route { get; init; } = CurvatureRoute.Cartan;
    /// <summary>The quantities to return (default all).</summary>
    public CurvatureQuantities What { get; init; } = CurvatureQuantities.All;
    /// <summary>The coframe for the Cartan route (default: <see cref="Coframe.Orthonormal"/>).</summary>
    public Coframe? Coframe { get; init; }
    /// <summary>Cancellation and size limits.</summary>
    public Budget? Budget { get; init; }
    /// <summary>Record the steps (coframe, dω, ω^μ_ν, 𝓡^μ_ν, …) into the derivation (default true).</summary>
    public bool RecordSteps { get; init; } = true;
}

/// <summary>One labelled, nonzero component of a curvature result.</summary>
/// <param name="Label">e.g. <c>christoffel[r,t,t]</c>, <c>riemann[t,r,t,r]</c>, <c>ricci[t,t]</c>, <c>scalar</c>, <c>einstein[t,t]</c>, <c>kretschmann</c>, <c>connection[1,2]</c>, <c>curvature[1,2]</c>, <c>frame_riemann[1,2,1,2]</c>.</param>
/// <param name="Quantity">Which quantity it belongs to.</param>
/// <param name="Value">The value in the kernel's rational normal form; a form is written Σ c·wedge(d(x), …).</param>
/// <param name="Form">For connection and curvature forms: the form itself.</param>
public sealed record CurvatureComponent(string Label, CurvatureQuantities Quantity, Expr Value, Form? Form = null)
{
    /// <summary>
    /// The self-check of <see cref="SelfCheck.Mark"/>: true when the identity this quantity must satisfy holds
    /// for the returned components (connection: dω + ω∧ω = 0 with the coframe; Riemann: first Bianchi;
    /// Christoffel: metric compatibility), false when it fails, null when no check applies.
    /// </summary>
    public bool? Verified { get; init; }
}

/// <summary>The result of <see cref="Curvature.Compute"/>: independent nonzero components, conventions, and the derivation.</summary>
public sealed class CurvatureResult
{
    private readonly Dictionary<string, CurvatureComponent> _byLabel;

    internal CurvatureResult(Metric metric, CurvatureRoute route, Coframe? coframe, IReadOnlyList<CurvatureComponent> components, Derivation derivation)
    {
        Metric = metric; Route = route; Coframe = coframe; Components = components; Derivation = derivation;
        _byLabel = components.ToDictionary(c => c.Label);
    }

    /// <summary>The metric.</summary>
    public Metric Metric { get; }
    /// <summary>The route taken.</summary>
    public CurvatureRoute Route { get; }
    /// <summary>The coframe (Cartan route).</summary>
    public Coframe? Coframe { get; }
    /// <summary>The independent nonzero components, in a fixed order (quantity, then indices).</summary>
    public IReadOnlyList<CurvatureComponent> Components { get; }
    /// <summary>The steps: coframe, dω^μ, solved ω^μ_ν, 𝓡^μ_ν, … or Γ, R, ….</summary>
    public Derivation Derivation { get; }
    /// <summary>The index and sign conventions, to print with the results.</summary>
    public string Conventions => Curvature.ConventionsText;

    /// <summary>True when a component with this label was computed and is nonzero.</summary>
    public bool Contains(string label) => _byLabel.ContainsKey(label);

    /// <summary>
    /// The value of a component by label; 0 for a label of a computed quantity that is zero (zero components
    /// are omitted). Labels use coordinate names for coordinate indices and 1-based numbers for frame indices.
    /// Only the independent components are stored: ask for <c>riemann[t,r,t,r]</c>, not <c>riemann[t,r,r,t]</c>.
    /// </summary>
    public Expr this[string label] => _byLabel.TryGetValue(label, out var c) ? c.Value : Expr.Zero;

    /// <summary>The component record by label, or null.</summary>
    public CurvatureComponent? Get(string label) => _byLabel.GetValueOrDefault(label);

    /// <summary>One line per component, conventions first.</summary>
    public override string ToString() =>
        Conventions + Environment.NewLine + string.Join(Environment.NewLine, Components.Select(c => $"{c.Label} = {(c.Form is not null ? c.Form.ToString() : c.Value.ToString())}"));
}
