using Symbolic.Latex.Syntax;

namespace Symbolic.Latex.Tests;

/// <summary>Small helpers: read LaTeX and print the syntax tree as an S-expression.</summary>
internal static class Sx
{
    /// <summary>The S-expression of the single formula in <paramref name="latex"/>.</summary>
    public static string Of(string latex) => LatexReader.ParseExpression(latex).ToString();

    /// <summary>Every golden entry: (source label, LaTeX).</summary>
    public static IEnumerable<(string Label, string Latex)> Corpus()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "golden");
        foreach (var file in Directory.GetFiles(dir, "*.tex", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            foreach (var entry in ReadEntries(File.ReadAllText(file)))
                yield return entry;
    }

    /// <summary>Golden format: a `% source` line, then the LaTeX, entries separated by a blank line.</summary>
    public static IEnumerable<(string Label, string Latex)> ReadEntries(string text)
    {
        foreach (var block in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Trim('\n').Split('\n');
            if (lines.Length < 2 || !lines[0].StartsWith('%')) continue;
            yield return (lines[0][1..].Trim(), string.Join("\n", lines.Skip(1)));
        }
    }
}
