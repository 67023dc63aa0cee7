using Symbolic.Core;
using Symbolic.Latex.Printing;
using KSymbol = Symbolic.Core.Symbol;

namespace Symbolic.Latex.Tests;

/// <summary>LaTeX as physicists write it, read into kernel expressions (grammar/README.md, "Lowering").</summary>
public class LoweringTests
{
    // Lowered letters are real unless the context says more (grammar/README.md).
    private static KSymbol R(string name) => Expr.Symbol(name, Assumptions.Real);
    private static readonly KSymbol t = R("t"), x = R("x"), y = R("y"), z = R("z");
    private static readonly KSymbol a = R("a"), b = R("b"), c = R("c"), d = R("d"), mu = R("mu");
    private static readonly KSymbol theta = R("theta"), phi = R("phi");
    private static Expr F(string name, params KSymbol[] args) => Call.Of(Function.User(name), args.Cast<Expr>().ToArray());
    private static Expr Dt(Expr f, int n = 1) => Derivative.Of(f, new[] { (t, n) });

    private static Expr Read(string latex, LoweringContext? ctx = null) => LatexMath.ReadOne(latex, ctx);

    [Fact]
    public void Dotted_letters_are_time_derivatives_of_functions_of_time()
    {
        Read(@"\dot{x}").Should().Be(Dt(F("x", t)));
        Read(@"\ddot{x}").Should().Be(Dt(F("x", t), 2));
        Read(@"\dot x^2").Should().Be(Dt(F("x", t)).Pow(2));
        Read(@"x\dot{x}").Should().Be(F("x", t) * Dt(F("x", t)));
    }

    [Fact]
    public void Primes_differentiate_by_the_prime_variable()
    {
        Read("y''").Should().Be(Derivative.Of(F("y", x), new[] { (x, 2) }));
    }

    [Fact]
    public void Leibniz_fractions_are_derivatives()
    {
        Read(@"\frac{d^2 x}{dt^2}").Should().Be(Dt(F("x", t), 2));
        var ctx = new LoweringContext();
        ctx.Functions["x"] = new[] { "t" };
        Read(@"\frac{d}{dt}\left(x^2\right)", ctx).Should().Be(2 * F("x", t) * Dt(F("x", t)));
        Read(@"\frac{d}{dt}\left(x^2\right)").Should().Be(2 * F("x", t) * Dt(F("x", t)), "d/dt of an expression free of t says that its names depend on t (with a warning)");
        var u = F("u", x, y);
        Read(@"\frac{\partial^2 u}{\partial x^2}+\frac{\partial^2 u}{\partial y^2}").Should().Be(
            Derivative.Of(u, new[] { (x, 2) }) + Derivative.Of(u, new[] { (y, 2) }));
    }

    [Fact]
    public void A_derivative_order_that_does_not_match_is_refused_at_its_position()
    {
        var act = () => Read(@"\frac{d^2 x}{dt^t}");
        act.Should().Throw<ParseError>().Where(e => e.Message.Contains("dt^2") && e.Column == 17);
    }

    [Fact]
    public void Partial_by_a_velocity_differentiates_by_the_jet_variable()
    {
        var ctx = new LoweringContext();
        ctx.Definitions["L"] = Read(@"\frac{1}{2}\dot{x}^2-\frac{1}{2}x^2");
        Read(@"\frac{\partial L}{\partial \dot{x}}", ctx).Should().Be(Dt(F("x", t)));
        Read(@"\frac{\partial L}{\partial x}", ctx).Should().Be(-F("x", t));
    }

    [Fact]
    public void Partial_with_a_subscript_differentiates_what_follows()
    {
        var xr = x;
        Read(@"\partial_{xx}u").Should().Be(Derivative.Of(F("u", xr), new[] { (xr, 2) }));
    }

    [Fact]
    public void Juxtaposition_is_a_product_unless_the_letter_is_a_declared_function()
    {
        Read("x(y-z)").Should().Be(x * (y - z));
        var ctx = new LoweringContext();
        ctx.Functions["f"] = new[] { "x" };
        Read("f(y)", ctx).Should().Be(Call.Of(Function.User("f"), y));
        Read(@"d \cdot 2").Should().Be(2 * d);
        Read("a^{2}bc").Should().Be(a.Pow(2) * b * c);
    }

