using Symbolic.Core.Polynomials;
using Xunit.Abstractions;
using static Symbolic.Core.Tests.Polynomials.P;

namespace Symbolic.Core.Tests.Polynomials;

/// <summary>Issue 10: Ctrl-C took 59 s inside a gcd; cancellation is checked inside the gcd's loops (interpolation,
/// pseudo-remainders, exact divisions), not only between steps. Without a clock (a timed assertion flaked beside a
/// build): <see cref="Budget.OnCheck"/> counts the looks at the cancellation and cancels at a chosen one, and the work
/// between two looks is measured in the bytes the gcd allocates, the same on every run.</summary>
public class PolyCancellationTests(ITestOutputHelper output)
{
    /// <summary>Products with a large common factor: the gcd runs through the heuristic's nested evaluations and
    /// interpolations (six variables: seconds; four: a fraction of a second).</summary>
    private static (Poly, Poly) LongGcd(int variables, int commonTerms, int cofactorTerms)
    {
        var rng = new Random(2026);
        var g = Random(rng, variables, commonTerms, 3, 99).Pow(2);
        return (g * Random(rng, variables, cofactorTerms, 3, 99), g * Random(rng, variables, cofactorTerms, 3, 99));
    }

    [Fact]
    public void A_gcd_cancelled_from_another_thread_while_it_runs_stops_at_its_next_check_with_the_cancellation()
    {
        var (a, b) = LongGcd(6, 40, 30);
        const int At = 10;   // of this gcd's 48 checks: it is still running
        using var cts = new CancellationTokenSource();
        using var reached = new ManualResetEventSlim();
        using var cancelled = new ManualResetEventSlim();
        var canceller = new Thread(() => { reached.Wait(); cts.Cancel(); cancelled.Set(); });
        canceller.Start();
        long checks = 0, afterCancel = 0;
        var budget = new Budget(cancellation: cts.Token)
        {
            OnCheck = () =>
            {
                if (cts.IsCancellationRequested) afterCancel++;
                if (++checks != At) return;
                reached.Set();
                // a hang detector only: the other thread cancels at once
                cancelled.Wait(TimeSpan.FromMinutes(2)).Should().BeTrue("the other thread cancels");
            },
        };
        var stop = Record.Exception(() => PolyGcd.Gcd(a, b, budget));
        reached.Set();
        canceller.Join();
        checks.Should().BeGreaterThanOrEqualTo(At, "the gcd must still be running when it is cancelled, or this test proves nothing");
        stop.Should().BeAssignableTo<OperationCanceledException>("the gcd must end with the cancellation, not swallow it");
        checks.Should().Be(At, "the check that sees the cancellation throws: no work is done after it");
        afterCancel.Should().Be(0);
    }

    [Fact]
    public void A_gcd_looks_at_the_cancellation_all_through_its_work_and_stops_at_whichever_look_sees_it()
    {
        var (a, b) = LongGcd(4, 25, 20);
        var budget = new Budget();
        long checks = 0, start = GC.GetAllocatedBytesForCurrentThread(), last = start, widest = 0;
        budget.OnCheck = () =>
        {
            var now = GC.GetAllocatedBytesForCurrentThread();
            widest = Math.Max(widest, now - last);
            last = now;
            checks++;
        };
        var gcd = PolyGcd.Gcd(a, b, budget);
        var end = GC.GetAllocatedBytesForCurrentThread();
        widest = Math.Max(widest, end - last);   // the stretch after the last look counts too
        output.WriteLine($"{checks} checks, {end - start:N0} bytes allocated, the widest stretch without a look {widest:N0}");
        // 32 looks, the widest stretch ≈ 32% of the bytes; without the look in each pass of the interpolation: 10 looks, 76%
        checks.Should().BeGreaterThanOrEqualTo(30);
        widest.Should().BeLessThan((end - start) / 2, "no stretch of the gcd's work may go without a look at the cancellation (it went 59 s once)");

        // cancelled at any one of those looks, the gcd stops there with the cancellation (nothing catches it on the way out)
        for (long at = 1; at <= checks; at += 3)
        {
            using var cts = new CancellationTokenSource();
            long seen = 0;
            var cancelling = new Budget(cancellation: cts.Token) { OnCheck = () => { if (++seen == at) cts.Cancel(); } };
            var stop = Record.Exception(() => PolyGcd.Gcd(a, b, cancelling));
            stop.Should().BeAssignableTo<OperationCanceledException>($"cancelled at look {at} of {checks}");
            seen.Should().Be(at);
        }
        PolyGcd.Gcd(a, b).Should().Be(gcd);
    }
}
