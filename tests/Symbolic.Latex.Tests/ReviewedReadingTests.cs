using Symbolic.Core;

namespace Symbolic.Latex.Tests;

/// <summary>
/// The reviewed sample of the second corpus: every fourth display of corpus2 (displays 1, 5, 9, …, 157 — 40 in
/// all, not chosen by outcome), each read and checked by hand against the source, its expected reading written
/// down here in the text form (<c>symbolic parse -f text</c>). Readings marked <c>warned</c> follow a written policy that
/// could go either way (<c>y(x)</c> without a declaration is the product y·x) and must carry a warning.
/// </summary>
public class ReviewedReadingTests
{
    private static (string Text, int Warnings) ReadDisplay(int display)
    {
        var latex = SecondCorpusTests.Corpus2().Single(e => e.Label.EndsWith($"ch3 display {display}", StringComparison.Ordinal)).Latex;
        var reading = LatexMath.ReadDisplay(latex);
        var text = string.Join(" ;; ", reading.Equations.Select(e => (e.Label is null ? "" : $"({e.Label}) ") + TextPrinter.Print(e.Value)));
        return (text, reading.Warnings.Count);
    }

    [Theory]
    [InlineData(1, @"L = T(q(t), diff(q(t), t), t) - U(q(t), diff(q(t), t), t)", false)]
    [InlineData(5, @"diff(q(t), t) = apply(diff(q(t), t), q(t), p, t)", false)]
    [InlineData(9, @"d(g(u, y)) = -v*d(y) + x*d(u) ;; -v*d(y) + x*d(u) = d(u)*diff(g(u, y), u) + d(y)*diff(g(u, y), y)", false)]
    [InlineData(13, @"H = -L + sum(p_alpha*diff(q_alpha(t), t), alpha = 1, s) ;; -L + sum(p_alpha*diff(q_alpha(t), t), alpha = 1, s) = sum(p_alpha*apply(diff(q_alpha(t), t), q(t), p, t), alpha = 1, s) - L(q(t), apply(diff(q(t), t), q(t), p, t), t) ;; sum(p_alpha*apply(diff(q_alpha(t), t), q(t), p, t), alpha = 1, s) - L(q(t), apply(diff(q(t), t), q(t), p, t), t) = H(q(t), p, t)", false)]
    [InlineData(17, @"L = -k*q(t)^2/2 + m*diff(q(t), t)^2/2", false)]
    [InlineData(21, @"k*q(t) + m*diff(q(t), t, 2) = 0", false)]
    [InlineData(25, @"p = Derivative(L, diff(r(t), t)) ;; Derivative(L, diff(r(t), t)) = A*e + m*diff(r(t), t)", false)]
    [InlineData(29, @"diff(H(t), t) = diff(H(t), t) ;; diff(H(t), t) = 0", false)]
    [InlineData(33, @"x*delta(y) = tilde:y*x - x*y", true)]
    [InlineData(37, @"delta(F(y, y')) = delta(y)*diff(F(y, y'), y) + delta(y')*diff(F(y, y'), y')", false)]
    [InlineData(41, @"(boundary) a*delta(y) = b*delta(y) ;; (boundary) b*delta(y) = 0", true)]
    [InlineData(45, @"y'*diff(F(y'), y') - F(y') = C", false)]
    [InlineData(49, @"diff(y(x), x) = sqrt((2*C_1 - y(x))/y(x))", false)]
    [InlineData(57, @"phi - acos(-(cot(theta)*cot(theta_0))) = phi_0", false)]
    [InlineData(61, @"e_n*r_A = e_n*r_B ;; e_n*r_B = 0", false)]
    [InlineData(65, @"sum(y_alpha'*diff(F(y_alpha'), y_alpha'), alpha = 1, s) - F(y_alpha') = C", false)]
    [InlineData(69, @"limits(Integral(delta(T) + sum(F_i*delta(r_i(t)), i = 1, n), t), t_1, t_2) = evaluated(sum(Derivative(T, diff(r_i(t), t))*delta(r_i(t)), i = 1, n), t_1, t_2)", false)]
    [InlineData(73, @"tuple(r_i*t_1 = r_i1, r_i*t_2 = r_i2, i = 1, 2, cdots, n)", true)]
    [InlineData(77, @"delta(S) = delta(limits(Integral(L, t), t_1, t_2)) ;; delta(limits(Integral(L, t), t_1, t_2)) = 0", false)]
    [InlineData(81, @"tuple(r_i = r_i(q, t), i = 1, 2, cdots, n)", false)]
    [InlineData(85, @"delta(tilde:S) = delta(S) + evaluated(delta(f(q, t)), t_1, t_2) ;; delta(S) + evaluated(delta(f(q, t)), t_1, t_2) = delta(S) + evaluated(sum(delta(q_alpha)*diff(f(q_alpha), q_alpha), alpha = 1, s), t_1, t_2) ;; delta(S) + evaluated(sum(delta(q_alpha)*diff(f(q_alpha), q_alpha), alpha = 1, s), t_1, t_2) = delta(S)", false)]
    [InlineData(89, @"d(diff(f(t, q_alpha), t)) = d(t)*diff(f(t, q_alpha), t, 2) + sum(Derivative(diff(f(t, q_alpha), t), diff(q_alpha(t), t))*d(diff(q_alpha(t), t)), alpha = 1, n) + sum(d(q_alpha(t))*diff(f(t, q_alpha), q_alpha, t), alpha = 1, n)", false)]
    [InlineData(93, @"tilde:H = -tilde:L + sum(Derivative(tilde:L, diff(q_alpha(t), t))*diff(q_alpha(t), t), alpha = 1, s) ;; -tilde:L + sum(Derivative(tilde:L, diff(q_alpha(t), t))*diff(q_alpha(t), t), alpha = 1, s) = -L + sum(Derivative(L, diff(q_alpha(t), t))*diff(q_alpha(t), t), alpha = 1, s) + sum(Derivative(diff(f(t, q_alpha), t), diff(q_alpha(t), t))*diff(q_alpha(t), t), alpha = 1, s) - diff(f(t, q_alpha), t) ;; -L + sum(Derivative(L, diff(q_alpha(t), t))*diff(q_alpha(t), t), alpha = 1, s) + sum(Derivative(diff(f(t, q_alpha), t), diff(q_alpha(t), t))*diff(q_alpha(t), t), alpha = 1, s) - diff(f(t, q_alpha), t) = -L - sum(diff(f(t, q_alpha), q_alpha), alpha = 1, s) + sum(Derivative(L, diff(q_alpha(t), t))*diff(q_alpha(t), t), alpha = 1, s) + sum(diff(f(t, q_alpha), q_alpha)*diff(q_alpha(t), t), alpha = 1, s) - diff(f(t, q_alpha), t) ;; -L - sum(diff(f(t, q_alpha), q_alpha), alpha = 1, s) + sum(Derivative(L, diff(q_alpha(t), t))*diff(q_alpha(t), t), alpha = 1, s) + sum(diff(f(t, q_alpha), q_alpha)*diff(q_alpha(t), t), alpha = 1, s) - diff(f(t, q_alpha), t) = H - diff(f(t, q_alpha), t)", false)]
    [InlineData(97, @"H = sum(p_beta*apply(diff(q_beta(t), t), q(t), p, t), beta = 1, s) - L(q(t), apply(diff(q(t), t), q(t), p, t), t)", false)]
    [InlineData(101, @"delta(S) = -int(sum(d(t)*delta(q_alpha)*(diff(H(q_alpha), q_alpha) + diff(p_alpha(t), t)), alpha = 1, s), t_1, t_2) ;; -int(sum(d(t)*delta(q_alpha)*(diff(H(q_alpha), q_alpha) + diff(p_alpha(t), t)), alpha = 1, s), t_1, t_2) = 0", false)]
    [InlineData(113, @"delta(S) = evaluated(sum(delta(q_alpha)*diff(Lambda(q_alpha', q_alpha), q_alpha'), alpha = 1, s + 1), tau_1, tau_2) + int(sum(d(tau)*delta(q_alpha)*(-Derivative(diff(Lambda(q_alpha', q_alpha), q_alpha'), tau) + diff(Lambda(q_alpha', q_alpha), q_alpha)), alpha = 1, s + 1), tau_1, tau_2)", false)]
    [InlineData(117, @"limits(Integral(delta(varLambda), tau), tau_1, tau_2) = 0", false)]
    [InlineData(121, @"tuple(delta(H) = 0, delta(t) != 0, delta(tau) = 0)", false)]
    [InlineData(129, @"Delta*W = Delta*int(sum(p_alpha*d(q_alpha), alpha = 1, s), q_1, q_2) ;; Delta*int(sum(p_alpha*d(q_alpha), alpha = 1, s), q_1, q_2) = 0", false)]
    [InlineData(133, @"Delta*W = limits(Integral(Derivative(sum(Delta*Derivative(L(q_alpha), diff(q_alpha(t), t))*q_alpha(t), alpha = 1, s), t) + sum(Delta*q_alpha(t)*(-Derivative(Derivative(L(q_alpha), diff(q_alpha(t), t)), t) + diff(L(q_alpha), q_alpha)), alpha = 1, s), t), t_1, t_2) ;; limits(Integral(Derivative(sum(Delta*Derivative(L(q_alpha), diff(q_alpha(t), t))*q_alpha(t), alpha = 1, s), t) + sum(Delta*q_alpha(t)*(-Derivative(Derivative(L(q_alpha), diff(q_alpha(t), t)), t) + diff(L(q_alpha), q_alpha)), alpha = 1, s), t), t_1, t_2) = evaluated(sum(Delta*Derivative(L(q_alpha), diff(q_alpha(t), t))*q_alpha(t), alpha = 1, s), t_1, t_2) + int(sum(Delta*d(t)*q_alpha(t)*(-Derivative(Derivative(L(q_alpha), diff(q_alpha(t), t)), t) + diff(L(q_alpha), q_alpha)), alpha = 1, s), t_1, t_2)", false)]
    [InlineData(137, @"L = T - V ;; T - V = T_2 - V ;; H = -L_0 + L_2 ;; -L_0 + L_2 = T_2 + V", false)]
    [InlineData(141, @"T = M*diff(s(t), t)^2/2", false)]
    [InlineData(145, @"tuple(f_j(y_1, y_2, cdots, y_n) = 0, j = 1, 2, cdots, m < n)", false)]
    [InlineData(149, @"sum(lambda_j*diff(f_j(y_i), y_i), j = 1, m) + diff(J(y_i), y_i) = 0 ;; f_j(y_1, y_2, cdots, y_n) = 0", false)]
    [InlineData(153, @"S*r(t) = limits(Integral(L(r(t), diff(r(t), t), t), t), t_1, t_2)", true)]
    [InlineData(157, @"F_i = Derivative(Derivative(U(r_i), diff(r_i(t), t)), t) - diff(U(r_i), r_i)", false)]
    [InlineData(161, @"W(r, t) = -sum(lambda_j*f_j(r, t), j = 1, k)", false)]
    public void A_reviewed_display_of_the_second_corpus_reads_as_expected(int display, string expected, bool warned)
    {
        var (text, warnings) = ReadDisplay(display);
        text.Should().Be(expected);
        if (warned) warnings.Should().BeGreaterThan(0, "a reading that could go either way is said");
    }

