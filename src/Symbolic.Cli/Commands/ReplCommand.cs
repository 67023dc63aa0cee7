using Symbolic.Core;

namespace Symbolic.Cli.Commands;

/// <summary>
/// One REPL command such as <c>:simplify</c>: its name (without the colon), a usage line, a one-line summary,
/// optional longer help, and the handler. Commands are data; a module adds its own with
/// <see cref="CommandTable.Add"/> (see <see cref="CoreCommands"/> for the pattern).
/// </summary>
/// <param name="Name">The name typed after the colon, e.g. <c>simplify</c>.</param>
/// <param name="Usage">How it is called, e.g. <c>:diff EXPR, VAR[, VAR…]</c>.</param>
/// <param name="Summary">One line for the <c>:help</c> table.</param>
/// <param name="Handler">Does the work; throws <see cref="Symbolic.Latex.ParseError"/>, <see cref="SymbolicException"/>
/// or <see cref="UsageException"/> for errors the session reports.</param>
/// <example><code>
/// table.Add(new ReplCommand("expand", ":expand EXPR", "multiply out products and powers",
///     call => call.Result(Algebra.Expand(call.Read(call.Arguments), call.Budget))));
/// </code></example>
public sealed record ReplCommand(string Name, string Usage, string Summary, Func<CommandCall, CommandOutput> Handler)
{
    /// <summary>Other names that call the same command (<c>q</c> for <c>quit</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Longer help shown by <c>:help NAME</c> (examples, syntax details).</summary>
    public string? Details { get; init; }
}

/// <summary>What a command produced: the text to show, and whether the session should end.</summary>
/// <param name="Text">The output (may be empty).</param>
/// <param name="Quit">True to end the session.</param>
public sealed record CommandOutput(string Text, bool Quit = false);

/// <summary>A bad command line (wrong arguments); reported as an error with the command's usage.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UsageException(string message) : base(message) { }
}

/// <summary>
/// Everything a handler needs: the session (context, format, definitions), the text after the command
/// name, the budget of this computation (carries the Ctrl-C token) and a derivation to record steps into.
/// </summary>
public sealed class CommandCall
{
    internal CommandCall(Session session, ReplCommand command, string arguments, Budget budget)
    {
        Session = session; Command = command; Arguments = arguments; Budget = budget;
    }

    /// <summary>The session the command runs in.</summary>
    public Session Session { get; }
    /// <summary>The command being run.</summary>
    public ReplCommand Command { get; }
    /// <summary>The text after the command name, trimmed.</summary>
    public string Arguments { get; }
    /// <summary>Limits and cancellation for this computation; pass it to every kernel call that takes one.</summary>
    public Budget Budget { get; }
    /// <summary>The steps of this computation (shown later by <c>:steps</c>, and in JSON).</summary>
    public Derivation Steps { get; } = new();

    /// <summary>Lowers LaTeX under the session's context (definitions substituted).</summary>
    public Expr Read(string latex) => Session.Read(latex);

    /// <summary>The arguments split at top-level commas; throws a usage error unless there are between min and max parts.</summary>
    public IReadOnlyList<string> Parts(int min, int max = int.MaxValue)
    {
        var parts = Arguments.Length == 0 ? [] : InputText.SplitTopLevel(Arguments, ',');
        if (parts.Count < min || parts.Count > max || parts.Any(p => p.Length == 0))
            throw new UsageException($"usage: {Command.Usage}");
        return parts;
    }

    /// <summary>The expression printed in the session's format, as the command's output; recorded as a step named after the command.</summary>
    public CommandOutput Result(Expr value, Expr? before = null)
    {
        Steps.Record(Command.Name, before, value);
        return new CommandOutput(Session.Show(value));
    }

    /// <summary>How a result is shown (<see cref="Presentation.Present(Expr, Derivation?, Budget?)"/>): collected, factored, each choice recorded as a step.</summary>
    public Expr Present(Expr value) => Presentation.Present(value, Steps, Budget);

    /// <summary>As <see cref="Present(Expr)"/>, keeping what <paramref name="input"/> wrote (its compound angles).</summary>
    public Expr Present(Expr value, Expr input) => Presentation.Present(value, input, Steps, Budget);

    /// <summary>The expression printed in the session's format, as the output, without recording a step.</summary>
    public CommandOutput Show(Expr value) => new(Session.Show(value));

    /// <summary>A plain message as the output.</summary>
    public static CommandOutput Message(string text) => new(text);
}
