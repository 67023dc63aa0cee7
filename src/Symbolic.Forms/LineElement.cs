using Symbolic.Core;

namespace Symbolic.Forms;

/// <summary>Reading a line element ds² = Σ c dxⁱ dx^j into a metric.</summary>
public sealed partial class Metric
{
    /// <summary>
    /// The metric of a line element <c>ds^2 = …</c> (or just its right side) as the reader lowers it: a sum of terms
    /// c·d(x)·d(y) or c·d(x)², where a cross term c dt dφ gives c/2 to g_tφ and to g_φt.
    /// </summary>
    /// <param name="lineElement">The lowered line element.</param>
    /// <param name="coordinates">The coordinates in order, or null to take those of the differentials.</param>
    /// <param name="appearances">The symbols and differentials in the order they are written (the reader's
    /// <c>LatexSource.FirstAppearances</c>), which orders inferred coordinates; null: the order of the lowered sum.</param>
    /// <example><code>
    /// var ds2 = LatexMath.ReadOne(@"ds^2 = d\theta^2 + \sin^2\theta\, d\phi^2");
    /// var sphere = Metric.FromLineElement(ds2);   // coordinates (θ, φ), g = diag(1, sin²θ)
    /// </code></example>
    /// <exception cref="SymbolicException">Not a sum of such terms, or a differential whose variable is not among <paramref name="coordinates"/>.</exception>
    public static Metric FromLineElement(Expr lineElement, IReadOnlyList<Symbol>? coordinates = null, IReadOnlyList<Expr>? appearances = null)
    {
        var rhs = lineElement is Relation r ? r.Right : lineElement;
        var terms = Terms(rhs) ?? Terms(Algebra.Expand(rhs))
            ?? throw new SymbolicException("not a line element: write ds^2 = a sum of terms c\\,dx\\,dy or c\\,dx^2 (e.g. ds^2 = d\\theta^2 + \\sin^2\\theta\\, d\\phi^2)");
        var found = new List<Symbol>();
        foreach (var (_, a, b) in terms)
            foreach (var s in new[] { a, b })
                if (!found.Any(f => f.Name == s.Name)) found.Add(s);
        // ds² = … + r² dΩ²: in the articles dΩ² is the unit 2-sphere dθ² + sin²θ dφ², not a coordinate Ω; read as a
        // coordinate it gave a three-dimensional metric and a wrong curvature without a word. Listed, Ω is a coordinate.
        if (coordinates is null && found.FirstOrDefault(f => f.Parts is { Base: "Omega", Accents.IsEmpty: true, Upper.IsEmpty: true }) is { } omega)
            throw new SymbolicException($"d{omega.Name} in a line element usually stands for the unit 2-sphere d\\theta^2 + \\sin^2\\theta\\, d\\phi^2: write it out, or list {omega.Name} among the coordinates to read it as one");
        List<Symbol> coords;
        if (coordinates is null) coords = appearances is null ? found : found.OrderBy(f => FirstDifferential(appearances, f)).ToList();
        else
        {
            coords = coordinates.Select(c => found.FirstOrDefault(f => f.Name == c.Name) ?? c).ToList();
            var missing = found.Where(f => !coords.Any(c => c.Name == f.Name)).ToList();
            if (missing.Count > 0) throw new SymbolicException($"d{missing[0].Name} appears in the line element but {missing[0].Name} is not among the coordinates");
        }
        if (coords.Count == 0) throw new SymbolicException("not a line element: no differentials dx");
        var byName = coords.ToDictionary(c => c.Name);
        return FromTerms(coords, terms.Select(t => (t.Coefficient, byName[t.I.Name], byName[t.J.Name])));
    }

    private static List<(Expr Coefficient, Symbol I, Symbol J)>? Terms(Expr rhs)
    {
        var list = new List<(Expr, Symbol, Symbol)>();
        foreach (var term in rhs is Sum s ? s.Children : [rhs])
        {
            var factors = term is Product p ? p.Children : [term];
            var diffs = new List<Symbol>();
            var coefficient = new List<Expr>();
            foreach (var f in factors)
            {
                if (Differential(f) is { } x) diffs.Add(x);
                else if (f is Power { Base: var b, Exponent: var e } && Differential(b) is { } y && e.Equals(Number.Of(2))) { diffs.Add(y); diffs.Add(y); }
                else if (ContainsDifferential(f)) return null;
                else coefficient.Add(f);
            }
            if (diffs.Count != 2) return null;
            list.Add((Product.Of(coefficient), diffs[0], diffs[1]));
        }
        return list;
    }

    /// <summary>Where d(x) is first written among <paramref name="appearances"/>; int.MaxValue if nowhere.</summary>
    private static int FirstDifferential(IReadOnlyList<Expr> appearances, Symbol x)
    {
        for (int i = 0; i < appearances.Count; i++)
            if (Differential(appearances[i]) is { } s && s.Name == x.Name) return i;
        return int.MaxValue;
    }

    private static Symbol? Differential(Expr e) => e is Call c && c.Function.Equals(Function.D) && c.Args.Length == 1 && c.Args[0] is Symbol s ? s : null;

    private static bool ContainsDifferential(Expr e) => Differential(e) is not null || e.Children.Any(ContainsDifferential);

    /// <summary>The unknown functions of the coordinates in the metric (a(t), Φ(r)): each name with its arguments, in chart order of first use.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Arguments)> FunctionsOfCoordinates()
    {
        var names = Chart.Coordinates.Select(c => c.Name).ToHashSet();
        var found = new List<(string, IReadOnlyList<string>)>();
        void Walk(Expr e)
        {
            if (e is Call { Function.IsUser: true } c && c.Args.Length > 0 && c.Args.All(a => a is Symbol s && names.Contains(s.Name))
                && !found.Any(f => f.Item1 == c.Function.Name))
                found.Add((c.Function.Name, c.Args.Select(a => ((Symbol)a).Name).ToList()));
            if (e is Derivative d) Walk(d.Function);
            foreach (var ch in e.Children) Walk(ch);
        }
        for (int i = 0; i < Dimension; i++) for (int j = i; j < Dimension; j++) Walk(G[i, j]);
        return found;
    }
}
