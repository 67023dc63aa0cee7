using Symbolic.Core;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

/// <summary><see cref="Metric.FromLineElement(Expr, IReadOnlyList{Symbol}?, IReadOnlyList{Expr}?)"/>: a line element as the reader lowers it.</summary>
public sealed class LineElementTests
{
    private static Expr d(Expr x) => Call.Of(Function.D, x);
    private static readonly Symbol s = Expr.Symbol("s", Assumptions.Real);

    // ds^2 = -(1 - 2m/r) dt^2 + dr^2/(1 - 2m/r) + r^2 dθ^2 + r^2 sin^2θ dφ^2, as lowered.
    private static Expr Schwarzschild => Relation.Equation(d(s).Pow(2),
        -(1 - 2 * m / r) * d(t).Pow(2) + d(r).Pow(2) / (1 - 2 * m / r) + r.Pow(2) * d(theta).Pow(2) + (r * Sin(theta)).Pow(2) * d(phi).Pow(2));

    [Fact]
    public void The_line_element_of_the_sphere_gives_its_diagonal_metric()
    {
        var metric = Metric.FromLineElement(d(theta).Pow(2) + Sin(theta).Pow(2) * d(phi).Pow(2), [theta, phi]);
        metric.IsDiagonal.Should().BeTrue();
        metric[theta, theta].Should().Be(Expr.One);
        metric[phi, phi].Should().Be(Sin(theta).Pow(2));
    }

    [Fact]
    public void A_cross_term_is_split_half_to_each_off_diagonal_component()
    {
        var metric = Metric.FromLineElement(d(x).Pow(2) + 2 * a * d(x) * d(y) + d(y).Pow(2), [x, y]);
        metric[x, y].Should().Be(a);
        metric[y, x].Should().Be(a);
    }

    [Fact]
    public void Inferred_coordinates_follow_the_order_in_which_their_differentials_are_written()
    {
        // As written, r appears (in 2m/r) before dt, and dt before dr: the order of the differentials counts.
        Expr[] written = [s, m, r, d(t), t, d(r), d(theta), theta, d(phi), phi];
        Metric.FromLineElement(Schwarzschild, appearances: written).Chart.Coordinates.Should().Equal(t, r, theta, phi);
        Metric.FromLineElement(Schwarzschild, [r, t, phi, theta]).Chart.Coordinates.Should().Equal(r, t, phi, theta);
    }

    [Fact]
    public void A_differential_whose_variable_is_not_listed_is_refused()
    {
        var act = () => Metric.FromLineElement(Schwarzschild, [t, r, theta]);
        act.Should().Throw<SymbolicException>().WithMessage("dphi appears in the line element but phi is not among the coordinates");
    }

    [Fact]
    public void A_d_Omega_squared_is_refused_as_the_sphere_unless_Omega_is_listed_as_a_coordinate()
    {
        var omega = Expr.Symbol("Omega", Assumptions.Real);
        var ds2 = -(1 - 2 * m / r) * d(t).Pow(2) + d(r).Pow(2) / (1 - 2 * m / r) + r.Pow(2) * d(omega).Pow(2);
        var act = () => Metric.FromLineElement(ds2);
        act.Should().Throw<SymbolicException>().WithMessage(@"dOmega in a line element usually stands for the unit 2-sphere d\theta^2 + \sin^2\theta\, d\phi^2: write it out, or list Omega among the coordinates*");
        Metric.FromLineElement(ds2, [t, r, omega]).Chart.Coordinates.Should().Equal(t, r, omega);
    }

    [Fact]
    public void A_sum_that_is_not_quadratic_in_the_differentials_is_refused()
    {
        var act = () => Metric.FromLineElement(x + d(y));
        act.Should().Throw<SymbolicException>().WithMessage("not a line element: write ds^2 = a sum of terms*");
    }

    [Fact]
    public void A_product_of_sums_is_expanded_into_its_terms()
    {
        var metric = Metric.FromLineElement((d(x) + d(y)).Pow(2), [x, y]);
        metric[x, x].Should().Be(Expr.One);
        metric[x, y].Should().Be(Expr.One);
    }

    [Fact]
    public void The_unknown_functions_of_the_coordinates_are_listed_with_their_arguments()
    {
        var scale = Fn("a", t);
        var metric = Metric.FromLineElement(-d(t).Pow(2) + scale.Pow(2) * d(x).Pow(2), [t, x]);
        var (name, arguments) = metric.FunctionsOfCoordinates().Should().ContainSingle().Subject;
        name.Should().Be("a");
        arguments.Should().Equal("t");
    }
}
