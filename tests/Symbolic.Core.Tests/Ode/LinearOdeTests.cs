using Symbolic.Core.Ode;

namespace Symbolic.Core.Tests.Ode;

/// <summary>Linear ODEs of any order: constant coefficients in the real form, Cauchy–Euler by x = eᵗ; each solution verified.</summary>
public class LinearOdeTests
{
    private static readonly Symbol x = Expr.Symbol("x");
    private static readonly Call y = (Call)Call.Of(Function.User("y"), x);
    private static Expr D(int k) => k == 0 ? y : Derivative.Of(y, new[] { (x, k) });
    private static readonly Symbol C3 = Symbol.Of("C_3");

    private static OdeSolution Solved(Expr lhs, Expr rhs, string method)
    {
        var r = OdeSolver.Solve(Relation.Equation(lhs, rhs), y);
        r.Found.Should().BeTrue(r.NotFoundReason);
        r.Verified.Should().BeTrue();
        r.Method.Should().Be(method);
        return r;
    }

    private static void Holds(Expr lhs, Expr rhs, Expr solution)
    {
        // an independent check: the solution substituted into the equation, by the normal form
        var map = new Dictionary<Expr, Expr> { [y] = solution };
        for (int k = 1; k <= 4; k++) map[D(k)] = Calculus.Diff(solution, x, k);
        Simplifier.IsZero(Substitution.Apply(lhs - rhs, map)).Should().BeTrue();
    }

    [Fact]
    public void Harmonic_oscillator_with_a_symbolic_frequency_is_answered_in_cos_and_sin_assuming_omega_nonzero()
    {
        var w = Symbol.Of("omega", Assumptions.Real);
        var r = Solved(D(2) + w.Pow(2) * y, 0, "constant-coefficients");
        r.Solution!.Right.Should().Be(Simplifier.Simplify(OdeSolver.C1 * Expr.Cos(w * x) + OdeSolver.C2 * Expr.Sin(w * x)));
        r.Conditions.Should().Equal("omega ≠ 0");
    }

    [Fact]
    public void Damped_oscillator_with_symbolic_coefficients_has_the_real_form()
    {
        // y'' + 2a y' + (a² + b²) y = 0: e^{−ax}(C₁ cos bx + C₂ sin bx)
        var a = Symbol.Of("a", Assumptions.Real); var b = Symbol.Of("b", Assumptions.Real);
        var r = Solved(D(2) + 2 * a * D(1) + (a * a + b * b) * y, 0, "constant-coefficients");
        Simplifier.IsZero(r.Solution!.Right - Expr.Exp(-a * x) * (OdeSolver.C1 * Expr.Cos(b * x) + OdeSolver.C2 * Expr.Sin(b * x))).Should().BeTrue(r.Solution.Right.ToString());
    }

    [Fact]
    public void A_coefficient_of_unknown_sign_keeps_the_exponential_form_that_holds_for_both_signs()
    {
        var a = Symbol.Of("a", Assumptions.Real);
        var r = Solved(D(2) + a * y, 0, "constant-coefficients");
        r.Solution!.Right.Any(e => e is Call c && c.Function.Equals(Function.Cos)).Should().BeFalse();
        Holds(D(2) + a * y, 0, r.Solution.Right);
    }

    [Fact]
    public void Third_order_with_a_rational_root_and_a_complex_pair()
    {
        // λ³ − 1 = (λ − 1)(λ² + λ + 1)
        var r = Solved(D(3) - y, 0, "constant-coefficients");
        r.Solution!.Right.Should().Match<Expr>(e => e.Contains(C3));
        r.Solution.Right.Any(e => e is Call c && c.Function.Equals(Function.Sin)).Should().BeTrue();
        Holds(D(3) - y, 0, r.Solution.Right);
    }

