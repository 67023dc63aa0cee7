using Symbolic.Core;
using Symbolic.Forms;
using Symbol = Symbolic.Core.Symbol;

namespace Symbolic.Cli;

/// <summary>
/// Differential forms typed as LaTeX in the REPL: a lowered expression that contains d(…) or wedge(…) is
/// read as a form on a chart (the session metric's chart, or the coordinates it mentions) and evaluated
/// with <see cref="Form"/>: d is the exterior derivative, ∧ the wedge product, and ω^k (ω alone is ω^1)
/// stands for the k-th 1-form of the session's coframe when <c>:coframe</c> set one.
/// </summary>
public static class FormArithmetic
{
    /// <summary>True when the expression mentions the differential operator d(…) or a wedge product.</summary>
    public static bool IsFormExpression(Expr e) =>
        e is Call c && c.Function.IsOperator && (c.Function.Name is "d" or "wedge") || e.Children.Any(IsFormExpression);

    /// <summary>
    /// The chart to evaluate on: the metric's chart when it has every coordinate the expression differentiates,
    /// otherwise the free symbols of the d(…) arguments, ordered by first appearance in <paramref name="source"/>.
    /// </summary>
    public static Chart ChartFor(Expr e, Metric? metric, IReadOnlyList<Form>? coframe, string source)
    {
        var names = new List<Symbol>();
        void Collect(Expr x)
        {
            if (x is Call c && c.Function.IsOperator && c.Function.Name == "d")
                foreach (var s in c.Args.SelectMany(a => a.FreeSymbols())) { if (!names.Any(n => n.Name == s.Name)) names.Add(s); }
            foreach (var ch in x.Children) Collect(ch);
        }
        Collect(e);
        if (metric is not null && (coframe is not null || names.All(n => metric.Chart.Coordinates.Any(c => c.Name == n.Name))))
            return metric.Chart;
        if (names.Count == 0) throw new SymbolicException("no coordinates: write differentials such as d\\theta");
        return new Chart(names.OrderBy(n => Position(source, n.Name)).ToList());
    }

    private static int Position(string source, string name)
    {
        var m = System.Text.RegularExpressions.Regex.Match(source, @"\\?" + System.Text.RegularExpressions.Regex.Escape(name) + @"(?![A-Za-z])");
        return m.Success ? m.Index : int.MaxValue;
    }

    /// <summary>Evaluates the lowered expression as a form on <paramref name="chart"/>.</summary>
    /// <param name="e">The lowered expression.</param>
    /// <param name="chart">The chart.</param>
    /// <param name="coframe">The coframe's 1-forms ω^1…ω^n, or null.</param>
    public static Form Evaluate(Expr e, Chart chart, IReadOnlyList<Form>? coframe)
    {
        if (Omega(e, coframe) is { } w) return w;
        switch (e)
        {
            case Call c when c.Function.IsOperator && c.Function.Name == "d" && c.Args.Length == 1:
                if (c.Args[0] is Symbol s && chart.Coordinates.FirstOrDefault(x => x.Name == s.Name) is { } x) return chart.D(x);
                return Evaluate(c.Args[0], chart, coframe).D();
            case Call c when c.Function.IsOperator && c.Function.Name == "wedge":
                return Form.Wedge(Evaluate(c.Args[0], chart, coframe), c.Args.Skip(1).Select(a => Evaluate(a, chart, coframe)).ToArray());
            case Sum sum:
            {
                var parts = sum.Children.Select(t => Evaluate(t, chart, coframe)).Where(f => !f.IsZero).ToList();
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
                    var g = Evaluate(f, chart, coframe);
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

    /// <summary>ω (= ω^1) or ω^k as the k-th coframe 1-form, when a coframe is set.</summary>
    private static Form? Omega(Expr e, IReadOnlyList<Form>? coframe)
    {
        if (coframe is null) return null;
        int k = e switch
        {
            Symbol { Name: "omega" } => 1,
            Power { Base: Symbol { Name: "omega" }, Exponent: Number n } when n.Value.IsInteger => (int)n.Value.Num,
            _ => 0,
        };
        if (k == 0) return null;
        if (k < 1 || k > coframe.Count) throw new SymbolicException($"the coframe has ω^1 … ω^{coframe.Count}, not ω^{k}");
        return coframe[k - 1];
    }
}