    // Once misread (a prime was d/dx there): the prime differentiates by the variable the display gives it — the variable a
    // name is applied to (q(τ)) or the variable of the integral around it (∫ … θ'^2 … dφ).
    [Theory]
    [InlineData(53, @"s = R*limits(Integral(sqrt(sin(theta(phi))^2 + diff(theta(phi), phi)^2), phi), phi_A, phi_B)")]
    [InlineData(109, @"S(q(tau), t(tau)) = limits(Integral(Lambda(q(tau), t(tau), diff(q(tau), tau), diff(t(tau), tau)), tau), tau_1, tau_2)")]
    [InlineData(125, @"delta(W(q(tau), t(tau))) = delta(int(sum(p_alpha*d(tau)*diff(q_alpha(tau), tau), alpha = 1, s), tau_1, tau_2)) ;; delta(int(sum(p_alpha*d(tau)*diff(q_alpha(tau), tau), alpha = 1, s), tau_1, tau_2)) = 0")]
    public void A_prime_differentiates_by_the_variable_the_display_gives_it(int display, string expected) => ReadDisplay(display).Text.Should().Be(expected);

    // A prime whose variable only the rest of the document gives (Λ(q, t; q', t') before the display that integrates over τ;
    // θ_1' for dθ/dξ at ξ_1): read as d/dx, the prime variable, and said — never silently.
    [Theory]
    [InlineData("zhang-classical-mechanics-ch3: ch3 display 105", @"\mathbf{q}' is read as a derivative by x (the prime variable)")]
    [InlineData("stellar-lane-emden: lane-emden display 20", @"\theta_{1}' is read as a derivative by x (the prime variable): nothing in this display says what \theta_1 depends on")]
    public void A_prime_whose_variable_the_display_does_not_give_is_read_by_the_prime_variable_and_said(string label, string warning)
    {
        var latex = SecondCorpusTests.Corpus2().Single(e => e.Label == label).Latex;
        LatexMath.ReadDisplay(latex).Warnings.Select(w => w.Message).Should().Contain(m => m.Contains(warning));
    }

