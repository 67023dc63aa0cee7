using Symbolic.Core;
using Symbolic.Latex.Printing;

namespace Symbolic.Latex.Tests;

public class PrinterTests
{
    private static readonly Symbol t = Expr.Symbol("t", Assumptions.Real), mu = Expr.Symbol("mu"), m = Expr.Symbol("m");
    private static readonly Symbol theta = Expr.Symbol("theta", Assumptions.Real), x = Expr.Symbol("x");
    private static readonly Expr r = Call.Of(Function.User("r", Assumptions.Positive), t);
    private static readonly Expr th = Call.Of(Function.User("theta"), t);
    private static Expr Dot(Expr f, int n = 1) => Derivative.Of(f, new[] { (t, n) });

    [Fact]
    public void Time_derivatives_print_as_dots()
    {
        LatexPrinter.Print(Dot(r)).Should().Be(@"\dot{r}");
        LatexPrinter.Print(Dot(th, 2)).Should().Be(@"\ddot{\theta}");
    }

    [Fact]
    public void The_radial_equation_prints_as_the_article_writes_it()
    {
        var eq = Relation.Equation(Dot(r, 2), r * Dot(th).Pow(2) - mu / r.Pow(2));
        LatexPrinter.Print(eq).Should().Be(@"\ddot{r} = r \dot{\theta}^{2} - \frac{\mu}{r^{2}}");
    }

    [Fact]
    public void Powers_of_trigonometric_functions_go_on_the_function_name()
    {
        LatexPrinter.Print(Expr.Sin(theta).Pow(2)).Should().Be(@"\sin^{2} \theta");
        LatexPrinter.Print(Expr.Symbol("r").Pow(2) * Expr.Sin(theta)).Should().Be(@"r^{2} \sin \theta");
        LatexPrinter.Print(Expr.Cos(2 * theta)).Should().Be(@"\cos(2 \theta)");
    }

    [Fact]
    public void A_half_stays_in_front_as_a_fraction()
    {
        LatexPrinter.Print(Expr.Half * m * Dot(r).Pow(2)).Should().Be(@"\frac{1}{2} m \dot{r}^{2}");
    }

    [Fact]
    public void Exponentials_and_roots_use_their_notation()
    {
        LatexPrinter.Print(Expr.Exp(2 * x)).Should().Be(@"e^{2 x}");
        LatexPrinter.Print(Expr.Sqrt(1 - x.Pow(2))).Should().Be(@"\sqrt{1 - x^{2}}");
    }

    [Fact]
    public void A_differential_over_a_denominator_alone_prints_with_the_differential_on_top_as_a_coframe_is_written()
    {
        // real letters, as the reader makes them, so that the round trip compares like with like
        var rr = Expr.Symbol("r", Assumptions.Real);
        var dr = Call.Of(Function.D, rr);
        var dtheta = Call.Of(Function.D, theta);
        var omega2 = 1 / Expr.Sqrt(1 - 2 * Expr.Symbol("m", Assumptions.Real) / rr) * dr;
        LatexPrinter.Print(omega2).Should().Be(@"\frac{dr}{\sqrt{1 - \frac{2 m}{r}}}");
        LatexMath.ReadOne(LatexPrinter.Print(omega2)).Should().Be(omega2, "the printed coframe reads back");
        LatexPrinter.Print(dtheta / (2 * rr)).Should().Be(@"\frac{d \theta}{2 r}");
        LatexPrinter.Print(-dr / rr).Should().Be(@"-\frac{dr}{r}");
        // a numerator, an exponential, a 2-form, or a differential below (dx/dt would read back as a derivative) keep the coefficient in front
        LatexPrinter.Print(dr / Call.Of(Function.D, t)).Should().NotStartWith(@"\frac{dr}{dt}");
        LatexPrinter.Print(rr * dtheta).Should().Be(@"r \, d \theta");
        LatexPrinter.Print(Expr.Exp(-x) * dr).Should().Be(@"e^{-x} \, dr");
        LatexPrinter.Print(2 * dr / rr).Should().Be(@"\frac{2}{r} \, dr");
        LatexPrinter.Print(Call.Of(Function.Wedge, dr, dtheta) / rr).Should().Be(@"\frac{1}{r} \, dr \wedge d \theta");
    }