    [Fact]
    public void Function_arguments_and_powers_follow_the_written_policy()
    {
        Read(@"\sin x^2").Should().Be(Expr.Sin(x.Pow(2)));
        Read(@"\sin^2\theta").Should().Be(Expr.Sin(theta).Pow(2));
        Read(@"\sin^{-1} x").Should().Be(Call.Of(Function.Asin, x));
        Read(@"e^{x}").Should().Be(Expr.Exp(x));
        Read(@"\ln x").Should().Be(Expr.Log(x));
    }

    [Fact]
    public void Differentials_read_as_d_of_a_coordinate()
    {
        Read(@"\sin\theta d\phi").Should().Be(Expr.Sin(theta) * Call.Of(Function.D, phi));
        Read(@"dt^2").Should().Be(Call.Of(Function.D, t).Pow(2));
        Read(@"\mathrm{d}x").Should().Be(Call.Of(Function.D, x));
    }

    [Fact]
    public void Fractions_roots_and_groups()
    {
        Read(@"\frac12").Should().Be(Expr.Half);
        Read(@"\dfrac{a}{b}").Should().Be(a / b);
        Read(@"{a \over b}").Should().Be(a / b);
        Read(@"\sqrt[3]{x}").Should().Be(x.Pow(Expr.Frac(1, 3)));
        Read(@"\left[ a+b \right]c").Should().Be((a + b) * c);
        Read("|x|").Should().Be(Expr.Abs(x));
        Read("0.25x").Should().Be(Expr.Frac(1, 4) * x);
    }

    [Fact]
    public void Indexed_symbols_keep_their_indices_in_either_order()
    {
        Read(@"\omega^{\mu}_{\nu}").Should().Be(R("omega^mu_nu"));
        Read(@"\omega_{\nu}^{\mu}").Should().Be(R("omega^mu_nu"));
        Read("A_{CD}").Should().Be(R("A_CD"));
        Read("x_1^2").Should().Be(R("x_1").Pow(2));
        Read("R^1_{212}").Should().Be(R("R^1_212"));
    }

    [Fact]
    public void A_numeral_superscript_read_as_an_index_on_an_indexed_greek_name_is_warned_and_the_braced_form_is_a_power()
    {
        var reading = LatexMath.ReadDisplay(@"\omega_0^2 x");
        reading.Warnings.Should().ContainSingle(w => w.Message.Contains("is read as the component") && w.Message.Contains("for the power"));
        var w0 = R("omega_0");
        Read(@"{\omega_0}^2").Should().Be(w0.Pow(2));
    }

    [Fact]
    public void A_superscript_of_prime_commands_is_primes_as_TeX_means_them()
    {
        Read(@"y^{\prime\prime}").Should().Be(Read("y''"));
        Read(@"y^\prime + y").Should().Be(Read("y' + y"));
        Read(@"f^{\prime}(x)").Should().Be(Read("f'(x)"));
    }

    [Fact]
    public void A_dot_on_an_accented_name_differentiates_that_name_as_a_function_of_time()
    {
        var vr = Call.Of(Function.User("vec:r"), t);
        Read(@"\dot{\vec{r}}").Should().Be(Dt(vr));
        Read(@"\frac{1}{2}\dot{\vec{r}}^2 - V").Should().Be(Dt(vr).Pow(2) / 2 - R("V"));
        Read(@"\vec{\dot{r}}").Should().NotBe(Expr.Zero);
    }

    [Fact]
    public void A_differential_written_in_the_numerator_of_an_integrand_is_its_variable()
    {
        Read(@"\int \frac{dx}{1+x^2}").Should().Be(Call.Of(Function.Integral, 1 / (1 + x.Pow(2)), x));
        Read(@"\int_0^1 \frac{x\,dx}{1+x^2}").Should().Be(Call.Of(Function.Limits, Call.Of(Function.Integral, x / (1 + x.Pow(2)), x), Expr.Zero, Expr.One));
        Read(@"\int \frac{dx\,dy}{x^2}").Should().NotBe(Call.Of(Function.Integral, Call.Of(Function.D, y) / x.Pow(2), x));
    }

