using System.Text;
using Symbolic.Core;

namespace Symbolic.Cli.Rendering;

/// <summary>One input of a session: what was typed, what came back, and the steps of its derivation (null when it computed nothing).</summary>
/// <param name="Input">The input as typed (several lines for a multi-line input).</param>
/// <param name="Result">The output, warnings and error of the input.</param>
/// <param name="Steps">The derivation recorded by this input, or null.</param>
public sealed record TranscriptEntry(string Input, ExecuteResult Result, Derivation? Steps);

/// <summary>The document formats a session can be written as.</summary>
public enum DocumentFormat
{
    /// <summary>A self-contained HTML page typeset by KaTeX (bundled: it works offline).</summary>
    Html,
    /// <summary>A LaTeX document with an align* per derivation.</summary>
    Tex,
    /// <summary>Markdown with $$ blocks, as GitHub renders it.</summary>
    Markdown,
}

/// <summary>A part of an output line: plain text, or LaTeX to typeset.</summary>
/// <param name="Text">The text.</param>
/// <param name="IsMath">True for LaTeX.</param>
public readonly record struct LinePart(string Text, bool IsMath);

/// <summary>
/// Writes a session's transcript as a document: each input, each result typeset, the steps of each derivation
/// with their rule names as captions, warnings and errors where they occurred.
/// </summary>
/// <example><code>Documents.Write(DocumentFormat.Html, "laplacian-polar.sym", session.History, latexOf);</code></example>
public static class Documents
{
    /// <summary>The format named by a file extension or a <c>--format</c> value (html, tex, md), or null.</summary>
    public static DocumentFormat? Parse(string name) => name.Trim().TrimStart('.').ToLowerInvariant() switch
    {
        "html" or "htm" => DocumentFormat.Html,
        "tex" => DocumentFormat.Tex,
        "md" or "markdown" => DocumentFormat.Markdown,
        _ => null,
    };

    /// <summary>The document for <paramref name="entries"/>; <paramref name="latex"/> prints a step's expression.</summary>
    public static string Write(DocumentFormat format, string title, IReadOnlyList<TranscriptEntry> entries, Func<Expr, string> latex) => format switch
    {
        DocumentFormat.Html => HtmlDocument.Write(title, entries, latex),
        DocumentFormat.Tex => TexDocument.Write(title, entries, latex),
        _ => MarkdownDocument.Write(title, entries, latex),
    };

    /// <summary>
    /// Splits an output line into text and LaTeX: a leading <c>word: </c> or <c>label[i,j] = </c> and a trailing
    /// <c>   (…)</c> are text, a line of prose (a note, "assuming r: Positive") is text, the rest is LaTeX.
    /// </summary>
    public static IReadOnlyList<LinePart> Split(string line)
    {
        var parts = new List<LinePart>();
        var rest = line;
        string? suffix = null;
        int paren = rest.IndexOf("   (", StringComparison.Ordinal);
        if (paren > 0 && rest.EndsWith(')')) { suffix = rest[(paren + 3)..]; rest = rest[..paren]; }
        int colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && rest[..colon].All(c => char.IsLetterOrDigit(c) || c is ' ' or '_' or '-'))
        {
            parts.Add(new LinePart(rest[..(colon + 2)], false));
            rest = rest[(colon + 2)..];
        }
        else if (LabelLength(rest) is int n and > 0)
        {
            parts.Add(new LinePart(rest[..n], false));
            rest = rest[n..];
        }
        if (rest.Length > 0) parts.Add(new LinePart(rest, !IsProse(rest)));
        if (suffix is not null) parts.Add(new LinePart(" " + suffix, false));
        return parts;
    }

    // curvature[1,2] = , einstein[theta,theta] = : a component label, not mathematics to typeset.
    private static int LabelLength(string line)
    {
        int i = 0;
        while (i < line.Length && (char.IsLetter(line[i]) || line[i] == '_')) i++;
        if (i == 0 || i >= line.Length || line[i] != '[') return 0;
        int close = line.IndexOf(']', i);
        if (close < 0 || !line.AsSpan(close).StartsWith("] = ")) return 0;
        return close + 4;
    }

    // Prose has no LaTeX command, power, index or equation, and at least two words of three letters or more.
    private static bool IsProse(string s)
    {
        if (s.IndexOfAny(['\\', '^', '_', '=']) >= 0) return false;
        int run = 0, words = 0;
        foreach (var c in s + " ")
        {
            if (char.IsLetter(c)) { run++; continue; }
            if (run >= 3) words++;
            run = 0;
        }
        return words >= 2;
    }

    /// <summary>The output lines of an entry (empty for an error; its message is shown apart).</summary>
    internal static IEnumerable<string> OutputLines(TranscriptEntry e) =>
        e.Result.IsError || e.Result.Output.Length == 0 ? [] : e.Result.Output.Split('\n');

    /// <summary>A warning as the CLI prints it: line:column, message.</summary>
    internal static string Warning(Symbolic.Latex.ReadWarning w) => $"{w.Line}:{w.Column}: warning: {w.Message}";

    internal static string HtmlEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            sb.Append(c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", _ => c.ToString() });
        return sb.ToString();
    }
}
