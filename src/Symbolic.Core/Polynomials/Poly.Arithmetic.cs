using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Polynomials;

public sealed partial class Poly
{
    /// <summary>Sum.</summary>
    public static Poly operator +(Poly a, Poly b) => AddSub(a, b, false);
    /// <summary>Difference.</summary>
    public static Poly operator -(Poly a, Poly b) => AddSub(a, b, true);
    /// <summary>Product.</summary>
    public static Poly operator *(Poly a, Poly b) => Multiply(a, b);
    /// <summary>Product with an integer.</summary>
    public static Poly operator *(Poly a, BigInteger k) => a.Scale(k);
    /// <summary>Product with an integer.</summary>
    public static Poly operator *(BigInteger k, Poly a) => a.Scale(k);

    /// <summary>Negation.</summary>
    public static Poly operator -(Poly a)
    {
        if (a.N == 0) return a;
        if (a.S != null)
        {
            var s = new long[a.N];
            for (int i = 0; i < s.Length; i++) s[i] = -a.S[i];
            return new Poly(a.L, a.K, s, null, a.N, a._maxDeg);
        }
        var b = new BigInteger[a.N];
        for (int i = 0; i < b.Length; i++) b[i] = -a.B![i];
        return new Poly(a.L, a.K, null, b, a.N, a._maxDeg);
    }

    private static Poly AddSub(Poly a, Poly b, bool subtract)
    {
        Pad(ref a, ref b);
        if (b.N == 0) return a;
        if (a.N == 0) return subtract ? -b : b;
        var l = a.L.Bits >= b.L.Bits ? a.L : b.L;
        var ka = a.KeysIn(l);
        var kb = b.KeysIn(l);
        if (a.S != null && b.S != null && TryMergeSmall(l, ka, a.S, a.N, kb, b.S, b.N, subtract, out var r)) return r;
        return MergeBig(l, ka, a, kb, b, subtract);
    }

    private static bool TryMergeSmall(MonoLayout l, ulong[] ka, long[] ca, int na, ulong[] kb, long[] cb, int nb,
        bool subtract, out Poly result)
    {
        int w = l.Words;
        var rk = new ulong[(na + nb) * w];
        var rc = new long[na + nb];
        int i = 0, j = 0, m = 0;
        while (i < na || j < nb)
        {
            int c = i == na ? -1 : j == nb ? 1 : w == 1 ? ka[i].CompareTo(kb[j]) : MonoLayout.Compare(ka, i, kb, j, w);
            if (c > 0)
            {
                Array.Copy(ka, i * w, rk, m * w, w);
                rc[m++] = ca[i++];
            }
            else if (c < 0)
            {
                Array.Copy(kb, j * w, rk, m * w, w);
                rc[m++] = subtract ? -cb[j++] : cb[j++];
            }
            else
            {
                long x = ca[i], y = subtract ? -cb[j] : cb[j], s = unchecked(x + y);
                if (((x ^ s) & (y ^ s)) < 0 || s == long.MinValue) { result = null!; return false; }
                if (s != 0)
                {
                    Array.Copy(ka, i * w, rk, m * w, w);
                    rc[m++] = s;
                }
                i++; j++;
            }
        }
        result = Make(l, rk, rc, null, m);
        return true;
    }

    private static Poly MergeBig(MonoLayout l, ulong[] ka, Poly a, ulong[] kb, Poly b, bool subtract)
    {
        int w = l.Words, na = a.N, nb = b.N;
        var rk = new ulong[(na + nb) * w];
        var rc = new BigInteger[na + nb];
        int i = 0, j = 0, m = 0;
        while (i < na || j < nb)
        {
            int c = i == na ? -1 : j == nb ? 1 : MonoLayout.Compare(ka, i, kb, j, w);
            if (c > 0)
            {
                Array.Copy(ka, i * w, rk, m * w, w);
                rc[m++] = a.Coef(i++);
            }
            else if (c < 0)
            {
                Array.Copy(kb, j * w, rk, m * w, w);
                rc[m++] = subtract ? -b.Coef(j++) : b.Coef(j++);
            }
            else
            {
                var s = subtract ? a.Coef(i) - b.Coef(j) : a.Coef(i) + b.Coef(j);
                if (!s.IsZero)
                {
                    Array.Copy(ka, i * w, rk, m * w, w);
                    rc[m++] = s;
                }
                i++; j++;
            }
        }
        return Make(l, rk, null, rc, m);
    }

