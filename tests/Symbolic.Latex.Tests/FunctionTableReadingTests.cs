using Symbolic.Core;
using Symbolic.Latex.Printing;

namespace Symbolic.Latex.Tests;

/// <summary>The reader and the printers take a built-in's spellings from its function-table entry.</summary>
public class FunctionTableReadingTests
{
    private static readonly Symbol x = Expr.Symbol("x", Assumptions.Real);
    private static Expr Read(string latex) => LatexMath.ReadOne(latex);

    [Theory]
    [InlineData(@"\operatorname{sech} x", "sech")]
    [InlineData(@"\sech x", "sech")]
    [InlineData(@"\operatorname{csch}(x)", "csch")]
    [InlineData(@"\csch x", "csch")]
    [InlineData(@"\coth x", "coth")]
    [InlineData(@"\operatorname{arsinh} x", "arsinh")]
    [InlineData(@"\operatorname{arcsinh} x", "arsinh")]
    [InlineData(@"\arsinh x", "arsinh")]
    [InlineData(@"\operatorname{arcosh} x", "arcosh")]
    [InlineData(@"\operatorname{arccosh}(x)", "arcosh")]
    [InlineData(@"\operatorname{artanh} x", "artanh")]
    [InlineData(@"\operatorname{arctanh} x", "artanh")]
    [InlineData(@"\arcsin x", "asin")]
    public void A_built_in_is_read_by_each_of_its_names(string latex, string name)
    {
        Read(latex).Should().Be(Call.Of(Function.Builtins[name], x));
    }

    [Theory]
    [InlineData(@"\mathrm{sech}\,x", "sech")]
    [InlineData(@"\mathrm{sech} x", "sech")]
    [InlineData(@"\mathrm{csch}(x)", "csch")]
    [InlineData(@"\mathrm{arsinh}\, x", "arsinh")]
    [InlineData(@"\mathrm{sin} x", "sin")]
    public void A_built_ins_name_set_upright_is_the_function_not_a_product_with_a_symbol(string latex, string name)
    {
        Read(latex).Should().Be(Call.Of(Function.Builtins[name], x));
    }

    [Fact]
    public void An_upright_name_with_a_power_is_a_power_of_the_function_and_other_upright_names_stay_symbols()
    {
        Read(@"\mathrm{sech}^2 x").Should().Be(Call.Of(Function.Sech, x).Pow(2));
        Read(@"\mathrm{ln}\, x").Should().Be(Expr.Log(x));
        Read(@"\mathrm{Tr} x").Should().NotBeOfType<Call>();
    }

    [Fact]
    public void A_power_on_the_name_is_a_power_of_the_value_and_minus_one_is_the_inverse()
    {
        Read(@"\sech^2 x").Should().Be(Call.Of(Function.Sech, x).Pow(2));
        Read(@"\sin^{-1} x").Should().Be(Call.Of(Function.Asin, x));
        Read(@"\sinh^{-1} x").Should().Be(Call.Of(Function.Arsinh, x));
        Read(@"\tanh^{-1} x").Should().Be(Call.Of(Function.Artanh, x));
    }

    [Theory]
    [InlineData("sech", @"\operatorname{sech} x", "sech(x)")]
    [InlineData("csch", @"\operatorname{csch} x", "csch(x)")]
    [InlineData("coth", @"\coth x", "coth(x)")]
    [InlineData("arsinh", @"\operatorname{arsinh} x", "asinh(x)")]
    [InlineData("arcosh", @"\operatorname{arcosh} x", "acosh(x)")]
    [InlineData("artanh", @"\operatorname{artanh} x", "atanh(x)")]
    [InlineData("abs", @"\left|x\right|", "Abs(x)")]
    [InlineData("asin", @"\arcsin x", "asin(x)")]
    public void A_built_in_prints_in_LaTeX_and_SymPy_and_reads_back(string name, string latex, string sympy)
    {
        var e = Call.Of(Function.Builtins[name], x);
        LatexPrinter.Print(e).Should().Be(latex);
        SympyPrinter.Print(e).Should().Be(sympy);
        Read(LatexPrinter.Print(e)).Should().Be(e);
    }

    [Fact]
    public void The_derivative_of_a_hyperbolic_secant_reads_and_prints_as_written()
    {
        var d = Calculus.Diff(Read(@"\operatorname{sech}(x^2)"), x);
        LatexPrinter.Print(d).Should().Be(@"-2 x \operatorname{sech}(x^{2}) \tanh(x^{2})");
    }
}
