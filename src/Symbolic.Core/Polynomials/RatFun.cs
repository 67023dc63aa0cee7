using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Polynomials;

/// <summary>
/// An immutable rational function over Q, stored as numerator/denominator integer polynomials in
/// normal form: gcd(numerator, denominator) = 1 (integer contents included), denominator with positive
/// leading coefficient, 0 as 0/1. Two rational functions are equal exactly when they are equal as
/// functions, which makes <see cref="Equals(RatFun)"/> the engine's zero test.
/// </summary>
/// <example><code>
/// var x = RatFun.FromPoly(Poly.Variable(1, 0));
/// (x * x - 1) / (x - 1) == x + 1   // true
/// </code></example>
public sealed class RatFun : IEquatable<RatFun>
{
    /// <summary>The numerator.</summary>
    public Poly Numerator { get; }
    /// <summary>The denominator (positive leading coefficient).</summary>
    public Poly Denominator { get; }

    private RatFun(Poly num, Poly den)
    {
        Numerator = num;
        Denominator = den;
    }

    /// <summary>num/den brought to normal form (cancels the gcd).</summary>
    public static RatFun Of(Poly num, Poly den, Budget? budget = null)
    {
        Poly.Pad(ref num, ref den);
        if (den.IsZero) throw new DivideByZeroException("rational function with zero denominator");
        if (num.IsZero) return Zero(num.VariableCount);
        var g = PolyGcd.Gcd(num, den, budget);
        if (!g.IsOne)
        {
            num = num.DivideExact(g, budget);
            den = den.DivideExact(g, budget);
        }
        return Signed(num, den);
    }

    /// <summary>For coprime parts: only the sign of the denominator is fixed.</summary>
    private static RatFun Signed(Poly num, Poly den) =>
        den.LeadingSign < 0 ? new RatFun(-num, -den) : new RatFun(num, den);

    /// <summary>A polynomial as a rational function.</summary>
    public static RatFun FromPoly(Poly p) => new(p, Poly.One(p.VariableCount));

    /// <summary>A rational constant.</summary>
    public static RatFun Constant(int nvars, Rational c) =>
        new(Poly.Constant(nvars, c.Num), Poly.Constant(nvars, c.Den));

    /// <summary>0.</summary>
    public static RatFun Zero(int nvars) => new(Poly.Zero(nvars), Poly.One(nvars));
    /// <summary>1.</summary>
    public static RatFun One(int nvars) => new(Poly.One(nvars), Poly.One(nvars));

    /// <summary>True for 0.</summary>
    public bool IsZero => Numerator.IsZero;
    /// <summary>True for a constant.</summary>
    public bool IsConstant => Numerator.IsConstant && Denominator.IsConstant;
    /// <summary>True for 1.</summary>
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;
    /// <summary>True when the denominator is 1.</summary>
    public bool IsPolynomial => Denominator.IsOne;
    /// <summary>The number of variables.</summary>
    public int VariableCount => Math.Max(Numerator.VariableCount, Denominator.VariableCount);

    /// <summary>The value of a constant (valid when <see cref="IsConstant"/>).</summary>
    public Rational ConstantValue => Rational.Of(Numerator.ConstantValue, Denominator.ConstantValue);

    /// <summary>Sum: with g = gcd(b, d), a/b + c/d = (a·(d/g) + c·(b/g)) / (b/g·d), and only
    /// gcd(numerator, g) can still cancel.</summary>
    public static RatFun Add(RatFun x, RatFun y, Budget? budget)
    {
        if (x.IsZero) return y;
        if (y.IsZero) return x;
        Poly a = x.Numerator, b = x.Denominator, c = y.Numerator, d = y.Denominator;
        if (b.IsOne && d.IsOne) return FromPoly(a + c);
        if (b.Equals(d)) return Of(a + c, b, budget);
        var g = PolyGcd.Gcd(b, d, budget);
        if (g.IsOne)
        {
            var num = Poly.Multiply(a, d, budget) + Poly.Multiply(c, b, budget);
            return num.IsZero ? Zero(x.VariableCount) : new RatFun(num, Poly.Multiply(b, d, budget));
        }
        var b1 = b.DivideExact(g, budget);
        var d1 = d.DivideExact(g, budget);
        var n = Poly.Multiply(a, d1, budget) + Poly.Multiply(c, b1, budget);
        if (n.IsZero) return Zero(x.VariableCount);
        var h = PolyGcd.Gcd(n, g, budget);
        if (!h.IsOne)
        {
            n = n.DivideExact(h, budget);
            d = d.DivideExact(h, budget);
        }
        return Signed(n, Poly.Multiply(b1, d, budget));
    }

    /// <summary>Difference.</summary>
    public static RatFun Subtract(RatFun x, RatFun y, Budget? budget) => Add(x, Negate(y), budget);

    /// <summary>Product: a/b · c/d with gcd(a, d) and gcd(c, b) cancelled first.</summary>
    public static RatFun Multiply(RatFun x, RatFun y, Budget? budget)
    {
        if (x.IsZero || y.IsZero) return Zero(Math.Max(x.VariableCount, y.VariableCount));
        Poly a = x.Numerator, b = x.Denominator, c = y.Numerator, d = y.Denominator;
        if (b.IsOne && d.IsOne) return FromPoly(Poly.Multiply(a, c, budget));
        var g1 = PolyGcd.Gcd(a, d, budget);
        var g2 = PolyGcd.Gcd(c, b, budget);
        if (!g1.IsOne) { a = a.DivideExact(g1, budget); d = d.DivideExact(g1, budget); }
        if (!g2.IsOne) { c = c.DivideExact(g2, budget); b = b.DivideExact(g2, budget); }
        return Signed(Poly.Multiply(a, c, budget), Poly.Multiply(b, d, budget));
    }

