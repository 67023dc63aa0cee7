using Symbolic.Core.Ode;

namespace Symbolic.Core.Tests.Ode;

/// <summary>
/// Non-linear ODEs: both branches of an even root, y″ = f(y) to its quadrature, reduction of order, Bernoulli with a
/// symbolic exponent, and initial conditions. Each solution is checked here again by substitution.
/// </summary>
public class NonlinearOdeTests
{
    private static readonly Symbol x = Expr.Symbol("x");
    private static readonly Call y = (Call)Call.Of(Function.User("y"), x);
    private static Expr D(int k) => k == 0 ? y : Derivative.Of(y, new[] { (x, k) });

    private static OdeSolution Solved(Expr lhs, Expr rhs, string method) => OdeAssert.Solved(lhs, rhs, y, method);

    private static bool Holds(Expr lhs, Expr rhs, Expr solution)
    {
        var map = new Dictionary<Expr, Expr> { [y] = solution };
        for (int k = 1; k <= 2; k++) map[D(k)] = Calculus.Diff(solution, x, k);
        return Simplifier.IsZero(Substitution.Apply(lhs - rhs, map));
    }

    [Fact]
    public void Separable_equation_with_a_square_root_gives_both_signs()
    {
        // y y′ = x: y = ±√(x² + 2C₁) (SymPy: [Eq(y, -sqrt(C1 + x**2)), Eq(y, sqrt(C1 + x**2))])
        var r = Solved(y * D(1), x, "separable");
        r.Branches.Should().HaveCount(2);
        r.Branches[1].Right.Should().Be(Simplifier.Simplify(-r.Branches[0].Right));
        r.Branches.Should().AllSatisfy(b => Holds(y * D(1), x, b.Right).Should().BeTrue(b.ToString()));
    }

    [Fact]
    public void Bernoulli_equation_with_n_equal_minus_one_gives_both_signs()
    {
        var rhs = y / x + x / y;
        var r = Solved(D(1), rhs, "bernoulli");
        r.Branches.Should().HaveCount(2);
        r.Branches.Should().AllSatisfy(b => Holds(D(1), rhs, b.Right).Should().BeTrue(b.ToString()));
    }

    [Fact]
    public void Autonomous_second_order_equation_is_carried_to_the_quadrature_with_two_constants()
    {
        // y″ = y³: ∫ dy/√(y⁴/2 + 2C₁) = C₂ ± x, elliptic, so the integral is kept
        var r = Solved(D(2), y.Pow(3), "energy-integral-quadrature");
        r.Explicit.Should().BeFalse();
        r.Branches.Should().HaveCount(2);
        foreach (var b in r.Branches)
        {
            b.Any(e => e is Derivative).Should().BeFalse("a solution has no y′ left in it");
            b.Any(e => e.Equals(OdeSolver.C1)).Should().BeTrue();
            b.Any(e => e.Equals(OdeSolver.C2)).Should().BeTrue();
        }
        r.Steps.Select(s => s.Rule).Should().Contain("energy-integral");
    }

    [Fact]
    public void Quadrature_found_by_the_integrator_has_the_derivative_the_energy_integral_asks_for()
    {
        // y″ = eʸ: T(y) = C₂ ± x with T′(y)² = 1/(2(eʸ + C₁))
        var r = Solved(D(2), Expr.Exp(y), "energy-integral-quadrature");
        var t = r.Branches[0].Left;
        t.Any(e => e is Call c && c.Function.Equals(Function.Integral)).Should().BeFalse();
        var Y = Expr.Symbol("Y");
        var T = Substitution.Apply(t, y, Y);
        Simplifier.IsZero(Calculus.Diff(T, Y).Pow(2) * 2 * (Expr.Exp(Y) + OdeSolver.C1) - 1).Should().BeTrue(t.ToString());
    }

    [Fact]
    public void Second_order_equation_without_y_is_reduced_to_first_order()
    {
        // y″ = y′²: y = C₂ − log(C₁ + x) (SymPy: C1 − log(C2 + x))
        var r = Solved(D(2), D(1).Pow(2), "reduction-of-order");
        Holds(D(2), D(1).Pow(2), r.Solution!.Right).Should().BeTrue();
        r.Solution.Right.Any(e => e.Equals(OdeSolver.C2)).Should().BeTrue();
        r.Solution.Right.Any(e => e.Equals(OdeSolver.C1)).Should().BeTrue();
    }

    [Fact]
    public void Second_order_equation_without_x_is_reduced_by_y_prime_as_a_function_of_y()
    {
        // y y″ = y′²: y = C₂ e^{C₁ x}
        var r = Solved(y * D(2), D(1).Pow(2), "reduction-of-order");
        r.Solution!.Right.Should().Be(Simplifier.Simplify(OdeSolver.C2 * Expr.Exp(OdeSolver.C1 * x)));
        Holds(y * D(2), D(1).Pow(2), r.Solution.Right).Should().BeTrue();
    }

    [Fact]
    public void Bernoulli_equation_with_a_symbolic_exponent_is_solved_and_holds_at_n_equal_three()
    {
        // real a, b, n as the reader makes them: (v^{1/(1−n)})ⁿ = v^{n/(1−n)} for v > 0 needs n real
        var a = Symbol.Of("a", Assumptions.Real); var b = Symbol.Of("b", Assumptions.Real); var n = Symbol.Of("n", Assumptions.Real);
        var r = Solved(D(1) + a * y, b * y.Pow(n), "bernoulli");
        r.Conditions.Should().Contain("n ≠ 1");
        // an independent check at n = 3 (y = ±(…)^{−1/2}: the principal root)
        var at3 = Simplifier.Simplify(Substitution.Apply(r.Solution!.Right, n, Number.Of(3)));
        Holds(D(1) + a * y, b * y.Pow(3), at3).Should().BeTrue(at3.ToString());
    }

    [Fact]
    public void Resonance_with_a_symbolic_rate_is_solved_assuming_the_rate_nonzero()
    {
        // y″ − a²y = e^{ax}: e^{ax} is a solution of the homogeneous equation; before, √(a²) stopped it
        var a = Expr.Symbol("a");
        var r = Solved(D(2) - a.Pow(2) * y, Expr.Exp(a * x), "variation-of-parameters");
        Holds(D(2) - a.Pow(2) * y, Expr.Exp(a * x), r.Solution!.Right).Should().BeTrue();
        r.Conditions.Should().Equal("a ≠ 0");
    }

    [Fact]
    public void Initial_conditions_fix_both_constants_of_the_oscillator()
    {
        var eq = Relation.Equation(D(2) + y, 0);
        var r = OdeSolver.WithInitialConditions(OdeSolver.Solve(eq, y), eq, y, new[] { (0, (Expr)Expr.Zero, (Expr)Expr.One), (1, (Expr)Expr.Zero, (Expr)Expr.Zero) });
        r.Found.Should().BeTrue(r.NotFoundReason);
        r.Solution!.Right.Should().Be(Expr.Cos(x));
    }

    [Fact]
    public void Initial_conditions_on_an_implicit_solution_are_refused_with_the_reason()
    {
        var eq = Relation.Equation(D(2), y.Pow(3));
        var r = OdeSolver.WithInitialConditions(OdeSolver.Solve(eq, y), eq, y, new[] { (0, (Expr)Expr.Zero, (Expr)Expr.One) });
        r.Found.Should().BeFalse();
        r.NotFoundReason.Should().StartWith("initial conditions are applied only to an explicit solution");
    }
}
