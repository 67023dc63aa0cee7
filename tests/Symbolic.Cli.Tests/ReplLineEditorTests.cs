namespace Symbolic.Cli.Tests;

/// <summary>The line editor driven by scripted keys, as a person types at the terminal.</summary>
public sealed class ReplLineEditorTests
{
    private static ConsoleKeyInfo Key(ConsoleKey key, char c = '\0', bool ctrl = false) => new(c, key, false, false, ctrl);
    private static ConsoleKeyInfo Ctrl(ConsoleKey key) => Key(key, '\0', ctrl: true);
    private static IEnumerable<ConsoleKeyInfo> Type(string text) => text.Select(c => Key(c == ' ' ? ConsoleKey.Spacebar : ConsoleKey.A, c));
    private static readonly ConsoleKeyInfo Enter = Key(ConsoleKey.Enter, '\r');
    private static readonly ConsoleKeyInfo Tab = Key(ConsoleKey.Tab, '\t');

    private static (ReplLineEditor Editor, StringWriter Screen) Editor(IEnumerable<ConsoleKeyInfo> keys, Func<string, int, IReadOnlyList<string>>? complete = null, params string[] history)
    {
        var queue = new Queue<ConsoleKeyInfo>(keys);
        var screen = new StringWriter();
        var editor = new ReplLineEditor(() => queue.Count > 0 ? queue.Dequeue() : null, screen, () => 40, complete ?? ((_, _) => []));
        editor.History.AddRange(history);
        return (editor, screen);
    }

    [Fact]
    public void Typed_text_with_cursor_edits_comes_back_on_Enter_and_joins_the_history()
    {
        var keys = Type("x+y").Concat([Key(ConsoleKey.LeftArrow), Key(ConsoleKey.LeftArrow), Key(ConsoleKey.Backspace, '\b')]).Concat(Type("2*")).Concat([Key(ConsoleKey.End), Enter]);
        var (editor, _) = Editor(keys);
        editor.ReadLine("> ").Should().Be("2*+y");
        editor.History.Should().Equal("2*+y");
    }

    [Fact]
    public void Up_and_Down_walk_the_history_and_Down_past_the_newest_restores_the_draft()
    {
        var keys = Type("dr").Concat([Key(ConsoleKey.UpArrow), Key(ConsoleKey.UpArrow), Enter,
            Key(ConsoleKey.UpArrow), Key(ConsoleKey.DownArrow), Enter]).Concat(Type("a")).Concat([Key(ConsoleKey.UpArrow), Key(ConsoleKey.DownArrow), Enter]);
        var (editor, _) = Editor(keys, null, "first", "second");
        editor.ReadLine("> ").Should().Be("first", "Up twice goes two lines back");
        editor.ReadLine("> ").Should().Be("", "Up then Down comes back to the empty draft");
        editor.ReadLine("> ").Should().Be("a", "the draft typed before Up is kept");
    }

    [Fact]
    public void Ctrl_R_finds_the_newest_line_containing_the_text_and_again_an_older_one()
    {
        var keys = new[] { Ctrl(ConsoleKey.R) }.Concat(Type("el")).Concat([Enter])
            .Concat([Ctrl(ConsoleKey.R)]).Concat(Type("el")).Concat([Ctrl(ConsoleKey.R), Key(ConsoleKey.End)]).Concat(Type(" x")).Concat([Enter]);
        var (editor, screen) = Editor(keys, null, ":el L", "x^2", ":el S", "y");
        editor.ReadLine("> ").Should().Be(":el S");
        editor.ReadLine("> ").Should().Be(":el L x", "a second Ctrl-R goes to the older match, and End leaves the search to edit it");
        screen.ToString().Should().Contain("(reverse-i-search)'el': :el S");
    }

    [Fact]
    public void Ctrl_D_on_an_empty_line_is_the_end_of_input_and_elsewhere_deletes_under_the_cursor()
    {
        var keys = Type("ab").Concat([Key(ConsoleKey.Home), Ctrl(ConsoleKey.D), Enter, Ctrl(ConsoleKey.D)]);
        var (editor, _) = Editor(keys);
        editor.ReadLine("> ").Should().Be("b");
        editor.ReadLine("> ").Should().BeNull();
    }