    [Fact]
    public void Fourth_order_with_a_repeated_complex_pair_gives_x_cos_x_and_x_sin_x()
    {
        // (λ² + 1)²: cos x, sin x, x cos x, x sin x
        var r = Solved(D(4) + 2 * D(2) + y, 0, "constant-coefficients");
        r.Solution!.Right.Should().Match<Expr>(e => e.Contains(x * Expr.Cos(x)) || e.ToString().Contains("x*cos(x)"));
        Holds(D(4) + 2 * D(2) + y, 0, r.Solution.Right);
    }

    [Fact]
    public void Triple_root_with_a_right_side_by_variation_of_parameters()
    {
        // (D − 1)³ y = eˣ: y_p = x³eˣ/6
        var lhs = D(3) - 3 * D(2) + 3 * D(1) - y;
        var r = Solved(lhs, Expr.Exp(x), "variation-of-parameters");
        Holds(lhs, Expr.Exp(x), r.Solution!.Right);
        Simplifier.IsZero(Substitution.Apply(r.Solution.Right, new Dictionary<Expr, Expr> { [OdeSolver.C1] = 0, [OdeSolver.C2] = 0, [C3] = 0 }) - x.Pow(3) * Expr.Exp(x) / 6).Should().BeTrue();
    }

    [Fact]
    public void Euler_equations_are_solved_by_x_equals_e_to_the_t_for_x_positive()
    {
        // x²y'' + xy' − y = 0: x, 1/x; x²y'' + xy' + y = 0: cos log x, sin log x; x³y''' + xy' − y = 0: x, x log x, x log² x
        var r1 = Solved(x * x * D(2) + x * D(1) - y, 0, "euler");
        r1.Solution!.Right.Should().Be(Simplifier.Simplify(OdeSolver.C1 * x + OdeSolver.C2 / x));
        r1.Conditions.Should().Contain("x > 0");
        var r2 = Solved(x * x * D(2) + x * D(1) + y, 0, "euler");
        r2.Solution!.Right.Should().Be(Simplifier.Simplify(OdeSolver.C1 * Expr.Cos(Expr.Log(x)) + OdeSolver.C2 * Expr.Sin(Expr.Log(x))));
        var lhs3 = x.Pow(3) * D(3) + x * D(1) - y;
        Holds(lhs3, 0, Solved(lhs3, 0, "euler").Solution!.Right);
    }

    [Fact]
    public void Euler_equation_with_a_right_side()
    {
        var lhs = x * x * D(2) - 2 * y;
        Holds(lhs, x, Solved(lhs, x, "euler-variation-of-parameters").Solution!.Right);
    }

    [Fact]
    public void Euler_equation_with_irrational_indicial_roots_reads_in_powers_of_x_and_takes_a_right_side()
    {
        // r² − 4r − 2 = 0: x^{2 ± √6} (found by the SymPy oracle: e^{(2+√6) log x} was left unintegrable)
        var lhs = x * x * D(2) - 3 * x * D(1) - 2 * y;
        var r = Solved(lhs, x, "euler-variation-of-parameters");
        Holds(lhs, x, r.Solution!.Right);
        r.Solution.Right.Any(e => e is Power { Base: Symbol { Name: "e" } }).Should().BeFalse(r.Solution.Right.ToString());
    }

    [Fact]
    public void A_third_order_equation_of_no_known_class_says_what_is_solved()
    {
        var r = OdeSolver.Solve(Relation.Equation(D(3), x * y), y);
        r.Found.Should().BeFalse();
        r.NotFoundReason.Should().Contain("Cauchy–Euler");
    }

    [Fact]
    public void Two_irreducible_quadratic_factors_of_the_characteristic_polynomial_give_two_oscillations()
    {
        // y⁗ + 4y‴ + 6y″ + 4y′ + 5y = 0: (r² + 1)(r² + 4r + 5), roots ±i and −2 ± i
        var lhs = D(4) + 4 * D(3) + 6 * D(2) + 4 * D(1) + 5 * y;
        var r = Solved(lhs, 0, "constant-coefficients");
        Holds(lhs, 0, r.Solution!.Right);
        var expected = OdeSolver.C1 * Expr.Cos(x) + OdeSolver.C2 * Expr.Sin(x)
            + Expr.Exp(-2 * x) * (Symbol.Of("C_3") * Expr.Cos(x) + Symbol.Of("C_4") * Expr.Sin(x));
        Simplifier.IsZero(r.Solution.Right - expected).Should().BeTrue(r.Solution.Right.ToString());
    }

