using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Symbolic.Core;
using Symbolic.Latex;
using Symbolic.Latex.Printing;

namespace Symbolic.Cli.Commands;

/// <summary>What a one-shot command's computation receives.</summary>
/// <param name="Latex">The LATEX argument.</param>
/// <param name="Context">The lowering context, with <c>--time</c> and <c>--assume</c> applied.</param>
/// <param name="Budget">The size limit and the cancellation of this run.</param>
/// <param name="Parsed">The whole command line, to read the command's own options (<c>parsed.GetValue(coords)</c>).</param>
public sealed record OneShotInput(string Latex, LoweringContext Context, Budget Budget, ParseResult Parsed);

/// <summary>What a one-shot command computed: the equations to print (with their labels) and the steps.</summary>
/// <param name="Results">The result lines, each with an optional label (\tag).</param>
/// <param name="Steps">The derivation (rule names and intermediate expressions), printed in JSON.</param>
public sealed record OneShotResult(IReadOnlyList<LoweredEquation> Results, Derivation Steps)
{
    /// <summary>A remark printed before the results (as <c>%</c> comment lines; in JSON, a first step "note"), e.g. the curvature conventions.</summary>
    public string? Note { get; init; }

    /// <summary>The self-check of each result, in the order of <see cref="Results"/> (null: none applies); JSON field <c>verified</c>.</summary>
    public IReadOnlyList<bool?>? Verified { get; init; }

    /// <summary>Reading decisions reported by the reader (printed on stderr; in JSON, <c>"warnings"</c>).</summary>
    public IReadOnlyList<ReadWarning> Warnings { get; init; } = [];
}

/// <summary>
/// One-shot subcommands that take LaTeX and print the result: <c>symbolic parse</c>, <c>symbolic eval</c>,
/// and (from the modules) <c>symbolic el</c>, <c>symbolic curvature</c>, … All share <see cref="Create"/>:
/// a LATEX argument, <c>--format latex|text|sympy|json</c>, exit code 1 with the message on stderr for a
/// parse or math error, 2 for a <see cref="UsageException"/> (a bad option value).
/// </summary>
/// <example><code>
/// var coords = new Option&lt;string&gt;("--coords") { Description = "generalized coordinates, e.g. x,y" };
/// root.Add(OneShotCommands.Create("el", "Euler–Lagrange equations of a Lagrangian",
///     input => { var q = input.Parsed.GetValue(coords); … return new OneShotResult(equations, derivation); },
///     coords));
/// </code></example>
public static class OneShotCommands
{
    /// <summary>The time limit of a one-shot command unless <c>--timeout</c> says otherwise, in seconds.</summary>
    public const double DefaultTimeoutSeconds = 60;

    /// <summary>
    /// How long after the time limit a computation that does not stop by itself is ended with the process. Tests that run
    /// commands inside the test host raise it, so that a slow stop on a loaded machine fails one test instead of the run.
    /// </summary>
    public static double HardStopGraceSeconds { get; set; } = 2;

    /// <summary>One part of <c>--assume</c>; a part that cannot be read is bad usage of the option (exit 2), named as such.</summary>
    private static (string Name, Assumptions Assumptions) ParseAssumptionOption(string part, LoweringContext context)
    {
        try { return CoreCommands.ParseAssumption(part, context); }
        catch (ParseError e) { throw new UsageException($"--assume \"{part}\": {e.Message}"); }
        catch (SymbolicException e) { throw new UsageException($"--assume \"{part}\": {e.Message}"); }
    }

    /// <summary>The names <c>--format</c> accepts.</summary>
    public static readonly string[] FormatNames = ["latex", "text", "sympy", "json"];

    /// <summary>Adds <c>parse</c> and <c>eval</c> to <paramref name="root"/>.</summary>
    public static void Register(RootCommand root)
    {
        root.Add(Create("parse", "Read LaTeX and print the expression it means, without simplifying.", i => Parse(i.Latex, i.Context, i.Budget)));
        root.Add(Create("eval", "Read LaTeX, simplify, and print the result.", i => Eval(i.Latex, i.Context, i.Budget)));
    }

    /// <summary>Reads and lowers every line of <paramref name="latex"/>.</summary>
    public static OneShotResult Parse(string latex, LoweringContext context, Budget budget)
    {
        var steps = new Derivation();
        var read = LatexMath.Read(latex, context);
        foreach (var eq in read) steps.Record("read", null, eq.Value);
        return new OneShotResult(read, steps);
    }

