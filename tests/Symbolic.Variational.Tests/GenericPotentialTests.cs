using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>Issue 8, item 4: unknown functions of the coordinates (a generic potential V(r), fields A(x, t), φ(x, t)).</summary>
public class GenericPotentialTests
{
    private static readonly Function r = Coord("r", Assumptions.Positive), x = Coord("x"), V = Function.User("V");
    private static readonly Function A = Function.User("A"), phi = Function.User("phi");
    private static readonly Symbol m = Pos("m"), qe = Expr.Symbol("q", Assumptions.Real);

    [Fact]
    public void A_generic_central_potential_gives_m_r_double_dot_equals_minus_V_prime_of_r()
    {
        var L = Expr.Half * m * dot(r).Pow(2) - Call.Of(V, q(r));
        var result = EulerLagrange.Derive(Action.Mechanical(L, t, r));
        result["r"].Solved!.Left.Should().Be(ddot(r));
        result["r"].Solved!.Right.ShouldEqual(-Call.Of(Function.DerivativeOf(V, new[] { 1 }), q(r)) / m);
    }

    [Fact]
    public void The_Lorentz_force_Lagrangian_with_unknown_potentials_gives_m_x_double_dot_equals_q_E()
    {
        var xt = q(x);
        var L = Expr.Half * m * dot(x).Pow(2) + qe * dot(x) * Call.Of(A, xt, t) - qe * Call.Of(phi, xt, t);
        var eq = EulerLagrange.Derive(Action.Mechanical(L, t, x))["x"];
        // E = −∂φ/∂x − ∂A/∂t; in one dimension the magnetic term q ẋ ∂A/∂x cancels.
        var E = -Call.Of(Function.DerivativeOf(phi, new[] { 1, 0 }), xt, t) - Call.Of(Function.DerivativeOf(A, new[] { 0, 1 }), xt, t);
        eq.Solved!.Right.ShouldEqual(qe * E / m);
    }

    [Fact]
    public void Two_dimensional_motion_in_a_vector_potential_gives_the_magnetic_force()
    {
        var y = Coord("y");
        var Ax = Function.User("A_x");
        var Ay = Function.User("A_y");
        Expr At(Function f) => Call.Of(f, q(x), q(y));
        Expr D1(Function f) => Call.Of(Function.DerivativeOf(f, new[] { 1, 0 }), q(x), q(y));
        Expr D2(Function f) => Call.Of(Function.DerivativeOf(f, new[] { 0, 1 }), q(x), q(y));
        var L = Expr.Half * m * (dot(x).Pow(2) + dot(y).Pow(2)) + qe * (dot(x) * At(Ax) + dot(y) * At(Ay));
        var result = EulerLagrange.Derive(Action.Mechanical(L, t, x, y));
        var B = D1(Ay) - D2(Ax);   // B_z = ∂_x A_y − ∂_y A_x
        result["x"].Solved!.Right.ShouldEqual(qe * dot(y) * B / m);
        result["y"].Solved!.Right.ShouldEqual(-qe * dot(x) * B / m);
    }
}
