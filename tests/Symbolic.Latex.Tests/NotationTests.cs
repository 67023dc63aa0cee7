using Symbolic.Latex.Syntax;

namespace Symbolic.Latex.Tests;

/// <summary>Each notation of the LaTeX issue, pinned by the S-expression of its syntax tree
/// (format: <see cref="SExpression"/>).</summary>
public class NotationTests
{
    [Theory]
    // accents and primes
    [InlineData(@"\dot{x}", "(dot x)")]
    [InlineData(@"\ddot{x}", "(ddot x)")]
    [InlineData(@"\dot x^2", "(^ (dot x) 2)")]
    [InlineData(@"\dot{x}^2", "(^ (dot x) 2)")]
    [InlineData(@"y'", "(' y)")]
    [InlineData(@"y''", "('' y)")]
    [InlineData(@"y'^2", "(^' y 2)")]
    [InlineData(@"F''(a)", "(juxt ('' F) (group ( ) a))")]
    [InlineData(@"\ddot{\boldsymbol{x}}", "(ddot (boldsymbol x))")]
    [InlineData(@"\hat{\boldsymbol{e}}_{\mu}", "(_ (hat (boldsymbol e)) \\mu)")]
    // derivatives
    [InlineData(@"\frac{d}{dt}(\ldots)", @"(juxt (frac d (juxt d t)) (group ( ) \ldots))")]
    [InlineData(@"\frac{d^2 x}{dt^2}", "(frac (juxt (^ d 2) x) (juxt d (^ t 2)))")]
    [InlineData(@"\frac{d^2 x}{dt^t}", "(frac (juxt (^ d 2) x) (juxt d (^ t t)))")]
    [InlineData(@"\frac{\partial F}{\partial \dot{x}}", @"(frac (juxt \partial F) (juxt \partial (dot x)))")]
    [InlineData(@"\partial_\mu", @"(_ \partial \mu)")]
    [InlineData(@"\partial_\mu A^\mu", @"(juxt (_ \partial \mu) (^ A \mu))")]
    [InlineData(@"\nabla f", @"(juxt \nabla f)")]
    // differentials, products, application (kept as juxtaposition for the lowering)
    [InlineData(@"\int f(x)\mathrm{d}x", @"(\int (juxt f (group ( ) x) (mathrm d) x))")]
    [InlineData(@"\int f dx", @"(\int (juxt f d x))")]
    [InlineData(@"d\omega^{\mu}+\omega_{\nu}^{\mu}\land \omega^{\nu}=0", @"(= (+ (juxt d (^ \omega \mu)) (\land (_^ \omega \nu \mu) (^ \omega \nu))) 0)")]
    [InlineData(@"d \cdot 2", @"(\cdot d 2)")]
    [InlineData(@"x(y-z)", "(juxt x (group ( ) (- y z)))")]
    [InlineData(@"f(x)", "(juxt f (group ( ) x))")]
    [InlineData(@"a^{2}bc", "(juxt (^ a 2) b c)")]
    // named functions
    [InlineData(@"\sin x^2", @"(\sin (^ x 2))")]
    [InlineData(@"\sin^2\theta", @"((^ \sin 2) \theta)")]
    [InlineData(@"\sin\theta d\phi", @"(juxt (\sin \theta) d \phi)")]
    [InlineData(@"r\sin\theta\, d\phi", @"(juxt r (\sin \theta) d \phi)")]
    [InlineData(@"\sin 2x + 1", @"(+ (\sin (juxt 2 x)) 1)")]
    [InlineData(@"\sin x \cos y", @"(juxt (\sin x) (\cos y))")]
    [InlineData(@"\sin(x)^2", @"(^ (\sin (group ( ) x)) 2)")]
    [InlineData(@"\log \frac{p}{q} dzdx", @"(juxt (\log (frac p q)) d z d x)")]
    [InlineData(@"\max(a, b)", @"(\max (group ( ) (seq a , b)))")]
    [InlineData(@"\log(x)", @"(\log (group ( ) x))")]
    [InlineData(@"\exp\left(\boldsymbol{x}\boldsymbol{y}^{\top}\right)", @"(\exp (left ( ) (juxt (boldsymbol x) (^ (boldsymbol y) \top))))")]
    [InlineData(@"\det \exp A", @"(juxt \det (\exp A))")]
    [InlineData(@"\operatorname{softmax}(x)", @"(\operatorname{softmax} (group ( ) x))")]
    // fractions, roots, binomials
    [InlineData(@"\frac12", "(frac 1 2)")]
    [InlineData(@"\frac1{2}", "(frac 1 2)")]
    [InlineData(@"\dfrac{a}{b}", "(dfrac a b)")]
    [InlineData(@"\tfrac{a}{b}", "(tfrac a b)")]
    [InlineData(@"{a \over b}", "(over a b)")]
    [InlineData(@"\sqrt[3]{x}", "(root 3 x)")]
    [InlineData(@"\sqrt{x^2+y^2}", "(sqrt (+ (^ x 2) (^ y 2)))")]
    [InlineData(@"\binom{n}{k}", "(binom n k)")]
    [InlineData(@"{n \choose k}", "(binom n k)")]
    // delimiters
    [InlineData(@"\left( x \right)", "(left ( ) x)")]
    [InlineData(@"\left[ x \right]", "(left [ ] x)")]
    [InlineData(@"[0, 1)", "(group [ ) (seq 0 , 1))")]
    [InlineData(@"\langle a, b\rangle", @"(group \langle \rangle (seq a , b))")]
    [InlineData(@"|x|", "(group | | x)")]
    [InlineData(@"|x| + |y|", "(+ (group | | x) (group | | y))")]
    [InlineData(@"\Vert x \Vert", @"(group \Vert \Vert x)")]
    [InlineData(@"p(z|x)", "(juxt p (group ( ) (| z x)))")]
    [InlineData(@"KL(p\Vert q)", @"(juxt K L (group ( ) (\Vert p q)))")]
    [InlineData(@"\{a, b\}", @"(group \{ \} (seq a , b))")]
    // fonts
    [InlineData(@"\boldsymbol{x}", "(boldsymbol x)")]
    [InlineData(@"\boldsymbol x", "(boldsymbol x)")]
    [InlineData(@"\hat{x}", "(hat x)")]
    [InlineData(@"\mathscr{R}^\mu_\nu", @"(_^ (mathscr R) \nu \mu)")]
    [InlineData(@"\mathbb{R}", "(mathbb R)")]
    [InlineData(@"\mathrm{KL}", "(styled mathrm (juxt K L))")]
    [InlineData(@"{\rm d}x", "(juxt (group { } (mathrm d)) x)")]
    // operators and relations
    [InlineData(@"a \land b", @"(\land a b)")]
    [InlineData(@"a \wedge b", @"(\wedge a b)")]
    [InlineData(@"a \cdot b", @"(\cdot a b)")]
    [InlineData(@"a \times b", @"(\times a b)")]
    [InlineData(@"a \otimes b + c", @"(+ (\otimes a b) c)")]
    [InlineData(@"a/b", "(/ a b)")]
    [InlineData(@"a - b + c", "(+ (- a b) c)")]
    [InlineData(@"-x", "(- x)")]
    [InlineData(@"a \pm b", @"(\pm a b)")]
    [InlineData(@"a - -b", "(- a (- b))")]
    [InlineData(@"a \neq b", @"(\neq a b)")]
    [InlineData(@"a \leq b", @"(\leq a b)")]
    [InlineData(@"A \Leftrightarrow B", @"(\Leftrightarrow A B)")]
    [InlineData(@"a=b=c", "(rel a = b = c)")]
    [InlineData(@"0 < x \leq 1", @"(rel 0 < x \leq 1)")]
    [InlineData(@"x \not\in A", @"(\not\in x A)")]
    [InlineData(@"x\in\mathbb{R}^n", @"(\in x (^ (mathbb R) n))")]
    [InlineData(@"n!", "(! n)")]
    [InlineData(@"\frac{n!}{(n-k)!}", "(frac (! n) (! (group ( ) (- n k))))")]
    // big operators
    [InlineData(@"\int x dt", @"(\int (juxt x d t))")]
    [InlineData(@"\int_a^b f dx", @"((_^ \int a b) (juxt f d x))")]
    [InlineData(@"\iint f dz\,dx", @"(\iint (juxt f d z d x))")]
    [InlineData(@"\sum_{\beta<\gamma} \hat{R}\omega^\beta\land\omega^\gamma", @"((_ \sum (< \beta \gamma)) (\land (juxt (hat R) (^ \omega \beta)) (^ \omega \gamma)))")]
    [InlineData(@"\sum_{i=1}^n x_i + 1", @"(+ ((_^ \sum (= i 1) n) (_ x i)) 1)")]
    [InlineData(@"\sum\limits_{i=1}^n p_i", @"((_^ \sum\limits (= i 1) n) (_ p i))")]
    [InlineData(@"\sum_i \sum_j a_{ij}", @"((_ \sum i) ((_ \sum j) (_ a (juxt i j))))")]
    [InlineData(@"\lim_{K\to+\infty}\frac{1}{K}\log(y)", @"((_ \lim (\to K (+ \infty))) (juxt (frac 1 K) (\log (group ( ) y))))")]
    [InlineData(@"\max_i x_i", @"((_ \max i) (_ x i))")]
    [InlineData(@"\mathop{\text{argmin}}_{\theta} L(\theta)", @"((_ \mathop{argmin} \theta) (juxt L (group ( ) \theta)))")]
    [InlineData(@"\operatorname*{argmax}_x f", @"((_ \operatorname*{argmax} x) f)")]
    [InlineData(@"\prod_{k} a_k", @"((_ \prod k) (_ a k))")]
    [InlineData(@"\oint \omega", @"(\oint \omega)")]
    // scripts
    [InlineData(@"\omega^{\mu}_{\nu}", @"(_^ \omega \nu \mu)")]
    [InlineData(@"\omega_{\nu}^{\mu}", @"(_^ \omega \nu \mu)")]
    [InlineData(@"A_{CD}", "(_ A (juxt C D))")]
    [InlineData(@"e^{x}", "(^ e x)")]
    [InlineData(@"x^10", "(juxt (^ x 1) 0)")]
    [InlineData(@"\boldsymbol{y}^{\top}", @"(^ (boldsymbol y) \top)")]
    [InlineData(@"A^{\mu}_{;\beta}", @"(_^ A (seq {} ; \beta) \mu)")]
    [InlineData(@"h_{\nu}^{\nu'}", @"(_^ h \nu (' \nu))")]
    [InlineData(@"{}_a X", "(juxt (_ (group { } {}) a) X)")]
    [InlineData(@"z^*", "(^ z *)")]
    // spacing, text, lists, seeds
    [InlineData(@"a\,b\;c\:d\quad e\qquad f\ g~h\!i", "(juxt a b c d e f g h i)")]
    [InlineData(@"\text{if } x > 0", "(> (juxt (text \"if \") x) 0)")]
    [InlineData(@"\mathrm{d}x", "(juxt (mathrm d) x)")]
    [InlineData(@"x_1,x_2,\cdots,x_n", @"(seq (_ x 1) , (_ x 2) , \cdots , (_ x n))")]
    [InlineData(@"x = 1.", "(seq (= x 1) .)")]
    [InlineData(@"x = 1.5", "(= x 1.5)")]
    [InlineData(@"\mathbb{E}_{x\sim p(x)}[f(x)]", @"(juxt (_ (mathbb E) (\sim x (juxt p (group ( ) x)))) (group [ ] (juxt f (group ( ) x))))")]
    [InlineData(@"softmax(x)", "(juxt s o f t m a x (group ( ) x))")]
    [InlineData(@"\foo{a}{b}", @"(cmd \foo a b)")]
    [InlineData(@"\eqref{eq:a}", @"(cmd \eqref (: (juxt e q) a))")]
    [InlineData(@"\left\{ p \left|\, p>0 \right.\right\}", @"(left \{ \} (juxt p (left | . (> p 0))))")]
    public void Notation_reads_as_the_expected_syntax_tree(string latex, string expected) =>
        Sx.Of(latex).Should().Be(expected, latex);