    [Fact]
    public void Tab_completes_a_unique_candidate_and_a_second_Tab_lists_several()
    {
        IReadOnlyList<string> Complete(string line, int cursor) => [":el", ":energy", ":expand", ":simplify"];
        var keys = Type(":si").Concat([Tab]).Concat(Type("x")).Concat([Enter]).Concat(Type(":e")).Concat([Tab, Tab, Key(ConsoleKey.Escape), Enter]);
        var (editor, screen) = Editor(keys, Complete);
        editor.ReadLine("> ").Should().Be(":simplify x");
        editor.ReadLine("> ").Should().Be(":e");
        screen.ToString().Should().Contain(":el  :energy  :expand");
    }

    [Fact]
    public void Tab_completes_the_session_commands_and_defined_names()
    {
        var session = new Session();
        session.Execute(@"\omega_0 := 3").IsError.Should().BeFalse();
        session.Execute(@"\Lambda := x^2").IsError.Should().BeFalse();
        ConsoleRepl.Completions(session, ":hami", 5).Should().Contain(":hamiltonian");
        ConsoleRepl.Completions(session, "   :q", 5).Should().Contain(":quit");
        ConsoleRepl.Completions(session, @"x + \La", 7).Should().Contain(@"\Lambda");
        ConsoleRepl.Completions(session, @"2\ome", 5).Should().Contain(@"\omega_{0}");
        ReplLineEditor.WordBefore(@"2\ome", 5).Should().Be(@"\ome");
        var keys = Type(@"1 + \La").Concat([Tab, Enter]);
        var (editor, _) = Editor(keys, (l, c) => ConsoleRepl.Completions(session, l, c));
        editor.ReadLine("> ").Should().Be(@"1 + \Lambda");
    }

    [Fact]
    public void A_line_longer_than_the_terminal_is_redrawn_from_its_first_row()
    {
        var keys = Type(new string('x', 50)).Concat([Key(ConsoleKey.Home), Enter]);
        var (editor, screen) = Editor(keys);
        editor.ReadLine("> ").Should().Be(new string('x', 50));
        screen.ToString().Should().Contain("\u001b[1A", "the cursor goes back up to the prompt's row before redrawing a wrapped line");
    }

    [Fact]
    public void Help_lists_the_keys()
    {
        var r = new Session().Execute(":help");
        r.Output.Should().Contain("Up/Down history").And.Contain("Ctrl-R").And.Contain("Tab completes").And.Contain("Ctrl-D on an empty line");
    }
}

/// <summary>An unclosed brace no longer swallows the lines after it.</summary>
public sealed class UnclosedBraceTests
{
    [Fact]
    public void A_command_line_ends_an_unclosed_brace_with_the_error_and_a_caret_under_the_brace()
    {
        var s = new Session();
        s.Execute(@"\frac{a}{b").NeedsMoreInput.Should().BeTrue();
        var r = s.Execute(":defs");
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("this brace is never closed").And.Contain(":defs was not run");
        r.ParseError!.Column.Should().Be(9, "the caret is under the { of {b");
        r.Output.Split('\n').Should().Contain(@"  \frac{a}{b").And.Contain("          ^");
        s.HasPendingInput.Should().BeFalse();
        s.Execute("1+1").Output.Should().Be("2", "the session goes on");
    }

    [Fact]
    public void An_empty_line_ends_an_unclosed_begin_with_the_error()
    {
        var s = new Session();
        s.Execute(@"\begin{aligned}").NeedsMoreInput.Should().BeTrue();
        s.Execute("a &= 1").NeedsMoreInput.Should().BeTrue();
        var r = s.Execute("   ");
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("this brace is never closed");
        r.ParseError!.Line.Should().Be(1);
        r.ParseError.Column.Should().Be(1);
    }

    [Fact]
    public void Piped_input_with_a_forgotten_brace_runs_the_lines_after_the_empty_line()
    {
        var input = new StringReader("\\sqrt{x\n\nx + x\n");
        var (o, e) = (new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" });
        ConsoleRepl.Run(input, o, e, interactive: false).Should().Be(1);
        o.ToString().Should().Be("2 x\n");
        e.ToString().Should().Contain("this brace is never closed");
    }

    [Fact]
    public void An_assumption_on_a_spelled_out_Greek_name_suggests_the_command()
    {
        var r = new Session().Execute(":assume rho > 0");
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain(@"for the Greek letter write \rho");
        new Session().Execute(":assume ab > 0").Output.Should().NotContain("Greek");
    }
}
