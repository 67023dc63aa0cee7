using System.Text;
using Symbolic.Core;

namespace Symbolic.Cli.Rendering;

/// <summary>
/// Markdown of a transcript as GitHub renders it: each input in a code block, each result in a <c>$$</c> block
/// (text parts as \text{…}), the steps as a list with the rule name and a <c>$$</c> block each.
/// </summary>
public static class MarkdownDocument
{
    /// <summary>The document for <paramref name="entries"/>.</summary>
    public static string Write(string title, IReadOnlyList<TranscriptEntry> entries, Func<Expr, string> latex)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(title).Append("\n\n");
        foreach (var e in entries)
        {
            sb.Append("```\n");
            var lines = e.Input.Split('\n');
            for (int i = 0; i < lines.Length; i++) sb.Append(i == 0 ? "> " : ". ").Append(lines[i]).Append('\n');
            sb.Append("```\n\n");
            foreach (var w in e.Result.Warnings) sb.Append("> **warning** ").Append(Documents.Warning(w)).Append("\n\n");
            if (e.Result.IsError) sb.Append("```\n").Append(e.Result.Output).Append("\n```\n\n");
            foreach (var line in Documents.OutputLines(e))
            {
                var parts = Documents.Split(line);
                if (parts.All(p => !p.IsMath)) { sb.Append(line).Append("\n\n"); continue; }
                sb.Append("$$\n").Append(string.Concat(parts.Select(p => p.IsMath ? p.Text : "\\text{" + TexDocument.Text(p.Text) + "}"))).Append("\n$$\n\n");
            }
            if (e.Steps is { Count: > 0 } steps)
            {
                sb.Append("<details><summary>").Append(steps.Count).Append(steps.Count == 1 ? " step" : " steps").Append("</summary>\n\n");
                foreach (var st in steps)
                    sb.Append("- *").Append(st.Rule).Append('*').Append(st.Note is null ? "" : ": " + st.Note).Append("\n\n$$\n").Append(latex(st.After)).Append("\n$$\n\n");
                sb.Append("</details>\n\n");
            }
        }
        return sb.ToString();
    }
}
