using Symbolic.Cli.Commands;
using Symbolic.Core;

namespace Symbolic.Cli.Tests;

public sealed class SessionTests
{
    private readonly Session _s = new();

    [Theory]
    [InlineData(@"\sin^2\theta + \cos^2\theta", "1")]
    [InlineData(@"\frac{x^2 - 1}{x - 1}", "x + 1")]
    [InlineData(@"\frac12 m\dot{x}^2", @"\frac{1}{2} m \dot{x}^{2}")]
    [InlineData(@"x = 1 \tag{2}", @"x = 1 \tag{2}")]
    public void A_bare_LaTeX_line_is_read_simplified_and_printed(string input, string expected) =>
        _s.Out(input).Should().Be(expected);

    [Fact]
    public void Simplify_gives_the_same_as_a_bare_line() =>
        _s.Out(@":simplify \frac{x^2 - 1}{x - 1}").Should().Be("x + 1");

    [Fact]
    public void Expand_multiplies_out_a_power_of_a_sum() =>
        _s.Out(":format text", ":expand (a + b)^2").Should().Be("a^2 + 2*a*b + b^2");

    [Fact]
    public void Together_puts_a_sum_of_fractions_over_one_denominator()
    {
        _s.Out(":format text");
        var r = _s.Out(@":together \frac{1}{x} + \frac{1}{y}");
        r.Should().Be("(x + y)/(x*y)");
    }

    [Fact]
    public void Subs_replaces_each_left_side_and_simplifies() =>
        _s.Out(@":subs x^2 + y^2, x = r\cos\theta, y = r\sin\theta").Should().Be("r^{2}");

    [Fact]
    public void Subs_is_simultaneous_so_two_rules_can_swap_letters() =>
        _s.Out(":format text", ":subs x - 2y, x = y, y = x").Should().Be("-2*x + y");

    [Fact]
    public void Subs_with_commas_inside_parentheses_does_not_split_them() =>
        _s.Out(@":subs \left(a + b\right)^2, a = \frac{1}{2}, b = \frac{1}{2}").Should().Be("1");

