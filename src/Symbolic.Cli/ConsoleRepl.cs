using Symbolic.Core;
using Symbolic.Latex;
using Symbolic.Latex.Printing;

namespace Symbolic.Cli;

/// <summary>
/// The interactive loop around a <see cref="Session"/>: line editing (<see cref="ReplLineEditor"/>) with a persistent history
/// (<c>~/.symbolic_history</c>, or <c>$SYMBOLIC_HISTORY</c>) on a terminal, plain lines when stdin is a
/// pipe. Ctrl-C cancels the computation in progress (or the half-typed multi-line input) and keeps the session.
/// </summary>
public static class ConsoleRepl
{
    /// <summary>The most history lines kept in the file.</summary>
    public const int HistoryLimit = 1000;

    /// <summary>Runs the REPL on the console: the line editor on a terminal, plain lines when stdin is redirected.</summary>
    public static int Run(TextWriter output, TextWriter error, TimeSpan? timeLimit = null) =>
        Run(Console.In, output, error, interactive: !Console.IsInputRedirected, timeLimit);

    /// <summary>
    /// Runs the REPL until <c>:quit</c> or end of input. Interactive: prompts, line editing and history on the
    /// terminal. Not interactive (a pipe): lines from <paramref name="input"/>, no prompts, results on
    /// <paramref name="output"/>, errors on <paramref name="error"/>. Returns 0, or 1 when input was piped and a line failed.
    /// </summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive, TimeSpan? timeLimit = null)
    {
        var session = new Session { TimeLimit = timeLimit };
        CancellationTokenSource? running = null;
        var gate = new object();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Keep the process: Ctrl-C stops the computation; at a continuation prompt it drops the half-typed input
            // (the main thread is then waiting for a key, not running the session).
            e.Cancel = true;
            lock (gate)
            {
                if (running is not null) running.Cancel();
                else if (session.HasPendingInput)
                {
                    session.ClearPendingInput();
                    error.WriteLine("(input dropped; press Enter)");
                }
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var reader = interactive ? LineReader.ForTerminal(session) : null;
            if (interactive) output.WriteLine("Symbolic — type LaTeX, or :help. Up/Down history, Ctrl-R search, Tab completes; Ctrl-C stops a computation, Ctrl-D or :quit leaves.");
            bool failed = false, internalError = false;
            while (true)
            {
                string? line = reader is null
                    ? input.ReadLine()
                    : reader.Read(session.HasPendingInput ? ScriptRunner.ContinuationPrompt : ScriptRunner.Prompt);
                if (line is null) break;
                ExecuteResult result;
                var cts = new CancellationTokenSource();
                lock (gate) running = cts;
                try { result = session.Execute(line, cts.Token); }
                finally { lock (gate) running = null; cts.Dispose(); }
                if (result.NeedsMoreInput) continue;
                if (result.IsError) { failed = true; internalError |= result.IsInternal; error.WriteLine(Failures.Escape(result.Output)); }
                else if (result.Output.Length > 0) output.WriteLine(result.Output);
                foreach (var w in result.Warnings) error.WriteLine(w.Render());
                if (result.Quit) break;
            }
            reader?.Save();
            if (session.HasPendingInput)
            {
                // Input ended (end of a pipe, Ctrl-D) inside an open brace or \begin: say so rather than drop it silently.
                failed = true;
                error.WriteLine("error: the input ended inside an open brace or \\begin; the unfinished formula was not read");
            }
            return !interactive && internalError ? Program.InternalError : !interactive && failed ? Program.MathError : Program.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The candidates Tab offers: <c>:commands</c> (and aliases) at the start of a line, else the names defined in the session.</summary>
    public static IReadOnlyList<string> Completions(Session session, string line, int cursor)
    {
        var word = ReplLineEditor.WordBefore(line, cursor);
        if (word.StartsWith(':') && line[..(cursor - word.Length)].Trim().Length == 0)
            return session.Commands.All.SelectMany(c => c.Aliases.Prepend(c.Name)).Select(n => ":" + n).Order(StringComparer.Ordinal).ToList();
        return session.Context.Definitions.Keys.Select(k => LatexPrinter.Print(Expr.Symbol(k))).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads lines from the terminal with <see cref="ReplLineEditor"/> (or Console.ReadLine when output is redirected) and keeps the history file.</summary>
    private sealed class LineReader
    {
        private readonly ReplLineEditor? _editor;
        private readonly string? _historyPath;
        private readonly List<string> _history = new();

        private LineReader(ReplLineEditor? editor, string? historyPath)
        {
            _editor = editor;
            _historyPath = historyPath;
        }

        public static LineReader ForTerminal(Session session)
        {
            var path = HistoryPath();
            ReplLineEditor? editor = Console.IsOutputRedirected ? null : new ReplLineEditor(
                () => Console.ReadKey(intercept: true), Console.Out, () => Console.WindowWidth > 0 ? Console.WindowWidth : 80,
                (line, cursor) => Completions(session, line, cursor));
            var reader = new LineReader(editor, path);
            if (path is not null && File.Exists(path))
            {
                try
                {
                    foreach (var l in File.ReadLines(path).TakeLast(HistoryLimit)) reader.Remember(l, save: false);
                }
                catch (IOException) { /* an unreadable history is not worth stopping for */ }
            }
            return reader;
        }

        private static string? HistoryPath()
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("SYMBOLIC_HISTORY");
            if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".symbolic_history");
        }

        public string? Read(string prompt)
        {
            string? line;
            if (_editor is null)
            {
                Console.Write(prompt);
                line = Console.ReadLine();
            }
            else
            {
                line = _editor.ReadLine(prompt);
            }
            if (!string.IsNullOrWhiteSpace(line)) Remember(line, save: true);
            return line;
        }

        private void Remember(string line, bool save)
        {
            if (_history.Count > 0 && _history[^1] == line) return;
            _history.Add(line);
            if (_editor is not null && (_editor.History.Count == 0 || _editor.History[^1] != line)) _editor.History.Add(line);
            if (save && _historyPath is not null)
            {
                try { File.AppendAllLines(_historyPath, [line]); }
                catch (IOException) { /* read-only home: keep the history in memory only */ }
                catch (UnauthorizedAccessException) { }
            }
        }

        public void Save()
        {
            // Trim the file to the last HistoryLimit lines so it does not grow without end.
            if (_historyPath is null || _history.Count <= HistoryLimit) return;
            try { File.WriteAllLines(_historyPath, _history.TakeLast(HistoryLimit)); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
