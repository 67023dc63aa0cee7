using Symbolic.Core;
using Symbolic.Lie;
using Xunit.Abstractions;

namespace Symbolic.Lie.Tests;

public class SymmetryTests
{
    private readonly ITestOutputHelper _out;
    public SymmetryTests(ITestOutputHelper o) => _out = o;

    internal static Symbol S(string n) => Expr.Symbol(n, Assumptions.Real);

    private void Dump(SymmetryResult r)
    {
        _out.WriteLine($"dimension {r.Dimension}, complete {r.Complete}");
        foreach (var e in r.StandardForm) _out.WriteLine("  sf: " + e);
        foreach (var g in r.Basis) _out.WriteLine("  X = " + g);
        foreach (var f in r.Families) _out.WriteLine("  family " + f.Generator + " with " + string.Join(", ", f.Constraint));
        foreach (var e in r.Remaining) _out.WriteLine("  left: " + e);
        foreach (var g in r.Particular) _out.WriteLine("  particular " + g);
        foreach (var n in r.Notes) _out.WriteLine("  note " + n);
    }

    private static Generator G(JetSpace jet, params Expr[] components) =>
        new(jet, components.Take(jet.Independent.Count).ToArray(), components.Skip(jet.Independent.Count).ToArray());

    /// <summary>Each expected generator is checked by its own prolongation first (a misprint cannot pass), then found in the span.</summary>
    internal static void ShouldSpan(SymmetryResult r, params Generator[] expected)
    {
        foreach (var g in expected)
        {
            Symmetries.IsSymmetry(g, r.Equations).Should().BeTrue($"the expected {g} must be a symmetry by its prolongation");
            LieAlgebra.Express(g, r.Basis).Should().NotBeNull($"{g} should be in the span of the basis found");
        }
        r.Basis.Should().HaveCount(expected.Length);
        r.Basis.Should().OnlyContain(g => Symmetries.IsSymmetry(g, r.Equations));
    }

