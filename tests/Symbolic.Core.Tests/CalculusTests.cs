namespace Symbolic.Core.Tests;

public class CalculusTests
{
    private static readonly Symbol x = Expr.Symbol("x"), t = Expr.Symbol("t", Assumptions.Real);
    private static readonly Function q = Function.User("q"), r = Function.User("r");

    [Fact]
    public void Derivative_of_a_polynomial_follows_the_power_rule()
    {
        Calculus.Diff(x.Pow(3) + 2 * x, x).Should().Be(3 * x.Pow(2) + 2);
    }

    [Fact]
    public void Chain_rule_goes_through_sine_and_exponential()
    {
        Calculus.Diff(Expr.Sin(x.Pow(2)), x).Should().Be(2 * x * Expr.Cos(x.Pow(2)));
        Calculus.Diff(Expr.Exp(3 * x), x).Should().Be(3 * Expr.Exp(3 * x));
    }

    [Fact]
    public void Total_time_derivative_of_an_unknown_function_is_its_dot()
    {
        var rt = Call.Of(r, t);
        var rdot = Derivative.Of(rt, new[] { (t, 1) });
        Calculus.Diff(rt.Pow(2), t).Should().Be(2 * rt * rdot);
        Calculus.Diff(rdot, t).Should().Be(Derivative.Of(rt, new[] { (t, 2) }));
    }

    [Fact]
    public void Jet_variables_are_independent_for_partial_derivatives()
    {
        var qt = Call.Of(q, t);
        var qdot = Derivative.Of(qt, new[] { (t, 1) });
        var L = Expr.Half * qdot.Pow(2) - Expr.Cos(qt);
        Calculus.Diff(L, qdot).Should().Be(qdot);
        Calculus.Diff(L, qt).Should().Be(Expr.Sin(qt));
    }
}
