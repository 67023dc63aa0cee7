using System.Numerics;

namespace Symbolic.Core;

/// <summary>
/// A second opinion on zero-equivalence: evaluates at random points (complex arithmetic, every kernel —
/// symbol, q(t), q̇ — given an independent random value). Never a proof; the normal form decides.
/// </summary>
public static class NumericProbe
{
    /// <summary>Evaluates under the given values of the kernels; kernels not given get pseudo-random values fixed by the kernel and the seed.</summary>
    public static Complex Evaluate(Expr e, IReadOnlyDictionary<Expr, Complex>? values = null, int seed = 1)
    {
        var assigned = new Dictionary<Expr, Complex>(values ?? new Dictionary<Expr, Complex>());
        Complex Value(Expr k)
        {
            if (!assigned.TryGetValue(k, out var v))
            {
                // the value depends on the kernel and the seed only, not on the order kernels are met in, so two
                // expressions evaluated with one seed see the same point
                var rng = new Random(seed * 7919 + Fnv(k.ToString()));
                // the values respect the assumptions: positive and nonnegative in [0.3, 1.3), integers in −3…3
                var a = k switch { Symbol s => s.Assumptions, Call { Function: var f } => f.Assumptions, _ => Assumptions.None };
                bool Has(Assumptions flag) => (a & flag) == flag;
                v = Has(Assumptions.Integer) ? new Complex(rng.Next(-3, 4) is var i && i == 0 && Has(Assumptions.Nonzero) ? 1 : (Has(Assumptions.Nonnegative) ? Math.Abs(i) : i), 0)
                    : new Complex(Has(Assumptions.Positive) || Has(Assumptions.Nonnegative) ? 0.3 + rng.NextDouble() : rng.NextDouble() * 2 - 1, 0);
                assigned[k] = v;
            }
            return v;
        }
        Complex Eval(Expr x) => x switch
        {
            Number n => n.Value.ToDouble(),
            Symbol { IsConstant: true, Name: "e" } => Math.E,
            Symbol { IsConstant: true, Name: "pi" } => Math.PI,
            Symbol or Derivative => Value(x),
            Call { Function.IsUser: true } => Value(x),
            Sum s => s.Terms.Aggregate((Complex)s.Constant.ToDouble(), (acc, t) => acc + t.Coefficient.ToDouble() * Eval(t.Term)),
            Product p => p.Factors.Aggregate((Complex)p.Coefficient.ToDouble(), (acc, f) => acc * Pow(Eval(f.Base), f.Exponent, Eval(f.Exponent))),
            Power p => Pow(Eval(p.Base), p.Exponent, Eval(p.Exponent)),
            Call { Args.Length: 1 } c => c.Function.Entry is { } f ? f.Numeric(Eval(c.Args[0])) : throw new SymbolicException($"cannot evaluate {c.Function.Name}"),
            Call c => throw new SymbolicException($"cannot evaluate {c.Function.Name} of {c.Args.Length} arguments"),
            Relation r => Eval(r.Left) - Eval(r.Right),
            _ => throw new SymbolicException($"cannot evaluate {x}"),
        };
        return Eval(e);
    }

    /// <summary>
    /// b^e on the principal branch. Integer powers multiply (exact, no branch); a real base's imaginary part
    /// is +0, so a negative real base is on the upper side of the cut whatever signed zero arithmetic left
    /// there (1/(−1) is −1 − 0i in IEEE, and √ of that would be −i instead of i).
    /// </summary>
    private static Complex Pow(Complex b, Expr exponent, Complex e)
    {
        if (exponent is Number { Value: { IsInteger: true } q } && BigInteger.Abs(q.Num) <= 64)
        {
            int n = (int)q.Num;
            Complex r = Complex.One;
            for (int i = 0; i < Math.Abs(n); i++) r *= b;
            return n < 0 ? Complex.One / r : r;
        }
        if (b.Imaginary == 0) b = new Complex(b.Real, 0.0);
        if (exponent is Number { Value: { Num.IsOne: true, Den: var d } } && d == 2) return Complex.Sqrt(b);
        return Complex.Pow(b, e);
    }

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> have the same value at <paramref name="points"/> random
    /// points that respect the assumptions (relative tolerance); points where either side is not finite are
    /// skipped, and fewer than two finite points, or an expression that cannot be evaluated, give false.
    /// </summary>
    public static bool Agree(Expr a, Expr b, int points = 6, double tolerance = 1e-8)
    {
        if (a is Relation ra && b is Relation rb) return Agree(ra.Left, rb.Left, points, tolerance) && Agree(ra.Right, rb.Right, points, tolerance);
        int finite = 0;
        try
        {
            for (int i = 1; i <= points; i++)
            {
                var va = Evaluate(a, null, seed: 104729 * i);
                var vb = Evaluate(b, null, seed: 104729 * i);
                if (!IsFinite(va) || !IsFinite(vb)) continue;
                finite++;
                if (Complex.Abs(va - vb) > tolerance * (1 + Math.Max(Complex.Abs(va), Complex.Abs(vb)))) return false;
            }
        }
        catch (SymbolicException) { return false; }
        catch (OverflowException) { return false; }
        return finite >= Math.Min(2, points);
    }

    private static int Fnv(string text)
    {
        unchecked
        {
            uint h = 2166136261;
            foreach (var c in text) h = (h ^ c) * 16777619;
            return (int)(h & 0x3FFFFFFF);
        }
    }

    private static bool IsFinite(Complex z) => double.IsFinite(z.Real) && double.IsFinite(z.Imaginary);

    /// <summary>True when the expression is numerically ≈ 0 at several random points (a second opinion only).</summary>
    public static bool ProbablyZero(Expr e, int points = 4, double tolerance = 1e-8)
    {
        for (int i = 1; i <= points; i++)
        {
            var v = Evaluate(e, null, seed: 7919 * i);
            if (double.IsNaN(v.Real) || double.IsInfinity(v.Real)) continue;
            if (Complex.Abs(v) > tolerance) return false;
        }
        return true;
    }
}
