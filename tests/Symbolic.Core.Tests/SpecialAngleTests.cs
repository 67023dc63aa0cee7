namespace Symbolic.Core.Tests;

/// <summary>
/// The built-ins take their exact table values at multiples of π/6 and π/4 (and the inverses at those values),
/// reducing the angle mod 2π with its sign; every other angle stays a call.
/// </summary>
public class SpecialAngleTests
{
    private static readonly Expr Pi = Expr.Pi;
    private static Expr At(int num, int den) => Expr.Frac(num, den) * Pi;
    private static readonly Expr Root2Half = Expr.Sqrt(2) / 2, Root3Half = Expr.Sqrt(3) / 2;

    [Fact]
    public void Sine_takes_its_table_values_on_the_first_quadrant()
    {
        Expr.Sin(At(1, 6)).Should().Be(Expr.Half);
        Expr.Sin(At(1, 4)).Should().Be(Root2Half);
        Expr.Sin(At(1, 3)).Should().Be(Root3Half);
        Expr.Sin(At(1, 2)).Should().Be(Expr.One);
        Expr.Sin(Pi).Should().Be(Expr.Zero);
    }

    [Fact]
    public void Cosine_and_tangent_take_their_table_values()
    {
        Expr.Cos(At(1, 3)).Should().Be(Expr.Half);
        Expr.Cos(At(1, 4)).Should().Be(Root2Half);
        Expr.Cos(At(1, 6)).Should().Be(Root3Half);
        Expr.Cos(At(1, 2)).Should().Be(Expr.Zero);
        Expr.Cos(Pi).Should().Be(Expr.MinusOne);
        Expr.Tan(At(1, 4)).Should().Be(Expr.One);
        Expr.Tan(At(1, 3)).Should().Be(Expr.Sqrt(3));
        Expr.Tan(At(1, 6)).Should().Be(Expr.Sqrt(3) / 3);
    }

    [Fact]
    public void Angles_beyond_the_first_quadrant_are_reduced_with_their_sign()
    {
        Expr.Sin(At(5, 6)).Should().Be(Expr.Half);
        Expr.Cos(At(2, 3)).Should().Be(-Expr.Half);
        Expr.Sin(At(7, 6)).Should().Be(-Expr.Half);
        Expr.Sin(At(-1, 6)).Should().Be(-Expr.Half);
        Expr.Sin(At(-7, 6)).Should().Be(Expr.Half);
        Expr.Cos(At(-2, 3)).Should().Be(-Expr.Half);
        Expr.Cos(At(13, 4)).Should().Be(-Root2Half);
        Expr.Tan(At(3, 4)).Should().Be(Expr.MinusOne);
        Expr.Sin(At(25, 2)).Should().Be(Expr.One);
        Expr.Cos(Expr.Num(-3) * Pi).Should().Be(Expr.MinusOne);
    }

    [Fact]
    public void Reciprocal_functions_take_the_reciprocal_values()
    {
        Call.Of(Function.Sec, At(1, 3)).Should().Be(Expr.Two);
        Call.Of(Function.Csc, At(1, 4)).Should().Be(Expr.Sqrt(2));
        Call.Of(Function.Cot, At(1, 4)).Should().Be(Expr.One);
    }

    [Fact]
    public void A_pole_is_refused_as_a_division_by_zero()
    {
        FluentActions.Invoking(() => Expr.Tan(At(1, 2))).Should().Throw<DivideByZeroException>()
            .WithMessage("division by zero: tan(pi/2) is a pole of tan, it has no value");
        FluentActions.Invoking(() => Expr.Tan(At(-3, 2))).Should().Throw<DivideByZeroException>().WithMessage("*pole of tan*");
        FluentActions.Invoking(() => Call.Of(Function.Cot, Pi)).Should().Throw<DivideByZeroException>().WithMessage("*pole of cot*");
        FluentActions.Invoking(() => Call.Of(Function.Csc, Expr.Zero)).Should().Throw<DivideByZeroException>().WithMessage("*pole of csc*");
        FluentActions.Invoking(() => Call.Of(Function.Sec, At(1, 2))).Should().Throw<DivideByZeroException>().WithMessage("*pole of sec*");
    }

