using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Symbolic.Core.Tests;

/// <summary>Random expressions keep their value through every transformation (FsCheck drives the seeds).</summary>
public class PropertyTests
{
    private static readonly Symbol x = Expr.Symbol("x"), y = Expr.Symbol("y"), z = Expr.Symbol("z");
    private static readonly Symbol[] Vars = { x, y, z };

    /// <summary>A random expression built from a seed: sums, products, small powers, sin, cos, exp, quotients.</summary>
    internal static Expr RandomExpr(int seed, int depth = 3)
    {
        var rng = new Random(seed);
        Expr Gen(int d)
        {
            if (d == 0 || rng.Next(4) == 0)
                return rng.Next(3) == 0 ? Expr.Frac(rng.Next(-5, 6), rng.Next(1, 4)) : Vars[rng.Next(Vars.Length)];
            return rng.Next(8) switch
            {
                0 or 1 => Gen(d - 1) + Gen(d - 1),
                2 or 3 => Gen(d - 1) * Gen(d - 1),
                4 => Gen(d - 1).Pow(rng.Next(2, 4)),
                5 => Expr.Sin(Gen(d - 1)),
                6 => Expr.Cos(Gen(d - 1)),
                _ => Gen(d - 1) / (Vars[rng.Next(Vars.Length)] + rng.Next(2, 5)),
            };
        }
        return Gen(depth);
    }

    private static readonly Dictionary<Expr, Complex> Point = new()
    {
        [x] = new Complex(0.37, 0), [y] = new Complex(-0.61, 0), [z] = new Complex(1.13, 0),
    };

    private static bool SameValue(Expr a, Expr b)
    {
        var va = NumericProbe.Evaluate(a, Point);
        var vb = NumericProbe.Evaluate(b, Point);
        return Complex.Abs(va - vb) <= 1e-7 * (1 + Complex.Abs(va));
    }

    [Fact]
    public void Expand_keeps_the_value() =>
        Prop.ForAll<int>(seed => { var e = RandomExpr(seed); return SameValue(e, Algebra.Expand(e)); }).QuickCheckThrowOnFailure();

    [Fact]
    public void Together_and_cancel_keep_the_value() =>
        Prop.ForAll<int>(seed => { var e = RandomExpr(seed); return SameValue(e, Algebra.Together(e)) && SameValue(e, Algebra.Cancel(e)); }).QuickCheckThrowOnFailure();

    [Fact]
    public void Simplify_keeps_the_value() =>
        Prop.ForAll<int>(seed => { var e = RandomExpr(seed); return SameValue(e, Simplifier.Simplify(e)); }).QuickCheckThrowOnFailure();

    [Fact]
    public void Simplify_is_idempotent() =>
        Prop.ForAll<int>(seed =>
        {
            var once = Simplifier.Simplify(RandomExpr(seed));
            return Simplifier.Simplify(once).Equals(once);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void An_expression_minus_itself_rebuilt_in_another_order_is_zero() =>
        Prop.ForAll<int>(seed =>
        {
            var e = RandomExpr(seed);
            var rebuilt = Rebuild(e);
            return rebuilt.Equals(e) && Simplifier.IsZero(e - Algebra.Expand(e));
        }).QuickCheckThrowOnFailure();

    // Rebuilds every node from its children in reverse order: canonical form must not depend on it.
    private static Expr Rebuild(Expr e)
    {
        var kids = e.Children.Select(Rebuild).Reverse().ToArray();
        return e switch
        {
            Sum => Sum.Of(kids),
            Product => Product.Of(kids),
            _ => e.WithChildren(e.Children.Select(Rebuild).ToArray()),
        };
    }

    [Fact]
    public void Differentiation_agrees_with_a_finite_difference() =>
        Prop.ForAll<int>(seed =>
        {
            var e = RandomExpr(seed);
            var d = Calculus.Diff(e, x);
            const double h = 1e-6;
            var plus = new Dictionary<Expr, Complex>(Point) { [x] = Point[x] + h };
            var minus = new Dictionary<Expr, Complex>(Point) { [x] = Point[x] - h };
            var fd = (NumericProbe.Evaluate(e, plus) - NumericProbe.Evaluate(e, minus)) / (2 * h);
            var exact = NumericProbe.Evaluate(d, Point);
            if (double.IsNaN(exact.Real) || Complex.Abs(exact) > 1e6) return true;   // near a pole: no verdict
            return Complex.Abs(fd - exact) <= 1e-3 * (1 + Complex.Abs(exact));
        }).QuickCheckThrowOnFailure();
}
