using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Polynomials;

/// <summary>
/// A rational function N / (c · ∏ fᵢ^eᵢ) whose denominator is kept factored over the pairwise coprime
/// polynomials fᵢ of a <see cref="FactoredFractions"/> base. In normal form gcd(N, fᵢ) = 1 for every factor
/// present and gcd(content N, c) = 1, so the value is the same canonical fraction as <see cref="RatFun"/>'s.
/// Immutable; only meaningful with the base that made it.
/// </summary>
public sealed class FactoredFraction
{
    /// <summary>The numerator.</summary>
    public Poly Numerator { get; }
    /// <summary>The positive integer part c of the denominator.</summary>
    public BigInteger Content { get; }
    internal readonly (int Index, int Exponent)[] Factors;   // sorted by index, exponents > 0
    internal readonly int Version;

    internal FactoredFraction(Poly numerator, BigInteger content, (int, int)[] factors, int version)
    {
        Numerator = numerator; Content = content; Factors = factors; Version = version;
    }

    /// <summary>True for 0.</summary>
    public bool IsZero => Numerator.IsZero;
    /// <summary>True when the denominator is an integer.</summary>
    public bool IsPolynomial => Factors.Length == 0;
    /// <summary>True for a rational constant.</summary>
    public bool IsConstant => Factors.Length == 0 && Numerator.IsConstant;
}

/// <summary>
/// Rational arithmetic with factored denominators: a base of pairwise coprime primitive polynomials (met as
/// denominators, split further whenever a gcd shows a common part) and fractions over it. The common
/// denominator of a sum is the product of the larger powers, with no gcd; only a factor that both summands
/// carry to the same power can cancel, and each such factor is tried by exact division, then proved coprime by a
/// modular test (a full gcd only when that test cannot decide). A product cancels only across the operands.
/// This is the rational normal form (<see cref="RatFun"/>) without re-finding the common denominator by gcd,
/// which is what dominates curvature computations of metrics whose denominators are products of a few factors.
/// </summary>
/// <remarks>Not thread-safe: the base grows as denominators are met.</remarks>
/// <example><code>
/// var q = new FactoredFractions();
/// var s = q.Add(q.FromRatFun(RatFun.Of(one, x)), q.FromRatFun(RatFun.Of(one, y)));   // (x + y)/(x·y), no gcd
/// q.ToRatFun(s);
/// </code></example>
public sealed class FactoredFractions
{
    private readonly Budget _budget;
    private readonly Func<Poly, Poly>? _reduce;
    private readonly List<Poly> _base = new();
    private readonly List<(int Index, int Exponent)[]?> _replacedBy = new();
    private readonly List<List<Poly>> _powers = new();
    private readonly Dictionary<(int, int), Poly> _derivatives = new();
    private int _version;

    /// <summary>A new, empty base. <paramref name="reduce"/>, when given, rewrites every numerator after a
    /// product or a derivative (the algebraic relations of the normal form: sin²u = 1 − cos²u, (√P)² = P);
    /// denominators must then be free of the reduced variables.</summary>
    public FactoredFractions(Budget? budget = null, Func<Poly, Poly>? reduce = null)
    {
        _budget = budget ?? Budget.Unlimited;
        _reduce = reduce;
    }

    /// <summary>The number of gcds of polynomials computed so far (exact divisions and modular tests not counted).</summary>
    public int GcdCount { get; private set; }
    /// <summary>The number of modular coprimality tests so far.</summary>
    public int CoprimalityTests { get; private set; }

    /// <summary>The factors of the base now in use.</summary>
    public IReadOnlyList<Poly> Factors => _base.Where((_, i) => _replacedBy[i] is null).ToList();

    /// <summary>0.</summary>
    public FactoredFraction Zero { get; } = new(Poly.Zero(1), BigInteger.One, Array.Empty<(int, int)>(), 0);

