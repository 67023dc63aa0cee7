using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;
using Symbolic.Core;
using Symbolic.Latex.Printing;

namespace Symbolic.Interactive;

/// <summary>
/// Formatters for .NET Interactive (Polyglot and Jupyter notebooks): an <see cref="Expr"/> or a <see cref="Derivation"/>
/// displays as typeset mathematics. <c>text/latex</c> is the expression between <c>$$</c> (a derivation as an
/// <c>aligned</c> block, each step's rule as a label); <c>text/html</c> is the same LaTeX between <c>\[ \]</c> in a
/// <c>div</c>, for front ends that typeset HTML with MathJax or KaTeX, with the LaTeX HTML-escaped.
/// </summary>
/// <example><code>
/// #r "nuget: Symbolic.Interactive"      // or a reference to the built assembly
/// Symbolic.Interactive.SymbolicFormatters.Register();
/// LatexMath.ReadOne(@"\sin^2 x")          // shows \sin^{2} x
/// </code></example>
public static class SymbolicFormatters
{
    /// <summary>The MIME type of LaTeX output.</summary>
    public const string Latex = "text/latex";
    /// <summary>The MIME type of HTML output.</summary>
    public const string Html = "text/html";

    /// <summary>Registers the formatters (once per process is enough; registering again replaces them) and makes
    /// LaTeX the preferred display of both types.</summary>
    public static void Register()
    {
        Formatter.Register<Expr>(e => "$$" + LatexPrinter.Print(e) + "$$", Latex);
        Formatter.Register<Expr>(e => HtmlOf(LatexPrinter.Print(e)), Html);
        Formatter.Register<Derivation>(d => "$$" + LatexOf(d) + "$$", Latex);
        Formatter.Register<Derivation>(d => HtmlOf(LatexOf(d)), Html);
        Formatter.SetPreferredMimeTypesFor(typeof(Expr), Latex);
        Formatter.SetPreferredMimeTypesFor(typeof(Derivation), Latex);
    }

    /// <summary>
    /// A derivation as one <c>aligned</c> block: a row per step, its rule (and note) as text, then the expression it
    /// produced. An empty derivation is <c>\text{(no steps)}</c>.
    /// </summary>
    public static string LatexOf(Derivation d)
    {
        if (d.Count == 0) return @"\text{(no steps)}";
        var sb = new StringBuilder(@"\begin{aligned}");
        for (int i = 0; i < d.Count; i++)
        {
            var step = d[i];
            sb.Append(i == 0 ? "\n" : @" \\" + "\n")
              .Append(@"&\text{").Append(Text(step.Rule + (step.Note is null ? "" : ": " + step.Note))).Append(@"} && ")
              .Append(LatexPrinter.Print(step.After));
        }
        return sb.Append("\n\\end{aligned}").ToString();
    }

    private static string HtmlOf(string latex) => "<div class=\"symbolic-math\">\\[" + WebUtility.HtmlEncode(latex) + "\\]</div>";

    /// <summary>Text for \text{…}: TeX's special characters escaped.</summary>
    private static string Text(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
            sb.Append(c switch
            {
                '\\' => @"\textbackslash{}", '{' => @"\{", '}' => @"\}", '$' => @"\$", '&' => @"\&", '#' => @"\#",
                '^' => @"\^{}", '_' => @"\_", '%' => @"\%", '~' => @"\~{}", _ => c.ToString(),
            });
        return sb.ToString();
    }
}
