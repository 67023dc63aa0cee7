using System.Reflection;
using System.Text;
using Symbolic.Core;

namespace Symbolic.Cli.Rendering;

/// <summary>
/// A self-contained HTML page of a transcript: KaTeX's script, style and fonts are bundled into the page (from the
/// npm package, embedded in this assembly at build time), so it renders offline. Each formula is an element with a
/// <c>data-tex</c> attribute that KaTeX typesets when the page loads; steps sit in a <c>&lt;details&gt;</c> under
/// their result, the rule's name as the caption.
/// </summary>
public static class HtmlDocument
{
    /// <summary>The page for <paramref name="entries"/>.</summary>
    public static string Write(string title, IReadOnlyList<TranscriptEntry> entries, Func<Expr, string> latex)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
          .Append(Documents.HtmlEscape(title)).Append("</title>\n<style>\n").Append(KatexCss.Value).Append("\n</style>\n<style>\n")
          .Append(PageCss).Append("</style>\n</head>\n<body>\n<h1>").Append(Documents.HtmlEscape(title)).Append("</h1>\n");
        foreach (var e in entries) WriteEntry(sb, e, latex);
        sb.Append("<script>\n").Append(Resource("katex/katex.min.js")).Append("\n</script>\n<script>\n").Append(RenderScript).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The entries of one document under a heading of its own (several scripts on one page).</summary>
    public static string WriteMany(string title, IReadOnlyList<(string Heading, IReadOnlyList<TranscriptEntry> Entries)> sections, Func<Expr, string> latex)
    {
        var body = new StringBuilder();
        foreach (var (heading, entries) in sections)
        {
            body.Append("<h2>").Append(Documents.HtmlEscape(heading)).Append("</h2>\n");
            foreach (var e in entries) WriteEntry(body, e, latex);
        }
        var page = Write(title, [], latex);
        int at = page.IndexOf("<script>", StringComparison.Ordinal);
        return page[..at] + body + page[at..];
    }

    /// <summary>A formula longer than this (thousands of terms) is shown as its size with the full LaTeX folded away, not typeset.</summary>
    public const int MaxTypesetLength = 20_000;

    private static void WriteEntry(StringBuilder sb, TranscriptEntry e, Func<Expr, string> latex)
    {
        sb.Append("<section class=\"entry\">\n<pre class=\"input\">");
        var lines = e.Input.Split('\n');
        for (int i = 0; i < lines.Length; i++)
            sb.Append(i == 0 ? "&gt; " : "\n. ").Append(Documents.HtmlEscape(lines[i]));
        sb.Append("</pre>\n");
        foreach (var w in e.Result.Warnings)
            sb.Append("<div class=\"warning\">").Append(Documents.HtmlEscape(Documents.Warning(w))).Append("</div>\n");
        if (e.Result.IsError)
            sb.Append("<pre class=\"error\">").Append(Documents.HtmlEscape(e.Result.Output)).Append("</pre>\n");
        foreach (var line in Documents.OutputLines(e))
        {
            sb.Append("<div class=\"result\">");
            foreach (var part in Documents.Split(line))
            {
                if (part.IsMath && part.Text.Length > MaxTypesetLength)
                    sb.Append("<span class=\"text\">a result of ").Append(part.Text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
                      .Append(" characters, too large to typeset</span><details class=\"full\"><summary>its LaTeX</summary><pre>")
                      .Append(Documents.HtmlEscape(part.Text)).Append("</pre></details>");
                else if (part.IsMath) sb.Append("<span class=\"math\" data-tex=\"").Append(Documents.HtmlEscape(part.Text)).Append("\"></span>");
                else sb.Append("<span class=\"text\">").Append(Documents.HtmlEscape(part.Text)).Append("</span>");
            }
            sb.Append("</div>\n");
        }
        if (e.Steps is { Count: > 0 } steps)
        {
            sb.Append("<details class=\"steps\"><summary>").Append(steps.Count).Append(steps.Count == 1 ? " step" : " steps").Append("</summary>\n");
            foreach (var st in steps)
            {
                sb.Append("<figure class=\"step\"><span class=\"math\" data-tex=\"").Append(Documents.HtmlEscape(latex(st.After)))
                  .Append("\"></span><figcaption>").Append(Documents.HtmlEscape(st.Rule));
                if (st.Note is not null) sb.Append(": ").Append(Documents.HtmlEscape(st.Note));
                sb.Append("</figcaption></figure>\n");
            }
            sb.Append("</details>\n");
        }
        sb.Append("</section>\n");
    }

    private const string PageCss = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
pre.input { background: #f4f4f4; padding: .4rem .6rem; margin: 1rem 0 .3rem; white-space: pre-wrap; }
.result { margin: .3rem 0 .3rem 1rem; overflow-x: auto; }
.result .text, figcaption { color: #555; }
.warning { background: #fff6d5; border-left: 3px solid #d9a400; padding: .2rem .5rem; margin: .2rem 0; }
pre.error { background: #fde8e8; border-left: 3px solid #c00; padding: .4rem .6rem; white-space: pre-wrap; }
details.steps { margin: .2rem 0 .2rem 1rem; }
figure.step { margin: .4rem 0 .4rem 1rem; overflow-x: auto; }
figcaption { font-size: .85rem; }

""";

    // Every formula is typeset where it stands; an error is shown in place (a .katex-error node), never thrown.
    private const string RenderScript = """
document.querySelectorAll('[data-tex]').forEach(function (el) {
  var tex = el.getAttribute('data-tex');
  katex.render(tex, el, { displayMode: tex.indexOf('\\tag') >= 0, throwOnError: false, strict: 'ignore' });   // \\tag{…} is display-only
});

""";

    /// <summary>KaTeX's style sheet with its woff2 fonts inlined as data URIs (the other font formats dropped).</summary>
    private static readonly Lazy<string> KatexCss = new(() =>
    {
        // Each @font-face has src:url(fonts/X.woff2) format("woff2"),url(fonts/X.woff) …,url(fonts/X.ttf) …}
        const string Src = "src:url(fonts/";
        var css = Resource("katex/katex.min.css");
        var sb = new StringBuilder();
        int i = 0;
        for (int start; (start = css.IndexOf(Src, i, StringComparison.Ordinal)) >= 0;)
        {
            int nameEnd = css.IndexOf(')', start);
            int blockEnd = css.IndexOf('}', start);
            var file = css[(start + Src.Length)..nameEnd];
            if (!file.EndsWith(".woff2", StringComparison.Ordinal) || blockEnd < 0)
                throw new InvalidOperationException($"KaTeX's style sheet lists {file} first: expected a woff2 font");
            sb.Append(css, i, start - i).Append("src:url(data:font/woff2;base64,")
              .Append(Convert.ToBase64String(ResourceBytes("katex/fonts/" + file))).Append(") format(\"woff2\")");
            i = blockEnd;
        }
        return sb.Append(css, i, css.Length - i).ToString();
    });

    private static string Resource(string name) => Encoding.UTF8.GetString(ResourceBytes(name));

    private static byte[] ResourceBytes(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the build did not embed {name} (npm ci in src/Symbolic.Cli/Rendering installs KaTeX)");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }
}
