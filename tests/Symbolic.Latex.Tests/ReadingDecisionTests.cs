using Symbolic.Core;
using KSymbol = Symbolic.Core.Symbol;

namespace Symbolic.Latex.Tests;

/// <summary>
/// Issue 9's classes of misreading, each pinned: a derivative says what depends on what, special functions
/// and argument lists are applications, TeX's one-token scripts are kept with a warning, a doubled relation
/// is refused, and every decision that could go either way is a positioned warning (grammar/README.md,
/// "Reading decisions and warnings").
/// </summary>
public class ReadingDecisionTests
{
    private static KSymbol R(string name) => Expr.Symbol(name, Assumptions.Real);
    private static readonly KSymbol t = R("t"), x = R("x"), y = R("y"), s = R("s"), r = R("r"), n = R("n"), theta = R("theta");
    private static Expr F(string name, params KSymbol[] args) => Call.Of(Function.User(name), args.Cast<Expr>().ToArray());
    private static Expr D(Expr f, KSymbol v, int k = 1) => Derivative.Of(f, new[] { (v, k) });

    private static LatexReading Read(string latex, LoweringContext? ctx = null) => LatexMath.ReadDisplay(latex, ctx);
    private static Expr One(string latex, LoweringContext? ctx = null) => LatexMath.ReadOne(latex, ctx);

    [Fact]
    public void A_Leibniz_derivative_of_an_undeclared_name_says_the_name_depends_on_the_variable()
    {
        var read = Read(@"\frac{dh}{ds}");
        read.Equations.Single().Value.Should().Be(D(F("h", s), s));
        read.Warnings.Single().Message.Should().Be("h is read as a function of s, since it is differentiated by s");
        read.Warnings.Single().Column.Should().Be(1);
    }

    [Fact]
    public void A_name_applied_to_the_variable_it_is_differentiated_by_is_an_application()
    {
        One(@"\frac{dh(s)}{ds}").Should().Be(D(F("h", s), s));
        One(@"\frac{\partial p(x,t)}{\partial x}").Should().Be(D(F("p", x, t), x));
        var read = Read(@"\frac{dh(s)}{ds}");
        read.Warnings.Single().Message.Should().Be("h(s) is read as the function h of s, since it is differentiated by s");
    }

    [Fact]
    public void An_indexed_name_differentiated_by_time_is_a_function_of_time()
    {
        One(@"\frac{dx^{\mu}}{dt}").Should().Be(D(F("x^mu", t), t));
    }

    [Fact]
    public void A_derivative_of_an_expression_free_of_the_variable_makes_its_names_depend_on_it()
    {
        One(@"\frac{\partial \log p}{\partial x}").Should().Be(D(F("p", x), x) / F("p", x));
        var read = Read(@"\frac{d}{dt}(x^2)");
        read.Equations.Single().Value.Should().Be(2 * F("x", t) * D(F("x", t), t));
        read.Warnings.Single().Message.Should().StartWith("x is read as a function of t: nothing else in (x^2) depends on t");
        read.Warnings.Single().Column.Should().Be(14);
    }

    [Fact]
    public void A_coordinate_of_the_session_is_a_function_of_time_inside_d_by_dt()
    {
        var ctx = new LoweringContext();
        One(@"\frac12\dot r^2 + \frac12 r^2\dot\theta^2", ctx);   // r and θ are dotted: coordinates of the session
        ctx.Coordinates.Should().Contain(new[] { "r", "theta" });
        var value = One(@"\frac{d}{dt}\left(r^2\dot{\theta}\right)=0", ctx);
        value.Should().Be(Relation.Of(D(F("r", t).Pow(2) * D(F("theta", t), t), t), RelationKind.Equal, Expr.Zero));
    }