    [Fact]
    public void A_repeated_irreducible_quadratic_factor_gives_x_times_the_oscillation()
    {
        // (r² + 2r + 2)² (r − 3): e^{−x}(cos x, sin x, x cos x, x sin x), e^{3x}
        var lhs = D(5) + D(4) - 4 * D(3) - 16 * D(2) - 20 * D(1) - 12 * y;
        var r = Solved(lhs, 0, "constant-coefficients");
        Holds(lhs, 0, r.Solution!.Right);
        r.Solution.Right.ToString().Should().Contain("x*cos(x)/exp(x)").And.Contain("x*sin(x)/exp(x)").And.Contain("exp(3*x)");
    }

    [Fact]
    public void An_irreducible_cubic_factor_is_named_in_the_refusal()
    {
        // (r³ − r − 1)(r² + 1): the cubic has one real irrational root and no factor over Q
        var r = OdeSolver.Solve(Relation.Equation(D(5) - D(2) - D(1) - y, 0), y);
        r.Found.Should().BeFalse();
        r.NotFoundReason.Should().Be("the characteristic polynomial has the irreducible factor r^3 - r - 1 of degree 3, whose roots are not in the radicals handled here (rational, quadratic and biquadratic factors)");
    }

    [Fact]
    public void Resonance_gives_the_particular_solution_in_the_form_SymPy_prints()
    {
        // y″ + 9y = cos 3x: SymPy's dsolve gives C₂ cos 3x + (C₁ + x/6) sin 3x; variation of parameters gave
        // cos 3x cos 6x/36 + (x/6 + sin 6x/36) sin 3x, whose extra cos 3x/36 belongs to C₁
        var r = Solved(D(2) + 9 * y, Expr.Cos(3 * x), "variation-of-parameters");
        r.Solution!.Right.Should().Be(Simplifier.Simplify(OdeSolver.C1 * Expr.Cos(3 * x) + OdeSolver.C2 * Expr.Sin(3 * x) + x * Expr.Sin(3 * x) / 6));
    }

    [Fact]
    public void A_third_order_right_side_drops_the_part_the_constants_absorb()
    {
        // y‴ + y′ = sin 2x: −cos(2x)/6 … plus multiples of 1, cos x, sin x that C₁, C₂, C₃ absorb
        var lhs = D(3) + D(1);
        var r = Solved(lhs, Expr.Sin(2 * x), "variation-of-parameters");
        Holds(lhs, Expr.Sin(2 * x), r.Solution!.Right);
        var particular = Simplifier.Simplify(Substitution.Apply(r.Solution.Right, new Dictionary<Expr, Expr>
            { [OdeSolver.C1] = 0, [OdeSolver.C2] = 0, [Symbol.Of("C_3")] = 0 }));
        particular.Should().Be(Simplifier.Simplify(Expr.Cos(2 * x) / 6));
    }

    [Fact]
    public void An_euler_equation_with_an_irreducible_cubic_indicial_polynomial_names_it()
    {
        // x³y‴ + 3x²y″ − y = 0: indicial r(r−1)(r−2) + 3r(r−1) − 1 = r³ − r − 1, irreducible over Q
        var r = OdeSolver.Solve(Relation.Equation(x.Pow(3) * D(3) + 3 * x * x * D(2) - y, 0), y);
        r.Found.Should().BeFalse();
        r.NotFoundReason.Should().StartWith("the indicial polynomial has the irreducible factor r^3");
    }
}
