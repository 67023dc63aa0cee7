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
        sb.Append("\\end{document}\n");
        // pdflatex knows no Greek or mathematical characters in text (notes, inputs in verbatim): each one the document
        // uses is declared in the preamble, so the document compiles with a standard TeX installation.
        var text = sb.ToString();
        var declarations = UnicodeDeclarations(text);
        int at = text.IndexOf("\\allowdisplaybreaks\n", StringComparison.Ordinal) + "\\allowdisplaybreaks\n".Length;
        return text.Insert(at, declarations);
    }

    private static readonly Dictionary<int, string> UnicodeTex = BuildUnicodeTex();

    private static Dictionary<int, string> BuildUnicodeTex()
    {
        var map = new Dictionary<int, string>();
        string[] lower = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "o",
            "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"];
        for (int i = 0; i < lower.Length; i++) map[0x3B1 + i] = lower[i] == "o" ? "o" : "\\ensuremath{\\" + lower[i] + "}";
        string[] upper = ["A", "B", "\\Gamma", "\\Delta", "E", "Z", "H", "\\Theta", "I", "K", "\\Lambda", "M", "N", "\\Xi", "O",
            "\\Pi", "P", "", "\\Sigma", "T", "\\Upsilon", "\\Phi", "X", "\\Psi", "\\Omega"];
        for (int i = 0; i < upper.Length; i++) if (upper[i].Length > 0) map[0x391 + i] = upper[i].StartsWith('\\') ? "\\ensuremath{" + upper[i] + "}" : upper[i];
        map[0x3D5] = "\\ensuremath{\\phi}"; map[0x3C6] = "\\ensuremath{\\varphi}"; map[0x3F5] = "\\ensuremath{\\epsilon}";
        foreach (var (c, tex) in new (int, string)[]
        {
            (0x222B, "\\int"), (0x2202, "\\partial"), (0x2212, "-"), (0x221D, "\\propto"), (0x2260, "\\neq"), (0x2264, "\\leq"),
            (0x2265, "\\geq"), (0x00D7, "\\times"), (0x00B7, "\\cdot"), (0x22C5, "\\cdot"), (0x2192, "\\to"), (0x21D2, "\\Rightarrow"),
            (0x221E, "\\infty"), (0x2227, "\\wedge"), (0x00B1, "\\pm"), (0x221A, "\\surd"), (0x2207, "\\nabla"), (0x2248, "\\approx"),
            (0x2208, "\\in"), (0x2032, "\\prime"), (0x2033, "\\prime\\prime"), (0x2261, "\\equiv"), (0x2211, "\\sum"), (0x220F, "\\prod"),
            (0x211D, "\\mathbb{R}"), (0x2124, "\\mathbb{Z}"), (0x2218, "\\circ"), (0x2026, "\\ldots"), (0x00B9, "^{1}"), (0x00B2, "^{2}"),
            (0x00B3, "^{3}"), (0x0307, "{}^{\\cdot}"), (0x0308, "{}^{\\cdot\\cdot}"), (0x2113, "\\ell"), (0x210F, "\\hbar"),
        })
            map[c] = "\\ensuremath{" + tex + "}";
        for (int d = 0; d <= 9; d++)
        {
            map[0x2080 + d] = $"\\ensuremath{{_{{{d}}}}}";
            if (d is not (1 or 2 or 3)) map[0x2070 + d] = $"\\ensuremath{{^{{{d}}}}}";
        }
        map[0x207A] = "\\ensuremath{^{+}}"; map[0x207B] = "\\ensuremath{^{-}}";
        map[0x2014] = "---"; map[0x2013] = "--"; map[0x2018] = "`"; map[0x2019] = "'"; map[0x201C] = "``"; map[0x201D] = "''";
        return map;
    }

    /// <summary>A \DeclareUnicodeCharacter for each non-ASCII character of <paramref name="text"/>; one with no
    /// known form is written as its code point, so that the document still compiles.</summary>
    internal static string UnicodeDeclarations(string text)
    {
        var sb = new StringBuilder();
        var seen = new SortedSet<int>();
        foreach (var rune in text.EnumerateRunes()) if (rune.Value > 0x7F) seen.Add(rune.Value);
        foreach (var c in seen)
        {
            // pdflatex's utf8 already knows the Latin letters with accents (é, ü): those are left to it.
            if (!UnicodeTex.TryGetValue(c, out var tex))
            {
                if (c is >= 0xA0 and <= 0x17F) continue;
                tex = $"\\texttt{{[U+{c:X4}]}}";
            }
            sb.Append("\\DeclareUnicodeCharacter{").Append(c.ToString("X4")).Append("}{").Append(tex).Append("}\n");
        }
        return sb.ToString();
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
