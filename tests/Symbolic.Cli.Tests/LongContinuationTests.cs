using System.Diagnostics;

namespace Symbolic.Cli.Tests;

/// <summary>A long unclosed input: each continuation line costs its own length, not the whole pending text again.</summary>
public sealed class LongContinuationTests
{
    [Fact]
    public void Forty_thousand_continuation_lines_are_taken_in_linear_time_and_end_with_the_unclosed_brace_error()
    {
        var s = new Session();
        var clock = Stopwatch.StartNew();
        s.Execute(@"\frac{a}{").NeedsMoreInput.Should().BeTrue();
        for (int i = 0; i < 40_000; i++)
            s.Execute("x + {y} + \\{z\\} +").NeedsMoreInput.Should().BeTrue();
        var r = s.Execute("");
        clock.Stop();
        r.IsError.Should().BeTrue();
        r.Output.Should().StartWith("line 1, column 9: this brace is never closed, so the input above was not read\n  \\frac{a}{\n          ^");
        s.HasPendingInput.Should().BeFalse();
        // a hang detector, generous for a shared machine: re-reading the pending text on each line took 2 min 13 s, linear takes well under 1 s
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Groups_opened_and_closed_across_lines_are_counted_as_in_the_whole_text()
    {
        var s = new Session();
        s.Execute(@"\begin{aligned} x &= \frac{a}{").NeedsMoreInput.Should().BeTrue();
        s.Execute(@"b} \\").NeedsMoreInput.Should().BeTrue();
        s.Execute(@"y &= 2 \end{aligned}").Output.Should().Be("x = \\frac{a}{b}\ny = 2");
        s.Execute("x + 1").Output.Should().Be("x + 1");
        s.Execute("{").NeedsMoreInput.Should().BeTrue();
        s.ClearPendingInput();
        s.Execute("x").Output.Should().Be("x");
    }
}
