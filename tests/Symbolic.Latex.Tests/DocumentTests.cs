using Symbolic.Latex.Syntax;

namespace Symbolic.Latex.Tests;

/// <summary>Equations, rows, cells, tags and labels.</summary>
public class DocumentTests
{
    [Fact]
    public void A_tag_is_kept_as_the_equations_label()
    {
        var doc = LatexReader.Parse(@"x = 1 \tag{3}");
        doc.Equations.Should().ContainSingle().Which.Tag.Should().Be("3");
        doc.ToString().Should().Be("(doc (row (= x 1) :tag 3))");
    }

    [Fact]
    public void Label_and_nonumber_are_kept_and_equation_environment_is_unwrapped()
    {
        var doc = LatexReader.Parse(@"\begin{equation}a=b\label{eq:std}\end{equation}");
        doc.ToString().Should().Be("(doc (row (= a b) :label eq:std))");
        LatexReader.Parse(@"a=b \nonumber").Equations[0].NoNumber.Should().BeTrue();
    }

    [Fact]
    public void Top_level_rows_split_at_double_backslash_and_cells_at_ampersand()
    {
        var doc = LatexReader.Parse(@"a &= b \\ &= c \tag{2}");
        doc.ToString().Should().Be("(doc (row a (= {} b)) (row {} (= {} c) :tag 2))");
        doc.Equations[0].Body!.ToString().Should().Be("(= a b)");
        doc.Equations[1].Body!.ToString().Should().Be("(= {} c)");
    }

    [Fact]
    public void An_align_environment_gives_one_equation_per_row_with_its_own_tag()
    {
        var doc = LatexReader.Parse(@"\begin{align} x &= 1 \tag{1}\\ y &= 2 \nonumber \end{align}");
        doc.Equations.Select(e => e.Body!.ToString()).Should().Equal("(= x 1)", "(= y 2)");
        doc.Equations[0].Tag.Should().Be("1");
        doc.Equations[1].NoNumber.Should().BeTrue();
    }

    [Fact]
    public void A_system_in_left_brace_aligned_is_one_tagged_equation_whose_lines_are_the_rows()
    {
        var doc = LatexReader.Parse(@"\left\{\begin{aligned}&\ddot{r}=r\dot{\theta}^2\\&\frac{d}{dt}\left(r^2\dot{\theta}\right)=0\end{aligned}\right.\tag{4}");
        doc.Equations.Should().ContainSingle().Which.Tag.Should().Be("4");
        var body = doc.Equations[0].Body.Should().BeOfType<Group>().Subject;
        (body.Open, body.Close, body.Sized).Should().Be((@"\{", ".", true));
        var lines = doc.Lines().ToList();
        lines.Select(l => l.Body!.ToString()).Should().Equal(
            @"(= (ddot r) (juxt r (^ (dot \theta) 2)))",
            @"(= (juxt (frac d (juxt d t)) (left ( ) (juxt (^ r 2) (dot \theta)))) 0)");
    }

    [Fact]
    public void Alignment_rows_that_continue_a_formula_read_as_one_formula()
    {
        var doc = LatexReader.Parse(@"\begin{aligned}\mathscr{R} = &d A\\ &+ B \land C \end{aligned}");
        var env = doc.Equations[0].Body.Should().BeOfType<LatexEnvironment>().Subject;
        env.IsAlignment.Should().BeTrue();
        env.Rows[0].Body!.ToString().Should().Be("(= (mathscr R) (juxt d A))");
        env.Rows[1].Body!.ToString().Should().Be(@"(+ (\land B C))");
    }

    [Fact]
    public void Matrix_rows_keep_their_cells_as_separate_entries()
    {
        Sx.Of(@"\begin{pmatrix}1&0\\0&\sin\theta\end{pmatrix}").Should().Be(@"(env pmatrix (row 1 0) (row 0 (\sin \theta)))");
        var env = (LatexEnvironment)LatexReader.ParseExpression(@"\begin{bmatrix}a&b\\c&d\\\end{bmatrix}");
        env.Rows.Should().HaveCount(2, "a final \\\\ does not make an empty row");
        env.Rows[0].Body.Should().BeNull();
    }

    [Fact]
    public void Array_keeps_its_column_specification_and_cases_its_cells()
    {
        Sx.Of(@"\left(\begin{array}{c:c}E & F\\ \hdashline G&H\end{array}\right)")
            .Should().Be("(left ( ) (env array {c:c} (row E F) (row G H)))");
        Sx.Of(@"f(x)=\begin{cases} 1, & x>0 \\ 0, & \text{otherwise} \end{cases}")
            .Should().Be("(= (juxt f (group ( ) x)) (env cases (row (seq 1 ,) (> x 0)) (row (seq 0 ,) (text \"otherwise\"))))");
    }
}