    /// <summary>Every coefficient multiplied by <paramref name="k"/>.</summary>
    public Poly Scale(BigInteger k)
    {
        if (k.IsZero || N == 0) return Zero(L.Nvars);
        if (k.IsOne) return this;
        if (k == BigInteger.MinusOne) return -this;
        if (S != null && k >= int.MinValue && k <= int.MaxValue)
        {
            long kk = (long)k;
            var s = new long[N];
            bool ok = true;
            for (int i = 0; i < N && ok; i++)
            {
                var p = Math.BigMul(S[i], kk, out long lo);
                ok = (p == 0 && lo >= 0 || p == -1 && lo < 0) && lo != long.MinValue;
                s[i] = lo;
            }
            if (ok) return new Poly(L, K, s, null, N, _maxDeg);
        }
        var b = new BigInteger[N];
        for (int i = 0; i < N; i++) b[i] = Coef(i) * k;
        return Make(L, K, null, b, N);
    }

    /// <summary>Every coefficient divided exactly by <paramref name="k"/> (the caller guarantees divisibility).</summary>
    internal Poly DivideByInteger(BigInteger k)
    {
        if (k.IsOne) return this;
        if (k == BigInteger.MinusOne) return -this;
        if (S != null && FitsLong(k))
        {
            long kk = (long)k;
            var s = new long[N];
            for (int i = 0; i < N; i++) s[i] = S[i] / kk;
            return new Poly(L, K, s, null, N, _maxDeg);
        }
        var b = new BigInteger[N];
        for (int i = 0; i < N; i++) b[i] = Coef(i) / k;
        return Make(L, K, null, b, N);
    }

    /// <summary>The gcd of the integer coefficients, with the sign of the leading coefficient (0 for 0).</summary>
    public BigInteger Content()
    {
        if (N == 0) return BigInteger.Zero;
        BigInteger g;
        if (S != null)
        {
            ulong u = 0;
            for (int i = 0; i < N && u != 1; i++) u = GcdU(u, (ulong)Math.Abs(S[i]));
            g = u;
        }
        else
        {
            g = BigInteger.Zero;
            for (int i = 0; i < N && !g.IsOne; i++) g = BigInteger.GreatestCommonDivisor(g, B![i]);
        }
        return LeadingSign < 0 ? -g : g;
    }

