using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>Issue 8, item 11: a singular Lagrangian is named as such, with its primary constraints.</summary>
public class SingularLegendreTests
{
    private static readonly Function x = Coord("x"), y = Coord("y");

    private static Expr Momentum(string name) => Call.Of(Function.User("p_" + name, Assumptions.Real), t);

    [Fact]
    public void A_Lagrangian_linear_in_the_velocities_has_a_singular_Hessian_and_the_primary_constraints_p_minus_dL_dqdot()
    {
        var L = Expr.Half * (q(x) * dot(y) - q(y) * dot(x)) - Expr.Half * (q(x).Pow(2) + q(y).Pow(2));
        var act = () => Legendre.Transform(Action.Mechanical(L, t, x, y));
        var e = act.Should().Throw<SingularLagrangianException>().Which;
        e.Message.Should().StartWith("the Lagrangian is singular: the Hessian ∂²L/∂q̇∂q̇ has rank 0 < 2 (det = 0)");
        e.Message.Should().NotContain("nonlinearly");
        e.Rank.Should().Be(0);
        e.Constraints.Should().HaveCount(2);
        e.Constraints[0].Left.ShouldEqual(Momentum("x") + Expr.Half * q(y));
        e.Constraints[1].Left.ShouldEqual(Momentum("y") - Expr.Half * q(x));
    }

    [Fact]
    public void A_Hessian_of_rank_one_gives_the_constraint_along_its_null_vector()
    {
        var L = Expr.Half * (dot(x) + dot(y)).Pow(2) - q(x).Pow(2);
        var e = ((System.Action)(() => Legendre.Transform(Action.Mechanical(L, t, x, y)))).Should().Throw<SingularLagrangianException>().Which;
        e.Rank.Should().Be(1);
        e.Constraints.Should().ContainSingle();
        Simplifier.IsZero(e.Constraints[0].Left - (Momentum("y") - Momentum("x"))).Should().BeTrue(e.Constraints[0].ToString());
    }

    [Fact]
    public void A_regular_Lagrangian_nonlinear_in_the_velocity_keeps_the_stated_limit()
    {
        var act = () => Legendre.Transform(Action.Mechanical(dot(x).Pow(3), t, x));
        act.Should().Throw<SymbolicException>().Where(e => !(e is SingularLagrangianException))
            .WithMessage("cannot solve p = ∂L/∂q̇ for the velocities: they enter nonlinearly*");
    }
}