    [Fact]
    public void Without_a_session_a_name_next_to_a_function_of_time_is_a_constant_with_a_warning()
    {
        var read = Read(@"\frac{d}{dt}\left(r^2\dot{\theta}\right)=0");
        read.Equations.Single().Value.Should().Be(Relation.Of(r.Pow(2) * D(F("theta", t), t, 2), RelationKind.Equal, Expr.Zero));
        read.Warnings.Single().Message.Should().StartWith("r is taken as a constant in this derivative by t");
    }

    [Fact]
    public void The_derivative_operator_applied_to_a_declared_function_differentiates_the_application()
    {
        var ctx = new LoweringContext();
        ctx.Functions["Phi"] = new[] { "r" };
        One(@"\frac{d}{dr}\Phi(r)", ctx).Should().Be(D(F("Phi", r), r));
        var fx = new LoweringContext();
        fx.Functions["f"] = new[] { "x" };
        One(@"\frac{d}{dx} f(x)", fx).Should().Be(D(F("f", x), x));
    }

    [Theory]
    [InlineData(@"\frac{d^2 f}{d\theta^2}", "f", "theta", 2)]
    [InlineData(@"\frac{d^2 f}{dx^2}", "f", "x", 2)]
    public void The_order_below_the_bar_is_read_for_command_and_letter_variables(string latex, string f, string v, int order) =>
        One(latex).Should().Be(D(F(f, R(v)), R(v), order));

    [Fact]
    public void Mixed_partials_and_subscripted_variables_with_orders_read()
    {
        var fxy = F("f", x, y);
        One(@"\frac{\partial^2 f}{\partial x\partial y}").Should().Be(Derivative.Of(fxy, new[] { (x, 1), (y, 1) }));
        var x0 = R("x_0");
        One(@"\frac{\partial^2 f(x_0,x_1)}{\partial x_0^2}").Should().Be(D(F("f", x0, R("x_1")), x0, 2));
    }

    [Fact]
    public void Special_functions_and_argument_lists_are_applications_never_products_with_a_tuple()
    {
        var half = n / 2;
        One(@"\Gamma(\frac n2)/\Gamma(\frac{n-1}2)").Should().Be(
            Call.Of(Function.Named("gamma"), half) / Call.Of(Function.Named("gamma"), (n - 1) / 2));
        One(@"\zeta(s)").Should().Be(Call.Of(Function.Named("zeta"), s));
        One("B(a, b)").Should().Be(Call.Of(Function.Named("beta"), R("a"), R("b")));
        One("P(x, t)").Should().Be(F("P", x, t));
        One("Attention(Q,K,V)").Should().Be(Call.Of(Function.Named("Attention"), R("Q"), R("K"), R("V")));
        One(@"\mathrm{Tr}(A)").Should().Be(Call.Of(Function.Named("Tr"), R("A")));
        One(@"\operatorname{erf}(x)").Should().Be(Call.Of(Function.Named("erf"), x));
        One(@"p(z|x)").Should().Be(Call.Of(Function.User("p"), Call.Of(Function.Named("mid"), R("z"), x)));
        One(@"q(z) q(x|z)").Should().Be(F("q", R("z")) * Call.Of(Function.User("q"), Call.Of(Function.Named("mid"), x, R("z"))));
        One(@"P_n(\varphi_1\leq\theta)").Should().Be(Call.Of(Function.User("P_n"), Relation.Of(R("varphi_1"), RelationKind.LessOrEqual, theta)));
    }

    [Fact]
    public void Consecutive_derivative_operators_compose_and_act_on_what_follows()
    {
        // issue 10: this read as x⁴ · d/dx(d/d(x, 1)).
        One(@"\frac{d}{dx}\frac{d}{dx} x^4").Should().Be(12 * x.Pow(2));
        var y = R("y");
        Simplifier.Simplify(One(@"\frac{\partial}{\partial x}\frac{\partial}{\partial y} (x^2 y^3)")).Should().Be(Simplifier.Simplify(6 * x * y.Pow(2)));
    }