    [Fact]
    public void Sub_and_superscripts_written_in_either_order_give_the_same_node()
    {
        var a = LatexReader.ParseExpression(@"\omega^{\mu}_{\nu}");
        var b = LatexReader.ParseExpression(@"\omega_{\nu}^{\mu}");
        a.StructurallyEquals(b).Should().BeTrue();
        var s = a.Should().BeOfType<Scripted>().Subject;
        s.Base.Should().BeOfType<Symbol>().Which.Name.Should().Be("omega");
        s.Subscript.Should().BeOfType<Symbol>().Which.Text.Should().Be(@"\nu");
    }

    [Fact]
    public void A_run_of_letters_is_one_symbol_per_letter_marked_as_joined()
    {
        var j = LatexReader.ParseExpression("softmax x").Should().BeOfType<Juxtaposition>().Subject;
        var letters = j.Factors.Cast<Symbol>().ToList();
        string.Concat(letters.Select(l => l.Name)).Should().Be("softmaxx");
        letters.Select(l => l.JoinedToPrevious).Should().Equal(false, true, true, true, true, true, true, false);
    }

    [Fact]
    public void Symbols_keep_their_command_font_and_accents()
    {
        var s = LatexReader.ParseExpression(@"\dot{\hat{\boldsymbol{\theta}}}").Should().BeOfType<Symbol>().Subject;
        s.Name.Should().Be("theta");
        s.Text.Should().Be(@"\theta");
        s.IsCommand.Should().BeTrue();
        s.Font.Should().Be("boldsymbol");
        s.Accents.Should().Equal("hat", "dot");
    }
}