    // The reviewed sample of the four later sources: displays 1, 10, 20, 30, … of each of their files (28 in all, not chosen
    // by outcome), each checked by hand against the source. 8 read right, 6 are refused with a position, 14 are read wrong.
    private static (string Text, int Warnings) ReadLabel(string label)
    {
        var latex = SecondCorpusTests.Corpus2().Single(e => e.Label == label).Latex;
        var reading = LatexMath.ReadDisplay(latex);
        var text = string.Join(" ;; ", reading.Equations.Select(e => (e.Label is null ? "" : $"({e.Label}) ") + TextPrinter.Print(e.Value)));
        return (text, reading.Warnings.Count);
    }

    [Theory]
    [InlineData("nelson-constrained: constrained display 1", @"S_L = limits(Integral(L(q(t), diff(q(t), t)), t), t_1, t_2)", false)]
    [InlineData("nelson-qft-scalar: scalar display 1", @"E = p^2/(2*m)", false)]
    [InlineData("nelson-qft-scalar: scalar display 20", @"k_0^2 - omega_vec:k^2 = (k_0 - omega_vec:k)*(k_0 + omega_vec:k)", false)]
    [InlineData("rivero-qft-ch6: qft6 display 1", @"eta_mu nu = diag(-1, 1, ldots, 1)", false)]
    [InlineData("stellar-convection: convection display 1", @"diff(P(r), r) = -(g*rho)", true)]
    [InlineData("stellar-equations: equations display 20", @"Y_e = sum(Z_i*n_i/(N_A*rho)) ;; sum(Z_i*n_i/(N_A*rho)) = sum(Y_i*Z_i) ;; sum(Y_i*Z_i) = bar:Z/bar:A", false)]
    [InlineData("stellar-lane-emden: lane-emden display 1", @"tuple(T*rho^(1 - gamma) = const, P/rho^gamma = const, P^((1 - gamma)/gamma)*T = const)", false)]
    [InlineData("stellar-lane-emden: lane-emden display 10", @"r_n = sqrt(P_c*(n + 1)/(G*rho^2_c))/(2*sqrt(pi))", false)]
    public void A_reviewed_display_of_the_later_sources_reads_as_expected(string label, string expected, bool warned)
    {
        var (text, warnings) = ReadLabel(label);
        text.Should().Be(expected);
        if (warned) warnings.Should().BeGreaterThan(0, "a reading that could go either way is said");
    }

