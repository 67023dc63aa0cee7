using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>
/// A coordinate chart: named coordinates in a fixed order. The order fixes the basis of forms
/// (dx^{i1}∧…∧dx^{ik} with i1 &lt; … &lt; ik) and the orientation dx^1∧…∧dx^n.
/// </summary>
/// <example><code>
/// var chart = new Chart(t, r, theta, phi);
/// Form w = chart.D(theta).Wedge(chart.D(phi));   // dθ∧dφ
/// </code></example>
public sealed class Chart : IEquatable<Chart>
{
    private readonly Symbol[] _coordinates;

    /// <summary>A chart with the given coordinates (distinct symbols, at most 30).</summary>
    public Chart(params Symbol[] coordinates) : this((IReadOnlyList<Symbol>)coordinates) { }

    /// <summary>A chart with the given coordinates (distinct symbols, at most 30).</summary>
    public Chart(IReadOnlyList<Symbol> coordinates)
    {
        if (coordinates.Count == 0) throw new SymbolicException("a chart needs at least one coordinate");
        if (coordinates.Count > 30) throw new SymbolicException("a chart has at most 30 coordinates");
        if (coordinates.Distinct().Count() != coordinates.Count) throw new SymbolicException("the coordinates of a chart must be distinct");
        _coordinates = coordinates.ToArray();
    }

    /// <summary>The coordinates in order.</summary>
    public IReadOnlyList<Symbol> Coordinates => _coordinates;

    /// <summary>The number of coordinates.</summary>
    public int Dimension => _coordinates.Length;

    /// <summary>The position of a coordinate (0-based).</summary>
    public int IndexOf(Symbol coordinate)
    {
        int i = Array.IndexOf(_coordinates, coordinate);
        if (i < 0) throw new SymbolicException($"{coordinate} is not a coordinate of the chart ({string.Join(", ", _coordinates.Select(c => c.Name))})");
        return i;
    }

    /// <summary>The basis 1-form dx for a coordinate x.</summary>
    public Form D(Symbol coordinate) => new(this, 1, new Dictionary<int, Expr> { [1 << IndexOf(coordinate)] = Expr.One });

    /// <summary>The 0-form (function) f.</summary>
    public Form Scalar(Expr f) => new(this, 0, f.IsZero ? new Dictionary<int, Expr>() : new Dictionary<int, Expr> { [0] = f });

    /// <summary>The zero k-form.</summary>
    public Form Zero(int degree) => new(this, degree, new Dictionary<int, Expr>());

    /// <summary>The 1-form Σ cᵢ dxⁱ from its components in coordinate order.</summary>
    public Form OneForm(params Expr[] components)
    {
        if (components.Length != Dimension) throw new SymbolicException($"a 1-form on this chart has {Dimension} components, got {components.Length}");
        var d = new Dictionary<int, Expr>();
        for (int i = 0; i < components.Length; i++) if (!components[i].IsZero) d[1 << i] = components[i];
        return new Form(this, 1, d);
    }

    /// <summary>The vector field Σ Vⁱ ∂/∂xⁱ from its components in coordinate order.</summary>
    public VectorField Vector(params Expr[] components) => new(this, components);

    /// <inheritdoc/>
    public bool Equals(Chart? other) => other is not null && (ReferenceEquals(this, other) || _coordinates.SequenceEqual(other._coordinates));
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Chart);
    /// <inheritdoc/>
    public override int GetHashCode() => _coordinates.Aggregate(17, (h, c) => h * 31 + c.GetHashCode());
    /// <inheritdoc/>
    public override string ToString() => "(" + string.Join(", ", _coordinates.Select(c => c.Name)) + ")";
}

/// <summary>A vector field Σ Vⁱ ∂/∂xⁱ on a chart.</summary>
/// <example><code>var v = chart.Vector(Expr.One, Expr.Zero);   // ∂/∂x</code></example>
public sealed class VectorField
{
    /// <summary>The chart.</summary>
    public Chart Chart { get; }
    /// <summary>The components Vⁱ in coordinate order.</summary>
    public IReadOnlyList<Expr> Components { get; }

    /// <summary>A vector field from its components.</summary>
    public VectorField(Chart chart, IReadOnlyList<Expr> components)
    {
        if (components.Count != chart.Dimension) throw new SymbolicException($"a vector field on this chart has {chart.Dimension} components, got {components.Count}");
        Chart = chart;
        Components = components.ToArray();
    }
}
