using Symbolic.Core.Numbers;

namespace Symbolic.Core.Tests;

public class CanonicalFormTests
{
    private static readonly Symbol x = Expr.Symbol("x"), y = Expr.Symbol("y"), z = Expr.Symbol("z");
    private static readonly Symbol r = Expr.Symbol("r", Assumptions.Positive);

    [Fact]
    public void Like_terms_are_collected_when_a_sum_is_built()
    {
        (x + y + x).Should().Be(2 * x + y);
        (x - x).Should().Be(Expr.Zero);
        (2 * (x + y) - 2 * x).Should().Be(2 * y);
    }

    [Fact]
    public void Powers_of_the_same_base_are_merged_in_a_product()
    {
        (x * x).Should().Be(x.Pow(2));
        (x.Pow(3) / x).Should().Be(x.Pow(2));
        (Expr.Sqrt(x) * Expr.Sqrt(x)).Should().Be(x);
    }

    [Fact]
    public void Exponentials_multiply_by_adding_exponents()
    {
        (Expr.Exp(x) * Expr.Exp(y)).Should().Be(Expr.Exp(x + y));
        (Expr.Exp(x) * Expr.Exp(-x)).Should().Be(Expr.One);
    }

    [Fact]
    public void Numbers_fold_exactly_including_roots()
    {
        Expr.Sqrt(4).Should().Be((Expr)2);
        Expr.Sqrt(8).Should().Be(2 * Expr.Sqrt(2));
        (Expr.Sqrt(2) * Expr.Sqrt(8)).Should().Be((Expr)4);
        Power.Of(Expr.Frac(4, 9), Expr.Half).Should().Be(Expr.Frac(2, 3));
        ((Expr)2).Pow(-2).Should().Be(Expr.Frac(1, 4));
    }

    [Fact]
    public void Square_root_of_a_square_is_the_base_only_for_a_positive_base()
    {
        Expr.Sqrt(r.Pow(2)).Should().Be(r);
        Expr.Sqrt(x.Pow(2)).Should().NotBe(x);
        Expr.Sqrt(4 * r.Pow(2) * x).Should().Be(2 * r * Expr.Sqrt(x));
    }

    [Fact]
    public void Canonical_form_does_not_depend_on_construction_order()
    {
        var a = Expr.Sin(x) * y + z * x.Pow(2) - 3;
        var b = -3 + x.Pow(2) * z + y * Expr.Sin(x);
        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.ToString().Should().Be(b.ToString());
    }

    [Fact]
    public void Odd_and_even_functions_take_the_sign_out()
    {
        Expr.Sin(-x).Should().Be(-Expr.Sin(x));
        Expr.Cos(-2 * x).Should().Be(Expr.Cos(2 * x));
        Expr.Sin(0).Should().Be(Expr.Zero);
        Expr.Log(1).Should().Be(Expr.Zero);
    }

    [Fact]
    public void Text_printer_writes_what_a_person_reads()
    {
        (x.Pow(2) + 2 * x * y - Expr.Sin(z).Pow(2)).ToString().Should().Be("x^2 - sin(z)^2 + 2*x*y");
        (x / (y + 1)).ToString().Should().Be("x/(y + 1)");
        Expr.Exp(x).ToString().Should().Be("exp(x)");
        (Expr.Frac(1, 2) * x).ToString().Should().Be("x/2");
    }

    [Fact]
    public void Rational_arithmetic_is_exact()
    {
        (Rational.Of(1, 2) + Rational.Of(1, 3)).Should().Be(Rational.Of(5, 6));
        (Rational.Of(long.MaxValue) + 1).ToString().Should().Be("9223372036854775808");
        Rational.Of(6, -4).ToString().Should().Be("-3/2");
    }
}
