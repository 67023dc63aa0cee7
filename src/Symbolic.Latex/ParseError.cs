using Symbolic.Core;
using System.Text;

namespace Symbolic.Latex;

/// <summary>
/// The LaTeX could not be read. Carries the position (1-based line and column), the source line and
/// a message a person reads; <see cref="Render"/> shows them with a caret under the column:
/// <code>
/// line 1, column 11: expected '}' to close \frac{...}{ opened at column 9
///   \frac{a}{b
///             ^
/// </code>
/// It is a <see cref="SymbolicException"/>, so a boundary that reports math errors catches it too; one that
/// shows the caret catches it first.
/// </summary>
public sealed class ParseError : SymbolicException
{
    /// <summary>Creates a parse error.</summary>
    /// <param name="message">What went wrong, in words.</param>
    /// <param name="line">1-based line of the problem.</param>
    /// <param name="column">1-based column of the problem (one past the end for "unexpected end").</param>
    /// <param name="sourceLine">The text of that line.</param>
    public ParseError(string message, int line, int column, string sourceLine) : base(message)
    {
        Line = line; Column = column; SourceLine = sourceLine;
    }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>The source line the problem is on (without its line break).</summary>
    public string SourceLine { get; }

    /// <summary>The three-line report: position and message, the source line, a caret under the column.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("line ").Append(Line).Append(", column ").Append(Column).Append(": ").Append(Message).Append('\n');
        sb.Append("  ").Append(SourceLine).Append('\n');
        sb.Append("  ");
        // Keep tabs so the caret lines up under tabbed text.
        for (var i = 0; i < Column - 1; i++) sb.Append(i < SourceLine.Length && SourceLine[i] == '\t' ? '\t' : ' ');
        sb.Append('^');
        return sb.ToString();
    }

    /// <summary>Same as <see cref="Render"/>.</summary>
    public override string ToString() => Render();

    internal static ParseError At(string source, int line, int column, string message)
    {
        var lines = source.Split('\n');
        var text = line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : "";
        return new ParseError(message, line, column, text);
    }

    /// <summary>An error at a 0-based character offset of <paramref name="source"/> (line and column computed).</summary>
    /// <example><code>throw ParseError.AtOffset(latex, eq.Offset, "an equation has no rational normal form");</code></example>
    public static ParseError AtOffset(string source, int offset, string message)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        int line = 1, col = 1;
        for (var i = 0; i < offset; i++)
        {
            if (source[i] == '\n') { line++; col = 1; } else col++;
        }
        return At(source, line, col, message);
    }
}
