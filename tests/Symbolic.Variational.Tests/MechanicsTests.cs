using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>Beyond the article: conserved quantities, Legendre, higher derivatives, velocity-dependent forces, degenerate input.</summary>
public class MechanicsTests
{
    private static readonly Function x = Coord("x"), y = Coord("y"), z = Coord("z");
    private static readonly Function r = Coord("r", Assumptions.Positive), theta = Coord("theta");
    private static readonly Symbol m = Pos("m"), k = Pos("k"), c = Pos("c"), g = Pos("g"), l = Pos("l"), e = Pos("e"), B = Pos("B");

    [Fact]
    public void The_energy_function_of_the_polar_two_body_action_is_kinetic_minus_potential_and_conserved()
    {
        var energy = Conservation.Energy(TwoBodyTests.PolarAction());
        energy.IsConserved.Should().BeTrue();
        energy.Value.ShouldEqual(Expr.Half * (dot(r).Pow(2) + q(r).Pow(2) * dot(theta).Pow(2)) - mu / q(r));
    }

    [Fact]
    public void A_Lagrangian_with_explicit_time_has_an_energy_function_that_is_not_conserved()
    {
        var L = Expr.Half * dot(x).Pow(2) - t * q(x);
        var energy = Conservation.Energy(Action.Mechanical(L, t, x));
        energy.IsConserved.Should().BeFalse();
        energy.Value.ShouldEqual(Expr.Half * dot(x).Pow(2) + t * q(x));
    }

    [Fact]
    public void The_cyclic_coordinate_theta_has_the_angular_momentum_as_conserved_momentum()
    {
        var momenta = Conservation.CyclicMomenta(TwoBodyTests.PolarAction());
        momenta.Should().ContainSingle().Which.Name.Should().Be("momentum of theta");
        momenta[0].Value.ShouldEqual(q(r).Pow(2) * dot(theta));
    }

    [Fact]
    public void The_rotation_generator_gives_the_angular_momentum_as_Noether_charge()
    {
        var charge = Conservation.Noether(TwoBodyTests.CartesianAction(), Expr.Zero,
            new Dictionary<Function, Expr> { [x] = -q(y), [y] = q(x) });
        charge.IsConserved.Should().BeTrue();
        charge.Value.ShouldEqual(q(x) * dot(y) - q(y) * dot(x));
    }

    [Fact]
    public void Time_translation_gives_minus_the_energy_and_a_non_symmetry_is_reported()
    {
        var polar = TwoBodyTests.PolarAction();
        var charge = Conservation.Noether(polar, Expr.One, new Dictionary<Function, Expr>());
        charge.IsConserved.Should().BeTrue();
        charge.Value.ShouldEqual(-Conservation.Energy(polar).Value);

        var radialScaling = Conservation.Noether(polar, Expr.Zero, new Dictionary<Function, Expr> { [r] = q(r) });
        radialScaling.IsConserved.Should().BeFalse();
    }

    [Fact]
    public void The_Legendre_transform_of_the_polar_action_gives_the_Kepler_Hamiltonian_and_Hamiltons_equations()
    {
        var h = Legendre.Transform(TwoBodyTests.PolarAction());
        var pr = Call.Of(h.Momenta[r], t); var pth = Call.Of(h.Momenta[theta], t);
        h.Hamiltonian.ShouldEqual(Expr.Half * pr.Pow(2) + pth.Pow(2) / (2 * q(r).Pow(2)) - mu / q(r));
        h.Equations[0].Left.Should().Be(dot(r));
        h.Equations[0].Right.ShouldEqual(pr);
        h.Equations[1].Right.ShouldEqual(pth.Pow(2) / q(r).Pow(3) - mu / q(r).Pow(2));
        h.Equations[3].Right.ShouldEqual(Expr.Zero);   // ṗ_θ = 0
    }

    [Fact]
    public void A_charged_particle_in_a_magnetic_field_feels_the_Lorentz_force()
    {
        // A = (−B y/2, B x/2, 0): L = ½ m v² + e v·A
        var L = Expr.Half * m * (dot(x).Pow(2) + dot(y).Pow(2) + dot(z).Pow(2)) + e * B / 2 * (q(x) * dot(y) - q(y) * dot(x));
        var result = EulerLagrange.Derive(Action.Mechanical(L, t, x, y, z));
        result["x"].Solved!.Right.ShouldEqual(e * B * dot(y) / m);
        result["y"].Solved!.Right.ShouldEqual(-e * B * dot(x) / m);
        result["z"].Form.Should().Be(EquationForm.Conservation);
        result["z"].Conservation!.Quantity.ShouldEqual(m * dot(z));
        var h = Legendre.Transform(Action.Mechanical(L, t, x, y, z));
        var px = Call.Of(h.Momenta[x], t); var py = Call.Of(h.Momenta[y], t); var pz = Call.Of(h.Momenta[z], t);
        h.Hamiltonian.ShouldEqual(((px + e * B * q(y) / 2).Pow(2) + (py - e * B * q(x) / 2).Pow(2) + pz.Pow(2)) / (2 * m));
    }