    // Once refused (the reason after each row, "was:"), now read; each checked by hand against the source.
    [Theory]
    [InlineData("nelson-constrained: constrained display 20", @"delta(p_n)*(diff(H(p_n, q^n), p_n) - diff(q^n(t), t)) + delta(q^n(t))*(diff(H(p_n, q^n), q^n) + diff(L(q^n), q^n)) = 0", true)] // was: refused, ∂/∂q^n asked before the index was known
    [InlineData("nelson-qft-scalar: scalar display 10", @"S_KG*varphi(t, x, y, z) = int(-m^2*varphi(t, x, y, z)^2 + diff(varphi(t, x, y, z), t)^2 - diff(varphi(t, x, y, z), x)^2 - diff(varphi(t, x, y, z), y)^2 - diff(varphi(t, x, y, z), z)^2, x)/2", true)] // was: refused, \varphi not a declared field
    [InlineData("stellar-equations: equations display 30", @"(e.lagrange-rule-1) and(u*sub(partial(r, 1), t) + sub(partial(t, 1), r) = sub(partial(t, 1), m), equiv(sub(partial(t, 1), m), D/D(t))) ;; (e.lagrange-rule-2) sub(partial(r, 1), t) = 4*pi*r^2*rho*sub(partial(m, 1), t)", true)] // was: refused, \partial_{t} below the bar
    [InlineData("stellar-lane-emden: lane-emden display 30", @"c_star = T_c*diff(s(T_c, M), T_c)", false)] // was: refused, \star in a script
    public void A_reviewed_display_of_the_later_sources_once_refused_reads_as_expected(string label, string expected, bool warned)
    {
        var (text, warnings) = ReadLabel(label);
        text.Should().Be(expected);
        if (warned) warnings.Should().BeGreaterThan(0, "a reading that could go either way is said");
    }

