using System.Text;
using Symbolic.Cli.Commands;
using Symbolic.Core;
using Symbolic.Latex;

namespace Symbolic.Cli;

/// <summary>The outcome of one <see cref="Session.Execute"/> call.</summary>
/// <param name="Output">What to show (may be empty, e.g. while a multi-line input is still open).</param>
/// <param name="IsError">True when the line failed (bad LaTeX, a math error, bad command usage, cancelled).</param>
/// <param name="NeedsMoreInput">True when a brace or environment is still open: the line was kept and the next one continues it.</param>
/// <param name="Quit">True after <c>:quit</c>.</param>
public sealed record ExecuteResult(string Output, bool IsError = false, bool NeedsMoreInput = false, bool Quit = false)
{
    /// <summary>For an error in LaTeX: where it is (line and column within the submitted, possibly multi-line, input).</summary>
    public ParseError? ParseError { get; init; }

    /// <summary>The reading decisions that could have gone another way (positions within the submitted input).</summary>
    public IReadOnlyList<ReadWarning> Warnings { get; init; } = [];

    /// <summary>True when the error is an internal one (a bug in the engine, reported as such; the session keeps its state).</summary>
    public bool IsInternal { get; init; }
}

/// <summary>
/// The REPL's state and logic, without any console: the lowering context (assumptions, definitions),
/// the output format, the command table, and a buffer for multi-line input. The console loop, the
/// script runner and the tests all drive it through <see cref="Execute"/>.
/// </summary>
/// <example><code>
/// var s = new Session();
/// s.Execute(@"L := \frac12 m\dot{x}^2", ct);
/// s.Execute(@":diff L, \dot{x}", ct).Output;   // "m \dot{x}"
/// s.Execute(@"\frac{a}{b", ct).IsError;         // true, Output has the caret
/// </code></example>
public sealed class Session
{
    private readonly StringBuilder _pending = new();
    private int _openGroups;   // InputText.OpenGroups of _pending, kept line by line

    /// <summary>A session with the default commands.</summary>
    public Session() : this(CommandTable.CreateDefault()) { }

    /// <summary>A session with the given commands.</summary>
    public Session(CommandTable commands) => Commands = commands;

    /// <summary>The commands this session understands.</summary>
    public CommandTable Commands { get; }

    /// <summary>What the letters mean: time variable, declared functions, assumptions, definitions.</summary>
    public LoweringContext Context { get; } = new();

    /// <summary>The metric set by <c>:metric</c>, used by <c>:curvature</c>, <c>:ricci</c>, … (null until set).</summary>
    public Symbolic.Forms.Metric? Metric { get; set; }

    /// <summary>
    /// The current action set by <c>:action</c> (a Lagrangian, or S = \int L dt), with its coordinates or fields; <c>:el</c>, <c>:energy</c>,
    /// <c>:hamiltonian</c> and <c>:transform</c> use it when no Lagrangian is named. Null until set.
    /// </summary>
    public Symbolic.Variational.Action? CurrentAction { get; set; }

    /// <summary>True when the current action was given as an integral (S = \int L dt), so it is shown as one.</summary>
    public bool CurrentActionIsIntegral { get; set; }

    /// <summary>The coframe set by <c>:coframe</c> on <see cref="Metric"/> (null: the obvious orthonormal one); cleared by <c>:metric</c>.</summary>
    public Symbolic.Forms.Coframe? Coframe { get; set; }

    /// <summary>The output format (<c>:format</c>).</summary>
    public OutputFormat Format { get; set; } = OutputFormat.Latex;

    /// <summary>The size budget (terms) each computation gets.</summary>
    public long MaxTerms { get; set; } = Budget.DefaultMaxTerms;

    /// <summary>The memory budget (bytes of managed heap in use) each computation gets.</summary>
    public long MaxBytes { get; set; } = Budget.DefaultMaxBytes;

    /// <summary>
    /// The time each input may take (null: no limit, the library default). <c>symbolic run</c> and the REPL set
    /// <see cref="Commands.OneShotCommands.DefaultTimeoutSeconds"/> unless <c>--timeout</c> says otherwise; an input that
    /// runs past it stops with a message naming the limit and the option, and the session goes on.
    /// </summary>
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>The steps of the last successful computation (for <c>:steps</c>).</summary>
    public Derivation LastSteps { get; private set; } = new();

    /// <summary>True when an open brace or environment is waiting for more lines.</summary>
    public bool HasPendingInput => _pending.Length > 0;

