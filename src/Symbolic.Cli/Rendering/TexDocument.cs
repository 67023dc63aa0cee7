using System.Text;
using Symbolic.Core;

namespace Symbolic.Cli.Rendering;

/// <summary>
/// A LaTeX document of a transcript (article class, amsmath and amssymb only, so a standard TeX installation
/// compiles it): each input verbatim, its results and the steps of its derivation in one align*, each step's
/// rule name as an \intertext caption.
/// </summary>
public static class TexDocument
{
    /// <summary>The document for <paramref name="entries"/>.</summary>
    public static string Write(string title, IReadOnlyList<TranscriptEntry> entries, Func<Expr, string> latex)
    {
        var sb = new StringBuilder();
        sb.Append("\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n\\allowdisplaybreaks\n")
          .Append("\\title{").Append(Text(title)).Append("}\n\\date{}\n\\begin{document}\n\\maketitle\n");
        foreach (var e in entries)
        {
            sb.Append("\\begin{verbatim}\n");
            var lines = e.Input.Split('\n');
            for (int i = 0; i < lines.Length; i++) sb.Append(i == 0 ? "> " : ". ").Append(lines[i].Replace("\\end{verbatim}", "\\end {verbatim}")).Append('\n');
            sb.Append("\\end{verbatim}\n");
            foreach (var w in e.Result.Warnings) sb.Append("\\noindent\\textit{").Append(Text(Documents.Warning(w))).Append("}\n\n");
            if (e.Result.IsError) sb.Append("\\noindent\\textbf{error:} \\texttt{").Append(Text(e.Result.Output.Split('\n')[0])).Append("}\n\n");
            var rows = new List<string>();
            foreach (var line in Documents.OutputLines(e))
                rows.Add(string.Concat(Documents.Split(line).Select(p => p.IsMath ? p.Text : "\\text{" + Text(p.Text) + "}")));
            if (e.Steps is { Count: > 0 } steps)
                foreach (var st in steps)
                    rows.Add("\\intertext{\\small " + Text(st.Rule + (st.Note is null ? "" : ": " + st.Note)) + "}\n& " + latex(st.After));
            if (rows.Count == 0) continue;
            sb.Append("\\begin{align*}\n");
            for (int i = 0; i < rows.Count; i++)
            {
                var row = rows[i].StartsWith("\\intertext", StringComparison.Ordinal) ? rows[i] : "& " + rows[i];
                sb.Append(row).Append(i < rows.Count - 1 ? " \\\\\n" : "\n");
            }
            sb.Append("\\end{align*}\n");
        }
        return sb.Append("\\end{document}\n").ToString();
    }

    /// <summary>Text with TeX's special characters escaped.</summary>
    internal static string Text(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
            sb.Append(c switch
            {
                '\\' => "\\textbackslash{}", '{' => "\\{", '}' => "\\}", '$' => "\\$", '&' => "\\&", '#' => "\\#",
                '^' => "\\^{}", '_' => "\\_", '%' => "\\%", '~' => "\\~{}", _ => c.ToString(),
            });
        return sb.ToString();
    }
}
