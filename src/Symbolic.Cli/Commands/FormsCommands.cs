using System.CommandLine;
using Symbolic.Core;
using Symbolic.Forms;
using Symbolic.Latex;
using Symbol = Symbolic.Core.Symbol;

namespace Symbolic.Cli.Commands;

/// <summary>
/// Commands of the Forms module: <c>symbolic curvature</c> and the REPL's <c>:metric</c>, <c>:curvature</c>,
/// <c>:ricci</c>, <c>:kretschmann</c>, <c>:christoffel</c>. A line element ds² = Σ c dxⁱ dx^j is read into a
/// <see cref="Metric"/> (coordinates in the order their differentials first appear unless listed).
/// </summary>
public static class FormsCommands
{
    /// <summary>Adds the Forms commands to <paramref name="table"/>.</summary>
    public static void Register(CommandTable table)
    {
        table.Add(new ReplCommand("metric", @":metric ds^2 = …[, coords]", "set the session's metric from a line element", SetMetric)
        {
            Details = """
                The coordinates are those whose differentials appear, in order of first appearance, or the letters
                listed after the line element. A cross term c dt d\phi gives c/2 to g_{t\phi} and to g_{\phi t}.
                Example:  :metric ds^2 = d\theta^2 + \sin^2\theta d\phi^2
                """,
        });
        table.Add(new ReplCommand("curvature", ":curvature [what]", "curvature of the session's metric (what: ricci,scalar,kretschmann,…; default all)",
            call => Curvature(call, call.Arguments.Length == 0 ? "all" : call.Arguments)));
        table.Add(new ReplCommand("ricci", ":ricci", "Ricci tensor and scalar of the session's metric", call => Curvature(call, "ricci,scalar")));
        table.Add(new ReplCommand("kretschmann", ":kretschmann", "Kretschmann scalar of the session's metric", call => Curvature(call, "kretschmann")));
        table.Add(new ReplCommand("christoffel", ":christoffel", "Christoffel symbols of the session's metric", call => Curvature(call, "christoffel")));
        table.Add(new ReplCommand("coframe", @":coframe \omega^1 = …, \omega^2 = …", "set an orthonormal coframe for the session's metric (checked against it)", SetCoframe)
        {
            Details = """
                One 1-form per coordinate, numbered from 1; the signs η are those that make η_μν ω^μ ω^ν equal the metric.
                Example:  :coframe \omega^1 = d\theta, \omega^2 = \sin\theta d\phi
                Afterwards \omega^1 \wedge \omega^2 typed alone is evaluated with these forms.
                """,
        });
        table.Add(new ReplCommand("cartan", ":cartan", "Cartan's structure equations: ω^μ, dω^μ, connection 1-forms ω^μ_ν, curvature 2-forms 𝓡^μ_ν", Cartan));
        table.Add(new ReplCommand("connection", ":connection", "connection 1-forms ω^μ_ν of the session's coframe", call => Curvature(call, "connection")));
        table.Add(new ReplCommand("riemann", ":riemann", "Riemann tensor R^μ_{νβγ} in coordinates (independent components)", call => Curvature(call, "riemann")));
        table.Add(new ReplCommand("einstein", ":einstein", "Einstein tensor G_{μν} of the session's metric", call => Curvature(call, "einstein")));
        table.Add(new ReplCommand("weyl", ":weyl", "Weyl tensor C_{μνβγ} (independent components) and C_{abcd}C^{abcd}", call => Curvature(call, "weyl")));
        table.Add(new ReplCommand("function", @":function \Phi(r)[, \Lambda(r) …]", "declare unknown functions of the given variables", DeclareFunctions));
    }

