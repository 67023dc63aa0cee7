using System.Diagnostics;
using System.Text.RegularExpressions;
using Symbolic.Cli.Rendering;

namespace Symbolic.Cli.Tests;

/// <summary>
/// Derivations written as documents (<c>run --format html|tex|md</c>, <c>:export</c>), and every example rendered
/// by KaTeX in a real browser (Debian's chromium, headless; .ci/run installs it and sets SYMBOLIC_BROWSER_TESTS=1,
/// which makes a missing browser a failure).
/// </summary>
public sealed class DocumentTests
{
    private static (Session Session, int Code) Run(string script)
    {
        var session = new Session();
        foreach (var line in File.ReadAllLines(Path.Combine(Repo.Examples, script)))
            if (!string.IsNullOrWhiteSpace(line) && !line.TrimStart().StartsWith('%')) session.Execute(line);
        return (session, 0);
    }

    [Theory]
    [InlineData("fields: u(x, y)", "fields: |u(x, y)")]
    [InlineData(@"curvature[1,2] = \sin \theta \, d \theta \wedge d \phi", @"curvature[1,2] = |\sin \theta \, d \theta \wedge d \phi")]
    [InlineData(@"action: r \left(F u\right)   (fields u of r, theta)", @"action: |r \left(F u\right)| (fields u of r, theta)")]
    [InlineData("note: the equation of x is not verified", "note: |the equation of x is not verified")]
    [InlineData("conserved: L has no explicit t: h is conserved", "conserved: |L has no explicit t: h is conserved")]
    [InlineData(@"\frac{\partial^{2} u}{\partial r^{2}} = F", @"\frac{\partial^{2} u}{\partial r^{2}} = F")]
    public void An_output_line_is_split_into_text_and_mathematics(string line, string expected)
    {
        var parts = Documents.Split(line);
        string.Join("|", parts.Select(p => p.Text)).Should().Be(expected);
        parts.Any(p => p.IsMath && p.Text.StartsWith("the equation")).Should().BeFalse("prose is not typeset as mathematics");
    }

    [Fact]
    public void An_html_page_is_self_contained_with_each_input_result_and_step()
    {
        var (s, _) = Run("laplacian-spherical.sym");
        var html = Documents.Write(DocumentFormat.Html, "laplacian-spherical.sym", s.History, s.Latex);
        html.Should().Contain("&gt; :el").And.Contain("collect-derivatives").And.Contain("data-tex=\"\\frac{\\partial^{2} u}");
        // Nothing is fetched: no external script, style sheet or font.
        Regex.IsMatch(html, @"<(script|link)[^>]+(src|href)=").Should().BeFalse();
        html.Should().NotContain("url(fonts/").And.Contain("url(data:font/woff2;base64,");
    }

    [Fact]
    public void A_result_too_large_to_typeset_is_shown_with_its_size_and_the_full_text_folded_away()
    {
        var huge = string.Join(" + ", Enumerable.Range(1, 4000).Select(i => $"x^{{{i}}}"));
        var entry = new TranscriptEntry("huge", new ExecuteResult(huge), null);
        var html = HtmlDocument.Write("huge", [entry], e => e.ToString());
        html.Should().Contain($"a result of {huge.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters, too large to typeset").And.Contain("<pre>x^{1} + x^{2}");
        html.Should().NotContain("data-tex=\"x^{1}");
    }

    [Fact]
    public void A_tex_document_puts_each_derivation_in_an_align_and_a_markdown_one_in_dollar_blocks()
    {
        var (s, _) = Run("laplacian-spherical.sym");
        var tex = Documents.Write(DocumentFormat.Tex, "laplacian-spherical.sym", s.History, s.Latex);
        tex.Should().StartWith("\\documentclass{article}").And.Contain("\\begin{align*}").And.Contain("\\intertext{\\small collect-derivatives")
            .And.EndWith("\\end{document}\n");
        Regex.Matches(tex, @"\\begin\{align\*\}").Count.Should().Be(Regex.Matches(tex, @"\\end\{align\*\}").Count);
        var md = Documents.Write(DocumentFormat.Markdown, "laplacian-spherical.sym", s.History, s.Latex);
        md.Should().Contain("```\n> :el\n```").And.Contain("$$\n\\frac{\\partial^{2} u}{\\partial r^{2}} = F");
        Regex.Matches(md, @"^\$\$$", RegexOptions.Multiline).Count.Should().BeGreaterThan(4).And.Match(n => n % 2 == 0);
    }

