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
        var conventions = new Option<bool>("--conventions") { Description = "Print the full index and sign conventions (default: one line)." };
        root.Add(OneShotCommands.Create("curvature", "Curvature of the metric of a line element ds^2 = …", input =>
        {
            var metric = ReadMetric(input.Latex, input.Parsed.GetValue(coords), input.Context);
            var asked = ParseWhat(input.Parsed.GetValue(what) ?? "all");
            var result = Symbolic.Forms.Curvature.Run(metric, asked, input.Parsed.GetValue(route) switch
            {
                "christoffel" => CurvatureRoute.Christoffel,
                "cartan" => CurvatureRoute.Cartan,
                _ => null,
            }, input.Budget);
            var components = input.Parsed.GetValue(zeros) ? result.WithZeros(asked) : result.Components;
            // A scalar asked for by name is printed even when it is zero (R = 0 is the answer to "what is R?").
            var named = NamedScalars(input.Parsed.GetValue(what) ?? "all");
            if (named != CurvatureQuantities.None && !input.Parsed.GetValue(zeros))
                components = result.WithZeros(asked).Where(c => !c.Value.IsZero || named.HasFlag(c.Quantity)).ToList();
            var lines = components.Select(c => new LoweredEquation(c.Label, c.Value)).ToList();
            // The index order and sign conventions are printed with the results.
            return new OneShotResult(lines, result.Derivation)
            {
                Note = input.Parsed.GetValue(conventions) ? Symbolic.Forms.Curvature.ConventionsText : ShortConventions,
                Verified = components.Select(c => c.Verified).ToList(),
            };
        }, coords, what, route, zeros, conventions));
    }

    /// <summary>The conventions in one line; <c>--conventions</c> prints <see cref="Symbolic.Forms.Curvature.ConventionsText"/>.</summary>
    public const string ShortConventions =
        "Conventions: R^μ_{νβγ} = ∂_β Γ^μ_{νγ} − ∂_γ Γ^μ_{νβ} + Γ^μ_{αβ} Γ^α_{νγ} − Γ^μ_{αγ} Γ^α_{νβ}, R_{νγ} = R^μ_{νμγ}, " +
        "R = g^{νγ} R_{νγ}; independent nonzero components only (--conventions for all the conventions and labels).";

    /// <summary>The scalar quantities (scalar, kretschmann) that a --what list names explicitly ("all" names none).</summary>
    public static CurvatureQuantities NamedScalars(string what)
    {
        var named = CurvatureQuantities.None;
        foreach (var part in what.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part is "scalar" or "ricci_scalar") named |= CurvatureQuantities.Scalar;
            else if (part == "kretschmann") named |= CurvatureQuantities.Kretschmann;
        }
        return named;
    }

    /// <summary>
    /// Reads a line element (<c>ds^2 = …</c> or just its right side) into a metric, names applied to the coordinates
    /// (a(t), \Phi(r)) being functions of them; such functions are declared in <paramref name="context"/> for later input.
    /// </summary>
    public static Metric ReadMetric(string latex, string? coords, LoweringContext context)
    {
        var reading = context.Clone();
        reading.FunctionsOfDifferentials = true;
        var value = LatexMath.ReadOne(latex, reading);
        var listed = string.IsNullOrWhiteSpace(coords) ? null
            : InputText.SplitTopLevel(coords, ',').Where(p => p.Length > 0).Select(p => LatexMath.ReadOne(p, context) as Symbol
                ?? throw new UsageException($"--coords: {p} is not a coordinate name")).ToList();
        var metric = Metric.FromLineElement(value, listed, LatexSource.FirstAppearances(latex, reading));
        foreach (var (name, args) in metric.FunctionsOfCoordinates()) context.Functions.TryAdd(name, args);
        return metric;
    }

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
        var result = Symbolic.Forms.Curvature.Run(metric, ParseWhat(what), null, call.Budget, call.Session.Coframe);
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
            var k = Form.CoframeIndex(left) ?? throw new UsageException($"the left side must be \\omega^k, not {call.Session.Show(left)}");
            if (k < 1 || k > metric.Dimension) throw new UsageException($"a coframe of this metric has \\omega^1 … \\omega^{metric.Dimension}");
            var form = Form.FromExpr(right, metric.Chart);
            if (form.Degree != 1 && !form.IsZero) throw new SymbolicException($"\\omega^{k} must be a 1-form");
            forms[k - 1] = form;
        }
        if (forms.Any(f => f is null)) throw new UsageException($"give all {metric.Dimension} 1-forms \\omega^1 … \\omega^{metric.Dimension}");
        var list = forms.Select(f => f!).ToList();
        var frame = Coframe.FromForms(metric, list);
        call.Session.Coframe = frame;
        return CommandCall.Message("coframe: " + string.Join("; ", list.Select((f, i) => $"\\omega^{{{i + 1}}} = {call.Session.Show(f.ToExpr())}"))
            + " (η = diag(" + string.Join(", ", frame.Eta) + "))");
    }

    private static CommandOutput Cartan(CommandCall call)
    {
        var metric = call.Session.Metric ?? throw new UsageException(@"no metric yet: set one with :metric ds^2 = …");
        var result = Symbolic.Forms.Curvature.Run(metric, CurvatureQuantities.Connection | CurvatureQuantities.CurvatureForms, CurvatureRoute.Cartan, call.Budget, call.Session.Coframe);
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