    /// <summary>A rational constant.</summary>
    public FactoredFraction Constant(Rational q) => new(Poly.Constant(1, q.Num), q.Den, Array.Empty<(int, int)>(), _version);

    /// <summary>A polynomial.</summary>
    public FactoredFraction FromPoly(Poly p) => new(p, BigInteger.One, Array.Empty<(int, int)>(), _version);

    /// <summary>A fraction in <see cref="RatFun"/>'s normal form (coprime parts), its denominator factored over the base.</summary>
    public FactoredFraction FromRatFun(RatFun f)
    {
        if (f.IsZero) return Zero;
        if (f.Denominator.IsConstant) return new(f.Numerator, f.Denominator.ConstantValue, Array.Empty<(int, int)>(), _version);
        var (c, factors, unit) = Decompose(f.Denominator);
        // coprime parts stay coprime under any splitting of the denominator: no cancellation to do
        return new(unit < 0 ? -f.Numerator : f.Numerator, c, factors, _version);
    }

    /// <summary>The same fraction as a <see cref="RatFun"/> (the denominator multiplied out).</summary>
    public RatFun ToRatFun(FactoredFraction x)
    {
        x = Current(x);
        return RatFun.Of(x.Numerator, Denominator(x), _budget);
    }

    /// <summary>The denominator multiplied out.</summary>
    public Poly Denominator(FactoredFraction x)
    {
        x = Current(x);
        var d = Poly.Constant(x.Numerator.VariableCount, x.Content);
        foreach (var (i, e) in x.Factors) d = Poly.Multiply(d, Power(i, e), _budget);
        return d;
    }

    /// <summary>The denominator as (factor, exponent) pairs and its integer part.</summary>
    public (BigInteger Content, IReadOnlyList<(Poly Factor, int Exponent)> Factors) DenominatorFactors(FactoredFraction x)
    {
        x = Current(x);
        return (x.Content, x.Factors.Select(p => (_base[p.Index], p.Exponent)).ToList());
    }

    /// <summary>−x.</summary>
    public FactoredFraction Negate(FactoredFraction x) => x.IsZero ? x : new(-x.Numerator, x.Content, x.Factors, x.Version);

    /// <summary>x − y.</summary>
    public FactoredFraction Subtract(FactoredFraction x, FactoredFraction y) => Add(x, Negate(y));

    /// <summary>x + y over the product of the larger powers of the factors: no gcd of denominators.</summary>
    public FactoredFraction Add(FactoredFraction x, FactoredFraction y)
    {
        if (x.IsZero) return y;
        if (y.IsZero) return x;
        _budget.ThrowIfCancelled();
        x = Current(x); y = Current(y);
        var fx = x.Factors; var fy = y.Factors;
        var merged = new List<(int, int)>(fx.Length + fy.Length);
        var candidates = new List<int>();
        Poly? cofX = null, cofY = null;   // L / den x and L / den y without the integer parts
        int i = 0, j = 0;
        while (i < fx.Length || j < fy.Length)
        {
            int ix = i < fx.Length ? fx[i].Index : int.MaxValue, iy = j < fy.Length ? fy[j].Index : int.MaxValue;
            if (ix == iy)
            {
                int ex = fx[i].Exponent, ey = fy[j].Exponent;
                merged.Add((ix, Math.Max(ex, ey)));
                if (ex == ey) candidates.Add(merged.Count - 1);
                else if (ex < ey) cofX = Times(cofX, Power(ix, ey - ex));
                else cofY = Times(cofY, Power(ix, ex - ey));
                i++; j++;
            }
            else if (ix < iy) { merged.Add(fx[i]); cofY = Times(cofY, Power(ix, fx[i].Exponent)); i++; }
            else { merged.Add(fy[j]); cofX = Times(cofX, Power(iy, fy[j].Exponent)); j++; }
        }
        var g = BigInteger.GreatestCommonDivisor(x.Content, y.Content);
        var c = x.Content / g * y.Content;
        var a = x.Numerator * (y.Content / g);
        var b = y.Numerator * (x.Content / g);
        if (cofX is not null) a = Poly.Multiply(a, cofX, _budget);
        if (cofY is not null) b = Poly.Multiply(b, cofY, _budget);
        var num = a + b;
        if (num.IsZero) return Zero;
        _budget.Check(num.TermCount, "a sum of fractions");
        var factors = merged.ToArray();
        return Normalize(num, c, factors, candidates, g.IsOne ? BigInteger.One : g);
    }

