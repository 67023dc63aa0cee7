using System.Globalization;
using System.Numerics;

namespace Symbolic.Core.Numbers;

/// <summary>
/// An exact rational number in lowest terms with a positive denominator.
/// Arithmetic on small integers takes a 64-bit fast path before falling back to <see cref="BigInteger"/>.
/// </summary>
/// <example><code>Rational.Of(1, 2) + Rational.Of(1, 3) == Rational.Of(5, 6)</code></example>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    /// <summary>The numerator (sign carrier).</summary>
    public BigInteger Num { get; }
    /// <summary>The denominator, always positive.</summary>
    public BigInteger Den => _den.IsZero ? BigInteger.One : _den;   // default(Rational) is 0/1

    private readonly BigInteger _den;

    private Rational(BigInteger num, BigInteger den) { Num = num; _den = den; }

    /// <summary>0.</summary>
    public static Rational Zero => new(BigInteger.Zero, BigInteger.One);
    /// <summary>1.</summary>
    public static Rational One => new(BigInteger.One, BigInteger.One);
    /// <summary>−1.</summary>
    public static Rational MinusOne => new(BigInteger.MinusOne, BigInteger.One);

    /// <summary>The rational <paramref name="num"/>/<paramref name="den"/> in lowest terms.</summary>
    public static Rational Of(BigInteger num, BigInteger den)
    {
        if (den.IsZero) throw new DivideByZeroException("division by zero in a rational number");
        if (den.Sign < 0) { num = -num; den = -den; }
        if (den.IsOne) return new Rational(num, den);
        var g = BigInteger.GreatestCommonDivisor(num, den);
        return g.IsOne ? new Rational(num, den) : new Rational(num / g, den / g);
    }

    /// <summary>The integer <paramref name="n"/>.</summary>
    public static Rational Of(BigInteger n) => new(n, BigInteger.One);

    /// <summary>True when the denominator is 1.</summary>
    public bool IsInteger => Den.IsOne;
    /// <summary>True for 0.</summary>
    public bool IsZero => Num.IsZero;
    /// <summary>True for 1.</summary>
    public bool IsOne => Num.IsOne && Den.IsOne;
    /// <summary>−1, 0 or 1.</summary>
    public int Sign => Num.Sign;

    /// <summary>Implicit conversion from an integer.</summary>
    public static implicit operator Rational(int n) => new(n, BigInteger.One);
    /// <summary>Implicit conversion from a long.</summary>
    public static implicit operator Rational(long n) => new(n, BigInteger.One);
    /// <summary>Implicit conversion from a big integer.</summary>
    public static implicit operator Rational(BigInteger n) => new(n, BigInteger.One);

    /// <summary>Sum.</summary>
    public static Rational operator +(Rational a, Rational b)
    {
        if (a.Den.IsOne && b.Den.IsOne) return new Rational(AddInt(a.Num, b.Num), BigInteger.One);
        return Of(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
    }
    /// <summary>Difference.</summary>
    public static Rational operator -(Rational a, Rational b) => a + (-b);
    /// <summary>Negation.</summary>
    public static Rational operator -(Rational a) => new(-a.Num, a.Den);
    /// <summary>Product.</summary>
    public static Rational operator *(Rational a, Rational b)
    {
        if (a.Den.IsOne && b.Den.IsOne) return new Rational(MulInt(a.Num, b.Num), BigInteger.One);
        // Cross-cancel first to keep intermediate numbers small.
        var g1 = BigInteger.GreatestCommonDivisor(a.Num, b.Den);
        var g2 = BigInteger.GreatestCommonDivisor(b.Num, a.Den);
        if (g1.IsZero) g1 = BigInteger.One;
        if (g2.IsZero) g2 = BigInteger.One;
        return new Rational(a.Num / g1 * (b.Num / g2), a.Den / g2 * (b.Den / g1));
    }
    /// <summary>Quotient.</summary>
    public static Rational operator /(Rational a, Rational b) => a * b.Reciprocal();

    /// <summary>1/this.</summary>
    public Rational Reciprocal()
    {
        if (Num.IsZero) throw new DivideByZeroException("division by zero in a rational number");
        return Num.Sign < 0 ? new Rational(-Den, -Num) : new Rational(Den, Num);
    }

    /// <summary>This raised to an integer power.</summary>
    public Rational Pow(int n)
    {
        if (n == 0) return One;
        if (n < 0) return Reciprocal().Pow(-n);
        return new Rational(BigInteger.Pow(Num, n), BigInteger.Pow(Den, n));
    }

    /// <summary>Absolute value.</summary>
    public Rational Abs() => Num.Sign < 0 ? -this : this;

    /// <summary>Nearest double.</summary>
    public double ToDouble()
    {
        double d = (double)Num / (double)Den;
        if (double.IsFinite(d) && d != 0 || Num.IsZero) return d;
        return Math.Exp(BigInteger.Log(BigInteger.Abs(Num)) - BigInteger.Log(Den)) * Num.Sign;   // huge parts
    }

    /// <summary>True when the value fits an int and is an integer.</summary>
    public bool TryGetInt(out int value)
    {
        if (Den.IsOne && Num >= int.MinValue && Num <= int.MaxValue) { value = (int)Num; return true; }
        value = 0; return false;
    }

    private static BigInteger AddInt(BigInteger a, BigInteger b)
    {
        if (a >= long.MinValue && a <= long.MaxValue && b >= long.MinValue && b <= long.MaxValue)
        {
            long x = (long)a, y = (long)b, s = unchecked(x + y);
            if (((x ^ s) & (y ^ s)) >= 0) return s;
        }
        return a + b;
    }

    private static BigInteger MulInt(BigInteger a, BigInteger b)
    {
        if (a >= int.MinValue && a <= int.MaxValue && b >= int.MinValue && b <= int.MaxValue)
            return (long)a * (long)b;
        return a * b;
    }

    /// <inheritdoc/>
    public bool Equals(Rational other) => Num.Equals(other.Num) && Den.Equals(other.Den);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    /// <inheritdoc/>
    /// <remarks>Seed-independent (HashCode and BigInteger's hash are seeded per process), so an expression's hash is the same in every run.</remarks>
    public override int GetHashCode() => unchecked(StableHash(Num) * -1640531535 ^ StableHash(Den));

    private static int StableHash(BigInteger b)
    {
        unchecked
        {
            if (b >= long.MinValue && b <= long.MaxValue)
            {
                ulong z = (ulong)(long)b * 0x9E3779B97F4A7C15UL;
                return (int)(z ^ (z >> 29));
            }
            uint h = 2166136261;
            foreach (var x in b.ToByteArray()) h = (h ^ x) * 16777619;
            return (int)h;
        }
    }
    /// <inheritdoc/>
    public int CompareTo(Rational other) => (Num * other.Den).CompareTo(other.Num * Den);
    /// <summary>Equality.</summary>
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    /// <summary>Order.</summary>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    /// <summary>Order.</summary>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    /// <summary>Order.</summary>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    /// <summary>Order.</summary>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>"3", "-1/2".</summary>
    public override string ToString() => Den.IsOne
        ? Num.ToString(CultureInfo.InvariantCulture)
        : Num.ToString(CultureInfo.InvariantCulture) + "/" + Den.ToString(CultureInfo.InvariantCulture);
}
