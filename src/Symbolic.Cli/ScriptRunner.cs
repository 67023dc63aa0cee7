using System.Text;
using Symbolic.Latex;

namespace Symbolic.Cli;

/// <summary>
/// <c>symbolic run FILE</c>: runs a script of REPL lines and writes the transcript (each input after
/// <c>&gt; </c>, continuation lines after <c>. </c>, then its output). Blank lines and lines starting with
/// <c>%</c> are skipped. The first error is reported on the error writer as <c>FILE:LINE:COL: message</c> with
/// the source line and a caret, and the run stops with exit code 1.
/// </summary>
/// <example><code>ScriptRunner.Run("examples/simplify.sym", File.ReadAllLines(path), Console.Out, Console.Error);</code></example>
public static class ScriptRunner
{
    /// <summary>The prompt echoed before each input line.</summary>
    public const string Prompt = "> ";
    /// <summary>The prompt echoed before each continuation line of a multi-line input.</summary>
    public const string ContinuationPrompt = ". ";

    /// <summary>Runs <paramref name="lines"/> (read from <paramref name="fileName"/>); returns the exit code (0 or 1).</summary>
    public static int Run(string fileName, IReadOnlyList<string> lines, TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        Run(new Session(), fileName, lines, output, error, cancellation);

    /// <summary>Runs <paramref name="lines"/> with a time limit per input (<c>symbolic run --timeout</c>; null for none).</summary>
    public static int Run(string fileName, IReadOnlyList<string> lines, TextWriter output, TextWriter error, TimeSpan? timeLimit) =>
        Run(new Session { TimeLimit = timeLimit }, fileName, lines, output, error, default);

    /// <summary>
    /// Runs the script and writes it as a document (<c>run --format html|tex|md</c>): every input with its results
    /// and steps, and an error where it occurred (the run stops there, with exit code 1, as a transcript does).
    /// </summary>
    public static int RunToDocument(string fileName, IReadOnlyList<string> lines, Rendering.DocumentFormat format, TextWriter output, TextWriter error, CancellationToken cancellation = default, TimeSpan? timeLimit = null)
    {
        var session = new Session { TimeLimit = timeLimit };
        int code = Run(session, fileName, lines, TextWriter.Null, error, cancellation);
        output.Write(Rendering.Documents.Write(format, Path.GetFileName(fileName), session.History, session.Latex));
        return code;
    }

    internal sealed record RunJsonError(int Line, int Column, string Message);
    internal sealed record RunJsonEntry(int Line, string Input, IReadOnlyList<string> Results, IReadOnlyList<Commands.OneShotCommands.JsonStep> Steps,
        IReadOnlyList<Commands.OneShotCommands.JsonWarning> Warnings,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] RunJsonError? Error = null);
    internal sealed record RunJsonDocument(string File, IReadOnlyList<RunJsonEntry> Entries);

