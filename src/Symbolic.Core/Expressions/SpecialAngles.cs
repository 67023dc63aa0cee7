using Symbolic.Core.Numbers;

namespace Symbolic.Core;

/// <summary>
/// Exact values of the trigonometric built-ins at the angles of the standard table (multiples of π/6 and π/4),
/// and of their inverses at those values: sin(π/6) = ½, cos(π/4) = √2/2, arctan 1 = π/4. Nothing else is
/// evaluated — every other angle stays a call, so no value is ever approximated.
/// </summary>
internal static class SpecialAngles
{
    /// <summary>sin(kπ/12) for k = 0…23 where it is in the table; null where it is not a multiple of π/6 or π/4.</summary>
    private static readonly Lazy<Expr?[]> SinTable = new(() =>
    {
        var half = Expr.Half;
        var r2 = Expr.Sqrt(2) / 2;
        var r3 = Expr.Sqrt(3) / 2;
        var first = new Expr?[] { Expr.Zero, null, half, r2, r3, null, Expr.One, null, r3, r2, half, null };
        var t = new Expr?[24];
        for (int k = 0; k < 12; k++)
        {
            t[k] = first[k];
            t[k + 12] = first[k] is { } v ? -v : null;
        }
        return t;
    });

    /// <summary>The angle as k in kπ/12 reduced to 0…23 (x = 2πn + kπ/12), or null when x is not such a multiple of π.</summary>
    private static int? Twelfths(Expr x)
    {
        Rational q;
        if (x.IsZero) q = Rational.Zero;
        else if (x.Equals(Expr.Pi)) q = Rational.One;
        else if (x is Product { Factors.Length: 1 } p && p.Factors[0].Base.Equals(Expr.Pi) && p.Factors[0].Exponent.IsOne) q = p.Coefficient;
        else return null;
        var twelve = q * 12;
        if (!twelve.IsInteger) return null;
        var k = (int)(((twelve.Num % 24) + 24) % 24);
        return k;
    }

    /// <summary>sin, cos, tan, cot, sec, csc at a table angle; null when the angle is not in the table or the value is infinite.</summary>
    public static Expr? Trig(Function f, Expr x)
    {
        if (f != Function.Sin && f != Function.Cos && f != Function.Tan && f != Function.Cot && f != Function.Sec && f != Function.Csc)
            return null;
        if (Twelfths(x) is not { } k) return null;
        var t = SinTable.Value;
        var sin = t[k];
        var cos = t[(k + 6) % 24];
        if (sin is null || cos is null) return null;
        if (f == Function.Sin) return sin;
        if (f == Function.Cos) return cos;
        // tan(π/2), cot 0, sec(π/2), csc 0 have no value: refused as 1/0 is, never kept as a finite-looking call.
        if (f == Function.Tan || f == Function.Sec ? cos.IsZero : sin.IsZero) throw Pole(f, x);
        if (f == Function.Tan) return sin / cos;
        if (f == Function.Cot) return cos / sin;
        if (f == Function.Sec) return Expr.One / cos;
        return Expr.One / sin;
    }

    private static DivideByZeroException Pole(Function f, Expr x) =>
        new($"division by zero: {f.Name}({x}) is a pole of {f.Name}, it has no value");

    /// <summary>(value², angle in units of π) for arcsin on [0, 1] and arctan on [0, ∞) at the table's values.</summary>
    private static readonly (Rational Square, Rational Angle)[] AsinTable =
    [
        (Rational.Of(1, 4), Rational.Of(1, 6)), (Rational.Of(1, 2), Rational.Of(1, 4)), (Rational.Of(3, 4), Rational.Of(1, 3)), (Rational.One, Rational.Of(1, 2)),
    ];

    private static readonly (Rational Square, Rational Angle)[] AtanTable =
    [
        (Rational.Of(1, 3), Rational.Of(1, 6)), (Rational.One, Rational.Of(1, 4)), (Rational.Of(3), Rational.Of(1, 3)),
    ];

    /// <summary>
    /// arcsin, arccos, arctan at a table value (principal branch); null otherwise. A value is recognised by its square
    /// and its sign, so every spelling of it is: √3/3 and 1/√3 both give arctan = π/6.
    /// </summary>
    public static Expr? Inverse(Function f, Expr x)
    {
        if (f != Function.Asin && f != Function.Acos && f != Function.Atan) return null;
        var negative = Call.LooksNegative(x);
        var a = negative ? -x : x;
        Rational? angle = null;
        if (a.IsZero) angle = Rational.Zero;
        else if (a is Number or Power or Product && a.Pow(2) is Number { Value: var square } && Assume.IsPositive(a))
            foreach (var (v, q) in f == Function.Atan ? AtanTable : AsinTable)
                if (square == v) angle = q;
        if (angle is not { } th) return null;
        if (negative) th = -th;
        // arccos x = π/2 − arcsin x on [−1, 1].
        if (f == Function.Acos) th = Rational.Of(1, 2) - th;
        return Number.Of(th) * Expr.Pi;
    }
}
