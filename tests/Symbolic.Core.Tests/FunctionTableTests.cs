using Symbolic.Core.Numbers;
using Symbolic.Core.Integration;
using System.Numerics;

namespace Symbolic.Core.Tests;

/// <summary>
/// The function table: every built-in's entry is consistent with itself (its derivative agrees with a difference
/// quotient of its numeric value, its definition in the normal form with its numeric value), and the hyperbolic
/// functions sech, csch, coth, arsinh, arcosh, artanh — added as table entries only — behave as built-ins.
/// </summary>
public class FunctionTableTests
{
    private static readonly Symbol x = Expr.Symbol("x"), X = Expr.Symbol("x", Assumptions.Real);

    public static TheoryData<string> Names() => new(Function.Builtins.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_derivative_in_the_table_agrees_with_a_difference_quotient_of_the_numeric_value(string name)
    {
        var f = Function.Builtins[name];
        var derivative = Calculus.Diff(Call.Of(f, x), x);
        // inside (−1, 1) and away from 0: clear of the kinks, poles and branch cuts of every entry (abs at 0, artanh at ±1, arcsin beyond ±1)
        foreach (var at in new[] { 0.37, 0.81, -0.52 })
        {
            const double h = 1e-6;
            Complex V(double v) => NumericProbe.Evaluate(Call.Of(f, x), new Dictionary<Expr, Complex> { [x] = v });
            var quotient = (V(at + h) - V(at - h)) / (2 * h);
            var exact = NumericProbe.Evaluate(derivative, new Dictionary<Expr, Complex> { [x] = at });
            Complex.Abs(quotient - exact).Should().BeLessThan(1e-5 * (1 + Complex.Abs(exact)), $"{name}′({at}) = {derivative}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_definition_in_the_normal_form_has_the_entry_s_numeric_value(string name)
    {
        var f = Function.Builtins[name];
        if (f.Entry!.Definition is not { } definition) return;   // a kernel of its own: nothing to compare
        foreach (var at in new[] { 0.37, 0.81, -0.52 })
        {
            var point = new Dictionary<Expr, Complex> { [x] = at };
            var direct = NumericProbe.Evaluate(Call.Of(f, x), point);
            var defined = NumericProbe.Evaluate(definition(x), point);
            Complex.Abs(direct - defined).Should().BeLessThan(1e-12 * (1 + Complex.Abs(direct)), $"{name}({at})");
        }
    }

    [Theory]
    [InlineData("sin", "asin")]
    [InlineData("cos", "acos")]
    [InlineData("tan", "atan")]
    [InlineData("sinh", "arsinh")]
    [InlineData("cosh", "arcosh")]
    [InlineData("tanh", "artanh")]
    public void A_function_of_its_inverse_is_the_argument(string f, string inverse)
    {
        Call.Of(Function.Builtins[f], Call.Of(Function.Builtins[inverse], x)).Should().Be(x);
    }

    [Theory]
    [InlineData("asin", "sin")]
    [InlineData("acos", "cos")]
    [InlineData("atan", "tan")]
    [InlineData("arcosh", "cosh")]
    public void An_inverse_of_its_function_is_not_folded_because_it_is_the_argument_only_on_one_branch(string inverse, string f)
    {
        // arcsin(sin 3) = π − 3, not 3
        Call.Of(Function.Builtins[inverse], Call.Of(Function.Builtins[f], X)).Should().NotBe(X);
        Complex.Asin(Complex.Sin(3)).Real.Should().BeApproximately(Math.PI - 3, 1e-12);
    }

    [Fact]
    public void Cos_of_arcsin_is_the_principal_root_of_one_minus_the_square()
    {
        Expr.Cos(Call.Of(Function.Asin, x)).Should().Be(Expr.Sqrt(1 - x.Pow(2)));
        Expr.Sin(Call.Of(Function.Acos, x)).Should().Be(Expr.Sqrt(1 - x.Pow(2)));
        // off the cuts (on a cut both sides agree with the reading "real inputs on the upper side", but Complex ignores signed zeros)
        foreach (var z in new[] { new Complex(2, 1e-9), new Complex(-3, 0.5), new Complex(0.3, -2), new Complex(-5, -1e-9) })
            (Complex.Cos(Complex.Asin(z)) - Complex.Sqrt(1 - z * z)).Magnitude.Should().BeLessThan(1e-12, z.ToString());
    }

    [Theory]
    [InlineData(8, 1, 2, 1, "3")]
    [InlineData(2, 1, 4, 1, "1/2")]
    [InlineData(1, 1000, 10, 1, "-3")]
    [InlineData(27, 8, 4, 9, "-3/2")]
    public void A_logarithm_to_a_rational_base_of_a_rational_power_of_the_base_is_the_exponent(int xn, int xd, int bn, int bd, string k)
    {
        Function.LogBase(Number.Of(Rational.Of(xn, xd)), Number.Of(Rational.Of(bn, bd))).ToString().Should().Be(k);
    }

    [Fact]
    public void A_logarithm_to_a_base_that_is_no_power_stays_a_quotient_of_logs()
    {
        Function.LogBase(Number.Of(3), Number.Of(2)).Should().Be(Expr.Log(Number.Of(3)) / Expr.Log(Number.Of(2)));
        Function.LogBase(x, Number.Of(2)).Should().Be(Expr.Log(x) / Expr.Log(Number.Of(2)));
    }

    [Fact]
    public void Every_built_in_has_a_derivative_and_spellings_for_the_printers()
    {
        foreach (var f in Function.Builtins.Values)
        {
            f.Entry.Should().NotBeNull();
            f.Entry!.Derivative.Should().NotBeNull($"{f.Name} needs a derivative rule");
            f.Entry.Sympy.Should().NotBeNullOrEmpty();
            Function.FromLatexName(f.Name).Should().Be(f);
        }
    }

    [Fact]
    public void The_reciprocal_hyperbolic_functions_differentiate_as_SymEngine_does()
    {
        Calculus.Diff(Call.Of(Function.Sech, x), x).Should().Be(-Call.Of(Function.Sech, x) * Call.Of(Function.Tanh, x));
        Calculus.Diff(Call.Of(Function.Csch, x), x).Should().Be(-Call.Of(Function.Csch, x) * Call.Of(Function.Coth, x));
        Calculus.Diff(Call.Of(Function.Coth, x), x).Should().Be(1 - Call.Of(Function.Coth, x).Pow(2));
        Calculus.Diff(Call.Of(Function.Sech, x.Pow(2)), x)
            .Should().Be(-2 * x * Call.Of(Function.Sech, x.Pow(2)) * Call.Of(Function.Tanh, x.Pow(2)));
    }

    [Fact]
    public void The_inverse_hyperbolic_functions_differentiate_to_algebraic_functions()
    {
        var minusHalf = Expr.Frac(-1, 2);
        Calculus.Diff(Call.Of(Function.Arsinh, x), x).Should().Be((x.Pow(2) + 1).Pow(minusHalf));
        Calculus.Diff(Call.Of(Function.Arcosh, x), x).Should().Be((x - 1).Pow(minusHalf) * (x + 1).Pow(minusHalf));
        Calculus.Diff(Call.Of(Function.Artanh, x), x).Should().Be((1 - x.Pow(2)).Pow(-1));
    }

    [Fact]
    public void Parity_normalises_a_negative_argument()
    {
        Call.Of(Function.Sech, -x).Should().Be(Call.Of(Function.Sech, x));
        Call.Of(Function.Csch, -x).Should().Be(-Call.Of(Function.Csch, x));
        Call.Of(Function.Coth, -2 * x).Should().Be(-Call.Of(Function.Coth, 2 * x));
        Call.Of(Function.Arsinh, -x).Should().Be(-Call.Of(Function.Arsinh, x));
        Call.Of(Function.Artanh, Expr.Frac(-1, 2)).Should().Be(-Call.Of(Function.Artanh, Expr.Half));
        // arcosh is neither odd nor even: arcosh(−x) stays as written
        Call.Of(Function.Arcosh, -x).Should().BeOfType<Call>().Which.Args[0].Should().Be(-x);
    }

    [Fact]
    public void Exact_values_at_zero_and_one_and_poles_refused()
    {
        Call.Of(Function.Sech, Expr.Zero).Should().Be(Expr.One);
        Call.Of(Function.Arsinh, Expr.Zero).Should().Be(Expr.Zero);
        Call.Of(Function.Artanh, Expr.Zero).Should().Be(Expr.Zero);
        Call.Of(Function.Arcosh, Expr.One).Should().Be(Expr.Zero);
        FluentActions.Invoking(() => Call.Of(Function.Coth, Expr.Zero))
            .Should().Throw<DivideByZeroException>().WithMessage("division by zero: coth(0) is a pole of coth, it has no value");
        FluentActions.Invoking(() => Call.Of(Function.Csch, Expr.Zero))
            .Should().Throw<DivideByZeroException>().WithMessage("*csch(0) is a pole*");
    }

    [Fact]
    public void The_hyperbolic_identities_hold_in_the_normal_form()
    {
        Simplifier.Simplify(Call.Of(Function.Sech, x).Pow(2) + Call.Of(Function.Tanh, x).Pow(2)).Should().Be(Expr.One);
        Simplifier.Simplify(Call.Of(Function.Coth, x).Pow(2) - Call.Of(Function.Csch, x).Pow(2)).Should().Be(Expr.One);
        Simplifier.Simplify(Call.Of(Function.Sech, x) * Expr.Cosh(x)).Should().Be(Expr.One);
        Simplifier.Simplify(Call.Of(Function.Coth, x) * Call.Of(Function.Tanh, x)).Should().Be(Expr.One);
        // the inverses are kernels of their own: arsinh x − arsinh x is 0, arsinh x − artanh x is not
        Simplifier.IsZero(Call.Of(Function.Arsinh, x) - Call.Of(Function.Artanh, x)).Should().BeFalse();
    }

    [Fact]
    public void Realness_and_signs_come_from_the_entry()
    {
        Assume.IsPositive(Call.Of(Function.Sech, X)).Should().BeTrue();
        Assume.IsPositive(Call.Of(Function.Sech, x)).Should().BeFalse("x may be complex");
        Assume.IsReal(Call.Of(Function.Coth, X)).Should().BeTrue();
        Assume.IsReal(Call.Of(Function.Arsinh, X)).Should().BeTrue();
        Assume.IsReal(Call.Of(Function.Arcosh, X)).Should().BeFalse("arcosh x is real only for x ≥ 1");
        Assume.IsReal(Call.Of(Function.Artanh, X)).Should().BeFalse("artanh x is real only for |x| < 1");
    }

    [Fact]
    public void Numeric_values_are_on_the_principal_branch()
    {
        Complex At(Function f, double v) => NumericProbe.Evaluate(Call.Of(f, x), new Dictionary<Expr, Complex> { [x] = v });
        At(Function.Arsinh, 0.7).Real.Should().BeApproximately(Math.Asinh(0.7), 1e-12);
        At(Function.Arcosh, 2.5).Real.Should().BeApproximately(Math.Acosh(2.5), 1e-12);
        At(Function.Artanh, 0.3).Real.Should().BeApproximately(Math.Atanh(0.3), 1e-12);
        At(Function.Sech, 0.4).Real.Should().BeApproximately(1 / Math.Cosh(0.4), 1e-12);
        At(Function.Csch, 0.4).Real.Should().BeApproximately(1 / Math.Sinh(0.4), 1e-12);
        At(Function.Coth, 0.4).Real.Should().BeApproximately(1 / Math.Tanh(0.4), 1e-12);
    }

    [Theory]
    [InlineData("sech")]
    [InlineData("csch")]
    [InlineData("coth")]
    [InlineData("arsinh")]
    [InlineData("arcosh")]
    [InlineData("artanh")]
    public void The_new_hyperbolic_entries_integrate_by_their_table_antiderivative_and_check_it(string name)
    {
        var f = Call.Of(Function.Builtins[name], 2 * x + 1);
        var r = Integrator.Integrate(f, x);
        r.Found.Should().BeTrue(r.NotFoundReason);
        r.Verified.Should().BeTrue($"∫{f} dx = {r.Antiderivative} differentiates back");
        Simplifier.IsZero(Calculus.Diff(r.Antiderivative!, x) - f).Should().BeTrue();
    }
}

public class OperatorHeadTests
{
    [Fact]
    public void A_named_operator_made_anywhere_is_the_typed_head_of_the_same_name()
    {
        (Function.Named("wedge") == Function.Wedge).Should().BeTrue();
        (Function.Named("Derivative") == Function.TotalDerivative).Should().BeTrue();
        (Function.User("d") == Function.D).Should().BeFalse("an unknown function d is not the differential");
        ((Call)Call.Of(Function.Named("d"), Expr.Symbol("x"))).Applies(Function.D).Should().BeTrue();
    }
}
