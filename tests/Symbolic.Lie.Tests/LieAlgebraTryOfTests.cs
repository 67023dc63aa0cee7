using Symbolic.Core;
using Symbolic.Lie;

namespace Symbolic.Lie.Tests;

/// <summary>A basis that does not close has no algebra: TryOf says why, Of throws the same reason.</summary>
public class LieAlgebraTryOfTests
{
    private static readonly Symbol x = Expr.Symbol("x", Assumptions.Real), y = Expr.Symbol("y", Assumptions.Real);
    private static readonly JetSpace Jet = new(new[] { x }, new[] { y });

    private static Generator G(Expr xi, Expr phi) => new(Jet, new[] { xi }, new[] { phi });

    [Fact]
    public void A_basis_whose_commutator_leaves_the_span_has_no_algebra_and_the_reason_names_the_commutator()
    {
        // [∂x, x²∂x] = 2x ∂x is not a constant combination of ∂x and x²∂x.
        var basis = new[] { G(1, 0), G(x.Pow(2), 0) };
        LieAlgebra.TryOf(basis, out var algebra, out var reason).Should().BeFalse();
        algebra.Should().BeNull();
        reason.Should().StartWith("[X1, X2] = ").And.EndWith("is not in the span of the basis: the generators do not close into an algebra");
        var act = () => LieAlgebra.Of(basis);
        act.Should().Throw<SymbolicException>().WithMessage(reason);
    }

    [Fact]
    public void A_closed_basis_has_its_algebra_and_no_reason()
    {
        var basis = new[] { G(1, 0), G(x, 0) };
        LieAlgebra.TryOf(basis, out var algebra, out var reason).Should().BeTrue();
        reason.Should().BeNull();
        algebra!.Dimension.Should().Be(2);
        algebra.Name.Should().Be(LieAlgebra.Of(basis).Name);
    }
}
