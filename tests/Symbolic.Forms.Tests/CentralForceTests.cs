using Symbolic.Core;
using Symbolic.Forms;

namespace Symbolic.Forms.Tests;

/// <summary>外微分浅谈 2 (exterior-calculus-2-antisymmetry, eqs 7–11): under a central force x∧ẋ is constant.</summary>
public class CentralForceTests
{
    [Fact]
    public void Under_a_central_force_the_time_derivative_of_x_wedge_x_dot_vanishes()
    {
        var t = Expr.Symbol("t", Assumptions.Real);
        var mu = Expr.Symbol("mu", Assumptions.Positive);
        // The position x = x^i e_i in a 3-dimensional space, its basis written as the 1-forms e_i.
        var basis = new Chart(Expr.Symbol("e1"), Expr.Symbol("e2"), Expr.Symbol("e3"));
        var xs = new[] { "x1", "x2", "x3" }.Select(n => Call.Of(Function.User(n), t)).ToArray();
        var norm = Expr.Sqrt(xs.Aggregate(Expr.Zero, (acc, xi) => acc + xi.Pow(2)));
        Expr Dot(Expr e) => Calculus.Diff(e, t);
        var x = basis.OneForm(xs);
        var v = basis.OneForm(xs.Select(Dot).ToArray());
        var w = x.Wedge(v);   // x∧ẋ, eq (8)'s left side
        // d/dt of each coefficient of x∧ẋ, then ẍ = −μ x/|x|³ (eq 7).
        var acceleration = xs.ToDictionary(xi => (Expr)Derivative.Of(xi, new[] { (t, 2) }), xi => -mu * xi / norm.Pow(3));
        foreach (var (b, c) in w.Terms)
        {
            var rate = Substitution.Apply(Dot(c), acceleration);
            Simplifier.IsZero(rate).Should().BeTrue($"the {string.Join("∧", b.Select(s => s.Name))} component of d/dt(x∧ẋ) is {rate}");
        }
        w.Terms.Should().HaveCount(3, "x∧ẋ itself is not zero: it is the conserved angular momentum");
    }

    [Fact]
    public void A_one_form_wedged_with_itself_is_zero_so_x_dot_wedge_x_dot_drops_out()
    {
        var basis = new Chart(Expr.Symbol("e1"), Expr.Symbol("e2"));
        var v = basis.OneForm(Expr.Symbol("a"), Expr.Symbol("b"));
        v.Wedge(v).IsZero.Should().BeTrue();
    }
}

public class KerrRoutesTests
{
    [Fact]
    public void Kerr_by_Cartan_with_the_completed_square_coframe_agrees_with_the_Christoffel_route()
    {
        var kerr = S.Kerr();
        var frame = Coframe.Orthonormal(kerr, new[] { -1, 1, 1, 1 });
        var cartan = Curvature.Compute(kerr, new CurvatureOptions { Route = CurvatureRoute.Cartan, Coframe = frame, What = CurvatureQuantities.Ricci | CurvatureQuantities.Kretschmann });
        var christoffel = Curvature.Compute(kerr, new CurvatureOptions { Route = CurvatureRoute.Christoffel, What = CurvatureQuantities.Kretschmann });
        cartan.Components.Where(c => c.Quantity == CurvatureQuantities.Ricci).Should().BeEmpty("Kerr is Ricci-flat");
        Simplifier.AreEqual(cartan["kretschmann"], christoffel["kretschmann"]).Should().BeTrue();
    }
}