    [Fact]
    public void The_double_pendulum_equations_are_solved_jointly_for_both_angular_accelerations()
    {
        var a = Coord("a"); var b = Coord("b");   // the two angles
        var va = dot(a); var vb = dot(b);
        var T = m * l.Pow(2) * (va.Pow(2) + Expr.Half * vb.Pow(2) + va * vb * Expr.Cos(q(a) - q(b)));
        var V = -m * g * l * (2 * Expr.Cos(q(a)) + Expr.Cos(q(b)));
        var result = EulerLagrange.Derive(Action.Mechanical(T - V, t, a, b));
        result["a"].Form.Should().Be(EquationForm.Solved);
        result["b"].Form.Should().Be(EquationForm.Solved);
        // The solved accelerations satisfy the plain equations.
        var solution = new Dictionary<Expr, Expr> { [ddot(a)] = result["a"].Solved!.Right, [ddot(b)] = result["b"].Solved!.Right };
        Substitution.Apply(result["a"].Expression, solution).ShouldEqual(Expr.Zero);
        Substitution.Apply(result["b"].Expression, solution).ShouldEqual(Expr.Zero);
        Conservation.Energy(Action.Mechanical(T - V, t, a, b)).Value.ShouldEqual(T + V);
    }

    [Fact]
    public void A_second_order_Lagrangian_gives_a_fourth_order_equation()
    {
        // L = ½ ẍ² − ½ k x²: E = −k x + d²/dt² ẍ = x'''' − k x
        var result = EulerLagrange.Derive(Action.Mechanical(Expr.Half * ddot(x).Pow(2) - Expr.Half * k * q(x).Pow(2), t, x));
        var x4 = Derivative.Of(q(x), new[] { (t, 4) });
        result["x"].Expression.ShouldEqual(x4 - k * q(x));
        result["x"].Solved!.Left.Should().Be(x4);
        result["x"].Solved!.Right.ShouldEqual(k * q(x));
        // Ostrogradsky energy: ẋ (−x⃛) + ẍ ẍ − L
        var x3 = Derivative.Of(q(x), new[] { (t, 3) });
        Conservation.Energy(Action.Mechanical(Expr.Half * ddot(x).Pow(2) - Expr.Half * k * q(x).Pow(2), t, x)).Value
            .ShouldEqual(-dot(x) * x3 + Expr.Half * ddot(x).Pow(2) + Expr.Half * k * q(x).Pow(2));
    }

    [Fact]
    public void A_total_derivative_Lagrangian_has_identically_vanishing_equations_and_says_so()
    {
        // L = d/dt(x² sin y) = 2 x ẋ sin y + x² cos y ẏ
        var L = Dt(q(x).Pow(2) * Expr.Sin(q(y)));
        var result = EulerLagrange.Derive(Action.Mechanical(L, t, x, y));
        result.Equations.Should().OnlyContain(eq => eq.IsIdentity);
        result.Notes.Should().Contain(n => n.Contains("total derivative"));
        result["x"].ToString().Should().Be("0 = 0");
    }

    [Fact]
    public void A_coordinate_absent_from_the_Lagrangian_and_one_without_velocity_are_reported()
    {
        var L = Expr.Half * dot(x).Pow(2) - q(x) * q(y) + q(y).Pow(2);
        var result = EulerLagrange.Derive(Action.Mechanical(L, t, x, y, z));
        result["z"].IsIdentity.Should().BeTrue();
        result.Notes.Should().Contain(n => n.StartsWith("z does not appear"));
        result.Notes.Should().Contain(n => n.Contains("no derivative of y") && n.Contains("constraint"));
        result["y"].Plain.Left.ShouldEqual(2 * q(y) - q(x));
        result["y"].Solved.Should().BeNull();
        result["x"].Solved!.Right.ShouldEqual(-q(y));
    }

    [Fact]
    public void A_coordinate_applied_to_the_wrong_arguments_is_rejected_with_a_clear_message()
    {
        var s = Expr.Symbol("s");
        var act = () => Action.Mechanical(Call.Of(x, s).Pow(2), t, x);
        act.Should().Throw<SymbolicException>().WithMessage("*x(s)*");
    }
}