    [Fact]
    public void An_integral_keeps_its_body_and_differentials()
    {
        var e = Read(@"S=\int \left[\frac{1}{2}\dot{x}^2+\frac{\mu}{x}\right]dt");
        var rel = e.Should().BeOfType<Core.Relation>().Subject;
        rel.Left.Should().Be(R("S"));
        var integral = rel.Right.Should().BeOfType<Call>().Subject;
        integral.Function.Should().Be(Function.Integral);
        integral.Args[0].Should().Be(Expr.Half * Dt(F("x", t)).Pow(2) + mu / F("x", t));
        integral.Args[1].Should().Be(t);
    }

    [Fact]
    public void A_tagged_system_gives_one_equation_per_row_with_the_tag()
    {
        var eqs = LatexMath.Read(@"\left\{\begin{aligned}&\ddot{r}=r\dot{\theta}^2-\frac{\mu}{r^2}\\ &\frac{d}{dt}\left(r^2\dot{\theta}\right)=0\end{aligned}\right.\tag{4}");
        eqs.Should().HaveCount(2);
        eqs.Should().OnlyContain(e => e.Label == "4");
        var r = F("r", t); var th = F("theta", t);
        Simplifier.AreEqual(eqs[0].Value, Core.Relation.Equation(Dt(r, 2), r * Dt(th).Pow(2) - mu / r.Pow(2))).Should().BeTrue();
        Simplifier.AreEqual(eqs[1].Value, Core.Relation.Equation(2 * r * Dt(r) * Dt(th) + r.Pow(2) * Dt(th, 2), 0)).Should().BeTrue();
    }

    [Fact]
    public void Wedge_and_named_operators_are_kept()
    {
        Read(@"a \wedge b").Should().Be(Call.Of(Function.Wedge, a, b));
        Read(@"\operatorname{softmax}(x)").Should().Be(Call.Of(Function.Named("softmax"), x));
        Read(@"softmax(x)").Should().Be(Call.Of(Function.Named("softmax"), x));
    }

    [Fact]
    public void Context_assumptions_and_definitions_apply()
    {
        var ctx = new LoweringContext();
        ctx.Assumptions["r"] = Assumptions.Positive;
        Simplifier.Simplify(Read(@"\sqrt{r^2}", ctx)).Should().Be(Expr.Symbol("r", Assumptions.Positive));
        Simplifier.Simplify(Read(@"\sqrt{x^2}")).Should().NotBe(x);
        ctx.Definitions["L"] = x + 1;
        Read("2L", ctx).Should().Be(2 * x + 2);
    }

    [Theory]
    [InlineData(@"a+", "expected a formula after '+'")]
    public void Incomplete_notation_is_refused_with_a_message(string latex, string message)
    {
        var act = () => Read(latex);
        act.Should().Throw<ParseError>().WithMessage($"*{message}*");
    }
}

/// <summary>print then parse gives back the same kernel expression.</summary>
public class RoundTripTests
{
    private static LoweringContext ContextFor(Expr e)
    {
        var ctx = new LoweringContext();
        foreach (var call in Nodes(e).OfType<Call>().Where(c => c.Function.IsUser))
            ctx.Functions[call.Function.Name] = call.Args.Select(a => ((KSymbol)a).Name).ToArray();
        foreach (var s in Nodes(e).OfType<KSymbol>()) if (s.Assumptions != Assumptions.None) ctx.Assumptions[s.Name] = s.Assumptions;
        return ctx;
    }

    private static IEnumerable<Expr> Nodes(Expr e) => e.Children.SelectMany(Nodes).Prepend(e);

    [Fact]
    public void Random_kernel_expressions_survive_printing_and_reading()
    {
        var xs = new[] { Expr.Symbol("x", Assumptions.Real), Expr.Symbol("y", Assumptions.Real), Expr.Symbol("theta", Assumptions.Real) };
        for (int seed = 0; seed < 300; seed++)
        {
            var rng = new Random(seed);
            Expr Gen(int depth) => depth == 0 || rng.Next(4) == 0
                ? (rng.Next(3) == 0 ? Expr.Frac(rng.Next(-5, 6), rng.Next(1, 4)) : xs[rng.Next(xs.Length)])
                : rng.Next(7) switch
                {
                    0 or 1 => Gen(depth - 1) + Gen(depth - 1),
                    2 => Gen(depth - 1) * Gen(depth - 1),
                    3 => Gen(depth - 1).Pow(rng.Next(-2, 4)),
                    4 => Expr.Sin(Gen(depth - 1)),
                    5 => Expr.Exp(Gen(depth - 1)),
                    _ => Expr.Sqrt(Gen(depth - 1)),
                };
            var e = Gen(3);
            var latex = LatexPrinter.Print(e);
            var back = LatexMath.ReadOne(latex, ContextFor(e));
            back.Should().Be(e, $"seed {seed} printed as {latex}");
        }
    }