    [Fact]
    public void An_error_is_shown_where_it_occurred_and_the_run_exits_with_one()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = ScriptRunner.RunToDocument("bad.sym", ["x + 1", ":nonsense", "y"], DocumentFormat.Markdown, output, error);
        code.Should().Be(1);
        output.ToString().Should().Contain("> x + 1").And.Contain("$$\nx + 1\n$$").And.Contain("```\nunknown command :nonsense")
            .And.NotContain("> y");
        error.ToString().Should().Contain("bad.sym:2:1: unknown command :nonsense");
    }

    [Fact]
    public void Export_writes_the_session_as_a_page_chosen_by_the_extension()
    {
        var s = new Session();
        s.Execute(@"\sin^2\theta + \cos^2\theta");
        var path = Path.Combine(Path.GetTempPath(), $"symbolic-export-{Guid.NewGuid():N}.md");
        try
        {
            s.Execute(":export " + path).Output.Should().Be($"exported 1 input to {path}");
            File.ReadAllText(path).Should().Contain("$$\n1\n$$");
            s.Execute(":export page.pdf").Output.Should().Contain("give a file ending in .html, .tex or .md");
        }
        finally { File.Delete(path); }
    }

    [SkippableFact]
    public void Every_example_renders_in_a_browser_with_no_katex_error()
    {
        var browser = BrowserOrSkip();
        // One page of every example, one browser run for all of them.
        var sections = new List<(string, IReadOnlyList<TranscriptEntry>)>();
        Session? last = null;
        foreach (var f in Directory.GetFiles(Repo.Examples, "*.sym").OrderBy(f => f, StringComparer.Ordinal))
        {
            last = Run(Path.GetFileName(f)).Session;
            sections.Add((Path.GetFileName(f), last.History));
        }
        TypesetsInBrowser(browser, "examples", sections, last!.Latex, minimumFormulas: 100);
    }

    /// <summary>
    /// KaTeX must not fail on our own LaTeX: every displayed equation of the articles (the reader's golden corpus,
    /// tests/Symbolic.Latex.Tests/golden) is typed into a session, and every result, warning and step it prints is typeset.
    /// </summary>
    [SkippableFact]
    public void Every_printer_output_of_the_golden_corpus_typesets_with_no_katex_error()
    {
        var browser = BrowserOrSkip();
        var golden = Path.Combine(Repo.Root, "tests", "Symbolic.Latex.Tests", "golden");
        var sections = new List<(string, IReadOnlyList<TranscriptEntry>)>();
        Session? last = null;
        int entries = 0;
        foreach (var file in Directory.GetFiles(golden, "*.tex", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var session = new Session();
            foreach (var latex in GoldenEntries(File.ReadAllText(file)))
            {
                entries++;
                if (session.Execute(latex).NeedsMoreInput) session.ClearPendingInput();
            }
            sections.Add((Path.GetRelativePath(golden, file), session.History));
            last = session;
        }
        entries.Should().BeGreaterThan(250, "the golden files hold every displayed equation of the articles");
        TypesetsInBrowser(browser, "golden-corpus", sections, last!.Latex, minimumFormulas: 250);
    }

    /// <summary>The LaTeX of each golden entry: a `% source` line, then the LaTeX; entries are separated by a blank line.</summary>
    private static IEnumerable<string> GoldenEntries(string text)
    {
        foreach (var block in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Trim('\n').Split('\n');
            if (lines.Length >= 2 && lines[0].StartsWith('%')) yield return string.Join("\n", lines.Skip(1));
        }
    }

    private static string BrowserOrSkip()
    {
        var browser = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        bool required = Environment.GetEnvironmentVariable("SYMBOLIC_BROWSER_TESTS") == "1";
        if (browser is null)
        {
            required.Should().BeFalse("SYMBOLIC_BROWSER_TESTS=1 asks for the browser test, and chromium is not installed (apt-get install chromium)");
            Skip.If(true, "chromium is not installed (apt-get install chromium; .ci/run installs it and sets SYMBOLIC_BROWSER_TESTS=1)");
        }
        return browser!;
    }

    /// <summary>Writes the sections as one page, typesets it in headless chromium and checks every formula typeset.</summary>
    private static void TypesetsInBrowser(string browser, string name, List<(string, IReadOnlyList<TranscriptEntry>)> sections,
        Func<Symbolic.Core.Expr, string> latex, int minimumFormulas)
    {
        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        var page = Path.Combine(artifacts, name + ".html");
        File.WriteAllText(page, HtmlDocument.WriteMany("Symbolic " + name, sections, latex));
        int formulas = Regex.Matches(File.ReadAllText(page), "data-tex=").Count;
        formulas.Should().BeGreaterThan(minimumFormulas, "the page should hold the formulas it is meant to test");

        var screenshot = Path.Combine(artifacts, name + ".png");
        var dom = Chromium(browser, $"--dump-dom --screenshot={screenshot} --window-size=1200,2400 file://{page}");
        dom.Should().Contain("class=\"katex\"", "KaTeX should have typeset the page");
        Regex.Matches(dom, "class=\"katex-error\"").Count.Should().Be(0, "every formula should typeset:\n" + KatexErrors(dom));
        Regex.Matches(dom, "<span class=\"katex\">").Count.Should().Be(formulas);
        File.Exists(screenshot).Should().BeTrue($"the screenshot is the test's artifact ({screenshot})");
    }

    [SkippableFact]
    public void Every_example_as_a_tex_document_compiles_with_pdflatex()
    {
        var pdflatex = new[] { "/usr/bin/pdflatex", "/usr/local/bin/pdflatex" }.FirstOrDefault(File.Exists);
        bool required = Environment.GetEnvironmentVariable("SYMBOLIC_TEX_TESTS") == "1";
        if (pdflatex is null)
        {
            required.Should().BeFalse("SYMBOLIC_TEX_TESTS=1 asks for the TeX test, and pdflatex is not installed (apt-get install texlive-latex-base)");
            Skip.If(true, "pdflatex is not installed (apt-get install texlive-latex-base; .ci/run installs it and sets SYMBOLIC_TEX_TESTS=1)");
        }
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts", "tex");
        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        foreach (var f in Directory.GetFiles(Repo.Examples, "*.sym").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(f);
            var s = Run(Path.GetFileName(f)).Session;
            File.WriteAllText(Path.Combine(directory, name + ".tex"), Documents.Write(DocumentFormat.Tex, name + ".sym", s.History, s.Latex));
            var (code, log) = Pdflatex(pdflatex, directory, name + ".tex");
            if (code != 0 || !File.Exists(Path.Combine(directory, name + ".pdf")))
                failures.Add($"{name}.tex (exit {code}):\n" + string.Join("\n", log.Split('\n').SkipWhile(l => !l.StartsWith('!')).Take(8)));
        }
        failures.Should().BeEmpty("every example's tex document should compile (the documents are in {0})", directory);
    }

    private static (int Code, string Log) Pdflatex(string pdflatex, string directory, string file)
    {
        var info = new ProcessStartInfo(pdflatex, $"-halt-on-error -interaction=nonstopmode {file}")
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"pdflatex did not finish {file} within five minutes");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string KatexErrors(string dom) =>
        string.Join("\n", Regex.Matches(dom, "class=\"katex-error\"[^>]*title=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Take(10));

    private static string Chromium(string browser, string arguments)
    {
        var info = new ProcessStartInfo(browser, "--headless --no-sandbox --disable-gpu --hide-scrollbars " + arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // Generous: a hang detector on a shared machine, not a timing assertion.
        if (!p.WaitForExit(600_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish rendering the examples page within ten minutes");
        }
        return stdout.Result;
    }
}