    /// <summary>Reads, lowers and simplifies every line of <paramref name="latex"/>.</summary>
    public static OneShotResult Eval(string latex, LoweringContext context, Budget budget)
    {
        var steps = new Derivation();
        var results = new List<LoweredEquation>();
        var verified = new List<bool?>();
        var read = LatexMath.Read(latex, context);
        if (read.Count == 0)
            throw new SymbolicException("nothing to evaluate: the input has no formula (only separators such as =, & or a \\tag)");
        foreach (var eq in read)
        {
            steps.Record("read", null, eq.Value);
            SimplifyResult r;
            try { r = Simplifier.Run(Symbolic.Core.Integration.Integrator.EvaluateIntegrals(eq.Value, budget), budget); }
            catch (SymbolicException e) { throw ParseError.AtOffset(latex, eq.Offset, e.Message); }   // the refusal points at its equation
            if (!r.Complete)
            {
                if (r.StopReason?.Kind == StopKind.Cancelled) throw new OperationCanceledException();   // the time limit or Ctrl-C: reported as such
                throw ParseError.AtOffset(latex, eq.Offset, $"simplification stopped: {r.StopReason}");
            }
            results.Add(eq with { Value = steps.Record("simplify", eq.Value, r.Value) });
            verified.Add(r.Verified);
        }
        return new OneShotResult(results, steps) { Verified = verified };
    }

    /// <summary>
    /// A subcommand <paramref name="name"/> LATEX [--format F] [--time T] [--assume A] plus
    /// <paramref name="options"/>, that runs <paramref name="compute"/> and prints its results in the chosen format.
    /// </summary>
    public static Command Create(string name, string description, Func<OneShotInput, OneShotResult> compute, params Option[] options)
    {
        var latex = new Argument<string>("latex") { Description = "The LaTeX to read (quote it for the shell)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: latex, text, sympy or json.",
            DefaultValueFactory = _ => "latex",
        };
        format.AcceptOnlyFromAmong(FormatNames);
        var time = new Option<string>("--time")
        {
            Description = "The time variable of dotted letters.",
            DefaultValueFactory = _ => "t",
        };
        var assume = new Option<string[]>("--assume")
        {
            Description = @"Assumptions, as :assume takes them: ""r>0, m>0"", ""x \in \mathbb{R}"" (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var functions = new Option<string[]>("--functions")
        {
            Description = @"Unknown functions, as :function takes them: ""a(t)"", ""\Phi(r), \Lambda(r)"" (repeatable); without it a(t) is the product a·t.",
            AllowMultipleArgumentsPerToken = false,
        };
        var symbols = new Option<string[]>("--symbols")
        {
            Description = @"Letters that are plain symbols, as :symbol takes them: ""e"" makes e a symbol (a charge), not Euler's number.",
            AllowMultipleArgumentsPerToken = false,
        };
        var signature = new Option<string>("--signature")
        {
            Description = @"The metric signature for \partial_\mu\phi\partial^\mu\phi: +--- or -+++ (default: inferred from ½∂φ∂φ − ½m²φ², else -+++).",
        };
                var timeout = new Option<double>("--timeout")
        {
            Description = $"Stop after this many seconds (default {DefaultTimeoutSeconds:0}; 0 for no limit). The size budget is {Budget.DefaultMaxTerms:N0} terms and {Budget.Bytes(Budget.DefaultMaxBytes)} of memory.",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        var command = new Command(name, description) { latex, format, time, assume, functions, symbols, signature, timeout };
        foreach (var o in options) command.Add(o);
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            LoweringContext? context = null;
            var seconds = parsed.GetValue(timeout);
            if (seconds < 0 || double.IsNaN(seconds) || seconds > int.MaxValue / 1000)
            {
                error.WriteLine($"symbolic {name}: --timeout takes a number of seconds, 0 for no limit (got {seconds})");
                return Program.BadUsage;
            }
            using var clock = new CancellationTokenSource();
            if (seconds > 0) clock.CancelAfter(TimeSpan.FromSeconds(seconds));
            string TimeLimit() => $"error: stopped at the time limit of {seconds:0.###} s (--timeout SECONDS changes it, 0 for none)";
            // A computation that does not look at the clock often enough is stopped anyway, a little later: the process ends.
            using var watchdog = seconds > 0 ? new Timer(_ =>
            {
                error.WriteLine(TimeLimit());
                error.Flush();
                Environment.Exit(Program.MathError);
            }, null, TimeSpan.FromSeconds(seconds + HardStopGraceSeconds), Timeout.InfiniteTimeSpan) : null;
            var latexText = parsed.GetValue(latex) ?? "";
            try
            {
                context = new LoweringContext { Time = parsed.GetValue(time) ?? "t" };
                foreach (var text in parsed.GetValue(assume) ?? [])
                    foreach (var part in InputText.SplitTopLevel(text, ',').Where(p => p.Length > 0))
                    {
                        var (n, a) = ParseAssumptionOption(part, context);
                        context.Assumptions[n] = (context.Assumptions.TryGetValue(n, out var old) ? old : Assumptions.None) | a;
                    }
                if (parsed.GetValue(signature) is { } signatureText)
                {
                    try { context.Signature = LoweringContext.ParseSignature(signatureText); }
                    catch (ArgumentException e) { throw new UsageException("--signature: " + e.Message); }
                }
                                foreach (var text in parsed.GetValue(symbols) ?? [])
                    foreach (var part in InputText.SplitTopLevel(text, ',').Where(p => p.Length > 0))
                        Declarations.PlainSymbol(part, context, @"--symbols e");
                foreach (var text in parsed.GetValue(functions) ?? [])
                    foreach (var part in InputText.SplitTopLevel(text, ',').Where(p => p.Length > 0))
                        Declarations.Function(part, context, @"--functions ""a(t), \Phi(r)""");
                var result = compute(new OneShotInput(latexText, context, new Budget(Budget.DefaultMaxTerms, clock.Token, Budget.DefaultMaxBytes), parsed));
                var chosen = parsed.GetValue(format) ?? "latex";
                output.WriteLine(Render(result with { Warnings = [.. result.Warnings, .. context.Warnings] }, chosen, context));
                if (chosen != "json")
                    foreach (var w in context.Warnings) error.WriteLine(Failures.Escape(w.Render()));
                return Program.Success;
            }
            catch (ParseError e)
            {
                foreach (var w in context?.Warnings ?? []) error.WriteLine(Failures.Escape(w.Render()));
                error.WriteLine(Failures.Escape(e.Render()));
                return Failed(Program.MathError, "math", e.Message, e.Line, e.Column);
            }
            catch (UsageException e)
            {
                error.WriteLine(Failures.Escape($"symbolic {name}: {e.Message}"));
                return Failed(Program.BadUsage, "usage", e.Message);
            }
            catch (Exception e) when (clock.IsCancellationRequested && e is OperationCanceledException or SymbolicException)
            {
                error.WriteLine(TimeLimit());
                return Failed(Program.MathError, "limit", TimeLimit()["error: ".Length..]);
            }
            catch (SymbolicException e)
            {
                error.WriteLine(Failures.Escape("error: " + e.Message));
                return Failed(Program.MathError, "math", e.Message);
            }
            catch (Exception e) when (Failures.AsLimit(e) is { } message)
            {
                error.WriteLine("error: " + message);
                return Failed(Program.MathError, "limit", message);
            }
            catch (Exception e)
            {
                error.WriteLine(Failures.Escape(Failures.Internal(e, latexText)));
                return Failed(Program.InternalError, "internal", Failures.Internal(e, latexText));
            }

            // With --format json a failure is a JSON document on standard output too, so a program that reads the
            // output gets {"error": {…}} rather than nothing; the message on standard error stays for a person.
            int Failed(int code, string kind, string message, int? line = null, int? column = null)
            {
                if ((parsed.GetValue(format) ?? "latex") == "json")
                    output.WriteLine(JsonSerializer.Serialize(new JsonFailure(new JsonError(kind, message, line, column),
                        (context?.Warnings ?? []).Select(w => new JsonWarning(w.Line, w.Column, w.Message)).ToList()), CliJson.CamelCase.JsonFailure));
                return code;
            }
        });
        return command;
    }

