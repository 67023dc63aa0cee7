using System.Diagnostics;
using Symbolic.Core.Polynomials;
using static Symbolic.Core.Tests.Polynomials.P;

namespace Symbolic.Core.Tests.Polynomials;

/// <summary>Issue 10: Ctrl-C took 59 s inside a gcd; cancellation is checked inside the gcd's loops (interpolation,
/// pseudo-remainders, exact divisions), not only between steps.</summary>
public class PolyCancellationTests
{
    /// <summary>Products with a large common factor in six variables: the gcd takes seconds.</summary>
    private static (Poly, Poly) LongGcd()
    {
        var rng = new Random(2026);
        var g = Random(rng, 6, 40, 3, 99).Pow(2);
        return (g * Random(rng, 6, 30, 3, 99), g * Random(rng, 6, 30, 3, 99));
    }

    [Fact]
    public void A_gcd_cancelled_from_another_thread_stops_promptly_with_the_cancellation()
    {
        var (a, b) = LongGcd();
        using var cts = new CancellationTokenSource();
        var budget = new Budget(cancellation: cts.Token);
        var work = Task.Run(() => PolyGcd.Gcd(a, b, budget));
        Thread.Sleep(500);
        work.IsCompleted.Should().BeFalse("the gcd must still be running when it is cancelled, or this test proves nothing");
        var clock = Stopwatch.StartNew();
        cts.Cancel();
        var stop = Record.Exception(() => work.GetAwaiter().GetResult());
        var after = clock.Elapsed;
        stop.Should().BeAssignableTo<OperationCanceledException>();
        // a hang detector, generous for a shared machine; alone on two cores it stops within a few milliseconds
        after.Should().BeLessThan(TimeSpan.FromSeconds(3));
    }
}
