using System.Text.Json;

namespace Symbolic.Cli.Tests;

[Collection("Console")]
public sealed class ProgramTests
{
    [Fact]
    public void Eval_prints_the_simplified_LaTeX_and_exits_0()
    {
        var r = Cli.Run("eval", @"\frac{x^2-1}{x-1}");
        r.ExitCode.Should().Be(0);
        r.Out.Should().Be("x + 1\n");
        r.Err.Should().BeEmpty();
    }

    [Fact]
    public void Parse_prints_what_was_read_without_simplifying()
    {
        var r = Cli.Run("parse", @"\frac{x^2-1}{x-1}");
        r.ExitCode.Should().Be(0);
        r.Out.Should().NotBe("x + 1\n");
        r.Out.Should().Contain(@"\frac");
    }

    [Theory]
    [InlineData("text", "x/2\n")]
    [InlineData("sympy", "x/2\n")]
    [InlineData("latex", "\\frac{1}{2} x\n")]
    public void Eval_prints_in_the_chosen_format(string format, string expected) =>
        Cli.Run("eval", "--format", format, @"\frac{x}{2}").Out.Should().Be(expected);

    [Fact]
    public void Each_line_of_a_display_is_one_result_with_its_tag()
    {
        var r = Cli.Run("eval", "-f", "text", @"x = \frac{2}{4} \tag{1} \\ y = 2 \tag{2}");
        r.Out.Should().Be("(1) x = 1/2\n(2) y = 2\n");
    }