    internal sealed record JsonResult(string? Label, string Latex, string Text, string Sympy,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] bool? Verified = null);
    internal sealed record JsonStep(string Rule, string Latex);
    internal sealed record JsonWarning(int Line, int Column, string Message);
    internal sealed record JsonDocument(IReadOnlyList<JsonResult> Results, IReadOnlyList<JsonStep> Steps, IReadOnlyList<JsonWarning> Warnings);
    internal sealed record JsonError(string Kind, string Message,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Line = null,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Column = null);
    internal sealed record JsonFailure(JsonError Error, IReadOnlyList<JsonWarning> Warnings);

    /// <summary>The printed form of a result: one line per equation, or the JSON document.</summary>
    public static string Render(OneShotResult result, string format, LoweringContext context)
    {
        if (format == "json")
        {
            var options = new LatexOptions(Time: context.Time, Functions: context.Functions.AsReadOnly());
            var steps = result.Steps.Select(s => new JsonStep(s.Rule, LatexPrinter.Print(s.After, options))).ToList();
            if (result.Note is { } note) steps.Insert(0, new JsonStep("note", "\\text{" + note.ReplaceLineEndings(" ") + "}"));
            var doc = new JsonDocument(
                result.Results.Select((r, i) => new JsonResult(r.Label, LatexPrinter.Print(r.Value, options), TextPrinter.Print(r.Value), SympyPrinter.Print(r.Value),
                    result.Verified is { } v && i < v.Count ? v[i] : null)).ToList(),
                steps,
                result.Warnings.Select(w => new JsonWarning(w.Line, w.Column, w.Message)).ToList());
            return JsonSerializer.Serialize(doc, CliJson.CamelCase.JsonDocument);
        }
        var f = Formats.Parse(format) ?? OutputFormat.Latex;
        var lines = result.Results.Select(r => Formats.Print(r, f, context));
        if (result.Note is { } text) lines = text.Split('\n').Select(l => (f == OutputFormat.Sympy ? "# " : "% ") + l.TrimEnd('\r')).Concat(lines);
        return string.Join("\n", lines);
    }
}
