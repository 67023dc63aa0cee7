using Symbolic.Core;

namespace Symbolic.Latex.Tests;

/// <summary><see cref="LatexSource"/> and <see cref="LoweringContext.FunctionsOfDifferentials"/>: what the source says besides its value.</summary>
public sealed class LatexSourceTests
{
    private const string Schwarzschild = @"ds^2 = -(1-\frac{2m}{r})dt^2 + \frac{dr^2}{1-2m/r} + r^2 d\theta^2 + r^2\sin^2\theta d\phi^2";

    private static string Names(IEnumerable<Expr> es) => string.Join(" ", es.Select(e => e is Call c ? "d" + ((Symbol)c.Args[0]).Name : ((Symbol)e).Name));

    [Fact]
    public void Names_and_differentials_are_listed_in_the_order_they_are_first_written() =>
        Names(LatexSource.FirstAppearances(Schwarzschild)).Should().StartWith("ds d s m r dt t dr dtheta theta dphi phi");

    [Fact]
    public void A_differential_of_a_command_name_or_in_roman_type_is_found() =>
        Names(LatexSource.FirstAppearances(@"\mathrm{d}\phi \wedge d\theta")).Should().Contain("dphi").And.Contain("dtheta");

    [Fact]
    public void A_declaration_is_a_name_and_its_variables()
    {
        var declaration = LatexSource.ReadFunctionDeclaration(@"\Phi(r)")!;
        declaration.Name.Value.Should().Be(Expr.Symbol("Phi", Assumptions.Real));
        declaration.Name.Written.Should().Be(@"\Phi");
        declaration.Arguments.Select(a => a.Written).Should().Equal("r");
        var u = LatexSource.ReadFunctionDeclaration("u(x, y)")!;
        u.Arguments.Select(a => a.Value).Should().Equal(Expr.Symbol("x", Assumptions.Real), Expr.Symbol("y", Assumptions.Real));
        u.ArgumentsWritten.Should().Be("x, y");
        LatexSource.ReadFunctionDeclaration("u")!.Should().BeNull();
        LatexSource.ReadFunctionDeclaration("f()")!.Arguments.Should().BeEmpty();
    }

    [Fact]
    public void A_membership_in_a_blackboard_set_is_read()
    {
        var m = LatexSource.ReadMembership(@"n \in \mathbb{Z}")!;
        m.Set.Should().Be("Z");
        m.Element.Should().Be(Expr.Symbol("n", Assumptions.Real));
        LatexSource.ReadMembership(@"x \in \mathbb R")!.Set.Should().Be("R");
        LatexSource.ReadMembership("x > 0").Should().BeNull();
    }

    [Fact]
    public void With_functions_of_differentials_a_name_applied_to_a_coordinate_is_a_function_of_it()
    {
        var context = new LoweringContext { FunctionsOfDifferentials = true };
        var t = Expr.Symbol("t", Assumptions.Real);
        var value = LatexMath.ReadOne(@"-dt^2 + a(t)^2 dx^2", context);
        value.ToString().Should().Contain("a(t)");
        // t has no differential here: a(t) stays the product a·t, as without the option.
        LatexMath.ReadOne(@"a(t)^2 dx^2", context).ToString().Should().NotContain("a(t)");
        LatexMath.ReadOne(@"-dt^2 + a(t)^2 dx^2").ToString().Should().NotContain("a(t)");
        t.Name.Should().Be("t");
    }
}