    /// <summary>
    /// Runs one line: a <c>:command</c>, an assignment <c>NAME := LATEX</c>, or LaTeX to simplify. A line that
    /// leaves a brace or <c>\begin</c> open is kept and joined with the following lines. Never throws for
    /// bad input: errors come back with <see cref="ExecuteResult.IsError"/> set.
    /// </summary>
    /// <param name="line">One line as typed.</param>
    /// <param name="cancellation">Cancels the computation (Ctrl-C); the session stays usable.</param>
    public ExecuteResult Execute(string line, CancellationToken cancellation = default)
    {
        var text = InputText.StripComment(line);
        if (_pending.Length > 0 && (string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith(':'))) return EndUnclosedInput(text.Trim());
        if (_pending.Length > 0) _pending.Append('\n');
        _pending.Append(text);
        // A running count: the balance of the whole text is the sum of its lines' (a line break escapes nothing that counts),
        // so a long unclosed input costs each line its own length, not the pending text again.
        _openGroups += InputText.OpenGroups(text);
        if (_openGroups > 0) return new ExecuteResult("", NeedsMoreInput: true);
        var input = _pending.ToString();
        _pending.Clear();
        _openGroups = 0;
        if (string.IsNullOrWhiteSpace(input)) return new ExecuteResult("");
        return Run(input, cancellation);
    }

    /// <summary>
    /// An empty line or a <c>:command</c> while a brace is open: the continuation ends with the error, its caret under
    /// the brace (or <c>\begin</c>) that never closes, so a forgotten <c>}</c> cannot swallow every later line.
    /// </summary>
    private ExecuteResult EndUnclosedInput(string command)
    {
        var unfinished = _pending.ToString();
        _pending.Clear();
        _openGroups = 0;
        var message = "this brace is never closed, so the input above was not read" + (command.Length > 0 ? $" (and {command.Split(' ')[0]} was not run: type it again)" : "");
        var error = ParseError.AtOffset(unfinished, InputText.UnclosedGroupOffset(unfinished), message);
        return new ExecuteResult(error.Render(), IsError: true) { ParseError = error };
    }

    /// <summary>Drops a half-entered multi-line input (Ctrl-C at a continuation prompt).</summary>
    public void ClearPendingInput() { _pending.Clear(); _openGroups = 0; }

    private ExecuteResult Run(string input, CancellationToken cancellation)
    {
        Context.Warnings.Clear();
        var stepsBefore = LastSteps;
        using var clock = TimeLimit is { } limit ? CancellationTokenSource.CreateLinkedTokenSource(cancellation) : null;
        if (clock is not null) clock.CancelAfter(TimeLimit!.Value);
        var result = RunCore(input, clock?.Token ?? cancellation);
        // the clock, not Ctrl-C: say which limit stopped it and how to raise it (a cancelled simplification says only "cancelled")
        if (result.IsError && clock is { IsCancellationRequested: true } && !cancellation.IsCancellationRequested)
            result = new ExecuteResult(TimeLimitMessage(TimeLimit!.Value), IsError: true);
        if (Context.Warnings.Count > 0) result = result with { Warnings = Context.Warnings.ToList() };
        History.Add(new Rendering.TranscriptEntry(input, result, ReferenceEquals(stepsBefore, LastSteps) ? null : LastSteps));
        return result;
    }

    /// <summary>The error of an input stopped by <see cref="TimeLimit"/>.</summary>
    public static string TimeLimitMessage(TimeSpan limit) =>
        $"error: stopped at the time limit of {limit.TotalSeconds:0.###} s for one input (--timeout SECONDS changes it, 0 for none)";

    /// <summary>Every input of this session with its result and steps, for <c>:export</c> and <c>run --format html</c>.</summary>
    public List<Rendering.TranscriptEntry> History { get; } = new();

    private ExecuteResult RunCore(string input, CancellationToken cancellation)
    {
        var budget = new Budget(MaxTerms, cancellation, MaxBytes);
        try
        {
            var trimmed = input.TrimStart();
            if (trimmed.StartsWith(':')) return RunCommand(trimmed[1..], budget);
            if (InputText.Assignment(input) is var (name, value)) return Assign(name, value, budget);
            return Evaluate(input, budget);
        }
        catch (ParseError e)
        {
            return new ExecuteResult(e.Render(), IsError: true) { ParseError = e };
        }
        catch (UsageException e)
        {
            return new ExecuteResult(e.Message, IsError: true);
        }
        catch (OperationCanceledException)
        {
            return new ExecuteResult("cancelled", IsError: true);
        }
        catch (SymbolicException e)
        {
            return new ExecuteResult("error: " + e.Message, IsError: true);
        }
        catch (Exception e) when (Failures.AsLimit(e) is { } message)
        {
            return new ExecuteResult("error: " + message, IsError: true);
        }
        catch (Exception e)
        {
            // A bug: said so, with the input; the session and its definitions stay.
            return new ExecuteResult(Failures.Internal(e, input), IsError: true) { IsInternal = true };
        }
    }

    private ExecuteResult RunCommand(string text, Budget budget)
    {
        int cut = 0;
        while (cut < text.Length && !char.IsWhiteSpace(text[cut])) cut++;
        var name = text[..cut];
        var command = Commands.Find(name)
            ?? throw new UsageException($"unknown command :{name} (:help lists the commands)");
        var call = new CommandCall(this, command, text[cut..].Trim(), budget);
        var output = command.Handler(call);
        if (call.Steps.Count > 0) LastSteps = call.Steps;
        return new ExecuteResult(output.Text, Quit: output.Quit);
    }

