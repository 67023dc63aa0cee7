using System.Text;
using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>
/// A differential k-form on a <see cref="Chart"/> with exact coefficients in the basis
/// dx^{i1}∧…∧dx^{ik} (i1 &lt; … &lt; ik in chart order). Immutable; every operation tracks the sign of the
/// reordering it needs, so α∧α = 0 for odd degree and d∘d = 0 hold by construction.
/// </summary>
/// <example><code>
/// var chart = new Chart(theta, phi);
/// Form w = chart.Scalar(Expr.Sin(theta)).Wedge(chart.D(phi));   // sin θ dφ
/// Form dw = w.D();                                              // cos θ dθ∧dφ
/// </code></example>
public sealed partial class Form : IEquatable<Form>
{
    internal readonly Dictionary<int, Expr> Data;

    internal Form(Chart chart, int degree, Dictionary<int, Expr> data)
    {
        Chart = chart;
        Degree = degree;
        Data = data;
    }

    /// <summary>The chart the form lives on.</summary>
    public Chart Chart { get; }

    /// <summary>The degree k.</summary>
    public int Degree { get; }

    /// <summary>True when every coefficient is (canonically) zero. Call <see cref="Simplify"/> first to find hidden zeros.</summary>
    public bool IsZero => Data.Count == 0;

    /// <summary>The nonzero terms in basis order: the coordinates of the basis element and the coefficient.</summary>
    public IReadOnlyList<(IReadOnlyList<Symbol> Basis, Expr Coefficient)> Terms =>
        Data.Keys.OrderBy(m => m, Comparer<int>.Create(FormOps.CompareMasks))
            .Select(m => ((IReadOnlyList<Symbol>)FormOps.Indices(m).Select(i => Chart.Coordinates[i]).ToArray(), Data[m]))
            .ToArray();

    /// <summary>
    /// The coefficient of dx^{a}∧dx^{b}∧… for the coordinates given in any order (the sign of the permutation
    /// is applied; a repeated coordinate gives 0).
    /// </summary>
    public Expr Coefficient(params Symbol[] basis)
    {
        if (basis.Length != Degree) throw new SymbolicException($"a {Degree}-form has components with {Degree} indices, got {basis.Length}");
        int mask = 0, sign = 1;
        foreach (var s in basis)
        {
            int i = Chart.IndexOf(s);
            if ((mask & (1 << i)) != 0) return Expr.Zero;
            sign *= FormOps.WedgeSign(mask, 1 << i);
            mask |= 1 << i;
        }
        return Data.TryGetValue(mask, out var c) ? (sign > 0 ? c : -c) : Expr.Zero;
    }

    private static ExprField F => ExprField.Instance;

    private void SameSpace(Form other, string op)
    {
        if (!Chart.Equals(other.Chart)) throw new SymbolicException($"cannot {op} forms on different charts {Chart} and {other.Chart}");
    }

    /// <summary>Sum of two k-forms.</summary>
    public static Form operator +(Form a, Form b)
    {
        a.SameSpace(b, "add");
        if (a.Degree != b.Degree && !a.IsZero && !b.IsZero) throw new SymbolicException($"cannot add a {a.Degree}-form and a {b.Degree}-form");
        return new Form(a.Chart, a.IsZero ? b.Degree : a.Degree, FormOps.Add(F, a.Data, b.Data));
    }

    /// <summary>Difference of two k-forms.</summary>
    public static Form operator -(Form a, Form b)
    {
        a.SameSpace(b, "subtract");
        if (a.Degree != b.Degree && !a.IsZero && !b.IsZero) throw new SymbolicException($"cannot subtract a {b.Degree}-form from a {a.Degree}-form");
        return new Form(a.Chart, a.IsZero ? b.Degree : a.Degree, FormOps.Add(F, a.Data, b.Data, -1));
    }

    /// <summary>Negation.</summary>
    public static Form operator -(Form a) => new(a.Chart, a.Degree, FormOps.Scale(F, a.Data, Expr.MinusOne));

    /// <summary>A function times a form.</summary>
    public static Form operator *(Expr f, Form a) => new(a.Chart, a.Degree, FormOps.Scale(F, a.Data, f));

