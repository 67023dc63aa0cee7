using System.Text;

namespace Symbolic.Latex;

/// <summary>
/// A reading decision that could have gone another way, reported with where it was written: TeX's one-token
/// exponent (<c>x^10</c>), an unknown command kept as an operator, a juxtaposition read as a product where an
/// application was possible (<c>x(y-z)</c>), a dependence introduced by a derivative (<c>\frac{dh}{ds}</c>).
/// <see cref="Render"/> shows it as the CLI prints it:
/// <code>
/// warning: line 1, column 1: x^10 reads as x^{1}·0 (the exponent takes one token, as in TeX); write x^{10} for the power 10
///   x^10
///   ^
/// </code>
/// </summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="SourceLine">The source line (without its line break).</param>
/// <param name="Message">What was decided, and how to write the other reading.</param>
public sealed record ReadWarning(int Line, int Column, string SourceLine, string Message)
{
    /// <summary>"warning: line L, column C: message", the source line and a caret under the column.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("warning: line ").Append(Line).Append(", column ").Append(Column).Append(": ").Append(Message).Append('\n');
        sb.Append("  ").Append(SourceLine).Append('\n').Append("  ");
        for (var i = 0; i < Column - 1; i++) sb.Append(i < SourceLine.Length && SourceLine[i] == '\t' ? '\t' : ' ');
        sb.Append('^');
        return sb.ToString();
    }

    /// <summary>Same as <see cref="Render"/>.</summary>
    public override string ToString() => Render();

    internal static ReadWarning AtOffset(string source, int offset, string message)
    {
        var e = ParseError.AtOffset(source, offset, message);
        return new ReadWarning(e.Line, e.Column, e.SourceLine, message);
    }
}