    private ExecuteResult Assign(string nameLatex, string valueLatex, Budget budget)
    {
        // The name is read without its old definition, so L := 2L is not circular nonsense but uses the old L on the right.
        var bare = Context.Clone();
        bare.Definitions.Clear();
        var target = LatexMath.ReadOne(nameLatex, bare);
        if (target is not Symbol symbol)
            throw new UsageException($"cannot assign to {nameLatex}: the left of := must be a name such as L or \\omega_0");
        var steps = new Derivation();
        var value = steps.Record("read", null, Read(valueLatex));
        var simplified = Simplifier.Run(value, budget);
        if (!simplified.Complete) throw new SymbolicException($"simplification stopped: {simplified.StopReason}");
        Context.Definitions[symbol.Name] = steps.Record("simplify", value, simplified.Value);
        LastSteps = steps;
        return new ExecuteResult($"{Formats.Print(symbol, Format, Context)} := {Show(simplified.Value)}");
    }

    private ExecuteResult Evaluate(string latex, Budget budget)
    {
        var lines = new List<string>();
        var steps = new Derivation();
        foreach (var eq in LatexMath.Read(latex, Context))
        {
            var value = steps.Record("read", null, SubstituteDefinitions(eq.Value));
            if (value is not Relation && Symbolic.Forms.Form.IsFormExpression(value))
            {
                var frame = Coframe?.Forms;
                var chart = Symbolic.Forms.Form.ChartFor(value, Metric, frame, LatexSource.FirstAppearances(latex, Context));
                var form = Symbolic.Forms.Form.FromExpr(value, chart, frame).Simplify(budget);
                var shown = steps.Record("exterior-calculus", value, form.IsZero ? Expr.Zero : form.ToExpr());
                lines.Add(Formats.Print(eq with { Value = shown }, Format, Context));
                continue;
            }
            SimplifyResult simplified;
            try { simplified = Simplifier.Run(Symbolic.Core.Integration.Integrator.EvaluateIntegrals(value, budget), budget); }
            catch (SymbolicException e) { throw ParseError.AtOffset(latex, eq.Offset, e.Message); }   // the refusal points at its equation
            if (!simplified.Complete)
            {
                if (simplified.StopReason?.Kind == StopKind.Cancelled) throw new OperationCanceledException();
                throw new SymbolicException($"simplification stopped: {simplified.StopReason}");
            }
            steps.Record("simplify", value, simplified.Value);
            lines.Add(Formats.Print(eq with { Value = Presentation.Present(simplified.Value, value, steps, budget) }, Format, Context));
        }
        LastSteps = steps;
        return new ExecuteResult(string.Join("\n", lines));
    }

    /// <summary>Lowers exactly one expression or equation under <see cref="Context"/>, with the definitions substituted.</summary>
    /// <exception cref="ParseError">The LaTeX cannot be read.</exception>
    public Expr Read(string latex) => SubstituteDefinitions(LatexMath.ReadOne(latex, Context));

    /// <summary>Prints as LaTeX whatever the session's format (documents, <c>:export</c>).</summary>
    public string Latex(Expr e) => Formats.Print(e, OutputFormat.Latex, Context);

    /// <summary>Prints in the session's format.</summary>
    public string Show(Expr e) => Formats.Print(e, Format, Context);

    /// <summary>
    /// Replaces defined names that are still free symbols (the lowering normally does this itself; this
    /// catches names whose symbol carries assumptions set after the definition).
    /// </summary>
    private Expr SubstituteDefinitions(Expr e)
    {
        if (Context.Definitions.Count == 0) return e;
        var map = new Dictionary<Expr, Expr>();
        foreach (var s in e.FreeSymbols())
            if (Context.Definitions.TryGetValue(s.Name, out var v)) map[s] = v;
        return map.Count == 0 ? e : Substitution.Apply(e, map);
    }

    /// <summary>
    /// Sets an assumption on a name (<c>:assume r &gt; 0</c>) and re-labels the stored definitions, so that a
    /// definition made before the assumption uses the assumed symbol too.
    /// </summary>
    public void Assume(string name, Assumptions assumptions)
    {
        var combined = (Context.Assumptions.TryGetValue(name, out var old) ? old : Assumptions.None) | assumptions;
        Context.Assumptions[name] = combined;
        var relabelled = Symbol.Of(name, combined);
        foreach (var key in Context.Definitions.Keys.ToList())
        {
            Context.Definitions[key] = Context.Definitions[key].Rewrite(node => node switch
            {
                Symbol s when s.Name == name && !s.IsConstant && s.Assumptions != combined => relabelled,
                Call c when c.Function.IsUser && c.Function.Name == name && c.Function.Assumptions != (combined | Assumptions.Real) =>
                    Call.Of(Function.User(name, combined | Assumptions.Real), c.Args),
                _ => null,
            });
        }
    }
}
