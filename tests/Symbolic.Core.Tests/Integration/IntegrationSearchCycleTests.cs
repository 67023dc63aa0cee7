using Symbolic.Core.Integration;
using Xunit.Abstractions;

namespace Symbolic.Core.Tests.Integration;

/// <summary>∫1/log x by u = log x is ∫e^u/u, and that by u = e^x is ∫1/log u again, in a new variable each time: the
/// search now sees the same integrand up to its variable and stops there. Counted without a clock, in the search's
/// looks at the cancellation (<see cref="Budget.OnCheck"/>).</summary>
public class IntegrationSearchCycleTests(ITestOutputHelper output)
{
    private static readonly Symbol x = Expr.Symbol("x");

    [Fact]
    public void One_over_log_x_and_e_to_the_x_over_x_are_not_found_without_following_the_substitution_cycle_to_the_depth_limit()
    {
        foreach (var f in new[] { 1 / Expr.Log(x), Expr.Exp(x) / x })
        {
            long looks = 0;
            var r = Integrator.Integrate(f, x, new Budget { OnCheck = () => looks++ });
            output.WriteLine($"∫ {f} dx: {looks} looks at the cancellation");
            r.Found.Should().BeFalse();
            r.NotFoundReason.Should().Be("not found: no rule of the integrator applies (the antiderivative may not be elementary)");
            looks.Should().BeLessThan(LooksBound, "the cycle closes after two substitutions");
        }
    }

    // with the cut: 6 and 4 looks; before it, the tree of depth 14 (two branches a level) made one look per integrand tried,
    // and its trace showed over a hundred integrands tried
    private const long LooksBound = 50;
}
