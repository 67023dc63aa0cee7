using System.Numerics;
using BenchmarkDotNet.Attributes;
using Symbolic.Core.Polynomials;

namespace Symbolic.Benchmarks;

/// <summary>The polynomial hot path against the classic CAS benchmarks (Fateman; gcd and cancellation).</summary>
[MemoryDiagnoser]
public class PolynomialBenchmarks
{
    private Poly _f = null!, _f1 = null!, _sum4 = null!, _binomial = null!;
    private Poly _gcdA = null!, _gcdB = null!, _coprimeB = null!;
    private Poly _ratNum = null!, _ratDen = null!;

    [GlobalSetup]
    public void Setup()
    {
        var v = Enumerable.Range(0, 4).Select(i => Poly.Variable(4, i)).ToArray();
        var one = Poly.One(4);
        _f = (one + v[0] + v[1] + v[2] + v[3]).Pow(20);
        _f1 = _f + one;
        int terms = (_f * _f1).TermCount;
        Console.WriteLine($"// Fateman f*(f+1): {terms} terms (expected 135751)");
        if (terms != 135_751) throw new InvalidOperationException("wrong Fateman term count");
        _sum4 = v[0] + v[1] + v[2] + Poly.One(4);
        _binomial = v[0] + v[1];

        // gcd of products sharing a dense-ish factor, 5 variables, a few hundred terms each
        var rng = new Random(12345);
        var p = RandomPoly(rng, 5, 40, 3);
        var q = RandomPoly(rng, 5, 12, 2);
        var r = RandomPoly(rng, 5, 12, 2);
        _gcdA = p * q;
        _gcdB = p * r;
        _coprimeB = (p + Poly.One(5)) * r;
        Console.WriteLine($"// gcd inputs: {_gcdA.TermCount} and {_gcdB.TermCount} terms");

        // a Kerr-sized rational function: numerator and denominator share a large factor
        var w = Enumerable.Range(0, 5).Select(i => Poly.Variable(5, i)).ToArray();
        var common = (w[0] * w[1] + w[2] * w[2] - w[3] * w[4] + Poly.Constant(5, 2) * w[0] + Poly.One(5)).Pow(3);
        _ratNum = common * RandomPoly(rng, 5, 25, 2);
        _ratDen = common * RandomPoly(rng, 5, 25, 2);
        Console.WriteLine($"// rational: {_ratNum.TermCount} / {_ratDen.TermCount} terms");
    }

    private static Poly RandomPoly(Random rng, int nvars, int terms, int maxDeg)
    {
        var list = new List<(int[], BigInteger)>();
        for (int t = 0; t < terms; t++)
        {
            var e = new int[nvars];
            for (int v = 0; v < nvars; v++) e[v] = rng.Next(0, maxDeg + 1);
            list.Add((e, rng.Next(-50, 51) | 1));
        }
        return Poly.FromTerms(nvars, list);
    }

    [Benchmark]
    public int Fateman_f_times_f_plus_1() => Poly.Multiply(_f, _f1).TermCount;

    /// <summary>Issue 14's power: Maxima's <c>rat(x+y+z+1)^30</c> on the same machine is the peer (see the README's speed table).</summary>
    [Benchmark]
    public int Expand_x_y_z_1_to_30() => _sum4.Pow(30).TermCount;

    /// <summary>Issue 10's binomial: 4,001 terms with coefficients of up to 1,200 digits (10 s by repeated multiplication).</summary>
    [Benchmark]
    public int Expand_x_plus_y_to_4000() => _binomial.Pow(4000).TermCount;

    [Benchmark]
    public int Gcd_of_large_multivariate_products() => PolyGcd.Gcd(_gcdA, _gcdB).TermCount;

    /// <summary>The common case in rational arithmetic: same sizes, but the gcd is 1.</summary>
    [Benchmark]
    public int Gcd_of_coprime_multivariate_products() => PolyGcd.Gcd(_gcdA, _coprimeB).TermCount;

    [Benchmark]
    public int Cancel_kerr_sized_rational() => RatFun.Of(_ratNum, _ratDen).Numerator.TermCount;
}