    [Fact]
    public void Free_particle_y_double_prime_zero_has_the_eight_symmetries_of_sl3()
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), 0));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Complete.Should().BeTrue();
        r.Dimension.Should().Be(8);
        ShouldSpan(r, G(jet, 1, 0), G(jet, 0, 1), G(jet, x, 0), G(jet, y, 0), G(jet, 0, x), G(jet, 0, y),
            G(jet, x * x, x * y), G(jet, x * y, y * y));
        var algebra = LieAlgebra.Of(r.Basis);
        algebra.Name.Should().Be("sl(3,R)");
        // the table is consistent: [X_i, X_j] = c^k_ij X_k checked by recomputing each bracket from the constants
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
            {
                var z = Generator.Commutator(r.Basis[i], r.Basis[j]);
                var combination = Enumerable.Range(0, 8).Select(k => r.Basis[k].Components.Select(c => (Expr)algebra.Constant(i, j, k) * c).ToArray()).ToList();
                for (int m = 0; m < 2; m++)
                    Simplifier.IsZero(z.Components[m] - Sum.Of(combination.Select(cc => cc[m]))).Should().BeTrue();
            }
    }

    [Fact]
    public void Heat_equation_has_six_symmetries_and_the_superposition_family_with_the_heat_equation_as_constraint()
    {
        var x = S("x"); var t = S("t"); var u = S("u");
        var jet = new JetSpace(new[] { x, t }, new[] { u });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1), jet.Coordinate(0, 2, 0)));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Complete.Should().BeTrue();
        r.Dimension.Should().BeNull("the algebra is infinite-dimensional");
        ShouldSpan(r, G(jet, 1, 0, 0), G(jet, 0, 1, 0), G(jet, 0, 0, u), G(jet, x, 2 * t, 0), G(jet, 2 * t, 0, -x * u),
            G(jet, 4 * x * t, 4 * t * t, -(x * x + 2 * t) * u));
        r.Families.Should().ContainSingle();
        var family = r.Families[0];
        var beta = family.Functions.Should().ContainSingle().Subject;
        family.Generator.Component(u).Should().Be(beta);
        family.Generator.Component(x).IsZero.Should().BeTrue();
        family.Constraint.Should().ContainSingle();
        var c = (Relation)family.Constraint[0];
        Simplifier.IsZero(c.Left - c.Right - (Derivative.Of(beta, new[] { (x, 2) }) - Derivative.Of(beta, new[] { (t, 1) }))).Should().BeTrue();
        // a solution of the constraint gives a symmetry: β = x² + 2t
        var sample = G(jet, 0, 0, x * x + 2 * t);
        Symmetries.IsSymmetry(sample, eqs).Should().BeTrue();
    }

    [Fact]
    public void Blasius_equation_has_translation_and_scaling_only()
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 3) + y * jet.Coordinate(0, 2), 0));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Complete.Should().BeTrue();
        r.Dimension.Should().Be(2);
        ShouldSpan(r, G(jet, 1, 0), G(jet, x, -y));
        LieAlgebra.Of(r.Basis).Name.Should().StartWith("solvable, dimension 2");
    }

    [Fact]
    public void Burgers_equation_has_five_symmetries()
    {
        var x = S("x"); var t = S("t"); var u = S("u");
        var jet = new JetSpace(new[] { x, t }, new[] { u });
        // u_t + u u_x = u_xx
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1), jet.Coordinate(0, 2, 0) - u * jet.Coordinate(0, 1, 0)));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Complete.Should().BeTrue();
        r.Dimension.Should().Be(5);
        ShouldSpan(r, G(jet, 1, 0, 0), G(jet, 0, 1, 0), G(jet, t, 0, 1), G(jet, x, 2 * t, -u), G(jet, x * t, t * t, x - t * u));
    }

    [Fact]
    public void KdV_equation_has_four_symmetries()
    {
        var x = S("x"); var t = S("t"); var u = S("u");
        var jet = new JetSpace(new[] { x, t }, new[] { u });
        // u_t + u u_x + u_xxx = 0
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1) + u * jet.Coordinate(0, 1, 0) + jet.Coordinate(0, 3, 0), 0));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Complete.Should().BeTrue();
        r.Dimension.Should().Be(4);
        ShouldSpan(r, G(jet, 1, 0, 0), G(jet, 0, 1, 0), G(jet, t, 0, 1), G(jet, x, 3 * t, -2 * u));
    }

    [Fact]
    public void Riccati_equation_has_the_scaling_symmetry_and_the_family_of_its_determining_equation()
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 1), y * y - 2 / x.Pow(2)));
        var r = Symmetries.Find(eqs);
        Dump(r);
        r.Dimension.Should().BeNull("a first-order ODE has infinitely many point symmetries");
        r.Families.Should().ContainSingle().Which.Functions.Should().HaveCount(2);
        r.Families[0].Constraint.Should().ContainSingle();
        var scaling = G(jet, x, -y);
        Symmetries.IsSymmetry(scaling, eqs).Should().BeTrue();
        r.Particular.Should().Contain(g => LieAlgebra.Express(scaling, new[] { g }) != null);
        r.Particular.Should().OnlyContain(g => Symmetries.IsSymmetry(g, eqs));
    }

    [Fact]
    public void Homogeneous_first_order_equation_has_the_scaling_symmetry()
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 1), y / x + x / y));
        var r = Symmetries.Find(eqs);
        Dump(r);
        var scaling = G(jet, x, y);
        Symmetries.IsSymmetry(scaling, eqs).Should().BeTrue();
        r.Particular.Should().Contain(g => LieAlgebra.Express(scaling, new[] { g }) != null);
    }

    [Fact]
    public void Rotation_is_not_a_symmetry_of_the_free_particle_in_time_and_position_scaled_wrongly()
    {
        // a wrong expectation is caught by the prolongation test: x∂_x + 2y∂_y is not a symmetry of Blasius
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var eqs = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 3) + y * jet.Coordinate(0, 2), 0));
        Symmetries.IsSymmetry(G(jet, x, 2 * y), eqs).Should().BeFalse();
        Symmetries.Residuals(G(jet, x, 2 * y), eqs)[0].IsZero.Should().BeFalse();
    }

    [Fact]
    public void An_equation_without_derivatives_is_refused_with_the_reason()
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var act = () => DifferentialEquations.Of(jet, Relation.Equation(y, x));
        act.Should().Throw<SymbolicException>().WithMessage("*contains no derivative of y by x*");
    }

    [Fact]
    public void An_equation_not_linear_in_its_leading_derivative_is_refused()
    {
        var x = S("x"); var y = S("y");
        var jet = new JetSpace(new[] { x }, new[] { y });
        var act = () => DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2).Pow(2), y));
        act.Should().Throw<SymbolicException>().WithMessage("*not linear in its leading derivative y_xx*");
    }
}