    /// <summary>Adds <c>symbolic curvature</c> to <paramref name="root"/>.</summary>
    public static void RegisterOneShot(RootCommand root)
    {
        var coords = new Option<string>("--coords") { Description = @"The coordinates in order, e.g. t,r,\theta,\phi (default: from the differentials)." };
        var what = new Option<string>("--what") { Description = "What to compute: christoffel, riemann, ricci, scalar, einstein, kretschmann, weyl, connection, curvature, frame_riemann, all.", DefaultValueFactory = _ => "all" };
        var route = new Option<string>("--route") { Description = "cartan or christoffel (default: christoffel when Christoffel symbols are asked for, else cartan)." };
        route.AcceptOnlyFromAmong("cartan", "christoffel");
        var zeros = new Option<bool>("--zeros") { Description = "Also print the components that are zero." };
        root.Add(OneShotCommands.Create("curvature", "Curvature of the metric of a line element ds^2 = …", input =>
        {
            var metric = ReadMetric(input.Latex, input.Parsed.GetValue(coords), input.Context);
            var asked = ParseWhat(input.Parsed.GetValue(what) ?? "all");
            var result = Compute(metric, asked, input.Parsed.GetValue(route) switch
            {
                "christoffel" => CurvatureRoute.Christoffel,
                "cartan" => CurvatureRoute.Cartan,
                _ => null,
            }, input.Budget);
            var components = Components(result, asked, input.Parsed.GetValue(zeros));
            var lines = components.Select(c => new LoweredEquation(c.Label, c.Value)).ToList();
            // The index order and sign conventions are printed with the results, as the issue asks.
            return new OneShotResult(lines, result.Derivation)
            {
                Note = Symbolic.Forms.Curvature.ConventionsText,
                Verified = components.Select(c => c.Verified).ToList(),
            };
        }, coords, what, route, zeros));
    }

    /// <summary>Reads a line element (<c>ds^2 = …</c> or just its right side) into a metric.</summary>
    public static Metric ReadMetric(string latex, string? coords, LoweringContext context)
    {
        var warned = context.Warnings.Count;
        var value = LatexMath.ReadOne(latex, context);
        // In a line element, a(t) or \Phi(r) applied to coordinates is a function of them, not a product:
        // declare such names and read again (a(t)^2 dr^2 is otherwise a·t²·dr²).
        var coordinateNames = Differentials(value).Select(s => s.Name).ToHashSet();
        var applied = System.Text.RegularExpressions.Regex.Matches(latex, @"(\\[A-Za-z]+|(?<![A-Za-z\\])[A-Za-z])\s*\(\s*([^()]*)\)")
            .Select(m => (Name: m.Groups[1].Value, Args: InputText.SplitTopLevel(m.Groups[2].Value, ',').Where(a => a.Length > 0).ToList()))
            .Where(a => a.Args.Count > 0 && a.Name != "\\left")
            .ToList();
        var declared = false;
        foreach (var (name, args) in applied)
        {
            string? Plain(string l) { try { return LatexMath.ReadOne(l, new LoweringContext()) is Symbol s ? s.Name : null; } catch (ParseError) { return null; } }
            var fn = Plain(name);
            var argNames = args.Select(Plain).ToList();
            if (fn is null || context.Functions.ContainsKey(fn) || coordinateNames.Contains(fn) || argNames.Any(a => a is null || !coordinateNames.Contains(a))) continue;
            context.Functions[fn] = argNames.Select(a => a!).ToList();
            declared = true;
        }
        if (declared)
        {
            while (context.Warnings.Count > warned) context.Warnings.RemoveAt(warned);   // the first reading's warnings no longer apply
            value = LatexMath.ReadOne(latex, context);
        }
        var listed = string.IsNullOrWhiteSpace(coords) ? null
            : InputText.SplitTopLevel(coords, ',').Where(p => p.Length > 0).Select(p => LatexMath.ReadOne(p, context) as Symbol
                ?? throw new UsageException($"--coords: {p} is not a coordinate name")).ToList();
        return MetricOf(value, listed, latex);
    }

    private static IEnumerable<Symbol> Differentials(Expr e) =>
        (e is Call { Function.Name: "d", Function.IsOperator: true, Args: [Symbol x] } ? new[] { x } : Enumerable.Empty<Symbol>())
            .Concat(e.Children.SelectMany(Differentials));