    [Fact]
    public void Eval_json_has_results_with_label_latex_text_sympy_and_steps_with_rule_and_latex()
    {
        var r = Cli.Run("eval", "--format", "json", @"\sin^2\theta + \cos^2\theta = y \tag{7}");
        r.ExitCode.Should().Be(0);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("results", "steps", "warnings");
        root.GetProperty("warnings").GetArrayLength().Should().Be(0, "nothing in this display could be read two ways");
        var result = root.GetProperty("results").EnumerateArray().Single();
        result.EnumerateObject().Select(p => p.Name).Should().Equal("label", "latex", "text", "sympy", "verified");
        result.GetProperty("verified").GetBoolean().Should().BeTrue();
        result.GetProperty("label").GetString().Should().Be("7");
        result.GetProperty("latex").GetString().Should().Be("1 = y");
        result.GetProperty("text").GetString().Should().Be("1 = y");
        result.GetProperty("sympy").GetString().Should().Be("Eq(1, y)");
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("rule").GetString()).Should().Equal("read", "simplify");
        steps.Should().OnlyContain(s => s.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "rule", "latex" }));
        steps[1].GetProperty("latex").GetString().Should().Be("1 = y");
    }

    [Fact]
    public void With_json_a_failure_is_a_json_document_with_the_kind_message_and_position()
    {
        var r = Cli.Run("eval", "--format", "json", @"\frac{a}{b");
        r.ExitCode.Should().Be(1);
        r.Err.Should().StartWith("line 1, column 11: expected '}'", "the message for a person stays on stderr");
        using var doc = JsonDocument.Parse(r.Out);
        var e = doc.RootElement.GetProperty("error");
        e.GetProperty("kind").GetString().Should().Be("math");
        e.GetProperty("message").GetString().Should().StartWith("expected '}' to close \\frac{...}{ opened at column 9");
        (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32()).Should().Be((1, 11));
        var notFound = Cli.Run("integrate", "--format", "json", "e^{x^2}");
        notFound.ExitCode.Should().Be(1);
        using var doc2 = JsonDocument.Parse(notFound.Out);
        doc2.RootElement.GetProperty("error").GetProperty("message").GetString().Should().Contain("not found");
        doc2.RootElement.GetProperty("error").TryGetProperty("line", out _).Should().BeFalse("a refusal of the mathematics has no position");
    }

    [Fact]
    public void Json_label_is_null_without_a_tag()
    {
        using var doc = JsonDocument.Parse(Cli.Run("parse", "--format", "json", "x").Out);
        doc.RootElement.GetProperty("results")[0].GetProperty("label").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void A_parse_error_exits_1_with_the_caret_on_stderr()
    {
        var r = Cli.Run("eval", @"\frac{a}{b");
        r.ExitCode.Should().Be(1);
        r.Out.Should().BeEmpty();
        r.Err.Should().Be("line 1, column 11: expected '}' to close \\frac{...}{ opened at column 9, found the end of the formula\n  \\frac{a}{b\n            ^\n");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("eval")]
    [InlineData("eval", "--format", "html", "x")]
    [InlineData("eval", "x", "--nonsense")]
    [InlineData("run")]
    public void Bad_usage_exits_2_with_a_message_on_stderr(params string[] args)
    {
        var r = Cli.Run(args);
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("symbolic --help");
    }

    [Fact]
    public void Run_of_a_missing_file_is_bad_usage()
    {
        var r = Cli.Run("run", Path.Combine(Repo.Root, "no-such-file.sym"));
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("cannot read");
    }

    [Fact]
    public void Help_exits_0() => Cli.Run("--help").ExitCode.Should().Be(0);

    [Fact]
    public void Run_prints_the_transcript_and_exits_0()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symbolic-{Guid.NewGuid():N}.sym");
        File.WriteAllLines(path, ["% a comment", "", "x + x", ":format text", "x/2 + x/2"]);
        try
        {
            var r = Cli.Run("run", path);
            r.ExitCode.Should().Be(0);
            r.Out.Should().Be("> x + x\n2 x\n> :format text\nformat: text\n> x/2 + x/2\nx\n");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Run_reports_FILE_LINE_with_the_caret_and_exits_1_on_the_first_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symbolic-{Guid.NewGuid():N}.sym");
        File.WriteAllLines(path, ["x + x", "% comment", @"\begin{aligned}", @"x &= 1 \\", @"y &= x + )", @"\end{aligned}", "never reached"]);
        try
        {
            var r = Cli.Run("run", path);
            r.ExitCode.Should().Be(1);
            r.Out.Should().NotContain("never reached");
            var lines = r.Err.Split('\n');
            lines[0].Should().StartWith($"{path}:5:");
            lines[1].Should().Be(@"  y &= x + )");
            lines[2].Trim().Should().Be("^");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Run_reports_a_math_error_with_FILE_LINE_COL_and_a_caret_under_the_input()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symbolic-{Guid.NewGuid():N}.sym");
        File.WriteAllLines(path, ["x", "  :diff x", @"\frac{1}{0}"]);
        try
        {
            var r = Cli.Run("run", path);
            r.ExitCode.Should().Be(1);
            r.Err.Should().StartWith($"{path}:2:3: usage: :diff");
            r.Err.Split('\n').Should().ContainInOrder("    :diff x", "    ^");
        }
        finally { File.Delete(path); }
    }
}

public sealed class PipedReplTests
{
    [Fact]
    public void Piped_input_is_read_line_by_line_without_prompts_and_errors_go_to_stderr()
    {
        var input = new StringReader("L := x^2\n:diff L, x\n\\frac{1}{)}\n\\begin{aligned}\na &= 2 - 1\n\\end{aligned}\n:quit\nnot reached\n");
        var (o, e) = (new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" });
        var code = ConsoleRepl.Run(input, o, e, interactive: false);
        o.ToString().Should().Be("L := x^{2}\n2 x\na = 1\n");
        e.ToString().Should().StartWith("line 1, column 10: expected the denominator");
        code.Should().Be(1, "a piped line failed");
    }

    [Fact]
    public void Piped_input_ends_with_end_of_input_and_exit_code_0_when_all_lines_succeed()
    {
        var (o, e) = (new StringWriter { NewLine = "\n" }, new StringWriter());
        ConsoleRepl.Run(new StringReader("1 + 1\n"), o, e, interactive: false).Should().Be(0);
        o.ToString().Should().Be("2\n");
    }
}

[Collection("Console")]
public sealed class OneShotOptionTests
{
    [Fact]
    public void Assume_on_the_command_line_sets_the_sign_of_a_name()
    {
        Cli.Run("eval", @"\sqrt{r^2}").Out.Should().Be("\\sqrt{r^{2}}\n");
        Cli.Run("eval", "--assume", "r>0", @"\sqrt{r^2}").Out.Should().Be("r\n");
        Cli.Run("eval", "--assume", "r>0, s > 0", @"\sqrt{r^2 s^2}").Out.Should().Be("r s\n");
    }

    [Fact]
    public void Not_equal_typed_as_in_a_shell_is_an_assumption_as_the_readme_lists_it()
    {
        var r = Cli.Run("eval", "--assume", "x != 0", @"\frac{x}{x}");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Should().Be("1\n");
        Cli.Run("eval", "--assume", "x>=0", @"|x|").Out.Should().Be("x\n");
    }

    [Fact]
    public void A_bad_assumption_is_bad_usage()
    {
        var r = Cli.Run("eval", "--assume", "r < 0", "r");
        r.ExitCode.Should().Be(2);
        r.Err.Should().Contain("only > 0");
    }

    [Fact]
    public void The_time_option_names_the_variable_of_dotted_letters()
    {
        Cli.Run("eval", "--time", "s", "-f", "text", @"\dot{q}").Out.Should().Be("diff(q(s), s)\n");
        Cli.Run("eval", "--time", "s", @"\dot{q}").Out.Should().Be("\\dot{q}\n");
    }

    [Fact]
    public void A_module_command_made_with_Create_gets_its_own_options()
    {
        var coords = new System.CommandLine.Option<string>("--coords");
        var root = Program.BuildRootCommand();
        root.Add(Commands.OneShotCommands.Create("echo-coords", "test", input =>
            new Commands.OneShotResult([new Symbolic.Latex.LoweredEquation(null, Core.Symbol.Of(input.Parsed.GetValue(coords) ?? "none"))], new Core.Derivation()), coords));
        var o = new StringWriter();
        var code = root.Parse(["echo-coords", "x", "--coords", "q", "-f", "text"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = o, Error = new StringWriter() });
        code.Should().Be(0);
        o.ToString().Trim().Should().Be("q");
    }

    [Fact]
    public void Eval_reports_a_reading_decision_as_a_positioned_warning_on_stderr_and_in_json()
    {
        var r = Cli.Run("eval", "x^10");
        r.ExitCode.Should().Be(0);
        r.Out.Trim().Should().Be("0");
        r.Err.Should().Contain("warning: line 1, column 1: x^10 reads as x^1·0").And.Contain("write ^{10}").And.Contain("  x^10\n  ^");
        var j = Cli.Run("eval", "--format", "json", "x^10");
        using var doc = JsonDocument.Parse(j.Out);
        var w = doc.RootElement.GetProperty("warnings").EnumerateArray().Single();
        w.GetProperty("line").GetInt32().Should().Be(1);
        w.GetProperty("column").GetInt32().Should().Be(1);
        w.GetProperty("message").GetString().Should().StartWith("x^10 reads as x^1·0");
    }

    [Fact]
    public void Eval_of_empty_input_says_there_is_nothing_to_read()
    {
        var r = Cli.Run("eval", "  ");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("there is nothing to read");
    }

    [Fact]
    public void A_simplification_refusal_carries_the_position_of_its_equation()
    {
        var r = Cli.Run("eval", @"a = b \\ x + (a = b)");
        r.ExitCode.Should().Be(1);
        r.Err.Should().Contain("line 1, column 10: an equation has no rational normal form").And.Contain("\n           ^");
    }
}