    [Fact]
    public void Indexed_names_print_with_their_indices()
    {
        LatexPrinter.Print(Symbol.Of(SymbolName.Of("omega", upper: "mu", lower: "nu"))).Should().Be(@"\omega^{\mu}_{\nu}");
        LatexPrinter.Print(Symbol.Of(SymbolName.Of("A", lower: "CD"))).Should().Be(@"A_{CD}");
        LatexPrinter.Print(Symbol.Of(SymbolName.Of("R", upper: "mu", lower: "nu rho sigma"))).Should().Be(@"R^{\mu}_{\nu \rho \sigma}");
        LatexPrinter.Print(Symbol.Of(SymbolName.Of("x", accents: ["tilde", "hat"]))).Should().Be(@"\tilde{\hat{x}}");
        LatexPrinter.Print(Call.Of(Function.User(SymbolName.Of("q", lower: "i")), t)).Should().Be(@"q_{i}");
    }

    [Theory]
    [InlineData(@"\omega^{\mu}_{\nu}", "omega", "mu", "nu")]
    [InlineData(@"\omega_{\nu}^{\mu}", "omega", "mu", "nu")]
    [InlineData(@"R^1_{212}", "R", "1", "212")]
    [InlineData(@"A_{CD}", "A", null, "CD")]
    public void The_reader_builds_an_indexed_name_from_its_parts_and_the_printer_prints_the_parts(string latex, string @base, string? upper, string? lower)
    {
        var read = (Symbol)LatexMath.ReadOne(latex);
        read.Parts.Base.Should().Be(@base);
        read.Parts.Upper.Should().Equal(upper is null ? Array.Empty<string>() : new[] { upper });
        read.Parts.Lower.Should().Equal(lower is null ? Array.Empty<string>() : new[] { lower });
        LatexMath.ReadOne(LatexPrinter.Print(read)).Should().Be(read);
    }

    [Fact]
    public void An_accent_is_a_part_of_the_name_and_not_a_prefix_of_its_spelling_to_read_back()
    {
        var read = (Symbol)LatexMath.ReadOne(@"\hat{p}_k");
        read.Parts.Accents.Should().Equal("hat");
        read.Parts.Base.Should().Be("p");
        read.Parts.Lower.Should().Equal("k");
        LatexPrinter.Print(read).Should().Be(@"\hat{p}_{k}");
    }

    [Fact]
    public void A_name_made_from_a_spelling_alone_is_one_word_the_spelling_is_never_read_back_into_parts()
    {
        var unbuilt = Expr.Symbol("zq_never_built_from_parts");
        unbuilt.Parts.IsPlain.Should().BeTrue();
        unbuilt.Parts.Base.Should().Be("zq_never_built_from_parts");
    }

    [Fact]
    public void Sympy_code_uses_functions_derivatives_and_Eq()
    {
        var eq = Relation.Equation(Dot(r, 2), r * Dot(th).Pow(2) - mu / r.Pow(2));
        SympyPrinter.Print(eq).Should().Be("Eq(Derivative(Function('r')(t), (t, 2)), Function('r')(t)*Derivative(Function('theta')(t), (t, 1))**2 - mu/Function('r')(t)**2)");
        SympyPrinter.Print(Expr.Half * x).Should().Be("x/2");
        SympyPrinter.Print(Expr.Symbol("lambda")).Should().Be("Symbol('lambda')");
    }

    [Fact]
    public void A_derivative_by_argument_position_prints_with_primes_and_its_arguments_and_as_a_SymPy_Subs()
    {
        var V = Function.User("V");
        var vPrime = Call.Of(Function.DerivativeOf(V, new[] { 1 }), x.Pow(2));
        LatexPrinter.Print(2 * x * vPrime).Should().Be(@"2 x V'(x^{2})");
        LatexPrinter.Print(Call.Of(V, x.Pow(2))).Should().Be(@"V(x^{2})");
        LatexPrinter.Print(Call.Of(Function.DerivativeOf(V, new[] { 1 }), r)).Should().Be(@"V'(r)");
        LatexPrinter.Print(Call.Of(Function.DerivativeOf(Function.User("A"), new[] { 0, 1 }), r, t)).Should().Be(@"A^{(0,1)}(r, t)");
        SympyPrinter.Print(vPrime).Should().Be("Subs(Derivative(Function('V')(Symbol('_xi1')), (Symbol('_xi1'), 1)), Symbol('_xi1'), x**2)");
        TextPrinter.Print(vPrime).Should().Be("V'(x^2)");
    }
}
