using Symbolic.Core.Numbers;

namespace Symbolic.Core.Tests;

/// <summary>
/// Hashes do not depend on the process: the values below were printed by another process (an earlier test run),
/// and a hash seeded per process (HashCode.Combine, BigInteger's and string's hashes) would differ from them.
/// </summary>
public class StableHashTests
{
    private static readonly Symbol x = Expr.Symbol("x"), t = Expr.Symbol("t", Assumptions.Real);

    public static IEnumerable<object[]> Pinned() => new[]
    {
        new object[] { "2/3", Rational.Of(2, 3).GetHashCode(), -1625597967 },
        new object[] { "10^30 + 1", Rational.Of(System.Numerics.BigInteger.Pow(10, 30) + 1).GetHashCode(), 45136144 },
        new object[] { "x^2/3 + sin t", (x.Pow(2) / 3 + Expr.Sin(t)).GetHashCode(), 1723783892 },
        new object[] { "r(t)^(10^30+1) ṙ", (Call.Of(Function.User("r"), t).Pow(Number.Of(Rational.Of(System.Numerics.BigInteger.Pow(10, 30) + 1)))
            * Derivative.Of(Call.Of(Function.User("r"), t), new[] { (t, 1) })).GetHashCode(), 683277203 },
    };

    [Theory]
    [MemberData(nameof(Pinned))]
    public void A_hash_is_the_same_in_every_process(string what, int hash, int printedByAnotherProcess)
    {
        hash.Should().Be(printedByAnotherProcess, $"the hash of {what} must not depend on the process");
    }
}
