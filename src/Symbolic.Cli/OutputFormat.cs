using Symbolic.Core;
using Symbolic.Latex;
using Symbolic.Latex.Printing;

namespace Symbolic.Cli;

/// <summary>How results are written.</summary>
public enum OutputFormat
{
    /// <summary>LaTeX in the articles' style (the default).</summary>
    Latex,
    /// <summary>Plain text, e.g. <c>x^2 + 2*x</c>.</summary>
    Text,
    /// <summary>SymPy code that <c>sympy.sympify</c> reads.</summary>
    Sympy,
}

/// <summary>Printing in the chosen <see cref="OutputFormat"/>.</summary>
/// <example><code>Formats.Print(expr, OutputFormat.Text, context);   // "x^2 + 1"</code></example>
public static class Formats
{
    /// <summary>The names accepted by <c>:format</c> and <c>--format</c> (json only on the command line).</summary>
    public static readonly IReadOnlyList<string> Names = ["latex", "text", "sympy"];

    /// <summary>The format with this name (case-insensitive), or null.</summary>
    public static OutputFormat? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "latex" or "tex" => OutputFormat.Latex,
        "text" or "plain" => OutputFormat.Text,
        "sympy" or "python" => OutputFormat.Sympy,
        _ => null,
    };

    /// <summary>The name of a format as <c>:format</c> takes it.</summary>
    public static string Name(OutputFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Prints <paramref name="e"/>; dotted derivatives use the context's time variable.</summary>
    public static string Print(Expr e, OutputFormat format, LoweringContext? context = null) => format switch
    {
        OutputFormat.Text => TextPrinter.Print(e),
        OutputFormat.Sympy => SympyPrinter.Print(e),
        _ => LatexPrinter.Print(e, new LatexOptions(Time: context?.Time ?? "t", Functions: context?.Functions.AsReadOnly())),
    };

    /// <summary>Prints a result line with its equation label: <c>… \tag{3}</c> in LaTeX, <c>(3) …</c> otherwise.</summary>
    public static string Print(LoweredEquation eq, OutputFormat format, LoweringContext? context = null)
    {
        var body = Print(eq.Value, format, context);
        if (eq.Label is null) return body;
        return format switch
        {
            OutputFormat.Latex => $"{body} \\tag{{{eq.Label}}}",
            OutputFormat.Sympy => $"{body}  # ({eq.Label})",
            _ => $"({eq.Label}) {body}",
        };
    }
}
