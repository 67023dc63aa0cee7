using Microsoft.DotNet.Interactive.Formatting;
using Symbolic.Core;
using Symbolic.Interactive;
using Symbolic.Latex.Printing;

namespace Symbolic.Latex.Tests;

/// <summary>The .NET Interactive formatters, through the Formatting API a notebook kernel uses.</summary>
public class InteractiveFormatterTests
{
    static InteractiveFormatterTests() => SymbolicFormatters.Register();

    private static readonly Symbol theta = Expr.Symbol("theta", Assumptions.Real);

    [Fact]
    public void An_expression_displays_as_latex_between_double_dollars()
    {
        var e = Expr.Sin(theta).Pow(2) + Expr.Symbol("r") / Expr.Symbol("m");
        Formatter.ToDisplayString(e, "text/latex").Should().Be("$$" + LatexPrinter.Print(e) + "$$")
            .And.Contain(@"\sin^{2} \theta").And.Contain(@"\frac{r}{m}");
    }

    [Fact]
    public void An_expression_displays_as_html_with_the_latex_escaped()
    {
        var e = Expr.Symbol("x") / (Expr.Symbol("x") + 1);
        var html = Formatter.ToDisplayString(e, "text/html");
        html.Should().StartWith("<div class=\"symbolic-math\">\\[").And.EndWith("\\]</div>").And.Contain(@"\frac{x}{x + 1}");
        Formatter.ToDisplayString(Relation.Of(Expr.Symbol("x"), RelationKind.Less, Expr.One), "text/html").Should().Contain("x &lt; 1");
    }

    [Fact]
    public void The_preferred_display_of_an_expression_is_latex()
    {
        Formatter.GetPreferredMimeTypesFor(Expr.Symbol("x").GetType()).Should().Contain("text/latex");
    }

    [Fact]
    public void A_derivation_displays_each_step_with_its_rule_as_text()
    {
        var d = new Derivation();
        var x = Expr.Symbol("x");
        d.Record("read", null, Expr.Sin(x).Pow(2) + Expr.Cos(x).Pow(2));
        d.Record("simplify_all", Expr.Sin(x).Pow(2) + Expr.Cos(x).Pow(2), Expr.One, "sin² + cos² = 1");
        var latex = Formatter.ToDisplayString(d, "text/latex");
        latex.Should().Be("$$\\begin{aligned}\n&\\text{read} && \\cos^{2} x + \\sin^{2} x \\\\\n&\\text{simplify\\_all: sin² + cos² = 1} && 1\n\\end{aligned}$$");
        Formatter.ToDisplayString(new Derivation(), "text/latex").Should().Be(@"$$\text{(no steps)}$$");
        Formatter.ToDisplayString(d, "text/html").Should().Contain("\\begin{aligned}").And.Contain("&amp;\\text{read}");
    }
}