    /// <summary>x · y, cancelling each operand's denominator against the other's numerator only.</summary>
    public FactoredFraction Multiply(FactoredFraction x, FactoredFraction y)
    {
        if (x.IsZero || y.IsZero) return Zero;
        _budget.ThrowIfCancelled();
        x = Current(x); y = Current(y);
        var (yn, fx) = CancelInto(y.Numerator, x.Factors);
        var (xn, fy) = CancelInto(x.Numerator, y.Factors);
        if (fx is null || fy is null) return Multiply(x, y);   // a factor was split: the base changed, start again
        var g1 = BigInteger.GreatestCommonDivisor(xn.IsZero ? BigInteger.One : xn.Content(), y.Content);
        var g2 = BigInteger.GreatestCommonDivisor(yn.Content(), x.Content);
        if (!g1.IsOne) xn = xn.DivideByInteger(g1);
        if (!g2.IsOne) yn = yn.DivideByInteger(g2);
        var num = xn.IsConstant ? yn * xn.ConstantValue : yn.IsConstant ? xn * yn.ConstantValue : Poly.Multiply(xn, yn, _budget);
        var c = x.Content / g2 * (y.Content / g1);
        var factors = MergeAdd(fx, fy);
        if (_reduce is not null)
        {
            var reduced = _reduce(num);
            if (!ReferenceEquals(reduced, num) && !reduced.Equals(num))
            {
                if (reduced.IsZero) return Zero;
                return Normalize(reduced, c, factors, Enumerable.Range(0, factors.Length).ToList(), c);
            }
        }
        return new(num, c, factors, _version);
    }

    /// <summary>∂x/∂(variable): (N′·∏fᵢ − N·Σ eᵢ fᵢ′ ∏_{j≠i} fⱼ) / (c·∏fᵢ^{eᵢ+1}) over the factors that depend on it.</summary>
    public FactoredFraction Derivative(FactoredFraction x, int variable)
    {
        if (x.IsZero) return x;
        x = Current(x);
        var dn = x.Numerator.Derivative(variable);
        var s = x.Factors.Where(p => _base[p.Index].DependsOn(variable)).ToList();
        if (s.Count == 0)
        {
            if (dn.IsZero) return Zero;
            return Normalize(Reduced(dn), x.Content, x.Factors, Enumerable.Range(0, x.Factors.Length).ToList(), x.Content);
        }
        var all = Poly.One(x.Numerator.VariableCount);
        foreach (var (i, _) in s) all = Poly.Multiply(all, _base[i], _budget);
        var num = dn.IsZero ? dn : Poly.Multiply(dn, all, _budget);
        foreach (var (i, e) in s)
        {
            var others = Poly.Constant(x.Numerator.VariableCount, e);
            foreach (var (k, _) in s) if (k != i) others = Poly.Multiply(others, _base[k], _budget);
            num -= Poly.Multiply(x.Numerator, Poly.Multiply(others, FactorDerivative(i, variable), _budget), _budget);
        }
        if (num.IsZero) return Zero;
        var factors = x.Factors.Select(p => s.Any(q => q.Index == p.Index) ? (p.Index, p.Exponent + 1) : p).ToArray();
        return Normalize(Reduced(num), x.Content, factors, Enumerable.Range(0, factors.Length).ToList(), x.Content);
    }

    private Poly Reduced(Poly p) => _reduce is null ? p : _reduce(p);