    /// <summary>A form times a function.</summary>
    public static Form operator *(Form a, Expr f) => f * a;

    /// <summary>α∧β, with graded antisymmetry α∧β = (−1)^{kl} β∧α.</summary>
    public Form Wedge(Form other)
    {
        SameSpace(other, "wedge");
        return new Form(Chart, Degree + other.Degree, FormOps.Wedge(F, Data, other.Data));
    }

    /// <summary>The wedge product of several forms, left to right.</summary>
    public static Form Wedge(Form first, params Form[] rest) => rest.Aggregate(first, (acc, f) => acc.Wedge(f));

    /// <summary>The exterior derivative d: k-form → (k+1)-form.</summary>
    public Form D() => new(Chart, Degree + 1, FormOps.D(F, Data, Chart.Coordinates));

    /// <summary>The interior product i_V α (contraction of V into the first slot).</summary>
    public Form Interior(VectorField v)
    {
        if (!Chart.Equals(v.Chart)) throw new SymbolicException("the vector field lives on a different chart");
        if (Degree == 0) return Chart.Zero(0);
        return new Form(Chart, Degree - 1, FormOps.Interior(F, Data, v.Components));
    }

    /// <summary>
    /// The Hodge star for <paramref name="metric"/>: for α = α_I dx^I, ⋆α = √|g| Σ_I α^I ε_{I,I^c} dx^{I^c},
    /// with α^I raised by the inverse metric and the orientation dx^1∧…∧dx^n (or its opposite for
    /// <paramref name="orientation"/> = −1).
    /// </summary>
    public Form Hodge(Metric metric, int orientation = 1)
    {
        if (!Chart.Equals(metric.Chart)) throw new SymbolicException("the metric lives on a different chart");
        if (orientation is not (1 or -1)) throw new SymbolicException("the orientation is +1 or −1");
        int n = Chart.Dimension;
        int all = (1 << n) - 1;
        var ginv = metric.InverseExpr;
        var vol = metric.VolumeDensity;
        var result = new Dictionary<int, Expr>();
        // α^I = Σ_K det(g^{-1}[I, K]) α_K : the minors of the inverse metric raise a k-index block.
        var raised = new Dictionary<int, Expr>();
        var masks = Enumerable.Range(0, 1 << n).Where(m => System.Numerics.BitOperations.PopCount((uint)m) == Degree).ToArray();
        foreach (var (mk, ck) in Data)
        {
            var kIdx = FormOps.Indices(mk);
            foreach (var mi in masks)
            {
                var iIdx = FormOps.Indices(mi);
                var minor = new Expr[Degree, Degree];
                bool anyNonzero = false;
                for (int a = 0; a < Degree; a++)
                    for (int b = 0; b < Degree; b++) { minor[a, b] = ginv[iIdx[a], kIdx[b]]; anyNonzero |= !minor[a, b].IsZero; }
                var det = Degree == 0 ? Expr.One : anyNonzero ? FormOps.Determinant(F, minor) : Expr.Zero;
                FormOps.AddTo(F, raised, mi, det * ck);
            }
        }
        foreach (var (mi, ci) in raised)
        {
            int rest = all & ~mi;
            int s = FormOps.WedgeSign(mi, rest) * orientation;
            FormOps.AddTo(F, result, rest, s > 0 ? vol * ci : -(vol * ci));
        }
        return new Form(Chart, n - Degree, result);
    }

    /// <summary>
    /// The pullback φ*α along a map of charts φ: source → target, given by the target coordinates as
    /// functions of the source coordinates: coefficients are composed with φ, dxⁱ ↦ Σ_j ∂φⁱ/∂y^j dy^j.
    /// </summary>
    public Form Pullback(ChartMap map)
    {
        if (!Chart.Equals(map.Target)) throw new SymbolicException($"the map goes into {map.Target}, the form lives on {Chart}");
        var src = map.Source;
        var subst = new Dictionary<Expr, Expr>();
        for (int i = 0; i < Chart.Dimension; i++) subst[Chart.Coordinates[i]] = map.Components[i];
        var dphi = new Dictionary<int, Expr>[Chart.Dimension];
        for (int i = 0; i < Chart.Dimension; i++)
            dphi[i] = FormOps.D(F, new Dictionary<int, Expr> { [0] = map.Components[i] }, src.Coordinates);
        var result = new Dictionary<int, Expr>();
        foreach (var (m, c) in Data)
        {
            var acc = new Dictionary<int, Expr> { [0] = Substitution.Apply(c, subst) };
            foreach (var i in FormOps.Indices(m)) acc = FormOps.Wedge(F, acc, dphi[i]);
            foreach (var (mm, cc) in acc) FormOps.AddTo(F, result, mm, cc);
        }
        return new Form(src, Degree, result);
    }

