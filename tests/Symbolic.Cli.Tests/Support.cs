using Symbolic.Cli;
using Symbolic.Cli.Commands;

namespace Symbolic.Cli.Tests;

/// <summary>Paths in the repository, found by walking up from the test binaries to Symbolic.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Symbolic.sln"))) return dir.FullName;
        throw new InvalidOperationException("Symbolic.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Runs <see cref="Program.Main"/> in-process with Console.Out and Console.Error captured.</summary>
internal static class Cli
{
    // Commands run inside the test host: the watchdog's Environment.Exit would end every test, not just the slow one.
    static Cli() => OneShotCommands.HardStopGraceSeconds = 120;

    public sealed record Outcome(int ExitCode, string Out, string Err)
    {
        /// <summary>The output without the "% …" note lines (the curvature conventions printed before the results).</summary>
        public string Results => string.Concat(Out.Split('\n').Where(l => !l.StartsWith("% ", StringComparison.Ordinal)).Select((l, i) => i == 0 ? l : "\n" + l));
    }

    public static Outcome Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" });
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            var code = Program.Main(args);
            return new Outcome(code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}

/// <summary>Tests that swap Console.Out/Error must not run beside each other.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>Small helpers for session tests.</summary>
internal static class SessionExtensions
{
    /// <summary>Runs the lines in order and returns the last result; every earlier line must succeed.</summary>
    public static ExecuteResult Run(this Session s, params string[] lines)
    {
        ExecuteResult? last = null;
        foreach (var line in lines)
        {
            if (last is { IsError: true }) throw new InvalidOperationException("an earlier line failed: " + last.Output);
            last = s.Execute(line, CancellationToken.None);
        }
        return last!;
    }

    public static string Out(this Session s, params string[] lines)
    {
        var r = s.Run(lines);
        r.IsError.Should().BeFalse(r.Output);
        return r.Output;
    }
}
