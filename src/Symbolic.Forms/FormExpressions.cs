using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>
/// Differential forms written as kernel expressions (as the LaTeX reader lowers them): an expression that contains
/// d(…) or wedge(…) is read as a form on a chart and evaluated: d is the exterior derivative, ∧ the wedge product,
/// and ω^k (ω alone is ω^1) stands for the k-th 1-form of a coframe when one is given.
/// </summary>
public sealed partial class Form
{
    /// <summary>True when the expression mentions the exterior derivative d(…) or a wedge product.</summary>
    public static bool IsFormExpression(Expr e) =>
        e is Call c && (c.Function.Equals(Function.D) || c.Function.Equals(Function.Wedge)) || e.Children.Any(IsFormExpression);

    /// <summary>
    /// The chart to evaluate <paramref name="e"/> on: the metric's chart when a coframe is given or the metric has every
    /// coordinate the expression differentiates, otherwise the free symbols of the d(…) arguments, ordered as in
    /// <paramref name="appearances"/> (the reader's <c>LatexSource.FirstAppearances</c>; null: as found in the expression).
    /// </summary>
    /// <exception cref="SymbolicException">No metric applies and nothing is differentiated.</exception>
    public static Chart ChartFor(Expr e, Metric? metric = null, IReadOnlyList<Form>? coframe = null, IReadOnlyList<Expr>? appearances = null)
    {
        var names = new List<Symbol>();
        void Collect(Expr x)
        {
            if (x is Call c && c.Function.Equals(Function.D))
                foreach (var s in c.Args.SelectMany(a => a.FreeSymbols())) { if (!names.Any(n => n.Name == s.Name)) names.Add(s); }
            foreach (var ch in x.Children) Collect(ch);
        }
        Collect(e);
        if (metric is not null && (coframe is not null || names.All(n => metric.Chart.Coordinates.Any(c => c.Name == n.Name))))
            return metric.Chart;
        if (names.Count == 0) throw new SymbolicException("no coordinates: write differentials such as d\\theta");
        if (appearances is null) return new Chart(names);
        var written = appearances.OfType<Symbol>().Select(s => s.Name).ToList();
        return new Chart(names.OrderBy(n => written.IndexOf(n.Name) is var i and >= 0 ? i : int.MaxValue).ToList());
    }

    /// <summary>Evaluates the kernel expression <paramref name="e"/> as a form on <paramref name="chart"/>.</summary>
    /// <param name="e">The expression: sums and products of functions, d(…), wedge(…) and, with a coframe, ω^k.</param>
    /// <param name="chart">The chart.</param>
    /// <param name="coframe">The coframe's 1-forms ω^1…ω^n, or null.</param>
    /// <example><code>
    /// var chart = new Chart(theta, phi);
    /// Form.FromExpr(Call.Of(Function.D, Expr.Sin(theta) * Call.Of(Function.D, phi)), chart);   // cos θ dθ∧dφ
    /// </code></example>
    /// <exception cref="SymbolicException">Forms of different degrees added, or two forms multiplied without ∧.</exception>
    public static Form FromExpr(Expr e, Chart chart, IReadOnlyList<Form>? coframe = null)
    {
        if (Omega(e, coframe) is { } w) return w;
        switch (e)
        {
            case Call c when c.Function.Equals(Function.D) && c.Args.Length == 1:
                if (c.Args[0] is Symbol s && chart.Coordinates.FirstOrDefault(x => x.Name == s.Name) is { } x) return chart.D(x);
                return FromExpr(c.Args[0], chart, coframe).D();
            case Call c when c.Function.Equals(Function.Wedge):
                return Wedge(FromExpr(c.Args[0], chart, coframe), c.Args.Skip(1).Select(a => FromExpr(a, chart, coframe)).ToArray());
            case Sum sum:
            {
                var parts = sum.Children.Select(t => FromExpr(t, chart, coframe)).Where(f => !f.IsZero).ToList();
                if (parts.Count == 0) return chart.Zero(0);
                var degree = parts[0].Degree;
                if (parts.Any(p => p.Degree != degree)) throw new SymbolicException("cannot add forms of different degrees");
                return parts.Aggregate((a, b) => a + b);
            }
            case Product p:
            {
                Expr scalar = Expr.One;
                Form? form = null;
                foreach (var f in p.Children)
                {
                    if (!IsFormExpression(f) && Omega(f, coframe) is null) { scalar = scalar * f; continue; }
                    var g = FromExpr(f, chart, coframe);
                    if (g.Degree == 0) { scalar = scalar * g.Coefficient(); continue; }
                    if (form is not null) throw new SymbolicException("a product of two forms is ambiguous here: write \\wedge between them");
                    form = g;
                }
                return form is null ? chart.Scalar(scalar) : scalar * form;
            }
            default:
                if (IsFormExpression(e)) throw new SymbolicException($"cannot read {e} as a differential form");
                return chart.Scalar(e);
        }
    }

    /// <summary>k for ω (= ω^1) or ω^k with an integer k, the name of the k-th coframe 1-form; null for anything else.</summary>
    public static int? CoframeIndex(Expr e) => e switch
    {
        Symbol { Name: "omega" } => 1,
        Power { Base: Symbol { Name: "omega" }, Exponent: Number n } when n.Value.IsInteger => (int)n.Value.Num,
        _ => null,
    };

    /// <summary>ω (= ω^1) or ω^k as the k-th coframe 1-form, when a coframe is given.</summary>
    private static Form? Omega(Expr e, IReadOnlyList<Form>? coframe)
    {
        if (coframe is null) return null;
        if (CoframeIndex(e) is not { } k || k == 0) return null;
        if (k < 1 || k > coframe.Count) throw new SymbolicException($"the coframe has ω^1 … ω^{coframe.Count}, not ω^{k}");
        return coframe[k - 1];
    }
}
