using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Integration;

/// <summary>
/// An element a + b√d of the field Q(√d), d an integer that is not a square (d &lt; 0 allowed: then
/// it is a complex number). Elements with b = 0 are rationals and combine with any d; two elements with
/// b ≠ 0 must share d. Used for the logarithmic part of rational integrals whose Rothstein–Trager
/// resultant has irreducible quadratic factors.
/// </summary>
internal readonly struct QS : IEquatable<QS>
{
    public readonly Rational A;
    public readonly Rational B;
    public readonly BigInteger D;

    public QS(Rational a, Rational b, BigInteger d) { A = a; B = b.IsZero ? Rational.Zero : b; D = b.IsZero ? BigInteger.Zero : d; }
    public QS(Rational a) { A = a; B = Rational.Zero; D = BigInteger.Zero; }

    public static readonly QS Zero = new(Rational.Zero);
    public static readonly QS One = new(Rational.One);

    public bool IsZero => A.IsZero && B.IsZero;
    public bool IsOne => A.IsOne && B.IsZero;
    public bool IsRational => B.IsZero;

    private static BigInteger Common(QS x, QS y)
    {
        if (x.D.IsZero) return y.D;
        if (y.D.IsZero || x.D == y.D) return x.D;
        throw new InvalidOperationException($"mixed quadratic fields √{x.D} and √{y.D}");
    }

    public static implicit operator QS(Rational q) => new(q);
    public static implicit operator QS(int n) => new(n);
    public static QS operator +(QS x, QS y) => new(x.A + y.A, x.B + y.B, Common(x, y));
    public static QS operator -(QS x, QS y) => new(x.A - y.A, x.B - y.B, Common(x, y));
    public static QS operator -(QS x) => new(-x.A, -x.B, x.D);
    public static QS operator *(QS x, QS y)
    {
        var d = Common(x, y);
        return new(x.A * y.A + x.B * y.B * d, x.A * y.B + x.B * y.A, d);
    }
    public QS Inverse()
    {
        if (IsZero) throw new DivideByZeroException("division by zero in Q(√d)");
        if (B.IsZero) return new(A.Reciprocal());
        var n = A * A - B * B * D;   // ≠ 0: d is not a square
        return new(A / n, -B / n, D);
    }
    public static QS operator /(QS x, QS y) => x * y.Inverse();
    public QS Conjugate => new(A, -B, D);

    /// <summary>Approximate value (real part, imaginary part).</summary>
    public (double Re, double Im) ToComplex()
    {
        double s = Math.Sqrt(Math.Abs((double)D));
        return D.Sign >= 0 ? (A.ToDouble() + B.ToDouble() * s, 0) : (A.ToDouble(), B.ToDouble() * s);
    }

    public Expr ToExpr() => B.IsZero ? Number.Of(A) : Number.Of(A) + Number.Of(B) * Expr.Sqrt(Number.Of(D));

    public bool Equals(QS o) => A == o.A && B == o.B && (B.IsZero || D == o.D);
    public override bool Equals(object? obj) => obj is QS q && Equals(q);
    public override int GetHashCode() => HashCode.Combine(A, B);
    public override string ToString() => B.IsZero ? A.ToString() : $"{A} + {B}*sqrt({D})";
}
