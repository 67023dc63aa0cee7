using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Integration;

/// <summary>
/// A dense univariate polynomial over Q(√d) (coefficients lowest degree first, no trailing zeros): the
/// arithmetic of rational-function integration (division, gcd, extended Euclid, resultants, square-free
/// factorization), where every step is exact.
/// </summary>
internal sealed class UPoly : IEquatable<UPoly>
{
    public readonly QS[] C;

    public UPoly(IEnumerable<QS> coefficients)
    {
        var c = coefficients.ToList();
        while (c.Count > 0 && c[^1].IsZero) c.RemoveAt(c.Count - 1);
        C = c.ToArray();
    }

    public static readonly UPoly Zero = new(Array.Empty<QS>());
    public static readonly UPoly One = new(new[] { QS.One });
    public static readonly UPoly X = new(new[] { QS.Zero, QS.One });
    public static UPoly Constant(QS c) => new(new[] { c });
    public static UPoly Monomial(QS c, int k) => new(Enumerable.Repeat(QS.Zero, k).Append(c));

    public int Degree => C.Length - 1;
    public bool IsZero => C.Length == 0;
    public bool IsConstant => C.Length <= 1;
    public QS Lc => C.Length == 0 ? QS.Zero : C[^1];
    public QS this[int i] => i < C.Length ? C[i] : QS.Zero;
    public bool IsRational => C.All(c => c.IsRational);

    public static UPoly operator +(UPoly a, UPoly b)
    {
        var r = new QS[Math.Max(a.C.Length, b.C.Length)];
        for (int i = 0; i < r.Length; i++) r[i] = a[i] + b[i];
        return new UPoly(r);
    }
    public static UPoly operator -(UPoly a, UPoly b)
    {
        var r = new QS[Math.Max(a.C.Length, b.C.Length)];
        for (int i = 0; i < r.Length; i++) r[i] = a[i] - b[i];
        return new UPoly(r);
    }
    public static UPoly operator -(UPoly a) => new(a.C.Select(c => -c));
    public static UPoly operator *(UPoly a, UPoly b)
    {
        if (a.IsZero || b.IsZero) return Zero;
        var r = new QS[a.C.Length + b.C.Length - 1];
        for (int i = 0; i < r.Length; i++) r[i] = QS.Zero;
        for (int i = 0; i < a.C.Length; i++)
        {
            if (a.C[i].IsZero) continue;
            for (int j = 0; j < b.C.Length; j++) r[i + j] += a.C[i] * b.C[j];
        }
        return new UPoly(r);
    }
    public static UPoly operator *(QS k, UPoly a) => k.IsZero ? Zero : new(a.C.Select(c => k * c));

    public UPoly Pow(int n)
    {
        var r = One;
        for (int i = 0; i < n; i++) r *= this;
        return r;
    }

    public (UPoly Q, UPoly R) DivRem(UPoly b)
    {
        if (b.IsZero) throw new DivideByZeroException("polynomial division by zero");
        if (Degree < b.Degree) return (Zero, this);
        var r = (QS[])C.Clone();
        var q = new QS[Degree - b.Degree + 1];
        var inv = b.Lc.Inverse();
        for (int k = q.Length - 1; k >= 0; k--)
        {
            var t = r[k + b.Degree] * inv;
            q[k] = t;
            if (t.IsZero) continue;
            for (int j = 0; j <= b.Degree; j++) r[k + j] -= t * b.C[j];
        }
        return (new UPoly(q), new UPoly(r.Take(b.Degree)));
    }

    public static UPoly operator /(UPoly a, UPoly b) => a.DivRem(b).Q;
    public static UPoly operator %(UPoly a, UPoly b) => a.DivRem(b).R;

    /// <summary>Exact quotient; throws when the division leaves a remainder (a bug upstream).</summary>
    public UPoly DivExact(UPoly b)
    {
        var (q, r) = DivRem(b);
        if (!r.IsZero) throw new InvalidOperationException("polynomial division not exact");
        return q;
    }

