using Symbolic.Core;

namespace Symbolic.Latex.Tests;

/// <summary>
/// The physics notation that the reviewed sample of the second corpus found misread or refused, one rule a row
/// (grammar/README.md, "Reading decisions and warnings"). Each reading is the text form of every equation of the display.
/// </summary>
public class PhysicsNotationReadingTests
{
    private static (string Text, IReadOnlyList<string> Warnings) Read(string latex)
    {
        var r = LatexMath.ReadDisplay(latex);
        return (string.Join(" ;; ", r.Equations.Select(e => TextPrinter.Print(e.Value))), r.Warnings.Select(w => w.Message).ToList());
    }

    [Theory]
    // An index on a derivative's variable: ∂/∂q^n, ∂/∂\dot q^n (the order of a derivative is a number).
    [InlineData(@"p_{n}=\frac{\partial L}{\partial\dot{q}^{n}}", "p_n = Derivative(L, diff(q^n(t), t))")]
    // A name with a Greek index elsewhere: its component 0 is an index, not a power 0.
    [InlineData(@"\eta_{\mu\nu}k^\mu x^\nu = -k^0x^0", "eta_mu nu*k^mu*x^nu = -(k^0*x^0)")]
    // z^{*} and z^* are the conjugate, b^\dagger the adjoint: never powers (b^\dagger b is not b^{\dagger+1}).
    [InlineData(@"z^{*} + w^*", "conjugate(w) + conjugate(z)")]
    [InlineData(@"b^\dagger_k b_k", "b_k*adjoint(b_k)")]
    // ∇ acts on what follows it.
    [InlineData(@"\nabla^{2}\Phi = 4\pi G\rho", "laplacian(Phi) = 4*G*pi*rho")]
    [InlineData(@"\boldsymbol{\nabla}\boldsymbol{\cdot}\boldsymbol{F} = 0", "div(F) = 0")]
    [InlineData(@"\nabla\times A = B", "curl(A) = B")]
    [InlineData(@"(\boldsymbol{a}\boldsymbol{\cdot}\boldsymbol{\nabla}) f", "a*grad(f)")]
    // δ and \mathrm{D} are operators: δP/P does not cancel, nor does D/Dt.
    [InlineData(@"\frac{\delta P}{P} = \Gamma_{1}\frac{\delta\rho}{\rho}", "delta(P)/P = Gamma_1*delta(rho)/rho")]
    [InlineData(@"\frac{\mathrm{D}\ln P}{\mathrm{D} t}", "D(log(P))/D(t)")]
    [InlineData(@"\frac{\mathrm{D}}{\mathrm{D} t}\ln P", "D(log(P))/D(t)")]
    // δ^k(0): the Dirac delta in k dimensions, not δ^k·0.
    [InlineData(@"\delta^k(0)", "delta^k(0)")]
    // \frac{δH}{δΠ}: a functional derivative, not a quotient of variations.
    [InlineData(@"\frac{\delta H}{\delta \Pi} = 0", "Derivative(H, Pi) = 0")]
    // An aligned row led by a relation continues from the previous row's right side.
    [InlineData(@"\begin{aligned} a &= b \\ &= c \\ \approx& d\end{aligned}", "a = b ;; b = c ;; approx(c, d)")]
    [InlineData(@"\begin{eqnarray} a &=& b \\ &=& c\end{eqnarray}", "a = b ;; b = c")]
    // An n-dimensional measure: the integral is kept as the operator int(body, x).
    [InlineData(@"\int f \,\mathrm{d}^3x", "int(f, x)")]
    [InlineData(@"\int\frac{\mathrm{d}^Dk}{(2\pi)^D} f", "int(f/(2^D*pi^D), k)")]
    // The prime differentiates by the variable of the integral around it.
    [InlineData(@"s = \int \sqrt{\theta'^2 + \sin^2 \theta} \mathrm{d} \phi", "s = Integral(sqrt(sin(theta(phi))^2 + diff(theta(phi), phi)^2), phi)")]
    // A primed name written as an index is a label (a second momentum), not a derivative.
    [InlineData(@"\vec{k}' + \omega_{\vec{k}'}", "omega_vec:k' + vec:k'")]
    // Symbolic orders, kept as the operator.
    [InlineData(@"\frac{\partial^k}{\partial q^k} f", "Derivative(f, q, k)")]
    [InlineData(@"\frac{\partial^k f}{\partial q^k}", "Derivative(f, q, k)")]
    // A relation with nothing on its left in a script is a condition.
    [InlineData(@"u_{>1}", "sub(u, >(1))")]
    // A function name whose argument is a big operator or another function.
    [InlineData(@"\log\sum_i x_i", "log(sum(x_i, i))")]
    [InlineData(@"\ln \sin^{n-2}\theta", "log(sin(theta)^(n - 2))")]
    // A script on an empty group belongs to the factor before it.
    [InlineData(@"\hat{K}{}^{\top}", "transpose(hat:K)")]
    // \qedhere marks the end of a proof, not a formula.
    [InlineData(@"a = b.\qedhere", "a = b")]
    public void Physics_notation_reads_as_a_person_reads_it(string latex, string expected) => Read(latex).Text.Should().Be(expected);