    /// <summary>Each coefficient simplified by the kernel's normal form; zero terms dropped.</summary>
    public Form Simplify(Budget? budget = null)
    {
        var d = new Dictionary<int, Expr>();
        foreach (var (m, c) in Data)
        {
            var s = Normal.Simplify(c, budget);
            if (!s.IsZero) d[m] = s;
        }
        return new Form(Chart, Degree, d);
    }

    /// <summary>True when the form is zero after simplification of its coefficients.</summary>
    public bool IsZeroBySimplification(Budget? budget = null) => Data.Values.All(c => Normal.IsZero(c, budget));

    /// <summary>
    /// The form as one kernel expression Σ c·wedge(d(x), d(y), …) with the user heads <c>d</c> and <c>wedge</c>,
    /// for printers (a 1-form term is c·d(x), a 0-form is its function).
    /// </summary>
    public Expr ToExpr()
    {
        var terms = new List<Expr>();
        foreach (var (basis, c) in Terms)
        {
            if (basis.Count == 0) { terms.Add(c); continue; }
            var ds = basis.Select(x => Call.Of(DHead, x)).ToArray();
            terms.Add(c * (ds.Length == 1 ? ds[0] : Call.Of(WedgeHead, ds)));
        }
        return Sum.Of(terms);
    }

    /// <summary>The function head d of <see cref="ToExpr"/>.</summary>
    public static readonly Function DHead = Function.D;
    /// <summary>The function head wedge of <see cref="ToExpr"/>.</summary>
    public static readonly Function WedgeHead = Function.Wedge;

    /// <summary>Text form: <c>cos(theta) dtheta^dphi</c>.</summary>
    public override string ToString()
    {
        if (IsZero) return "0";
        var sb = new StringBuilder();
        foreach (var (basis, c) in Terms)
        {
            if (sb.Length > 0) sb.Append(" + ");
            var b = string.Join("^", basis.Select(x => "d" + x.Name));
            if (basis.Count == 0) sb.Append(c);
            else if (c.IsOne) sb.Append(b);
            else sb.Append(c is Sum ? $"({c})" : c.ToString()).Append(' ').Append(b);
        }
        return sb.ToString();
    }

    /// <summary>Structural equality (same chart, degree and canonical coefficients).</summary>
    public bool Equals(Form? other) =>
        other is not null && Chart.Equals(other.Chart) && (Degree == other.Degree || IsZero && other.IsZero) && Data.Count == other.Data.Count &&
        Data.All(kv => other.Data.TryGetValue(kv.Key, out var c) && c.Equals(kv.Value));
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Form);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Chart, Degree, Data.Count);
}

/// <summary>
/// A map of charts φ: source → target written as the target coordinates in terms of the source ones
/// (x = r cos θ, y = r sin θ). Used by <see cref="Form.Pullback"/>.
/// </summary>
/// <example><code>var polar = new ChartMap(new Chart(r, theta), new Chart(x, y), r * Expr.Cos(theta), r * Expr.Sin(theta));</code></example>
public sealed class ChartMap
{
    /// <summary>The chart the map starts from (where pulled-back forms live).</summary>
    public Chart Source { get; }
    /// <summary>The chart the map goes into.</summary>
    public Chart Target { get; }
    /// <summary>The target coordinates as expressions in the source coordinates.</summary>
    public IReadOnlyList<Expr> Components { get; }

    /// <summary>A map of charts.</summary>
    public ChartMap(Chart source, Chart target, params Expr[] components)
    {
        if (components.Length != target.Dimension) throw new SymbolicException($"the map needs {target.Dimension} components (one per target coordinate), got {components.Length}");
        Source = source; Target = target; Components = components;
    }
}