    private Poly FactorDerivative(int i, int variable)
    {
        if (!_derivatives.TryGetValue((i, variable), out var d)) _derivatives[(i, variable)] = d = _base[i].Derivative(variable);
        return d;
    }

    // ---------------------------------------------------------------- normal form

    /// <summary>
    /// num / (c·∏ factors) brought to normal form, where only the factors at the positions
    /// <paramref name="candidates"/> and the integer divisor <paramref name="contentCandidate"/> of c can share
    /// anything with num.
    /// </summary>
    private FactoredFraction Normalize(Poly num, BigInteger c, (int Index, int Exponent)[] factors, List<int> candidates, BigInteger contentCandidate)
    {
        if (candidates.Count > 0)
        {
            var exps = factors.Select(p => p.Exponent).ToArray();
            foreach (var k in candidates)
            {
                int f = factors[k].Index;
                while (exps[k] > 0 && num.TryDivideExact(_base[f], out var q, _budget)) { num = q; exps[k]--; }
                if (exps[k] > 0 && !Coprime(num, f))
                {
                    // a proper common part: split the factor and start again on the finer base
                    var current = Current(new FactoredFraction(num, c, Rebuild(factors, exps), -1));
                    return Normalize(current.Numerator, c, current.Factors, Enumerable.Range(0, current.Factors.Length).ToList(), contentCandidate);
                }
            }
            factors = Rebuild(factors, exps);
        }
        if (!contentCandidate.IsOne && !c.IsOne)
        {
            var g = BigInteger.GreatestCommonDivisor(num.Content(), c);
            if (!g.IsOne) { num = num.DivideByInteger(g); c /= g; }
        }
        return new(num, c, factors, _version);
    }

    private static (int, int)[] Rebuild((int Index, int Exponent)[] factors, int[] exps)
    {
        var r = new List<(int, int)>(factors.Length);
        for (int k = 0; k < factors.Length; k++) if (exps[k] > 0) r.Add((factors[k].Index, exps[k]));
        return r.ToArray();
    }

    /// <summary>Divides the factors of <paramref name="factors"/> out of p where they divide it; null factors when the base was split.</summary>
    private (Poly, (int, int)[]?) CancelInto(Poly p, (int Index, int Exponent)[] factors)
    {
        if (factors.Length == 0) return (p, factors);
        var exps = factors.Select(f => f.Exponent).ToArray();
        for (int k = 0; k < factors.Length; k++)
        {
            int f = factors[k].Index;
            while (exps[k] > 0 && p.TryDivideExact(_base[f], out var q, _budget)) { p = q; exps[k]--; }
            if (exps[k] > 0 && !Coprime(p, f)) return (p, null);
        }
        return (p, Rebuild(factors, exps));
    }

    /// <summary>
    /// True when gcd(p, base factor f) = 1. A factor f that does not divide p may still share a proper part with it:
    /// then the base is refined (f split) and false is returned.
    /// </summary>
    private bool Coprime(Poly p, int f)
    {
        var b = _base[f];
        if (p.IsConstant) return true;
        CoprimalityTests++;
        if (PolyGcd.ProvablyCoprime(Pad(p, b), Pad(b, p))) return true;
        GcdCount++;
        var g = PolyGcd.Gcd(p, b, _budget);
        if (g.IsConstant) return true;
        Split(f, g);
        return false;
    }

    private static Poly Pad(Poly a, Poly b) => a.VariableCount >= b.VariableCount ? a : a.WithVariableCount(b.VariableCount);

    private static Poly? Times(Poly? a, Poly b) => a is null ? b : a * b;

