using System.Text;
using Symbolic.Core;

namespace Symbolic.Cli;

/// <summary>
/// The last line of defence of the REPL, <c>run</c> and the one-shot commands: every exception that is not a
/// reported error (<see cref="SymbolicException"/>, a parse error, a usage error) is an internal error, a bug,
/// shown as <c>internal error: … — this is a bug</c> with the input, never a stack trace that ends the session.
/// A few runtime exceptions are limits the person can act on and are reported as ordinary errors.
/// </summary>
public static class Failures
{
    /// <summary>The message for an exception the engine did not report itself, or null when it is an internal error.</summary>
    public static string? AsLimit(Exception e) => e switch
    {
        DivideByZeroException => "division by zero",
        InsufficientExecutionStackException =>
            "the expression is nested too deeply for the stack; simplify the input or build it in fewer levels",
        OutOfMemoryException =>
            $"out of memory: the computation needed more memory than the process may use (the memory budget is {Budget.Bytes(Budget.DefaultMaxBytes)}); stopped",
        _ => null,
    };

    /// <summary>The report of an internal error: what happened and the input that caused it, with the exception's origin.</summary>
    public static string Internal(Exception e, string input)
    {
        var origin = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        var sb = new StringBuilder();
        sb.Append("internal error: ").Append(e.GetType().Name).Append(": ").Append(e.Message).Append(" — this is a bug");
        sb.Append("\n  input: ").Append(input.Length > 500 ? input[..500] + "…" : input);
        if (!string.IsNullOrEmpty(origin)) sb.Append("\n  ").Append(origin);
        return sb.ToString();
    }

    /// <summary>
    /// Control characters (ESC and the rest, except line breaks and tabs) written as <c>\x1B</c>, so a message that
    /// quotes binary input cannot drive the terminal.
    /// </summary>
    public static string Escape(string text)
    {
        bool clean = true;
        foreach (var c in text) if (IsControl(c)) { clean = false; break; }
        if (clean) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            if (IsControl(c)) sb.Append("\\x").Append(((int)c).ToString("X2"));
            else sb.Append(c);
        return sb.ToString();
    }

    private static bool IsControl(char c) => (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7F && c < 0xA0);
}