    // Once misread (the reason after each row, "was:"), now read as a person reads them. Rows marked true take a reading that
    // could go either way (φ(x) without a declaration is the product φ·x) and say so.
    [Theory]
    [InlineData("nelson-constrained: constrained display 30", @"p_n = Derivative(L, diff(q^n(t), t))", false)] // was: refused, the index on \partial q^{n} read as a power
    [InlineData("stellar-convection: convection display 20", @"tilde:u(tilde:x, tilde:t)*diff(tilde:u(tilde:x, tilde:t), tilde:x) + diff(tilde:u(tilde:x, tilde:t), tilde:t) = nu*diff(tilde:u(tilde:x, tilde:t), tilde:x, 2)/(L*U) - c_s^2*diff(tilde:rho(tilde:x), tilde:x)/(U^2*tilde:rho(tilde:x))", true)] // was: refused, (\partial_t + u\cdot\partial_x) u, a sum of operators
    [InlineData("nelson-constrained: constrained display 10", @"g^m = limits(Integral(Derivative(G(t*y, x), y_m'), t), 0, 1)", true)] // was: ∂/∂y_{m'} G(ty, x) is read as 0 and \qedhere becomes a tuple element
    [InlineData("nelson-qft-scalar: scalar display 30", @"b*k' = int(exp(i*vec:k'*vec:x)*(-i*pi(vec:x, t) + omega_vec:k'*varphi(vec:x, t)), x)/exp(i*omega_vec:k'*t) ;; int(exp(i*vec:k'*vec:x)*(-i*pi(vec:x, t) + omega_vec:k'*varphi(vec:x, t)), x)/exp(i*omega_vec:k'*t) = int((-i*pi(vec:x, t) + omega_vec:k'*varphi(vec:x, t))/exp(i*k_mu'*x^mu), x)", true)] // was: k' (a second momentum) is read as dk/dx, b(k') as a product, the measure \mathrm{d}^{3}x as d³·x
    [InlineData("nelson-qft-scalar: scalar display 40", @"sim(delta^k(0), int(1, x, mathbb:R^k))", false)] // was: δ^k(0) is read as the product δ^k·0 = 0
    [InlineData("rivero-qft-ch6: qft6 display 10", @"tuple(phi*x = int(exp(i*k*x)*k*widetilde:phi/(2^D*pi^D), k), and(k*x = eta_mu nu*k^mu*x^nu, eta_mu nu*k^mu*x^nu = -k^0*x^0 + vec:k*vec:x))", true)] // was: the components k^0, x^0 are read as powers 0 (so -k^0x^0 becomes -1), \widetilde\phi(k) as k·φ̃, \mathrm{d}^Dk as d^D·k
    [InlineData("rivero-qft-ch6: qft6 display 20", @"L*t = int(mathcal:L, vec:x)", true)] // 𝓛 is not L; was: the measure \mathrm{d}^{D-1}\vec x is read as the product d^(D-1)·x
    [InlineData("rivero-qft-ch6: qft6 display 30", @"tuple(Derivative(H, Pi*vec:x) = Pi*vec:x, Derivative(H, phi(vec:x)) = m^2*phi(vec:x) - sum(Derivative(phi(vec:x), i, 2), i))", true)] // was: the functional derivative δH/δΠ(x) is read as a quotient, ∂_i²φ(x) as 0
    [InlineData("rivero-qft-ch6: qft6 display 40", @"tuple(and(commutator(b_vec:k, b_vec:q) = 0, 0 = commutator(adjoint(b_vec:k), adjoint(b_vec:q))), commutator(b_vec:k, adjoint(b_vec:q)) = 2^(D - 1)*pi^(D - 1)*delta^(D-1)(vec:k - vec:q))", true)] // was: a commutator [a,b] is read as a 2-tuple, δ^{(D-1)}(k−q) as a product
    [InlineData("rivero-qft-ch6: qft6 display 50", @"widehat:H_0 = int(2^(1 - D)*omega_vec:k*pi^(1 - D)*(2^(D - 1)*pi^(D - 1)*delta^(D-1)(0)/2 + b_vec:k*adjoint(b_vec:k)), vec:k)", false)] // was: b^\dagger_k b_k: the dagger is read as a power and the product as b^(dagger+1); the measure as d^(D-1)·k
    [InlineData("rivero-qft-ch6: qft6 display 60", @"commutator(widehat:phi*x, widehat:phi*y) = Delta*i*(x - y)", true)] // was: a commutator is read as a 2-tuple; Δ(x−y) by the warned product policy
    [InlineData("stellar-convection: convection display 10", @"delta(P)/P = Gamma_1*delta(rho)/rho", false)] // was: δP (a perturbation of P) is read as δ·P, so P and ρ cancel
    [InlineData("stellar-equations: equations display 1", @"div(u*rho(t)) + diff(rho(t), t) = 0", true)] // was: \nabla\cdot(\rho u) is a divergence, read as the product ∇·u·ρ
    [InlineData("stellar-equations: equations display 10", @"laplacian(Phi) = 4*G*pi*rho", false)] // was: \nabla^2\Phi is read as the product ∇²·Φ
    [InlineData("stellar-equations: equations display 40", @"diff(L_r(m), m) = -T*c_rho*(-D(log(rho))*(chi_T*(Gamma_3 - 1) + chi_rho)/D(t) + D(log(P))/D(t))/chi_T + q ;; (e.lagrange-heat-alt2) -T*c_rho*(-D(log(rho))*(chi_T*(Gamma_3 - 1) + chi_rho)/D(t) + D(log(P))/D(t))/chi_T + q = q - P*D(log(P/rho^Gamma_1))/(rho*D(t)*(Gamma_3 - 1))", true)] // was: \mathrm{D}/\mathrm{D}t (the Lagrangian derivative) is read as a quotient and D cancels; the eqnarray row &=& loses its left side
    public void A_reviewed_display_of_the_later_sources_once_misread_reads_as_a_person_reads_it(string label, string expected, bool warned)
    {
        var (text, warnings) = ReadLabel(label);
        text.Should().Be(expected);
        if (warned) warnings.Should().BeGreaterThan(0, "a reading that could go either way is said");
    }
}
