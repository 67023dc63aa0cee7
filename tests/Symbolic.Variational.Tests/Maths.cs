using Symbolic.Core;

namespace Symbolic.Variational.Tests;

/// <summary>Small helpers so that Lagrangians in tests read like the maths: q(x), dot(x), ddot(x), D(u, x).</summary>
internal static class Maths
{
    public static readonly Symbol t = Expr.Symbol("t", Assumptions.Real);
    public static readonly Symbol mu = Expr.Symbol("mu", Assumptions.Positive);

    /// <summary>A coordinate head (real valued).</summary>
    public static Function Coord(string name, Assumptions a = Assumptions.Real) => Function.User(name, a);

    /// <summary>q(t).</summary>
    public static Expr q(Function f) => Call.Of(f, t);
    /// <summary>q̇.</summary>
    public static Expr dot(Function f) => Derivative.Of(Call.Of(f, t), new[] { (t, 1) });
    /// <summary>q̈.</summary>
    public static Expr ddot(Function f) => Derivative.Of(Call.Of(f, t), new[] { (t, 2) });
    /// <summary>d/dt of an expression.</summary>
    public static Expr Dt(Expr e) => Calculus.TotalDerivative(e, t);

    /// <summary>u(x, y, …).</summary>
    public static Expr Field(Function u, params Symbol[] vars) => Call.Of(u, vars.Cast<Expr>().ToArray());
    /// <summary>∂u/∂v₁∂v₂… of u(vars).</summary>
    public static Expr D(Expr u, params Symbol[] by) => Derivative.Of(u, by.Select(v => (v, 1)));

    public static Expr Real(string name) => Expr.Symbol(name, Assumptions.Real);
    public static Symbol Pos(string name) => Expr.Symbol(name, Assumptions.Positive);

    /// <summary>Asserts mathematical equality by the kernel's normal form, printing both sides on failure.</summary>
    public static void ShouldEqual(this Expr actual, Expr expected, string because = "")
    {
        Simplifier.AreEqual(actual, expected).Should().BeTrue($"{actual} should equal {expected} {because}".TrimEnd());
    }

    /// <summary>Asserts that lhs₁ − rhs₁ and lhs₂ − rhs₂ agree up to a nonzero factor given by <paramref name="factor"/>.</summary>
    public static void ShouldBeEquivalentEquation(this Relation actual, Relation expected, Expr? factor = null)
    {
        var a = actual.Left - actual.Right;
        var e = expected.Left - expected.Right;
        Simplifier.IsZero(a - (factor ?? Expr.One) * e).Should().BeTrue($"{actual} should be equivalent to {expected}");
    }
}