    [Fact]
    public void A_sum_of_operators_is_applied_term_by_term()
    {
        var (text, warnings) = Read(@"(\partial_{t} + u\cdot\partial_{x})u = 0");
        text.Should().Be("u(t, x)*diff(u(t, x), x) + diff(u(t, x), t) = 0", "it was read as 0 = 0");
        warnings.Should().Contain(w => w.Contains("u is read as a function of x"));
    }

    [Fact]
    public void A_commutator_is_read_as_one_and_said()
    {
        var (text, warnings) = Read("[a,b]=0");
        text.Should().Be("commutator(a, b) = 0");
        warnings.Should().ContainSingle().Which.Should().Contain("is read as the commutator of a and b");
        Read("[0,1]").Text.Should().Be("tuple(0, 1)", "numbers at the ends make an interval");
    }

    [Fact]
    public void A_derivative_by_a_component_of_what_an_application_depends_on_is_kept_never_zero()
    {
        var (text, warnings) = Read(@"\frac{\partial}{\partial y_{m'}}G(ty, x)");
        text.Should().Be("Derivative(G(t*y, x), y_m')");
        warnings.Should().Contain(w => w.Contains("the derivative is kept as written"));
        Read(@"\frac{\partial}{\partial y}G(ty, x)").Text.Should().Be("t*G^(1,0)(t*y, x)", "the chain rule runs through an application");
        Read(@"\sum_i\partial_i^2\phi(\vec x)").Text.Should().Be("sum(Derivative(phi(vec:x), i, 2), i)", "∂_i by a summed index is not 0");
    }

    [Fact]
    public void Letter_superscripts_on_a_name_differentiated_with_an_index_are_indices_and_said()
    {
        var (text, warnings) = Read(@"\ddot{q}^{n'}\frac{\partial^{2}L}{\partial\dot{q}^{n'}\partial\dot{q}^{n}} = \frac{\partial L}{\partial q^{n}}");
        text.Should().Be("Derivative(Derivative(L(q^n), diff(q^n'(t), t)), diff(q^n(t), t))*diff(q^n'(t), t, 2) = diff(L(q^n), q^n)");
        warnings.Should().Contain(w => w.Contains("is read as q with the index n', not a power"));
    }

    [Fact]
    public void A_prime_whose_variable_the_display_does_not_give_is_said()
    {
        Read(@"M = \theta_{1}'").Warnings.Should().Contain(@"\theta_{1}' is read as a derivative by x (the prime variable): nothing in this display says what \theta_1 depends on");
        Read("y' = y").Warnings.Should().BeEmpty("y' is dy/dx by the usual convention");
    }
}