    [Fact]
    public void Equations_of_motion_survive_printing_and_reading()
    {
        var t = Expr.Symbol("t", Assumptions.Real);
        var r = Call.Of(Function.User("r"), t);
        var th = Call.Of(Function.User("theta"), t);
        var eq = Core.Relation.Equation(Derivative.Of(r, new[] { (t, 2) }), r * Derivative.Of(th, new[] { (t, 1) }).Pow(2) - Expr.Symbol("mu", Assumptions.Real) / r.Pow(2));
        LatexMath.ReadOne(LatexPrinter.Print(eq)).Should().Be(eq);
    }
}

public class FunctionArgumentPolicyTests
{
    [Theory]
    [InlineData(@"r^2\sin^2\theta\dot\phi^2", @"(juxt (^ r 2) ((^ \sin 2) \theta) (^ (dot \phi) 2))")]
    [InlineData(@"\sin^2\theta\left(\frac{d\phi}{ds}\right)^2", @"(juxt ((^ \sin 2) \theta) (^ (left ( ) (frac (juxt d \phi) (juxt d s))) 2))")]
    [InlineData(@"\cos\omega t", @"(\cos (juxt \omega t))")]
    [InlineData(@"\sin 2x", @"(\sin (juxt 2 x))")]
    public void An_unparenthesised_argument_is_numbers_one_factor_and_plain_letters(string latex, string tree)
    {
        LatexReader.ParseExpression(latex).ToString().Should().Be(tree);
    }
}

public class DeclaredFunctionPowerTests
{
    [Fact]
    public void A_power_written_after_a_declared_functions_argument_is_a_power_of_the_function()
    {
        var ctx = new LoweringContext();
        ctx.Functions["a"] = new[] { "t" };
        var t = Symbolic.Core.Expr.Symbol("t", Symbolic.Core.Assumptions.Real);
        var a = Symbolic.Core.Call.Of(Symbolic.Core.Function.User("a"), t);
        LatexMath.ReadOne(@"a(t)^2 r", ctx).Should().Be(a.Pow(2) * Symbolic.Core.Expr.Symbol("r", Symbolic.Core.Assumptions.Real));
        LatexMath.ReadOne(@"a(t)^2").Should().Be(Symbolic.Core.Expr.Symbol("a", Symbolic.Core.Assumptions.Real) * t.Pow(2), "an undeclared a is a factor");
    }
}

public class PrimeNotationTests
{
    [Fact]
    public void A_prime_on_a_declared_function_of_one_variable_differentiates_by_that_variable_and_prints_back_as_a_prime()
    {
        var ctx = new LoweringContext();
        ctx.Functions["Phi"] = new[] { "r" };
        var r = Symbolic.Core.Expr.Symbol("r", Symbolic.Core.Assumptions.Real);
        var phi = Symbolic.Core.Call.Of(Symbolic.Core.Function.User("Phi"), r);
        var dphi = Symbolic.Core.Derivative.Of(phi, new[] { (r, 1) });
        LatexMath.ReadOne(@"\Phi'^2 + \Phi''", ctx).Should().Be(dphi.Pow(2) + Symbolic.Core.Derivative.Of(phi, new[] { (r, 2) }));
        var declared = new Dictionary<string, IReadOnlyList<string>> { ["Phi"] = new[] { "r" } };
        Printing.LatexPrinter.Print(dphi.Pow(2), new Printing.LatexOptions(Functions: declared)).Should().Be(@"\Phi'^{2}");
        Printing.LatexPrinter.Print(dphi.Pow(2)).Should().Be(@"\Phi'(r)^{2}", "an undeclared function prints with its arguments");
    }
}
