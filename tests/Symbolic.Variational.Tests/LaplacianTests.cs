using Symbolic.Core;
using static Symbolic.Variational.Tests.Maths;

namespace Symbolic.Variational.Tests;

/// <summary>
/// Golden tests: the Laplacian by variation of the Dirichlet (Poisson) action (6), in polar coordinates (7), (8),
/// unnumbered #1; in x = ξ² − η², y = 2ξη (unnumbered #3–#7); in spherical coordinates (#9–#14).
/// </summary>
public class LaplacianTests
{
    private static readonly Symbol x = Expr.Symbol("x", Assumptions.Real), y = Expr.Symbol("y", Assumptions.Real), z = Expr.Symbol("z", Assumptions.Real);
    private static readonly Symbol F = Expr.Symbol("F", Assumptions.Real);
    private static readonly Function u = Coord("u");

    /// <summary>(6), in any number of Cartesian variables: ½|∇u|² + F u.</summary>
    private static Action Poisson(params Symbol[] vars)
    {
        var U = Field(u, vars);
        return Action.Field(Expr.Half * Sum.Of(vars.Select(v => D(U, v).Pow(2))) + F * U, vars, u);
    }

    [Fact]
    public void Varying_the_Cartesian_Poisson_action_gives_the_Poisson_equation_5()
    {
        var result = EulerLagrange.Derive(Poisson(x, y));
        var U = Field(u, x, y);
        result["u"].Plain.Left.ShouldEqual(F - D(U, x, x) - D(U, y, y));
        result["u"].Solved!.Left.Should().Be(D(U, x, x));
    }

    [Fact]
    public void Polar_coordinates_give_the_measure_r_and_the_polar_density_7()
    {
        var r = Pos("r"); var th = Expr.Symbol("theta", Assumptions.Real);
        var polar = PointTransformation.OfVariables(new[] { r, th }, (x, r * Expr.Cos(th)), (y, r * Expr.Sin(th)));
        var transformed = polar.ApplyTo(Poisson(x, y));
        var U = Field(u, r, th);

        transformed.Jacobian!.ShouldEqual(r);
        transformed.Action.Measure.ShouldEqual(r);
        transformed.Action.Lagrangian.ShouldEqual(Expr.Half * (D(U, r).Pow(2) + (D(U, th) / r).Pow(2)) + F * U);
        transformed.Metric[1][1].ShouldEqual(r.Pow(2));   // ds² = dr² + r² dθ²

        var eq = EulerLagrange.Derive(transformed.Action)["u"];
        // (8): ∂_r(r u_r) + (1/r) u_θθ = F r, as E = F r − ∂_r(r u_r) − (1/r) u_θθ
        eq.Expression.ShouldEqual(F * r - Calculus.Diff(r * D(U, r), r) - D(U, th, th) / r);
        // unnumbered #1: (1/r) ∂_r(r u_r) + (1/r²) u_θθ = F
        eq.Reduced.ShouldEqual(F - Calculus.Diff(r * D(U, r), r) / r - D(U, th, th) / r.Pow(2));
    }

    [Fact]
    public void The_parabolic_map_gives_the_Laplacian_divided_by_xi_squared_plus_eta_squared()
    {
        var xi = Expr.Symbol("xi", Assumptions.Real); var eta = Expr.Symbol("eta", Assumptions.Real);
        var map = PointTransformation.OfVariables(new[] { xi, eta }, (x, xi.Pow(2) - eta.Pow(2)), (y, 2 * xi * eta));
        var transformed = map.ApplyTo(Poisson(x, y));
        var U = Field(u, xi, eta);
        var h = xi.Pow(2) + eta.Pow(2);

        transformed.Metric[0][0].ShouldEqual(4 * h);            // ds² ∝ (ξ² + η²)(dξ² + dη²), unnumbered #4 up to the map's factor 4
        transformed.Metric[0][1].ShouldEqual(Expr.Zero);
        transformed.Action.Measure.ShouldEqual(4 * h);          // dx dy = 4(ξ² + η²) dξ dη
        var eq = EulerLagrange.Derive(transformed.Action)["u"];
        // unnumbered #7/#8: u_ξξ + u_ηη = 4F(ξ² + η²), i.e. Δu = (u_ξξ + u_ηη)/(4(ξ² + η²)) = F
        eq.Reduced.ShouldEqual(F - (D(U, xi, xi) + D(U, eta, eta)) / (4 * h));
    }

    [Fact]
    public void Spherical_coordinates_give_the_spherical_Laplacian()
    {
        var r = Pos("r"); var th = Expr.Symbol("theta", Assumptions.Real); var ph = Expr.Symbol("phi", Assumptions.Real);
        var spherical = PointTransformation.OfVariables(new[] { r, th, ph },
                (x, r * Expr.Sin(th) * Expr.Cos(ph)), (y, r * Expr.Sin(th) * Expr.Sin(ph)), (z, r * Expr.Cos(th)))
            .Assuming(Expr.Sin(th));   // 0 < θ < π
        var transformed = spherical.ApplyTo(Poisson(x, y, z));
        var U = Field(u, r, th, ph);

        // unnumbered #11: dx dy dz = r² sin θ dr dθ dφ
        transformed.Action.Measure.ShouldEqual(r.Pow(2) * Expr.Sin(th));
        var eq = EulerLagrange.Derive(transformed.Action)["u"];
        // unnumbered #14: Δu = (1/r²)∂_r(r² u_r) + (1/(r² sin θ))∂_θ(sin θ u_θ) + u_φφ/(r² sin²θ) = F
        var laplacian = Calculus.Diff(r.Pow(2) * D(U, r), r) / r.Pow(2)
                        + Calculus.Diff(Expr.Sin(th) * D(U, th), th) / (r.Pow(2) * Expr.Sin(th))
                        + D(U, ph, ph) / (r.Pow(2) * Expr.Sin(th).Pow(2));
        eq.Reduced.ShouldEqual(F - laplacian);
        // unnumbered #13 (stray ^2 removed): E = F r² sin θ − [∂_r(r² sin θ u_r) + ∂_θ(sin θ u_θ) + u_φφ/sin θ]
        eq.Expression.ShouldEqual(F * r.Pow(2) * Expr.Sin(th) - Calculus.Diff(r.Pow(2) * Expr.Sin(th) * D(U, r), r)
                                  - Calculus.Diff(Expr.Sin(th) * D(U, th), th) - D(U, ph, ph) / Expr.Sin(th));
    }
}
