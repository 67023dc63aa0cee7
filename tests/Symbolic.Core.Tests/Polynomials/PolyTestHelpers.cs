using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core.Tests.Polynomials;

/// <summary>Small builders so tests read like the algebra they check.</summary>
internal static class P
{
    public static Poly X(int nvars, int i) => Poly.Variable(nvars, i);
    public static Poly C(int nvars, long c) => Poly.Constant(nvars, c);

    /// <summary>A random nonzero polynomial with up to <paramref name="maxTerms"/> terms, small degrees and coefficients.</summary>
    public static Poly Random(Random rng, int nvars, int maxTerms = 6, int maxDeg = 3, int maxCoef = 9)
    {
        int n = rng.Next(1, maxTerms + 1);
        var terms = new List<(int[], BigInteger)>();
        for (int t = 0; t < n; t++)
        {
            var e = new int[nvars];
            for (int v = 0; v < nvars; v++) e[v] = rng.Next(0, maxDeg + 1);
            int c = rng.Next(-maxCoef, maxCoef + 1);
            terms.Add((e, c == 0 ? 1 : c));
        }
        var p = Poly.FromTerms(nvars, terms);
        return p.IsZero ? Poly.One(nvars) : p;   // like terms may cancel
    }

    /// <summary>Runs an FsCheck property over random seeds (FsCheck.Xunit is not available here).</summary>
    public static void ForAllSeeds(Func<int, bool> property, int maxTest = 100) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest),
            Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), property));
}