    /// <summary>The metric of a lowered line element: a sum of terms c·d(x)·d(y) or c·d(x)².</summary>
    /// <param name="lineElement">The lowered line element.</param>
    /// <param name="coordinates">The coordinates in order, or null to take those of the differentials.</param>
    /// <param name="source">The LaTeX typed, to order the inferred coordinates by first appearance (the lowered sum is reordered).</param>
    public static Metric MetricOf(Expr lineElement, IReadOnlyList<Symbol>? coordinates = null, string? source = null)
    {
        var rhs = lineElement is Relation r ? r.Right : lineElement;
        var terms = Terms(rhs) ?? Terms(Algebra.Expand(rhs))
            ?? throw new SymbolicException("not a line element: write ds^2 = a sum of terms c\\,dx\\,dy or c\\,dx^2 (e.g. ds^2 = d\\theta^2 + \\sin^2\\theta\\, d\\phi^2)");
        var found = new List<Symbol>();
        foreach (var (_, a, b) in terms)
            foreach (var s in new[] { a, b })
                if (!found.Any(f => f.Name == s.Name)) found.Add(s);
        List<Symbol> coords;
        if (coordinates is null) coords = source is null ? found : found.OrderBy(f => FirstDifferential(source, f.Name)).ToList();
        else
        {
            coords = coordinates.Select(c => found.FirstOrDefault(f => f.Name == c.Name) ?? c).ToList();
            var missing = found.Where(f => !coords.Any(c => c.Name == f.Name)).ToList();
            if (missing.Count > 0) throw new SymbolicException($"d{missing[0].Name} appears in the line element but {missing[0].Name} is not among the coordinates");
        }
        if (coords.Count == 0) throw new SymbolicException("not a line element: no differentials dx");
        var byName = coords.ToDictionary(c => c.Name);
        return Metric.FromTerms(coords, terms.Select(t => (t.Coefficient, byName[t.I.Name], byName[t.J.Name])));
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

    /// <summary>Where d x (or d\\theta, d{x}) first occurs in the LaTeX; int.MaxValue if nowhere.</summary>
    private static int FirstDifferential(string latex, string name)
    {
        var pattern = @"(?<![A-Za-z\\])d\s*\{?\s*\\?" + System.Text.RegularExpressions.Regex.Escape(name) + @"(?![A-Za-z])";
        var m = System.Text.RegularExpressions.Regex.Match(latex, pattern);
        return m.Success ? m.Index : int.MaxValue;
    }

    private static Symbol? Differential(Expr e) => e is Call c && c.Function.Equals(Function.D) && c.Args.Length == 1 && c.Args[0] is Symbol s ? s : null;

    private static bool ContainsDifferential(Expr e) => Differential(e) is not null || e.Children.Any(ContainsDifferential);

    /// <summary>The quantities named in a comma list such as <c>ricci,scalar</c>.</summary>
    public static CurvatureQuantities ParseWhat(string what)
    {
        var q = CurvatureQuantities.None;
        foreach (var part in what.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            q |= part.ToLowerInvariant() switch
            {
                "all" => CurvatureQuantities.All,
                "christoffel" or "gamma" => CurvatureQuantities.Christoffel,
                "connection" => CurvatureQuantities.Connection,
                "curvature" or "curvature_forms" => CurvatureQuantities.CurvatureForms,
                "frame_riemann" => CurvatureQuantities.FrameRiemann,
                "riemann" => CurvatureQuantities.Riemann,
                "ricci" => CurvatureQuantities.Ricci,
                "scalar" or "ricci_scalar" => CurvatureQuantities.Scalar,
                "einstein" => CurvatureQuantities.Einstein,
                "kretschmann" => CurvatureQuantities.Kretschmann,
                "weyl" => CurvatureQuantities.Weyl,
                _ => throw new UsageException($"unknown quantity {part} (christoffel, riemann, ricci, scalar, einstein, kretschmann, weyl, connection, curvature, frame_riemann, all)"),
            };
        if (q == CurvatureQuantities.None) throw new UsageException("nothing to compute");
        return q;
    }

    /// <summary>The components computed for a metric, in print order, and the steps.</summary>
    public sealed record CurvatureRun(Metric Metric, IReadOnlyList<CurvatureComponent> Components, Derivation Derivation)
    {
        /// <summary>A component by label, or 0 when it was computed and is zero (or not computed).</summary>
        public Expr this[string label] => Get(label)?.Value ?? Expr.Zero;

        /// <summary>The component with this label, or null.</summary>
        public CurvatureComponent? Get(string label) => Components.FirstOrDefault(c => c.Label == label);
    }

    private const CurvatureQuantities FrameOnly = CurvatureQuantities.Connection | CurvatureQuantities.CurvatureForms | CurvatureQuantities.FrameRiemann;

    /// <summary>Computes the named quantities of <paramref name="metric"/>.</summary>
    /// <remarks>
    /// Without a route: Christoffel symbols come from the Christoffel route (the Cartan route does not produce
    /// them) and everything else from the Cartan route; with both asked for, both run. With a route, only that
    /// route runs: the Christoffel route gives no frame quantities and the Cartan route no Christoffel symbols.
    /// </remarks>
    public static CurvatureRun Compute(Metric metric, CurvatureQuantities q, CurvatureRoute? chosen, Budget budget, Coframe? coframe = null)
    {
        CurvatureResult Run(CurvatureRoute route, CurvatureQuantities what) =>
            Symbolic.Forms.Curvature.Compute(metric, new CurvatureOptions { Route = route, What = what, Budget = budget, Coframe = coframe });
        if (chosen is { } only)
        {
            var r = Run(only, only == CurvatureRoute.Christoffel ? q & ~FrameOnly : q);
            return new CurvatureRun(metric, r.Components, r.Derivation);
        }
        var components = new List<CurvatureComponent>();
        var steps = new Derivation();
        if (q.HasFlag(CurvatureQuantities.Christoffel))
        {
            var gamma = Run(CurvatureRoute.Christoffel, CurvatureQuantities.Christoffel);
            components.AddRange(gamma.Components);
            steps.Append(gamma.Derivation);
        }
        var rest = q & ~CurvatureQuantities.Christoffel;
        if (rest != CurvatureQuantities.None)
        {
            if (coframe is null && !metric.IsDiagonal && (rest & (FrameOnly | CurvatureQuantities.Weyl)) == 0 && !HasObviousCoframe(metric))
            {
                // No coframe can be completed without knowing a sign (Kerr's g_tt changes sign at the ergosphere):
                // the coordinate quantities need none, so take the Christoffel route for them.
                var coordinate = Run(CurvatureRoute.Christoffel, rest);
                components.AddRange(coordinate.Components);
                steps.Append(coordinate.Derivation);
                return new CurvatureRun(metric, components, steps);
            }
            var cartan = Run(CurvatureRoute.Cartan, rest);
            components.AddRange(cartan.Components);
            steps.Append(cartan.Derivation);
        }
        return new CurvatureRun(metric, components, steps);
    }

    private static bool HasObviousCoframe(Metric metric)
    {
        try { Coframe.Orthonormal(metric); return true; }
        catch (SymbolicException) { return false; }
    }

    /// <summary>
    /// The components to print: the nonzero ones, or with <paramref name="zeros"/> also the zero coordinate
    /// components (Christoffel, Riemann, Ricci, scalar, Einstein, Kretschmann) of the requested quantities.
    /// </summary>
    public static IReadOnlyList<CurvatureComponent> Components(CurvatureRun result, CurvatureQuantities asked, bool zeros)
    {
        if (!zeros) return result.Components;
        var x = result.Metric.Chart.Coordinates.Select(c => c.Name).ToList();
        int n = x.Count;
        var list = new List<CurvatureComponent>();
        void Add(string label, CurvatureQuantities q) => list.Add(result.Get(label) ?? new CurvatureComponent(label, q, Expr.Zero));
        if (asked.HasFlag(CurvatureQuantities.Christoffel))
            for (int m = 0; m < n; m++) for (int a = 0; a < n; a++) for (int b = a; b < n; b++) Add($"christoffel[{x[m]},{x[a]},{x[b]}]", CurvatureQuantities.Christoffel);
        list.AddRange(result.Components.Where(c => c.Quantity is CurvatureQuantities.Connection or CurvatureQuantities.CurvatureForms or CurvatureQuantities.FrameRiemann));
        if (asked.HasFlag(CurvatureQuantities.Riemann))
            for (int m = 0; m < n; m++) for (int v = 0; v < n; v++) for (int b = 0; b < n; b++) for (int c = b + 1; c < n; c++) Add($"riemann[{x[m]},{x[v]},{x[b]},{x[c]}]", CurvatureQuantities.Riemann);
        if (asked.HasFlag(CurvatureQuantities.Ricci))
            for (int v = 0; v < n; v++) for (int c = v; c < n; c++) Add($"ricci[{x[v]},{x[c]}]", CurvatureQuantities.Ricci);
        if (asked.HasFlag(CurvatureQuantities.Scalar)) Add("scalar", CurvatureQuantities.Scalar);
        if (asked.HasFlag(CurvatureQuantities.Einstein))
            for (int v = 0; v < n; v++) for (int c = v; c < n; c++) Add($"einstein[{x[v]},{x[c]}]", CurvatureQuantities.Einstein);
        if (asked.HasFlag(CurvatureQuantities.Kretschmann)) Add("kretschmann", CurvatureQuantities.Kretschmann);
        list.AddRange(result.Components.Where(c => c.Quantity == CurvatureQuantities.Weyl));
        return list;
    }

    private static CommandOutput SetMetric(CommandCall call)
    {
        var parts = call.Parts(1);
        var coords = parts.Count > 1 ? string.Join(",", parts.Skip(1)) : null;
        var metric = ReadMetric(parts[0], coords, call.Session.Context);
        call.Session.Metric = metric;
        call.Session.Coframe = null;
        var names = string.Join(", ", metric.Chart.Coordinates.Select(c => call.Session.Show(c)));
        var g = metric.Components;
        var entries = new List<string>();
        for (int i = 0; i < metric.Dimension; i++)
            for (int j = i; j < metric.Dimension; j++)
                if (!g[i, j].IsZero) entries.Add($"g[{metric.Chart.Coordinates[i].Name},{metric.Chart.Coordinates[j].Name}] = {call.Session.Show(g[i, j])}");
        return CommandCall.Message($"metric in ({names}): " + string.Join("; ", entries));
    }

    private static CommandOutput Curvature(CommandCall call, string what)
    {
        var metric = call.Session.Metric ?? throw new UsageException(@"no metric yet: set one with :metric ds^2 = …");
        var result = Compute(metric, ParseWhat(what), null, call.Budget, call.Session.Coframe);
        call.Steps.Append(result.Derivation);
        var components = result.Components;
        if (components.Count == 0) return CommandCall.Message($"all components are zero ({what})");
        return CommandCall.Message(string.Join("\n", components.Select(c => $"{c.Label} = {call.Session.Show(call.Present(c.Value))}")));
    }

    private static CommandOutput SetCoframe(CommandCall call)
    {
        var metric = call.Session.Metric ?? throw new UsageException(@"no metric yet: set one with :metric ds^2 = …");
        var parts = call.Parts(1);
        var forms = new Form?[metric.Dimension];
        foreach (var part in parts)
        {
            if (call.Read(part) is not Relation { Left: var left, Right: var right })
                throw new UsageException($"usage: {call.Command.Usage}");
            int k = left switch
            {
                Symbol { Name: "omega" } => 1,
                Power { Base: Symbol { Name: "omega" }, Exponent: Number n } when n.Value.IsInteger => (int)n.Value.Num,
                _ => throw new UsageException($"the left side must be \\omega^k, not {call.Session.Show(left)}"),
            };
            if (k < 1 || k > metric.Dimension) throw new UsageException($"a coframe of this metric has \\omega^1 … \\omega^{metric.Dimension}");
            var form = FormArithmetic.Evaluate(right, metric.Chart, null);
            if (form.Degree != 1 && !form.IsZero) throw new SymbolicException($"\\omega^{k} must be a 1-form");
            forms[k - 1] = form;
        }
        if (forms.Any(f => f is null)) throw new UsageException($"give all {metric.Dimension} 1-forms \\omega^1 … \\omega^{metric.Dimension}");
        var list = forms.Select(f => f!).ToList();
        Coframe? frame = null;
        SymbolicException? last = null;
        foreach (var eta in Signs(metric))
        {
            try { frame = Coframe.FromForms(metric, list, eta); break; }
            catch (SymbolicException e) { last = e; }
        }
        call.Session.Coframe = frame ?? throw last!;
        return CommandCall.Message("coframe: " + string.Join("; ", list.Select((f, i) => $"\\omega^{{{i + 1}}} = {call.Session.Show(f.ToExpr())}"))
            + " (η = diag(" + string.Join(", ", frame.Eta) + "))");
    }

    /// <summary>The candidate η: the metric's signature first, then every other choice of signs.</summary>
    private static IEnumerable<int[]> Signs(Metric metric)
    {
        int n = metric.Dimension;
        int[]? first = null;
        try { first = metric.Signature(); } catch (SymbolicException) { }
        if (first is not null) yield return first;
        for (int bits = 0; bits < 1 << n; bits++)
        {
            var eta = Enumerable.Range(0, n).Select(i => (bits >> i & 1) == 0 ? 1 : -1).ToArray();
            if (first is null || !eta.SequenceEqual(first)) yield return eta;
        }
    }

    private static CommandOutput Cartan(CommandCall call)
    {
        var metric = call.Session.Metric ?? throw new UsageException(@"no metric yet: set one with :metric ds^2 = …");
        var result = Compute(metric, CurvatureQuantities.Connection | CurvatureQuantities.CurvatureForms, CurvatureRoute.Cartan, call.Budget, call.Session.Coframe);
        call.Steps.Append(result.Derivation);
        var frame = call.Session.Coframe ?? Coframe.Orthonormal(metric);
        var lines = new List<string>();
        var omegas = frame.Forms;
        // \omega^{1}, d\omega^{1} in LaTeX (a label reads back); omega^1 in text.
        bool latex = call.Session.Format == OutputFormat.Latex;
        for (int i = 0; i < omegas.Count; i++)
            lines.Add($"{(latex ? $"\\omega^{{{i + 1}}}" : $"omega^{i + 1}")} = {ShowForm(call, omegas[i])}");
        for (int i = 0; i < omegas.Count; i++)
            lines.Add($"{(latex ? $"d\\omega^{{{i + 1}}}" : $"d omega^{i + 1}")} = {ShowForm(call, omegas[i].D().Simplify(call.Budget))}");
        lines.AddRange(result.Components.Select(c => $"{c.Label} = {call.Session.Show(call.Present(c.Value))}"));
        return CommandCall.Message(string.Join("\n", lines));
    }

    private static string ShowForm(CommandCall call, Form f) => f.IsZero ? "0" : call.Session.Show(call.Present(f.ToExpr()));

    private static CommandOutput DeclareFunctions(CommandCall call)
    {
        var declared = new List<string>();
        foreach (var part in call.Parts(1)) declared.Add(Declarations.Function(part, call.Session.Context, call.Command.Usage).Written);
        return CommandCall.Message("functions: " + string.Join(", ", declared));
    }
}
