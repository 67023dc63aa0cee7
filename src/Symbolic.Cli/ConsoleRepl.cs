using RadLine;
using Spectre.Console;

namespace Symbolic.Cli;

/// <summary>
/// The interactive loop around a <see cref="Session"/>: RadLine line editing with a persistent history
/// (<c>~/.symbolic_history</c>, or <c>$SYMBOLIC_HISTORY</c>) on a terminal, plain lines when stdin is a
/// pipe. Ctrl-C cancels the computation in progress (or the half-typed multi-line input) and keeps the session.
/// </summary>
public static class ConsoleRepl
{
    /// <summary>The most history lines kept in the file.</summary>
    public const int HistoryLimit = 1000;

    /// <summary>Runs the REPL on the console: RadLine on a terminal, plain lines when stdin is redirected.</summary>
    public static int Run(TextWriter output, TextWriter error) =>
        Run(Console.In, output, error, interactive: !Console.IsInputRedirected);

    /// <summary>
    /// Runs the REPL until <c>:quit</c> or end of input. Interactive: prompts, line editing and history on the
    /// terminal. Not interactive (a pipe): lines from <paramref name="input"/>, no prompts, results on
    /// <paramref name="output"/>, errors on <paramref name="error"/>. Returns 0, or 1 when input was piped and a line failed.
    /// </summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        var session = new Session();
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
            var reader = interactive ? LineReader.ForTerminal() : null;
            if (interactive) output.WriteLine("Symbolic — type LaTeX, or :help. Ctrl-C stops a computation, :quit leaves.");
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

    /// <summary>Reads lines from the terminal with RadLine (or Console.ReadLine where RadLine cannot run) and keeps the history file.</summary>
    private sealed class LineReader
    {
        private readonly LineEditor? _editor;
        private readonly string? _historyPath;
        private readonly List<string> _history = new();

        private LineReader(LineEditor? editor, string? historyPath)
        {
            _editor = editor;
            _historyPath = historyPath;
        }

        public static LineReader ForTerminal()
        {
            var path = HistoryPath();
            LineEditor? editor = LineEditor.IsSupported(AnsiConsole.Console) ? new LineEditor() : null;
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
                // RadLine's prompt is fixed per editor; the continuation prompt is shown by a fresh one.
                var editor = prompt == ScriptRunner.Prompt ? _editor : new LineEditor { Prompt = new LineEditorPrompt(prompt.TrimEnd()) };
                if (!ReferenceEquals(editor, _editor)) foreach (var h in _history) editor.History.Add(h);
                line = editor.ReadLine(CancellationToken.None).GetAwaiter().GetResult();
            }
            if (!string.IsNullOrWhiteSpace(line)) Remember(line, save: true);
            return line;
        }

        private void Remember(string line, bool save)
        {
            if (_history.Count > 0 && _history[^1] == line) return;
            _history.Add(line);
            _editor?.History.Add(line);
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
