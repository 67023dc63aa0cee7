using Symbolic.Core;
using KSymbol = Symbolic.Core.Symbol;

namespace Symbolic.Latex.Tests;

/// <summary>
/// How far a written operator reaches: a derivative operator before a product, bars beside an explicit operator,
/// floor and ceiling, f^{-1} of every trigonometric name, primes in exponents, y^{(n)}, and the integrand before dx
/// (grammar/README.md, Lowering and "Reading decisions and warnings").
/// </summary>
public class OperatorScopeReadingTests
{
    private static KSymbol R(string name) => Expr.Symbol(name, Assumptions.Real);
    private static readonly KSymbol x = R("x"), y = R("y");

    private static LatexReading Read(string latex, LoweringContext? ctx = null) => LatexMath.ReadDisplay(latex, ctx);
    private static Expr One(string latex, LoweringContext? ctx = null) => LatexMath.ReadOne(latex, ctx);

    private static void ShouldEqual(Expr actual, Expr expected) =>
        Simplifier.Simplify(actual - expected).IsZero.Should().BeTrue($"{actual} should equal {expected}");

    [Theory]
    [InlineData(@"\frac{d}{dx} 3x^2", "6x")]
    [InlineData(@"\frac{d}{dx} 2\sin x", @"2\cos x")]
    [InlineData(@"\frac{d}{dx} \frac{1}{2}x^2", "x")]
    [InlineData(@"\frac{d}{dx} x \sin x", @"\sin x + x\cos(x)")]
    [InlineData(@"\frac{d}{dx} x^2 e^x", @"2x e^{x} + x^2 e^{x}")]
    [InlineData(@"\frac{d}{dx}\sin x\cos x", @"\cos^2 x - \sin^2 x")]
    [InlineData(@"\frac{d^2}{dx^2} x^3 \sin x", @"6x\sin x + 6x^2\cos x - x^3\sin x")]
    [InlineData(@"\frac{d}{dx}\frac{d}{dx} x^2 \sin x", @"2\sin x + 4x\cos x - x^2\sin x")]
    public void A_derivative_operator_before_a_product_differentiates_the_whole_product(string latex, string expected)
    {
        var read = Read(latex);
        ShouldEqual(read.Equations.Single().Value, One(expected));
        read.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_partial_derivative_operator_before_a_product_holds_the_other_variables_fixed()
    {
        var read = Read(@"\frac{\partial^2}{\partial x \partial y} x^2 y^3");
        ShouldEqual(read.Equations.Single().Value, 6 * x * y.Pow(2));
        read.Warnings.Should().BeEmpty();
        ShouldEqual(One(@"\frac{d^2}{dx\,dy} x^2 y^3"), 6 * x * y.Pow(2));
        // x is not made a function of y: the product depends on y through y³.
        var partial = Read(@"\frac{\partial}{\partial y} x^2 y^3");
        ShouldEqual(partial.Equations.Single().Value, 3 * x.Pow(2) * y.Pow(2));
        partial.Equations.Single().Value.FreeSymbols().Should().BeEquivalentTo(new[] { x, y });
    }

    [Fact]
    public void A_derivative_operator_reaches_only_to_the_next_sign_or_relation()
    {
        ShouldEqual(One(@"\frac{d}{dx} x^2 \sin x + x"), 2 * x * Expr.Sin(x) + x.Pow(2) * Expr.Cos(x) + x);
        var relation = (Core.Relation)LatexMath.Read(@"\frac{d}{dx} x^2 y = 2 x y").Single().Value;
        ShouldEqual(relation.Left, 2 * x * y);
        // a factor written before the operator stays outside it
        ShouldEqual(One(@"y \frac{d}{dx} x^2"), 2 * x * y);
    }

    [Fact]
    public void A_derivative_operator_inside_an_integral_stops_before_the_differential()
    {
        One(@"\int \frac{d}{dx} x^2 \sin x \, dx").Should().Be(One(@"\int \frac{d}{dx}(x^2 \sin x) \, dx"));
    }

    [Theory]
    [InlineData(@"|-2|\cdot|3|", @"6")]
    [InlineData(@"|-2|/|4|", @"\frac{1}{2}")]
    [InlineData(@"|-2| \times |-3| + |1|", @"7")]
    [InlineData(@"|x||y|", @"\left|x\right| \left|y\right|")]
    [InlineData(@"|x y| - |x||y|", @"\left|x y\right| - \left|x\right| \left|y\right|")]
    [InlineData(@"\sin|x| \cdot 2", @"2\sin\left|x\right|")]
    [InlineData(@"||x| - 1|^2", @"\left|\left|x\right| - 1\right|^2")]
    public void A_bar_after_an_operand_and_before_an_operator_closes_the_open_bar(string latex, string expected)
    {
        One(latex).Should().Be(One(expected));
    }

    [Fact]
    public void Bars_that_separate_are_still_separators()
    {
        Sx.Of(@"p(z|x)").Should().Be("(juxt p (group ( ) (| z x)))");
        LatexReader.ParseExpression(@"|x| + |y|").ToString().Should().Contain("(group | | x)");
    }

    [Theory]
    [InlineData(@"\lfloor 2.5 \rfloor", 2)]
    [InlineData(@"\lfloor -2.5 \rfloor", -3)]
    [InlineData(@"\lfloor 3 \rfloor", 3)]
    [InlineData(@"\lceil 2.1 \rceil", 3)]
    [InlineData(@"\lceil -2.1 \rceil", -2)]
    [InlineData(@"\lceil \frac{4}{2} \rceil", 2)]
    public void Floor_and_ceiling_of_a_number_are_its_integer_part(string latex, int expected)
    {
        One(latex).Should().Be(Expr.Num(expected));
    }

    [Fact]
    public void Floor_of_a_name_is_kept_as_the_operator_floor_and_never_dropped()
    {
        One(@"\lfloor x \rfloor").Should().Be(Call.Of(Function.Named("floor"), x));
        One(@"\lceil x \rceil").Should().Be(Call.Of(Function.Named("ceiling"), x));
        One(@"\lfloor x \rfloor").Should().NotBe(x);
    }

    [Fact]
    public void Floor_and_ceiling_brackets_that_do_not_match_are_refused_with_their_position()
    {
        var act = () => One(@"1 + \lfloor x \rceil");
        var error = act.Should().Throw<ParseError>().Which;
        error.Message.Should().Contain("mixes floor and ceiling brackets");
        error.Column.Should().Be(5);
    }

    [Theory]
    [InlineData(@"\cot^{-1}(1)", @"\frac{\pi}{4}")]
    [InlineData(@"\sec^{-1}(2)", @"\frac{\pi}{3}")]
    [InlineData(@"\csc^{-1}(2)", @"\frac{\pi}{6}")]
    [InlineData(@"\cot^{-1}(0)", @"\frac{\pi}{2}")]
    [InlineData(@"\cot^{-1} x", @"\arctan \frac{1}{x}")]
    [InlineData(@"\coth^{-1} x", @"\operatorname{artanh} \frac{1}{x}")]
    public void The_minus_first_power_of_a_reciprocal_trigonometric_name_is_its_inverse_function(string latex, string expected)
    {
        var read = Read(latex);
        ShouldEqual(read.Equations.Single().Value, One(expected));
        read.Warnings.Single().Message.Should().Contain("is read as the inverse function arc").And.Contain("not the reciprocal");
    }

    [Fact]
    public void The_inverse_reading_of_sin_to_the_minus_one_is_said()
    {
        var read = Read(@"\sin^{-1} x");
        read.Equations.Single().Value.Should().Be(Call.Of(Function.Asin, x));
        read.Warnings.Single().Message.Should().Be(@"\sin^{-1} is read as the inverse function asin, not the reciprocal 1/\sin; write (\sin x)^{-1} for the reciprocal");
    }

    [Theory]
    [InlineData(@"\int x^2 + 1 \, dx", @"\int (x^2 + 1) \, dx")]
    [InlineData(@"\int_0^1 x^2 - 2x + 1 \, dx", @"\int_0^1 (x^2 - 2x + 1) \, dx")]
    [InlineData(@"y + \int x^2 + \sin x \, dx + 1", @"y + \int (x^2 + \sin x) \, dx + 1")]
    [InlineData(@"\int x^2 + 3 x \, dx", @"\int (x^2 + 3 x) \, dx")]
    public void The_integrand_is_everything_between_the_integral_sign_and_its_differential(string latex, string expected)
    {
        One(latex).Should().Be(One(expected));
    }

    [Theory]
    [InlineData(@"e^{y'}")]
    [InlineData(@"2^{y'}")]
    public void A_primed_letter_in_an_exponent_is_never_read_as_the_derivative_of_a_constant(string latex)
    {
        // e^{i k'_μ x^μ} in a QFT text: k′ is a momentum label; e^{y'} read 1 (y′ taken as d(constant)/dx = 0)
        var value = One(latex);
        value.Should().NotBe(Expr.One);
        value.FreeSymbols().Select(s => s.Name).Should().Contain("y'");
    }

    [Fact]
    public void The_primed_label_of_a_power_of_a_letter_is_a_name_not_the_derivative_of_a_constant()
    {
        // x^{n'} read as x^{dn/dx} = x^0 = 1: the label n′ is a name of its own, as a_{n'} is
        One(@"x^{n'}").Should().NotBe(Expr.One);
        One(@"x^{n'}").FreeSymbols().Select(s => s.Name).Should().Contain("n'");
        Simplifier.Run(One(@"q^{n'} - q^{n}"), Budget.Unlimited).Value.Should().NotBe(Expr.Zero);
    }

    [Fact]
    public void A_closed_path_integral_is_kept_as_written_with_a_warning_not_integrated_as_an_antiderivative()
    {
        // ∮ z dz read as ∫ z dz = z²/2
        var reading = Read(@"\oint z\,dz");
        var value = reading.Equations.Single().Value;
        value.Should().BeOfType<Call>().Which.Function.Name.Should().Be("oint");
        reading.Warnings.Select(w => w.Message).Should().Contain(@"\oint is kept as written: an integral over a closed path is not evaluated here");
    }
}