    /// <summary>Quotient.</summary>
    public static RatFun Divide(RatFun x, RatFun y, Budget? budget) => Multiply(x, y.Reciprocal(), budget);

    /// <summary>Negation.</summary>
    public static RatFun Negate(RatFun x) => new(-x.Numerator, x.Denominator);

    /// <summary>1/this.</summary>
    public RatFun Reciprocal()
    {
        if (IsZero) throw new DivideByZeroException("reciprocal of the zero rational function");
        return Signed(Denominator, Numerator);
    }

    /// <summary>Sum.</summary>
    public static RatFun operator +(RatFun a, RatFun b) => Add(a, b, null);
    /// <summary>Difference.</summary>
    public static RatFun operator -(RatFun a, RatFun b) => Subtract(a, b, null);
    /// <summary>Negation.</summary>
    public static RatFun operator -(RatFun a) => Negate(a);
    /// <summary>Product.</summary>
    public static RatFun operator *(RatFun a, RatFun b) => Multiply(a, b, null);
    /// <summary>Quotient.</summary>
    public static RatFun operator /(RatFun a, RatFun b) => Divide(a, b, null);

    /// <summary>An integer power; negative powers invert (parts stay coprime, so nothing cancels).</summary>
    public RatFun Pow(int n) => Pow(n, null);

    /// <summary>An integer power under a budget.</summary>
    public RatFun Pow(int n, Budget? budget)
    {
        if (n == 0) return One(VariableCount);
        if (n < 0) return Reciprocal().Pow(-n, budget);
        return new RatFun(Numerator.Pow(n, budget), Denominator.Pow(n, budget));
    }

    /// <summary>Partial derivative: (a′b − ab′)/b².</summary>
    public RatFun Derivative(int variable) => Derivative(variable, null);

    /// <summary>Partial derivative under a budget. With g = gcd(b, b′) the result is
    /// (a′·(b/g) − a·(b′/g)) / (b·(b/g)), which keeps the final gcd small.</summary>
    public RatFun Derivative(int variable, Budget? budget)
    {
        Poly a = Numerator, b = Denominator;
        var da = a.Derivative(variable);
        if (b.IsConstant) return Of(da, b, budget);   // (x^3+1)/3 differentiates to 3x^2/3: contents can cancel
        var db = b.Derivative(variable);
        if (db.IsZero) return Of(da, b, budget);
        var g = PolyGcd.Gcd(b, db, budget);
        var bg = b.DivideExact(g, budget);
        var num = Poly.Multiply(da, bg, budget) - Poly.Multiply(a, db.DivideExact(g, budget), budget);
        return Of(num, Poly.Multiply(b, bg, budget), budget);
    }

    /// <summary>This with <paramref name="value"/> put in place of the variable.</summary>
    public RatFun Substitute(int variable, RatFun value) => Substitute(variable, value, null);

    /// <summary>Substitution under a budget: with value = p/q, P(p/q) = Σ c_i p^i q^(n−i) / q^n, so the
    /// result is one fraction and a single gcd at the end.</summary>
    public RatFun Substitute(int variable, RatFun value, Budget? budget)
    {
        int dn = Numerator.Degree(variable), dd = Denominator.Degree(variable);
        if (dn <= 0 && dd <= 0) return this;
        var p = value.Numerator;
        var q = value.Denominator;
        var n = Homogenize(Numerator, variable, p, q, Math.Max(dn, 0), budget);
        var d = Homogenize(Denominator, variable, p, q, Math.Max(dd, 0), budget);
        int e = dd - dn;
        if (e > 0) n = Poly.Multiply(n, q.Pow(e, budget), budget);
        else if (e < 0) d = Poly.Multiply(d, q.Pow(-e, budget), budget);
        return Of(n, d, budget);
    }

    private static Poly Homogenize(Poly f, int variable, Poly p, Poly q, int deg, Budget? budget)
    {
        var c = f.CoefficientsIn(variable);
        // Horner in p/q, scaled by q^deg: r = r·p + c_i·q^(deg−i)
        var r = c[^1];
        var qi = Poly.One(Math.Max(f.VariableCount, q.VariableCount));
        for (int i = c.Length - 2; i >= 0; i--)
        {
            qi = Poly.Multiply(qi, q, budget);
            r = Poly.Multiply(r, p, budget) + Poly.Multiply(c[i], qi, budget);
        }
        return r;
    }

    /// <summary>The numeric value at a point.</summary>
    public Rational EvaluateAll(Rational[] values) => Numerator.EvaluateAll(values) / Denominator.EvaluateAll(values);

    /// <inheritdoc/>
    public bool Equals(RatFun? other) =>
        other is not null && Numerator.Equals(other.Numerator) && Denominator.Equals(other.Denominator);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RatFun);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    /// <summary>Equality of rational functions.</summary>
    public static bool operator ==(RatFun? a, RatFun? b) => a is null ? b is null : a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(RatFun? a, RatFun? b) => !(a == b);

    /// <summary>Text with the given variable names.</summary>
    public string ToString(IReadOnlyList<string> variableNames) =>
        Denominator.IsOne ? Numerator.ToString(variableNames)
            : $"({Numerator.ToString(variableNames)})/({Denominator.ToString(variableNames)})";

    /// <inheritdoc/>
    public override string ToString() =>
        Denominator.IsOne ? Numerator.ToString() : $"({Numerator})/({Denominator})";
}