    [Theory]
    [InlineData(":subs x^2")]
    [InlineData(":subs x^2, x")]
    [InlineData(":subs x^2, , x = 1")]
    public void Subs_without_a_rule_is_a_usage_error(string line)
    {
        var r = _s.Execute(line, CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("LHS = RHS");
    }

    [Theory]
    [InlineData(@":diff x^3, x", "3 x^{2}")]
    [InlineData(@":diff x^3, x^2", "6 x")]
    [InlineData(@":diff x^2 y^2, x, y", "4 x y")]
    [InlineData(@":diff \frac12 m\dot{x}^2 - \frac12 k x^2, \dot{x}", @"m \dot{x}")]
    [InlineData(@":diff \frac12 m\dot{x}^2 - \frac12 k x^2, t", @"-k x \dot{x} + m \dot{x} \ddot{x}")]
    public void Diff_differentiates_by_letters_powers_of_letters_and_velocities(string line, string expected) =>
        _s.Out(line).Should().Be(expected);

    [Fact]
    public void Diff_needs_a_variable() =>
        _s.Execute(":diff x^2", CancellationToken.None).Output.Should().Contain("usage: :diff");

    [Fact]
    public void Format_switches_between_latex_text_and_sympy()
    {
        _s.Out(":format text").Should().Be("format: text");
        _s.Out(@"\frac{x}{2}").Should().Be("x/2");
        _s.Out(":format sympy").Should().Be("format: sympy");
        _s.Out(@"\frac{x}{2} = y").Should().Be("Eq(x/2, y)");
        _s.Out(":format latex");
        _s.Out(@"\frac{x}{2}").Should().Be(@"\frac{1}{2} x");
        _s.Out(":format").Should().Be("format: latex");
    }

    [Fact]
    public void An_unknown_format_is_an_error_and_keeps_the_old_one()
    {
        var r = _s.Execute(":format html", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("unknown format");
        _s.Format.Should().Be(OutputFormat.Latex);
    }

    [Fact]
    public void Assume_positive_lets_the_square_root_of_a_square_simplify()
    {
        _s.Out(@"\sqrt{r^2}").Should().Be(@"\sqrt{r^{2}}");
        _s.Out(":assume r > 0").Should().Be("assuming r: Positive");
        _s.Out(@"\sqrt{r^2}").Should().Be("r");
    }

    [Fact]
    public void A_definition_stored_before_an_assumption_simplifies_with_it_for_a_symbol_and_for_a_function()
    {
        _s.Out(@"A := \sqrt{x^2}");
        _s.Out(":function r(t)");
        _s.Out(@"B := \sqrt{r^2}");
        _s.Out(":assume x > 0");
        _s.Out(":assume r > 0");
        _s.Out("A").Should().Be("x");
        _s.Out("B").Should().Be("r");
        _s.Out(@"B - \sqrt{r^2}").Should().Be("0", "the stored r(t) and a newly read r(t) are the same function under the assumption");
    }

    [Theory]
    [InlineData(@":assume x \geq 0", "x", Assumptions.Nonnegative)]
    [InlineData(@":assume x \neq 0", "x", Assumptions.Nonzero)]
    [InlineData(":assume x != 0", "x", Assumptions.Nonzero)]
    [InlineData(":assume x >= 0", "x", Assumptions.Nonnegative)]
    [InlineData(@":assume x \in \mathbb{R}", "x", Assumptions.Real)]
    [InlineData(@":assume n \in \mathbb{Z}", "n", Assumptions.Integer)]
    public void Assume_reads_signs_and_sets(string line, string name, Assumptions expected)
    {
        _s.Out(line);
        _s.Context.Assumptions[name].Should().Be(expected);
    }

    [Theory]
    [InlineData(":assume r < 0")]
    [InlineData(":assume r > 1")]
    [InlineData(@":assume r \in \mathbb{Q}")]
    public void Assume_refuses_what_it_cannot_record(string line) =>
        _s.Execute(line, CancellationToken.None).IsError.Should().BeTrue();

    [Fact]
    public void Assume_names_the_set_it_cannot_record() =>
        _s.Execute(@":assume r \in \mathbb{Q}", CancellationToken.None).Output.Should().Be(@"unknown set \mathbb{Q}: use R or Z");

    [Theory]
    [InlineData(@":function \Phi(r), \Lambda(r)", @"functions: \Phi(r), \Lambda(r)")]
    [InlineData(@":function u( x ,y )", @"functions: u(x ,y)")]
    [InlineData(@":function V", @"usage: :function \Phi(r)[, \Lambda(r) …]")]
    [InlineData(@":function f()", @"f: give its variables, e.g. \Phi(r)")]
    [InlineData(@":function f(x^2)", @"x^2 is not a name")]
    public void Function_declarations_are_read_by_the_reader(string line, string output) =>
        _s.Execute(line, CancellationToken.None).Output.Should().Be(output);

    [Fact]
    public void Assume_applies_to_a_name_defined_before_it()
    {
        _s.Out(@"s := \sqrt{r^2}");
        _s.Out(":assume r > 0");
        _s.Out("s").Should().Be("r");
    }

    [Fact]
    public void An_assignment_names_a_value_that_later_lines_use()
    {
        _s.Out(@"L := \frac12 m\dot{x}^2 - V").Should().Be(@"L := \frac{1}{2} m \dot{x}^{2} - V");
        _s.Out(@":diff L, \dot{x}").Should().Be(@"m \dot{x}");
        _s.Out(@"2L + 2V").Should().Be(@"m \dot{x}^{2}");
        _s.Out(":defs").Should().Be(@"L := \frac{1}{2} m \dot{x}^{2} - V");
    }

    [Fact]
    public void A_reassignment_may_use_the_old_value()
    {
        _s.Out("a := x + 1");
        _s.Out(":format text", "a := 2a").Should().Be("a := 2*x + 2");
    }

    [Fact]
    public void Only_a_name_can_be_assigned()
    {
        var r = _s.Execute("x + y := 3", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("must be a name");
    }

    [Fact]
    public void A_bad_line_prints_the_caret_error_and_the_session_goes_on()
    {
        var r = _s.Execute(@"\frac{1}{)}", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.ParseError.Should().NotBeNull();
        r.Output.Should().Be(r.ParseError!.Render());
        r.Output.Split('\n').Should().Equal(
            "line 1, column 10: expected the denominator of \\frac, found ')'",
            @"  \frac{1}{)}",
            "           ^");
        _s.Out("1 + 1").Should().Be("2");
    }

    [Fact]
    public void A_bad_argument_of_a_command_shows_the_caret_under_the_argument()
    {
        var r = _s.Execute(@":simplify x + \frac{1}{", CancellationToken.None);
        r.IsError.Should().BeFalse("the brace is open, so the input continues");
        r.NeedsMoreInput.Should().BeTrue();
        r = _s.Execute("", CancellationToken.None);
        r.IsError.Should().BeTrue("an empty line ends the unclosed input with the error");
        r.Output.Should().Contain("this brace is never closed").And.EndWith("^");
        r.ParseError!.Column.Should().Be(23, "the caret is under the { that never closes");
        _s.HasPendingInput.Should().BeFalse();
        r = _s.Execute(@":simplify x + )", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("^");
    }

    [Fact]
    public void An_open_environment_continues_on_the_next_lines()
    {
        _s.Execute(@"\begin{aligned}", CancellationToken.None).NeedsMoreInput.Should().BeTrue();
        _s.Execute(@"x &= \frac{2}{4} \\", CancellationToken.None).NeedsMoreInput.Should().BeTrue();
        _s.HasPendingInput.Should().BeTrue();
        _s.Execute(@"y &= (a + b) - a", CancellationToken.None).NeedsMoreInput.Should().BeTrue();
        var r = _s.Execute(@"\end{aligned}", CancellationToken.None);
        r.NeedsMoreInput.Should().BeFalse();
        r.Output.Should().Be("x = \\frac{1}{2}\ny = b");
        _s.HasPendingInput.Should().BeFalse();
    }

    [Fact]
    public void An_open_brace_continues_on_the_next_line()
    {
        _s.Execute(@"\frac{x^2 - 1}{", CancellationToken.None).NeedsMoreInput.Should().BeTrue();
        _s.Out("x - 1}").Should().Be("x + 1");
    }

    [Fact]
    public void A_percent_starts_a_comment_but_an_escaped_one_does_not_end_the_line() =>
        _s.Out(@"x + x % twice x").Should().Be("2 x");

    [Fact]
    public void A_cancelled_computation_reports_cancelled_and_the_session_stays_usable()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var r = _s.Execute(@":expand (a + b + c)^{40}", cts.Token);
        r.IsError.Should().BeTrue();
        r.Output.Should().Be("cancelled");
        _s.Out("1 + 1").Should().Be("2");
    }

    [Fact]
    public void A_computation_over_the_size_budget_stops_with_a_message()
    {
        _s.MaxTerms = 100;
        var r = _s.Execute(@":expand (a + b + c + d)^{12}", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("size budget");
    }

    [Fact]
    public void Help_lists_every_command_and_explains_one()
    {
        var all = _s.Out(":help");
        foreach (var c in _s.Commands.All) all.Should().Contain(c.Usage);
        var diff = _s.Out(":help diff");
        diff.Should().StartWith(":diff EXPR, VAR");
        diff.Should().Contain(@"\dot{x}");
        _s.Out(":help :subs").Should().Contain("simultaneously");
    }

    [Fact]
    public void Quit_ends_the_session()
    {
        var r = _s.Execute(":quit", CancellationToken.None);
        r.Quit.Should().BeTrue();
        _s.Execute(":q", CancellationToken.None).Quit.Should().BeTrue();
    }

    [Fact]
    public void An_unknown_command_is_an_error_that_points_to_help()
    {
        var r = _s.Execute(":frobnicate x", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain(":help");
    }

    [Fact]
    public void Blank_lines_do_nothing() => _s.Out("   ").Should().BeEmpty();

    [Fact]
    public void A_module_adds_a_command_to_the_table_and_the_session_runs_it()
    {
        var table = CommandTable.CreateDefault();
        table.Add(new ReplCommand("double", ":double EXPR", "twice the expression", call => call.Result(2 * call.Read(call.Arguments))));
        var s = new Session(table);
        s.Out(":double x + 1").Should().Be("2 x + 2");
        s.Out(":help").Should().Contain(":double EXPR");
        s.LastSteps.Select(st => st.Rule).Should().Equal("double");
    }

    [Fact]
    public void A_command_name_cannot_be_registered_twice()
    {
        var table = CommandTable.CreateDefault();
        var act = () => table.Add(new ReplCommand("q", ":q", "again", _ => new CommandOutput("")));
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void The_steps_of_the_last_computation_are_kept()
    {
        _s.Out(@":subs x^2, x = a + b");
        _s.LastSteps.Select(st => st.Rule).Should().Equal("read", "subs", "simplify");
    }
}