    public UPoly Monic() => IsZero ? this : Lc.Inverse() * this;

    public UPoly Derivative()
    {
        if (C.Length <= 1) return Zero;
        var r = new QS[C.Length - 1];
        for (int i = 1; i < C.Length; i++) r[i - 1] = new QS(i) * C[i];
        return new UPoly(r);
    }

    public static UPoly Gcd(UPoly a, UPoly b)
    {
        while (!b.IsZero) (a, b) = (b, a % b);
        return a.Monic();
    }

    /// <summary>(s, t, g) with s·a + t·b = g = gcd(a, b) monic.</summary>
    public static (UPoly S, UPoly T, UPoly G) ExtendedGcd(UPoly a, UPoly b)
    {
        UPoly r0 = a, r1 = b, s0 = One, s1 = Zero, t0 = Zero, t1 = One;
        while (!r1.IsZero)
        {
            var (q, r) = r0.DivRem(r1);
            (r0, r1) = (r1, r);
            (s0, s1) = (s1, s0 - q * s1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if (r0.IsZero) return (Zero, Zero, Zero);
        var k = r0.Lc.Inverse();
        return (k * s0, k * t0, k * r0);
    }

    /// <summary>(s, t) with s·a + t·b = c and deg s &lt; deg b; requires gcd(a, b) | c.</summary>
    public static (UPoly S, UPoly T) Diophantine(UPoly a, UPoly b, UPoly c)
    {
        var (s, t, g) = ExtendedGcd(a, b);
        var (q, r) = c.DivRem(g);
        if (!r.IsZero) throw new InvalidOperationException("the gcd does not divide the right-hand side");
        s = q * s; t = q * t;
        if (!b.IsZero && s.Degree >= b.Degree)
        {
            var (q2, r2) = s.DivRem(b);
            s = r2;
            t += q2 * a;
        }
        return (s, t);
    }

    /// <summary>Yun's square-free factorization: this = c · ∏ Pᵢ^i, result[i-1] = Pᵢ (monic, possibly 1).</summary>
    public List<UPoly> SquareFree()
    {
        var result = new List<UPoly>();
        if (Degree < 1) return result;
        var a = this;
        var da = a.Derivative();
        var g = Gcd(a, da);
        var b = a.DivExact(g);
        var c = da.DivExact(g);
        var d = c - b.Derivative();
        while (b.Degree > 0)
        {
            var ai = Gcd(b, d);
            result.Add(ai);
            b = b.DivExact(ai);
            c = d.DivExact(ai);
            d = c - b.Derivative();
        }
        return result;
    }

    /// <summary>The resultant over the coefficient field (Euclid's algorithm).</summary>
    public static QS Resultant(UPoly a, UPoly b)
    {
        if (a.IsZero || b.IsZero) return QS.Zero;
        QS res = QS.One;
        while (true)
        {
            int m = a.Degree, n = b.Degree;
            if (n == 0) return res * Power(b.Lc, m);
            var r = a % b;
            if (r.IsZero) return QS.Zero;
            int k = r.Degree;
            if ((m & 1) == 1 && (n & 1) == 1) res = -res;
            res *= Power(b.Lc, m - k);
            (a, b) = (b, r);
        }
    }

    private static QS Power(QS x, int n)
    {
        QS r = QS.One;
        for (int i = 0; i < n; i++) r *= x;
        return r;
    }

    public QS Evaluate(QS x)
    {
        QS r = QS.Zero;
        for (int i = C.Length - 1; i >= 0; i--) r = r * x + C[i];
        return r;
    }

    /// <summary>This polynomial with the variable replaced by a polynomial.</summary>
    public UPoly Compose(UPoly x)
    {
        var r = Zero;
        for (int i = C.Length - 1; i >= 0; i--) r = r * x + Constant(C[i]);
        return r;
    }

    /// <summary>The polynomial through the points (xᵢ, yᵢ) (Newton's divided differences).</summary>
    public static UPoly Interpolate(IReadOnlyList<QS> xs, IReadOnlyList<QS> ys)
    {
        int n = xs.Count;
        var dd = ys.ToArray();
        for (int j = 1; j < n; j++)
            for (int i = n - 1; i >= j; i--)
                dd[i] = (dd[i] - dd[i - 1]) / (xs[i] - xs[i - j]);
        var r = Constant(dd[n - 1]);
        for (int i = n - 2; i >= 0; i--) r = r * new UPoly(new[] { -xs[i], QS.One }) + Constant(dd[i]);
        return r;
    }

    /// <summary>Σ cₖ xᵏ as an expression.</summary>
    public Expr ToExpr(Expr x)
    {
        var terms = new List<Expr>();
        for (int i = 0; i < C.Length; i++)
            if (!C[i].IsZero) terms.Add(C[i].ToExpr() * x.Pow(i));
        return Sum.Of(terms);
    }

    /// <summary>Approximate complex roots (Durand–Kerner / Weierstrass iteration), for guessing exact factors only.</summary>
    public System.Numerics.Complex[] ApproximateRoots()
    {
        int n = Degree;
        if (n < 1) return Array.Empty<System.Numerics.Complex>();
        var m = Monic();
        var c = m.C.Select(q => { var (re, im) = q.ToComplex(); return new System.Numerics.Complex(re, im); }).ToArray();
        double bound = 1 + c.Take(n).Max(z => z.Magnitude);
        var z = new System.Numerics.Complex[n];
        var seed = new System.Numerics.Complex(0.4, 0.9);
        for (int i = 0; i < n; i++) z[i] = bound * System.Numerics.Complex.Pow(seed, i);
        for (int iter = 0; iter < 2000; iter++)
        {
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                var p = System.Numerics.Complex.One;
                for (int k = n; k >= 0; k--) p = k == n ? System.Numerics.Complex.One : p * z[i] + c[k];
                var den = System.Numerics.Complex.One;
                for (int j = 0; j < n; j++) if (j != i) den *= z[i] - z[j];
                if (den == System.Numerics.Complex.Zero) den = new System.Numerics.Complex(1e-12, 0);
                var step = p / den;
                z[i] -= step;
                change = Math.Max(change, step.Magnitude);
            }
            if (change < 1e-15 * bound) break;
        }
        return z;
    }

    public bool Equals(UPoly? other) => other is not null && C.AsSpan().SequenceEqual(other.C);
    public override bool Equals(object? obj) => Equals(obj as UPoly);
    public override int GetHashCode() => C.Length == 0 ? 0 : HashCode.Combine(C.Length, C[^1]);
    public override string ToString() => string.Join(" + ", C.Select((c, i) => $"({c})x^{i}").Reverse());
}

/// <summary>Small exact helpers: rational guesses from doubles.</summary>
internal static class RationalGuess
{
    /// <summary>Continued-fraction convergents of <paramref name="v"/> with denominators up to <paramref name="maxDen"/>.</summary>
    public static IEnumerable<Rational> Convergents(double v, long maxDen = 1_000_000)
    {
        if (double.IsNaN(v) || double.IsInfinity(v) || Math.Abs(v) > 1e15) yield break;
        BigInteger h0 = 1, h1 = 0, k0 = 0, k1 = 1;
        double x = v;
        for (int i = 0; i < 40; i++)
        {
            var a = new BigInteger(Math.Floor(x));
            (h0, h1) = (a * h0 + h1, h0);
            (k0, k1) = (a * k0 + k1, k0);
            if (k0 > maxDen) yield break;
            yield return Rational.Of(h0, k0);
            double frac = x - Math.Floor(x);
            if (frac < 1e-12) yield break;
            x = 1 / frac;
        }
    }
}