    private static ulong GcdU(ulong a, ulong b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>This divided by its <see cref="Content"/>: integer content 1, positive leading coefficient.</summary>
    public Poly PrimitivePart() => N == 0 ? this : DivideByInteger(Content());

    /// <summary>Partial derivative in one variable.</summary>
    public Poly Derivative(int variable)
    {
        if (!DependsOn(variable)) return Zero(L.Nvars);
        int w = L.Words, word = L.WordOf(variable), shift = L.ShiftOf(variable);
        var rk = new ulong[N * w];
        var rc = new BigInteger[N];
        int m = 0;
        // decrementing one exponent in every surviving term keeps their relative order
        for (int i = 0; i < N; i++)
        {
            int e = L.Exp(K, i, variable);
            if (e == 0) continue;
            Array.Copy(K, i * w, rk, m * w, w);
            rk[m * w + word] -= 1UL << shift;
            rc[m++] = Coef(i) * e;
        }
        return Make(L, rk, null, rc, m);
    }

    /// <summary>The coefficients of this as a polynomial in one variable: c[i] multiplies x^i.
    /// The coefficient polynomials do not contain the variable and keep the variable count.
    /// (C# has no one-element tuples, so this returns the array itself.)</summary>
    public Poly[] CoefficientsIn(int variable)
    {
        if (N == 0) return [Zero(L.Nvars)];
        int d = MaxDegrees[variable], w = L.Words, word = L.WordOf(variable), shift = L.ShiftOf(variable);
        var counts = new int[d + 1];
        for (int i = 0; i < N; i++) counts[L.Exp(K, i, variable)]++;
        var ks = new ulong[d + 1][];
        var cs = new BigInteger[d + 1][];
        for (int e = 0; e <= d; e++) { ks[e] = new ulong[counts[e] * w]; cs[e] = new BigInteger[counts[e]]; }
        var fill = new int[d + 1];
        for (int i = 0; i < N; i++)
        {
            int e = L.Exp(K, i, variable), m = fill[e]++;
            Array.Copy(K, i * w, ks[e], m * w, w);
            ks[e][m * w + word] &= ~(L.Mask << shift);   // same exponent removed from each: order kept
            cs[e][m] = Coef(i);
        }
        var r = new Poly[d + 1];
        for (int e = 0; e <= d; e++) r[e] = Make(L, ks[e], null, cs[e], counts[e]);
        return r;
    }

    /// <summary>Builds Σ c[i]·x^i from coefficient polynomials free of <paramref name="variable"/>.</summary>
    public static Poly FromCoefficients(int variable, IReadOnlyList<Poly> coefficients)
    {
        int nv = coefficients.Count == 0 ? 0 : coefficients.Max(c => c.VariableCount);
        var x = Variable(Math.Max(nv, variable + 1), variable);
        var r = Zero(x.VariableCount);
        for (int i = coefficients.Count - 1; i >= 0; i--) r = r * x + coefficients[i];
        return r;
    }

    /// <summary>This with <paramref name="value"/> put in place of the variable (composition).</summary>
    public Poly Substitute(int variable, Poly value)
    {
        if (!DependsOn(variable)) return value.VariableCount > L.Nvars ? WithVariableCount(value.VariableCount) : this;
        var c = CoefficientsIn(variable);
        var r = c[^1];
        for (int i = c.Length - 2; i >= 0; i--) r = r * value + c[i];
        return r;
    }

    /// <summary>This with the variable set to an integer; the result no longer depends on it.</summary>
    public Poly Evaluate(int variable, BigInteger value)
    {
        if (!DependsOn(variable)) return this;
        int w = L.Words, word = L.WordOf(variable), shift = L.ShiftOf(variable);
        var pow = new BigInteger[MaxDegrees[variable] + 1];
        pow[0] = 1;
        for (int i = 1; i < pow.Length; i++) pow[i] = pow[i - 1] * value;
        var rk = new ulong[N * w];
        var rc = new BigInteger[N];
        for (int i = 0; i < N; i++)
        {
            int e = L.Exp(K, i, variable);
            Array.Copy(K, i * w, rk, i * w, w);
            rk[i * w + word] &= ~(L.Mask << shift);
            rc[i] = Coef(i) * pow[e];
        }
        return SortCombine(L, rk, rc, N);
    }

    /// <summary>The numeric value at a point (one rational per variable).</summary>
    public Rational EvaluateAll(Rational[] values)
    {
        if (values.Length < L.Nvars) throw new ArgumentException($"need {L.Nvars} values");
        var md = MaxDegrees;
        var pows = new Rational[L.Nvars][];
        for (int v = 0; v < L.Nvars; v++)
        {
            pows[v] = new Rational[md[v] + 1];
            pows[v][0] = Rational.One;
            for (int i = 1; i <= md[v]; i++) pows[v][i] = pows[v][i - 1] * values[v];
        }
        Rational sum = Rational.Zero;
        var e = new int[L.Nvars];
        for (int i = 0; i < N; i++)
        {
            L.Unpack(K, i, e);
            Rational t = Coef(i);
            for (int v = 0; v < L.Nvars; v++) if (e[v] != 0) t *= pows[v][e[v]];
            sum += t;
        }
        return sum;
    }

    /// <summary>Exact division; throws <see cref="ArithmeticException"/> when the divisor does not divide.</summary>
    public Poly DivideExact(Poly divisor) => DivideExact(divisor, null);

    /// <summary>Exact division under a budget (size, memory and cancellation checked while dividing).</summary>
    public Poly DivideExact(Poly divisor, Budget? budget) =>
        TryDivideExact(divisor, out var q, budget) ? q : throw new ArithmeticException("the polynomial division is not exact");
}