    [Fact]
    public void A_power_on_a_special_function_is_a_power_of_the_application_and_prints_back_as_read()
    {
        var zeta = Call.Of(Function.Named("zeta"), s);
        One(@"\zeta(s)^2").Should().Be(zeta.Pow(2));
        var gamma = Call.Of(Function.Named("gamma"), x);
        One(@"\Gamma^2(x)").Should().Be(gamma.Pow(2));
        One(@"\Gamma(x)^{2}").Should().Be(gamma.Pow(2));
        foreach (var e in new[] { zeta.Pow(2), gamma / Call.Of(Function.Named("gamma"), n / 2) })
            One(Symbolic.Latex.Printing.LatexPrinter.Print(e)).Should().Be(e);
    }

    [Fact]
    public void A_Bessel_function_is_read_with_a_warning()
    {
        var read = Read("J_0(x)");
        read.Equations.Single().Value.Should().Be(Call.Of(Function.Named("besselj"), Expr.Zero, x));
        read.Warnings.Single().Message.Should().StartWith("J_0(…) is read as the Bessel function besselj");
    }

    [Fact]
    public void TeX_reads_a_one_token_exponent_and_the_reader_says_so()
    {
        var read = Read("x^10");
        read.Equations.Single().Value.Should().Be(Expr.Zero);
        read.Warnings.Single().Render().Should().Be(
            "warning: line 1, column 1: x^10 reads as x^1·0: a script takes one token, as in TeX; write ^{10} for the exponent 10\n  x^10\n  ^");
        Read("x^{10}").Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_doubled_relation_is_refused_with_its_position()
    {
        var act = () => One("a = = b");
        act.Should().Throw<ParseError>().Which.Render().Should().Be("line 1, column 5: expected a formula between '=' and '='\n  a = = b\n      ^");
    }

    [Fact]
    public void An_unknown_command_is_kept_as_an_operator_with_a_warning()
    {
        var read = Read(@"\unknowncommand x");
        read.Equations.Single().Value.Should().Be(Call.Of(Function.Named("unknowncommand")) * x);
        read.Warnings.Single().Message.Should().Be(@"unknown command \unknowncommand is kept as the operator unknowncommand(…) with 0 arguments");
    }

    [Fact]
    public void Empty_input_says_there_is_nothing_to_read()
    {
        var act = () => LatexMath.Read("   ");
        act.Should().Throw<ParseError>().WithMessage("there is nothing to read: the input has no formula");
    }

    [Fact]
    public void Sentence_punctuation_at_the_end_of_a_display_is_dropped()
    {
        One("E = mc^2.").Should().Be(Relation.Of(R("E"), RelationKind.Equal, R("m") * R("c").Pow(2)));
        One(@"E = mc^2, \tag{3}").Should().Be(Relation.Of(R("E"), RelationKind.Equal, R("m") * R("c").Pow(2)));
    }

    [Fact]
    public void An_ellipsis_stands_for_factors_not_written_and_is_never_a_power()
    {
        var v = One(@"x_1 x_2 \cdots x_n");
        v.Should().Be(Call.Of(Function.Named("product_dots"), R("x_1"), R("x_2"), R("cdots"), R("x_n")));
        One(@"a \cdots a").ToString().Should().NotContain("^");
    }

    [Fact]
    public void A_letter_before_parentheses_is_a_product_and_the_reader_says_an_application_was_possible()
    {
        var read = Read("x(y-z)");
        read.Equations.Single().Value.Should().Be(x * (y - R("z")));
        read.Warnings.Single().Message.Should().StartWith("x(…) is read as the product x·(…)");
        Read(@"m(\dot x^2+\dot y^2)").Warnings.Should().BeEmpty("velocities are not what a function of the coordinates is applied to");
    }

    [Fact]
    public void A_repeated_Greek_index_is_summed_over_the_field_variables_with_the_stated_signature()
    {
        var ctx = new LoweringContext();
        ctx.Functions["phi"] = new[] { "t", "x" };
        var phi = F("phi", t, x);
        var m = R("m");
        var read = Read(@"\frac12\partial_\mu\phi\partial^\mu\phi-\frac12 m^2\phi^2", ctx);
        read.Equations.Single().Value.Should().Be(
            (D(phi, t).Pow(2) - D(phi, x).Pow(2)) / 2 - m.Pow(2) * phi.Pow(2) / 2, "½∂φ∂φ − ½m²φ² is the particle physicists' form: η = diag(1, −1), and no term is dropped");
        read.Warnings.Select(w => w.Message).Should().Contain(@"the repeated index \mu is summed over t, x with η = diag(1, -1)");
        One(@"\partial_\mu\phi\partial^\mu\phi", ctx).Should().Be(-D(phi, t).Pow(2) + D(phi, x).Pow(2), "with no mass term to infer from, η = diag(−1, 1)");
        ctx.Signature = new[] { 1, -1 };
        One(@"\partial_\mu\phi\partial^\mu\phi", ctx).Should().Be(D(phi, t).Pow(2) - D(phi, x).Pow(2));
    }

    [Fact]
    public void A_Greek_index_on_the_partial_without_a_pair_is_kept_as_a_derivative_by_its_coordinate_and_said()
    {
        var single = Read(@"\partial_\mu\phi");
        single.Equations.Single().Value.Should().Be(Call.Of(Function.Named("Derivative"), R("phi"), R("x^mu")));
        single.Warnings.Single().Message.Should().StartWith(@"\partial_\mu is read as the derivative by the coordinate x^\mu");
        var pair = Read(@"\partial_\mu\phi\partial^\mu\phi");
        pair.Warnings.Select(w => w.Message).Should().Contain(w => w.StartsWith(@"\phi is read as a field of t, x, y, z", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fraction_with_d_on_both_sides_is_read_as_a_derivative_or_refused_never_a_quotient()
    {
        var act = () => One(@"\frac{\partial F}{\partial (a+b)}");
        act.Should().Throw<ParseError>().Which.Message.Should().StartWith("cannot read (a+b) as the variable of a derivative");
        One(@"\frac{\partial F}{\partial y'_\alpha} y'_\alpha").ToString().Should().Contain("diff(F(y_alpha'), y_alpha')");
    }

    [Fact]
    public void A_velocity_derivative_of_an_undeclared_name_is_kept_never_zero()
    {
        var v = One(@"\frac{\partial L}{\partial \dot{q}_\alpha}");
        v.Should().Be(Call.Of(Function.Named("Derivative"), R("L"), D(F("q_alpha", t), t)));
    }

    [Fact]
    public void A_head_that_is_not_a_name_before_an_argument_list_is_applied_and_a_functional_takes_square_brackets()
    {
        One(@"\dot{q}(q,p,t)").Should().Be(Call.Of(Function.Named("apply"), D(F("q", t), t), F("q", t), R("p"), t));
        One(@"S[x, y]").Should().Be(F("S", x, y));
        Read(@"S[x]").Warnings.Single().Message.Should().StartWith("S(…) is read as the product");
    }

    [Fact]
    public void A_cases_condition_is_not_multiplied_into_its_equation()
    {
        var read = Read(@"\begin{cases} f_j = 0, & j=1,2 \end{cases}");
        read.Equations.Single().Value.Should().Be(Relation.Of(R("f_j"), RelationKind.Equal, Expr.Zero));
        read.Warnings.Single().Message.Should().Be("the condition of this row is not part of its equation; it is not read");
    }

    [Fact]
    public void Prose_after_a_formula_is_a_comment_and_left_out()
    {
        var read = Read(@"x = \phi_0\text{ (a constant)}");
        read.Equations.Single().Value.Should().Be(Relation.Of(x, RelationKind.Equal, R("phi_0")));
        read.Warnings.Single().Message.Should().StartWith("the text");
    }
}
