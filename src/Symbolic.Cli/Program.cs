using System.CommandLine;
using Symbolic.Cli.Commands;

namespace Symbolic.Cli;

/// <summary>
/// The <c>symbolic</c> command: no arguments opens the REPL; <c>run FILE</c> runs a script; <c>parse</c> and
/// <c>eval</c> (and the modules' one-shot commands) read LaTeX and print the result.
/// Exit codes: 0 success, 1 a parse or math error (message on stderr), 2 bad usage, 3 an internal error (a bug).
/// </summary>
public static class Program
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;
    /// <summary>Exit code for a parse or math error the user can fix.</summary>
    public const int MathError = 1;
    /// <summary>Exit code for bad usage (unknown command, missing argument, unreadable file).</summary>
    public const int BadUsage = 2;
    /// <summary>Exit code for an internal error: a bug in the engine, reported as such.</summary>
    public const int InternalError = 3;

    /// <summary>
    /// The stack of the thread that does the work (256 MB, reserved, not committed): kernel walks recurse on the tree,
    /// and <see cref="Symbolic.Core.Expr.MaxDepth"/> levels of every walk fit in it with room to spare.
    /// </summary>
    public const int WorkerStackBytes = 256 << 20;

    /// <summary>Entry point; writes to <see cref="Console.Out"/> and <see cref="Console.Error"/> as they are at the call.</summary>
    public static int Main(string[] args)
    {
        int code = InternalError;
        var worker = new Thread(() => code = MainOnThisThread(args), WorkerStackBytes) { Name = "symbolic" };
        worker.Start();
        worker.Join();
        return code;
    }

    private static int MainOnThisThread(string[] args)
    {
        var root = BuildRootCommand();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine("symbolic: " + e.Message);
            Console.Error.WriteLine("Run 'symbolic --help' for usage.");
            return BadUsage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = Console.Out, Error = Console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(Failures.Escape(Failures.AsLimit(e) is { } limit ? "error: " + limit : Failures.Internal(e, string.Join(' ', args))));
            return Failures.AsLimit(e) is null ? InternalError : MathError;
        }
    }

    /// <summary>
    /// The command tree. A module adds its one-shot commands here with
    /// <see cref="OneShotCommands.Create"/> (e.g. <c>root.Add(OneShotCommands.Create("el", …))</c>).
    /// </summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Symbolic: type the LaTeX of an article, get the derivation back in LaTeX. Without a command, opens the REPL.");
        var replTimeout = TimeoutOption();
        root.Options.Add(replTimeout);
        root.SetAction(parsed => TimeLimit(parsed, replTimeout, "symbolic") is not { } limit ? BadUsage
            : ConsoleRepl.Run(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, limit.Limit));

        var file = new Argument<string>("file") { Description = "A script of REPL lines (blank lines and % comments are skipped)." };
        var runFormat = new Option<string>("--format") { Description = "transcript (default), or a document: html (a page typeset by KaTeX, works offline), tex, md; or json (each input line with its results, steps, warnings and error)." };
        var runTimeout = TimeoutOption();
        var run = new Command("run", "Run a script of REPL lines and print the transcript.") { file, runFormat, runTimeout };
        run.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            var error = parsed.InvocationConfiguration.Error;
            if (TimeLimit(parsed, runTimeout, "symbolic run") is not { Limit: var limit }) return BadUsage;
            string[] lines;
            if (Directory.Exists(path))
            {
                error.WriteLine($"symbolic run: {path} is a directory; give a script file");
                return BadUsage;
            }
            try { lines = File.ReadAllLines(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"symbolic run: cannot read {path}: {e.Message}");
                return BadUsage;
            }
            if (parsed.GetValue(runFormat) is "json") return ScriptRunner.RunToJson(path, lines, parsed.InvocationConfiguration.Output, error, default, limit);
            if (parsed.GetValue(runFormat) is { } formatName && formatName != "transcript")
            {
                if (Rendering.Documents.Parse(formatName) is not { } document)
                {
                    error.WriteLine($"symbolic run: unknown format '{formatName}'; use html, tex, md, json or transcript");
                    return BadUsage;
                }
                return ScriptRunner.RunToDocument(path, lines, document, parsed.InvocationConfiguration.Output, error, default, limit);
            }
            return ScriptRunner.Run(path, lines, parsed.InvocationConfiguration.Output, error, limit);
        });
        root.Add(run);

        OneShotCommands.Register(root);
        FormsCommands.RegisterOneShot(root);
        VariationalCommands.RegisterOneShot(root);
        LieCommands.RegisterOneShot(root);
        IntegrationCommands.RegisterOneShot(root);
        return root;
    }

    /// <summary><c>--timeout SECONDS</c> of <c>run</c> and the REPL: a limit for each input, as the one-shot commands have for their one.</summary>
    private static Option<double> TimeoutOption() => new("--timeout")
    {
        Description = $"Stop an input that runs longer than this many seconds, with a message that says so (default {OneShotCommands.DefaultTimeoutSeconds:0}; 0 for no limit).",
        DefaultValueFactory = _ => OneShotCommands.DefaultTimeoutSeconds,
    };

    /// <summary>The time limit the option gives (Limit null: none), or null after reporting a bad value.</summary>
    private static (TimeSpan? Limit, bool Ok)? TimeLimit(ParseResult parsed, Option<double> option, string command)
    {
        var seconds = parsed.GetValue(option);
        if (seconds < 0 || double.IsNaN(seconds) || seconds > int.MaxValue / 1000)
        {
            parsed.InvocationConfiguration.Error.WriteLine($"{command}: --timeout takes a number of seconds, 0 for no limit (got {seconds})");
            return null;
        }
        return (seconds > 0 ? TimeSpan.FromSeconds(seconds) : null, true);
    }
}
