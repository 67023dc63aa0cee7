namespace Symbolic.Core.Tests;

/// <summary>Issue 8, item 4: unknown functions of non-variable arguments are differentiated by the chain rule.</summary>
public class UnknownFunctionChainRuleTests
{
    private static readonly Symbol x = Expr.Symbol("x", Assumptions.Real), y = Expr.Symbol("y", Assumptions.Real), t = Expr.Symbol("t", Assumptions.Real);
    private static readonly Function V = Function.User("V"), A = Function.User("A"), r = Function.User("r");
    private static Expr Prime(Function f, Expr at, int n = 1) => Call.Of(Function.DerivativeOf(f, new[] { n }), at);

    [Fact]
    public void The_derivative_of_V_of_x_squared_is_two_x_V_prime_of_x_squared()
    {
        Calculus.Diff(Call.Of(V, x.Pow(2)), x).Should().Be(2 * x * Prime(V, x.Pow(2)));
        Calculus.Diff(Call.Of(V, x.Pow(2)), x, 2).Should().Be(2 * Prime(V, x.Pow(2)) + 4 * x.Pow(2) * Prime(V, x.Pow(2), 2));
    }

    [Fact]
    public void V_of_a_coordinate_is_differentiated_by_the_coordinate_and_by_time()
    {
        var rt = Call.Of(r, t);
        var rdot = Derivative.Of(rt, new[] { (t, 1) });
        Calculus.Diff(Call.Of(V, rt), rt).Should().Be(Prime(V, rt));
        Calculus.Diff(Call.Of(V, rt), rdot).Should().Be(Expr.Zero);
        Calculus.Diff(Call.Of(V, rt), t).Should().Be(Prime(V, rt) * rdot);
    }

    [Fact]
    public void A_of_a_coordinate_and_time_has_one_term_per_argument_position()
    {
        var xt = Call.Of(Function.User("x"), t);
        var a = Call.Of(A, xt, t);
        var ax = Call.Of(Function.DerivativeOf(A, new[] { 1, 0 }), xt, t);
        var at = Call.Of(Function.DerivativeOf(A, new[] { 0, 1 }), xt, t);
        Calculus.Diff(a, t).Should().Be(ax * Derivative.Of(xt, new[] { (t, 1) }) + at);
        Calculus.Diff(a, xt).Should().Be(ax);
    }

    [Fact]
    public void A_derivative_head_applied_to_distinct_variables_is_the_ordinary_derivative()
    {
        Prime(V, x).Should().Be(Derivative.Of(Call.Of(V, x), new[] { (x, 1) }));
        Call.Of(Function.DerivativeOf(A, new[] { 1, 2 }), x, y).Should().Be(Derivative.Of(Call.Of(A, x, y), new[] { (x, 1), (y, 2) }));
    }

    [Fact]
    public void Substituting_into_the_argument_of_a_derivative_keeps_it_a_derivative_evaluated_there()
    {
        var vPrime = Derivative.Of(Call.Of(V, x), new[] { (x, 1) });
        Substitution.Apply(vPrime, x, Number.Of(2)).Should().Be(Prime(V, Number.Of(2)));
        Substitution.Apply(vPrime, x, y).Should().Be(Derivative.Of(Call.Of(V, y), new[] { (y, 1) }));
        var uxy = Derivative.Of(Call.Of(A, x, y), new[] { (x, 1) });
        Substitution.Apply(uxy, x, y.Pow(2)).Should().Be(Call.Of(Function.DerivativeOf(A, new[] { 1, 0 }), y.Pow(2), y));
    }

    [Fact]
    public void A_derivative_head_is_not_the_function_it_differentiates()
    {
        Function.DerivativeOf(V, new[] { 1 }).Should().NotBe(V);
        Function.DerivativeOf(V, new[] { 1 }).Name.Should().Be("V'");
        Function.DerivativeOf(Function.DerivativeOf(V, new[] { 1 }), new[] { 1 }).Should().Be(Function.DerivativeOf(V, new[] { 2 }));
        Function.DerivativeOf(A, new[] { 1, 0 }).Name.Should().Be("A^(1,0)");
    }
}