    [Fact]
    public void Angles_outside_the_table_stay_unevaluated()
    {
        Expr.Sin(At(1, 5)).Should().BeOfType<Call>();
        Expr.Cos(At(1, 12)).Should().BeOfType<Call>();
        Expr.Sin(At(1, 8)).Should().BeOfType<Call>();
        Expr.Sin(Expr.Half).Should().BeOfType<Call>();
        Expr.Sin(Pi * Expr.Symbol("x")).Should().BeOfType<Call>();
        Expr.Sin(Pi + 1).Should().BeOfType<Call>();
    }

    [Fact]
    public void Inverse_functions_give_the_principal_angle()
    {
        Call.Of(Function.Atan, Expr.One).Should().Be(At(1, 4));
        Call.Of(Function.Atan, Expr.Sqrt(3)).Should().Be(At(1, 3));
        Call.Of(Function.Atan, Expr.One / Expr.Sqrt(3)).Should().Be(At(1, 6));
        Call.Of(Function.Atan, Expr.MinusOne).Should().Be(At(-1, 4));
        Call.Of(Function.Asin, Expr.Half).Should().Be(At(1, 6));
        Call.Of(Function.Asin, -Root2Half).Should().Be(At(-1, 4));
        Call.Of(Function.Asin, Expr.One).Should().Be(At(1, 2));
        Call.Of(Function.Acos, Expr.Zero).Should().Be(At(1, 2));
        Call.Of(Function.Acos, Expr.One).Should().Be(Expr.Zero);
        Call.Of(Function.Acos, -Expr.Half).Should().Be(At(2, 3));
        Call.Of(Function.Acos, Expr.MinusOne).Should().Be(Pi);
    }

    [Fact]
    public void Inverse_functions_outside_the_table_stay_unevaluated()
    {
        Call.Of(Function.Asin, Expr.Frac(1, 3)).Should().BeOfType<Call>();
        Call.Of(Function.Asin, Expr.Two).Should().BeOfType<Call>();
        Call.Of(Function.Atan, Expr.Two).Should().BeOfType<Call>();
        Call.Of(Function.Acos, Expr.Sqrt(3)).Should().BeOfType<Call>();
    }

    [Fact]
    public void An_inverse_at_a_table_value_is_recognised_in_every_spelling_of_the_value()
    {
        var third = Expr.Symbol("s", Assumptions.Positive);
        Call.Of(Function.Atan, Power.Of(Number.Of(3), Expr.Frac(-1, 2))).Should().Be(At(1, 6));
        Call.Of(Function.Asin, -Power.Of(Number.Of(2), Expr.Frac(-1, 2))).Should().Be(At(-1, 4));
        Call.Of(Function.Acos, Power.Of(Number.Of(2), Expr.Frac(-1, 2))).Should().Be(At(1, 4));
        Call.Of(Function.Asin, Expr.Sqrt(2)).Should().BeOfType<Call>("√2 is outside arcsin's table (its square is 2)");
        Call.Of(Function.Atan, third).Should().BeOfType<Call>();
    }

    [Fact]
    public void A_definite_integral_evaluates_its_inverse_functions_through_the_same_table()
    {
        var x = Expr.Symbol("x", Assumptions.Real);
        Symbolic.Core.Integration.DefiniteIntegrator.Integrate(1 / (1 + x.Pow(2)), x, 0, Expr.Sqrt(3) / 3).Value.Should().Be(At(1, 6));
        Symbolic.Core.Integration.DefiniteIntegrator.Integrate(1 / Expr.Sqrt(1 - x.Pow(2)), x, 0, Expr.Half).Value.Should().Be(At(1, 6));
    }
}