    /// <summary>
    /// <c>run --format json</c>: one JSON document <c>{"file":…,"entries":[{"line":…,"input":…,"results":[…],"steps":[{"rule":…,"latex":…}],
    /// "warnings":[{"line":…,"column":…,"message":…}],"error":{"line":…,"column":…,"message":…}}]}</c> — each input with the
    /// file line it starts on, its output lines, the steps of its derivation, and (last, when the run stops) its error.
    /// Errors are also reported on <paramref name="error"/> as in a transcript; the exit code is the transcript's.
    /// </summary>
    public static int RunToJson(string fileName, IReadOnlyList<string> lines, TextWriter output, TextWriter error, CancellationToken cancellation = default, TimeSpan? timeLimit = null)
    {
        var session = new Session { TimeLimit = timeLimit };
        var entries = new List<RunJsonEntry>();
        int code = Run(session, fileName, lines, TextWriter.Null, error, cancellation, (startLine, endLine, result) =>
        {
            var input = string.Join("\n", lines.Skip(startLine - 1).Take(endLine - startLine + 1));
            var steps = session.History.LastOrDefault() is { } h && ReferenceEquals(h.Result, result) && h.Steps is { } d
                ? d.Select(st => new Commands.OneShotCommands.JsonStep(st.Rule, session.Latex(st.After))).ToList() : [];
            var warnings = result.Warnings.Select(w => new Commands.OneShotCommands.JsonWarning(startLine + w.Line - 1, w.Column, w.Message)).ToList();
            RunJsonError? failure = null;
            if (result.IsError)
                failure = result.ParseError is { } e ? new RunJsonError(startLine + e.Line - 1, e.Column, e.Message)
                    : new RunJsonError(startLine, lines[startLine - 1].Length - lines[startLine - 1].TrimStart().Length + 1, result.Output);
            var results = result.IsError || result.Output.Length == 0 ? [] : result.Output.Split('\n').ToList();
            entries.Add(new RunJsonEntry(startLine, input, results, steps, warnings, failure));
        });
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new RunJsonDocument(Path.GetFileName(fileName), entries), CliJson.CamelCase.RunJsonDocument));
        return code;
    }

    private static int Run(Session session, string fileName, IReadOnlyList<string> lines, TextWriter output, TextWriter error, CancellationToken cancellation,
        Action<int, int, ExecuteResult>? completed = null)
    {
        int startLine = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            bool continuing = session.HasPendingInput;
            if (!continuing && (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('%'))) continue;
            if (!continuing) startLine = i + 1;
            output.WriteLine((continuing ? ContinuationPrompt : Prompt) + line);
            var result = session.Execute(line, cancellation);
            if (result.NeedsMoreInput) continue;
            completed?.Invoke(startLine, i + 1, result);
            foreach (var w in result.Warnings) error.WriteLine(Warning(fileName, startLine, w));
            if (result.IsError)
            {
                output.Flush();
                error.WriteLine(Failures.Escape(Report(fileName, startLine, result, lines[startLine - 1])));
                return result.IsInternal ? Program.InternalError : Program.MathError;
            }
            if (result.Output.Length > 0) output.WriteLine(result.Output);
            if (result.Quit) return 0;
        }
        if (session.HasPendingInput)
        {
            error.WriteLine($"{fileName}:{startLine}: the input starting here never closes its brace or \\begin");
            return 1;
        }
        return 0;
    }

    /// <summary><c>FILE:LINE:COL: warning: message</c>, the source line and a caret.</summary>
    public static string Warning(string fileName, int startLine, ReadWarning w)
    {
        var sb = new StringBuilder();
        sb.Append(fileName).Append(':').Append(startLine + w.Line - 1).Append(':').Append(w.Column).Append(": warning: ").Append(w.Message).Append('\n');
        sb.Append("  ").Append(w.SourceLine).Append('\n').Append("  ");
        for (int i = 0; i < w.Column - 1; i++) sb.Append(i < w.SourceLine.Length && w.SourceLine[i] == '\t' ? '\t' : ' ');
        return sb.Append('^').ToString();
    }

    /// <summary>
    /// <c>FILE:LINE:COL: message</c>, the source line and a caret: under the column of a LaTeX error, else (a math or
    /// usage error, which has no column of its own) under the start of the input's first line <paramref name="sourceLine"/>.
    /// </summary>
    public static string Report(string fileName, int startLine, ExecuteResult result, string? sourceLine = null)
    {
        if (result.ParseError is not { } e)
        {
            if (sourceLine is null) return $"{fileName}:{startLine}: {result.Output}";
            int col = sourceLine.Length - sourceLine.TrimStart().Length + 1;
            var text = new StringBuilder().Append(fileName).Append(':').Append(startLine).Append(':').Append(col).Append(": ").Append(result.Output).Append('\n');
            text.Append("  ").Append(sourceLine).Append('\n').Append("  ").Append(sourceLine[..(col - 1)]).Append('^');
            return text.ToString();
        }
        var sb = new StringBuilder();
        sb.Append(fileName).Append(':').Append(startLine + e.Line - 1).Append(':').Append(e.Column).Append(": ").Append(e.Message).Append('\n');
        sb.Append("  ").Append(e.SourceLine).Append('\n').Append("  ");
        for (int i = 0; i < e.Column - 1; i++) sb.Append(i < e.SourceLine.Length && e.SourceLine[i] == '\t' ? '\t' : ' ');
        return sb.Append('^').ToString();
    }
}
