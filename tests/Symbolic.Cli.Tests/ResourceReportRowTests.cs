using Symbolic.Core;

namespace Symbolic.Cli.Tests;

/// <summary>
/// Issue 10: the rows of tests/hostile/resource-report that ran past 150 s, on their exact inputs. Each runs in the
/// test host under a generous cancellation token: the token firing (the output "cancelled") is the failure, so the
/// tests do not measure time, they detect a return of the hang.
/// </summary>
[Collection("Console")]
public sealed class ResourceReportRowTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_definition_nested_in_itself_120_deep_37_times_stops_at_the_depth_limit_and_the_session_goes_on()
    {
        var body = "a";
        for (int i = 0; i < 120; i++) body = @"\sin(" + body + ")";
        var s = new Session();
        s.Out("a := x");
        using var cts = new CancellationTokenSource(Generous);
        ExecuteResult? refused = null;
        int accepted = 0;
        // on a stack as large as the CLI's worker thread (the test host's threads have less: the stack guard stops sooner there)
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 37 && refused is null; i++)
            {
                var r = s.Execute("a := " + body, cts.Token);
                if (r.IsError) refused = r; else accepted++;
            }
        }, Program.WorkerStackBytes);
        worker.Start();
        worker.Join();
        cts.IsCancellationRequested.Should().BeFalse("the definitions must finish well within the token's minutes");
        // 16 redefinitions reach depth 1,921; the 17th would be 2,041 > Expr.MaxDepth: refused with the limit, no stack overflow.
        accepted.Should().Be(Expr.MaxDepth / 120);
        refused.Should().NotBeNull();
        refused!.IsInternal.Should().BeFalse(refused.Output);
        refused.Output.Should().Contain($"more than the limit of {Expr.MaxDepth:N0}");
        s.Out("b := 1 + 1").Should().Be("b := 2");
    }

    [Fact]
    public void Sine_nested_a_thousand_deep_through_definitions_is_differentiated()
    {
        var s = new Session();
        s.Out("a := x");
        using var cts = new CancellationTokenSource(Generous);
        for (int i = 0; i < 1000; i++)
        {
            var r = s.Execute(@"a := \sin(a)", cts.Token);
            r.IsError.Should().BeFalse(r.Output);
        }
        var d = s.Execute(":diff a, x", cts.Token);
        d.IsError.Should().BeFalse(d.Output);
        // the chain rule: one cosine per level, cos(sin^{999} x) ⋯ cos(sin x) cos x
        d.Output.Split(@"\cos").Length.Should().Be(1001);
    }

    [Fact]
    public void A_sum_of_ten_thousand_distinct_symbols_simplifies_to_itself()
    {
        var sum = Sum.Of(Enumerable.Range(0, 10_000).Select(i => (Expr)Expr.Symbol("x_" + i)));
        using var cts = new CancellationTokenSource(Generous);
        var r = Simplifier.Run(sum, new Budget(Budget.DefaultMaxTerms, cts.Token));
        r.Complete.Should().BeTrue(r.StopReason?.Message);
        r.Value.Should().Be(sum);
    }

    [Fact]
    public void Run_and_the_REPL_have_a_default_time_limit_stated_in_their_help()
    {
        Cli.Run("run", "--help").Out.Should().Contain("--timeout").And.Contain("default 60");
        Cli.Run("--help").Out.Should().Contain("--timeout").And.Contain("default 60");
        Cli.Run("run", "--timeout", "-1", "x.sym").Err.Should().Contain("symbolic run: --timeout takes a number of seconds, 0 for no limit (got -1)");
    }

    [Fact]
    public void An_input_past_the_time_limit_of_a_session_stops_with_a_message_naming_the_limit_and_the_option()
    {
        // Kerr with two typos (4mr for 4mra, r²−2mr+a for r²−2mr+a²): its Kretschmann scalar takes minutes
        var s = new Session { TimeLimit = TimeSpan.FromSeconds(1) };
        s.Out(":assume r > 0, m > 0, a > 0");
        s.Execute(@":metric ds^2 = -\left(1-\frac{2mr}{r^2+a^2\cos^2\theta}\right)dt^2 - \frac{4mr\sin^2\theta}{r^2+a^2\cos^2\theta}dt\,d\phi"
            + @" + \frac{r^2+a^2\cos^2\theta}{r^2-2mr+a}dr^2 + (r^2+a^2\cos^2\theta)d\theta^2"
            + @" + \left(r^2+a^2+\frac{2mra^2\sin^2\theta}{r^2+a^2\cos^2\theta}\right)\sin^2\theta\,d\phi^2, t, r, \theta, \phi").IsError.Should().BeFalse();
        var r = s.Execute(":kretschmann");
        r.IsError.Should().BeTrue();
        r.Output.Should().Be("error: stopped at the time limit of 1 s for one input (--timeout SECONDS changes it, 0 for none)");
        s.Out("b := 1 + 1").Should().Be("b := 2");
    }

    [Fact]
    public void A_script_run_with_a_time_limit_reports_it_at_the_line_that_ran_past_it()
    {
        var slow = new[]
        {
            ":assume r > 0, m > 0, a > 0",
            @":metric ds^2 = -\left(1-\frac{2mr}{r^2+a^2\cos^2\theta}\right)dt^2 - \frac{4mr\sin^2\theta}{r^2+a^2\cos^2\theta}dt\,d\phi"
            + @" + \frac{r^2+a^2\cos^2\theta}{r^2-2mr+a}dr^2 + (r^2+a^2\cos^2\theta)d\theta^2"
            + @" + \left(r^2+a^2+\frac{2mra^2\sin^2\theta}{r^2+a^2\cos^2\theta}\right)\sin^2\theta\,d\phi^2, t, r, \theta, \phi",
            ":kretschmann",
        };
        var (o, e) = (new StringWriter { NewLine = "\n" }, new StringWriter { NewLine = "\n" });
        ScriptRunner.Run("kerr-typos.sym", slow, o, e, TimeSpan.FromSeconds(1)).Should().Be(Program.MathError);
        e.ToString().Should().StartWith("kerr-typos.sym:3:1: error: stopped at the time limit of 1 s for one input (--timeout SECONDS changes it, 0 for none)");
    }
}