    private static (int, int)[] MergeAdd((int Index, int Exponent)[] a, (int Index, int Exponent)[] b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a;
        var r = new List<(int, int)>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            int ia = i < a.Length ? a[i].Index : int.MaxValue, ib = j < b.Length ? b[j].Index : int.MaxValue;
            if (ia == ib) { r.Add((ia, a[i].Exponent + b[j].Exponent)); i++; j++; }
            else if (ia < ib) r.Add(a[i++]);
            else r.Add(b[j++]);
        }
        return r.ToArray();
    }

    private Poly Power(int i, int e)
    {
        var list = _powers[i];
        while (list.Count < e) list.Add(Poly.Multiply(list[^1], _base[i], _budget));
        return list[e - 1];
    }

    // ---------------------------------------------------------------- the base

    /// <summary>x with every retired factor replaced by its parts.</summary>
    private FactoredFraction Current(FactoredFraction x)
    {
        if (x.Version == _version || x.Factors.Length == 0) return x;
        if (x.Factors.All(p => _replacedBy[p.Index] is null)) return new(x.Numerator, x.Content, x.Factors, _version);
        var exps = new SortedDictionary<int, int>();
        void Put(int i, int e)
        {
            if (_replacedBy[i] is { } parts) { foreach (var (k, m) in parts) Put(k, e * m); return; }
            exps[i] = exps.GetValueOrDefault(i) + e;
        }
        foreach (var (i, e) in x.Factors) Put(i, e);
        return new(x.Numerator, x.Content, exps.Select(kv => (kv.Key, kv.Value)).ToArray(), _version);
    }

    private int AddFactor(Poly f)
    {
        _base.Add(f);
        _replacedBy.Add(null);
        _powers.Add(new List<Poly> { f });
        return _base.Count - 1;
    }

    /// <summary>Replaces factor f by the coprime parts of g and f/g (g a proper divisor of f).</summary>
    private void Split(int f, Poly g)
    {
        var parts = Refine(new List<(Poly, int)> { (Primitive(g), 1), (Primitive(_base[f].DivideExact(g, _budget)), 1) });
        _replacedBy[f] = parts.Select(p => (AddFactor(p.Item1), p.Item2)).ToArray();
        _version++;
    }

    /// <summary>
    /// D = ±c·∏ fᵢ^eᵢ over the base, extending it: known factors are divided out (a known factor sharing a proper part
    /// with D is split), the rest is split by contents in each variable and square-free parts, made pairwise coprime.
    /// </summary>
    private (BigInteger Content, (int, int)[] Factors, int Unit) Decompose(Poly d)
    {
        var content = d.Content();
        int unit = d.LeadingSign;
        d = d.DivideByInteger(content * unit);
        var exps = new SortedDictionary<int, int>();
        restart:
        for (int i = 0; i < _base.Count && !d.IsConstant; i++)
        {
            if (_replacedBy[i] is not null) continue;
            int e = 0;
            while (d.TryDivideExact(_base[i], out var q, _budget)) { d = q; e++; }
            if (e > 0) exps[i] = exps.GetValueOrDefault(i) + e;
            if (!d.IsConstant && !Coprime(d, i))
            {
                // factor i was split: move its exponent to the parts and look again
                if (exps.Remove(i, out var old))
                    foreach (var (k, m) in _replacedBy[i]!) exps[k] = exps.GetValueOrDefault(k) + old * m;
                goto restart;
            }
        }
        if (!d.IsConstant)
        {
            // d is coprime to the whole base, so its parts are new factors
            foreach (var (p, m) in Refine(Pieces(d))) exps[AddFactor(p)] = m;
        }
        return (content, exps.Select(kv => (kv.Key, kv.Value)).ToArray(), unit);
    }

    private static Poly Primitive(Poly p)
    {
        p = p.PrimitivePart();
        return p.LeadingSign < 0 ? -p : p;
    }

    /// <summary>A splitting of a primitive polynomial: monomial factors, contents in each variable, square-free parts.</summary>
    private List<(Poly, int)> Pieces(Poly d)
    {
        var result = new List<(Poly, int)>();
        int n = d.VariableCount;
        var min = d.MinDegrees();
        if (min.Any(m => m > 0))
        {
            d = d.DivideExact(Poly.Monomial(min, 1), _budget);
            for (int v = 0; v < n; v++) if (min[v] > 0) result.Add((Poly.Variable(n, v), min[v]));
        }
        void SplitPiece(Poly p, int m, int depth)
        {
            if (p.IsConstant) return;
            p = Primitive(p);
            if (depth < 8)
                for (int v = 0; v < n; v++)
                {
                    if (!p.DependsOn(v)) continue;
                    var cs = p.CoefficientsIn(v);
                    if (cs.Length < 2) continue;
                    Poly g = Poly.Zero(n);
                    foreach (var c in cs.Where(c => !c.IsZero).OrderBy(c => c.TermCount))
                    {
                        GcdCount++;
                        g = PolyGcd.Gcd(g, c, _budget);
                        if (g.IsConstant) break;
                    }
                    if (!g.IsConstant)
                    {
                        SplitPiece(g, m, depth + 1);
                        SplitPiece(p.DivideExact(g, _budget), m, depth + 1);
                        return;
                    }
                }
            foreach (var (f, k) in SquareFree(p)) result.Add((f, m * k));
        }
        SplitPiece(d, 1, 0);
        return result;
    }

    /// <summary>Yun's square-free decomposition in the variable of highest degree; the cofactor (content) kept whole.</summary>
    private List<(Poly, int)> SquareFree(Poly f)
    {
        int n = f.VariableCount;
        int x = Enumerable.Range(0, n).OrderByDescending(f.Degree).First();
        var fp = f.Derivative(x);
        GcdCount++;
        var a = PolyGcd.Gcd(f, fp, _budget);
        if (a.IsConstant) return new() { (f, 1) };
        var result = new List<(Poly, int)>();
        var b = f.DivideExact(a, _budget);
        var c = fp.DivideExact(a, _budget);
        var d = c - b.Derivative(x);
        var product = Poly.One(n);
        for (int i = 1; !b.IsConstant && i < 64; i++)
        {
            GcdCount++;
            var ai = PolyGcd.Gcd(b, d, _budget);
            b = b.DivideExact(ai, _budget);
            c = d.DivideExact(ai, _budget);
            d = c - b.Derivative(x);
            if (!ai.IsConstant) { result.Add((Primitive(ai), i)); product = Poly.Multiply(product, ai.Pow(i, _budget), _budget); }
        }
        var rest = f.DivideExact(product, _budget);
        if (!rest.IsConstant) result.Add((Primitive(rest), 1));
        return result;
    }

    /// <summary>A pairwise coprime refinement of a product ∏ pᵢ^mᵢ: while two parts share a gcd g, both are divided by it and g joins.</summary>
    private List<(Poly, int)> Refine(List<(Poly, int)> items)
    {
        items = items.Where(t => !t.Item1.IsConstant).Select(t => (Primitive(t.Item1), t.Item2)).ToList();
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < items.Count && !changed; i++)
                for (int j = i + 1; j < items.Count && !changed; j++)
                {
                    var (a, ma) = items[i];
                    var (b, mb) = items[j];
                    if (a.Equals(b)) { items[i] = (a, ma + mb); items.RemoveAt(j); changed = true; break; }
                    CoprimalityTests++;
                    if (PolyGcd.ProvablyCoprime(Pad(a, b), Pad(b, a))) continue;
                    GcdCount++;
                    var g = PolyGcd.Gcd(a, b, _budget);
                    if (g.IsConstant) continue;
                    var next = new List<(Poly, int)>();
                    for (int k = 0; k < items.Count; k++) if (k != i && k != j) next.Add(items[k]);
                    next.Add((Primitive(g), ma + mb));
                    var ra = a.DivideExact(g, _budget);
                    var rb = b.DivideExact(g, _budget);
                    if (!ra.IsConstant) next.Add((Primitive(ra), ma));
                    if (!rb.IsConstant) next.Add((Primitive(rb), mb));
                    items = next;
                    changed = true;
                }
        }
        return items;
    }
}
