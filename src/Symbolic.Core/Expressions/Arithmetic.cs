using System.Collections.Immutable;
using System.Diagnostics;
using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core;

/// <summary>A power b^e that is not folded into a number or a product.</summary>
public sealed class Power : Expr
{
    /// <summary>The base.</summary>
    public Expr Base { get; }
    /// <summary>The exponent.</summary>
    public Expr Exponent { get; }

    private Power(Expr b, Expr e) : base(Mix(Mix(b.GetHashCode(), e.GetHashCode()), 0x9F), DepthOf(b, e)) { Base = b; Exponent = e; }

    internal static Power Raw(Expr b, Expr e) => new(b, e);

    /// <summary>
    /// b^e in canonical form: numbers fold ((2/3)^2, 8^{1/3} = 2, 2^{3/2} = 2√2), (x^a)^n = x^{an} for integer n,
    /// integer powers distribute over products, positive factors come out of fractional powers.
    /// </summary>
    public static Expr Of(Expr b, Expr e)
    {
        if (e.IsZero) return One;
        if (e.IsOne) return b;
        if (b.IsOne) return One;
        if (b.IsZero)
        {
            if (e is Number ne)
            {
                if (ne.Value.Sign > 0) return Zero;
                throw new DivideByZeroException("division by zero: 0 raised to a negative power");
            }
            return new Power(b, e);
        }
        if (b is Number nb && e is Number nexp) return NumberPower(nb.Value, nexp.Value);
        bool integerExponent = e is Number { Value.IsInteger: true };
        switch (b)
        {
            case Power p when integerExponent || Assume.IsNonnegative(p.Base) && Assume.IsReal(p.Exponent) && Assume.IsReal(e):   // (b^p)^e = b^{pe} for b ≥ 0: √(x²) = x when x ≥ 0
                return Of(p.Base, Product.Of(p.Exponent, e));
            case Product prod when integerExponent:
            {
                var parts = new List<Expr>(prod.Factors.Length + 1) { NumberPower(prod.Coefficient, ((Number)e).Value) };
                foreach (var (fb, fe) in prod.Factors) parts.Add(Of(fb, Product.Of(fe, e)));
                return Product.Of(parts);
            }
            case Product prod when Assume.IsReal(e):
            {
                // (c·∏ bᵢ)^e = c^e · ∏ bᵢ^e for c > 0 and the positive factors; the rest stay under one power.
                var outside = new List<Expr>();
                var inside = new List<Expr>();
                if (prod.Coefficient.Sign > 0) outside.Add(Of(Number.Of(prod.Coefficient), e));
                else inside.Add(Number.Of(prod.Coefficient));
                foreach (var (fb, fe) in prod.Factors)
                {
                    if (Assume.IsNonnegative(fb) && Assume.IsReal(fe)) outside.Add(Of(fb, Product.Of(fe, e)));
                    else inside.Add(Of(fb, fe));
                }
                if (outside.Count == 0 || (outside.Count == 1 && prod.Coefficient.Sign > 0 && inside.Count > 1)) return new Power(b, e);
                var rest = Product.Of(inside);
                outside.Add(rest.IsOne ? One : rest is Product ? new Power(rest, e) : Of(rest, e));
                return Product.Of(outside);
            }
        }
        return new Power(b, e);
    }

    /// <summary>q^r for rationals, exact where the root is exact.</summary>
    internal static Expr NumberPower(Rational q, Rational r)
    {
        if (r.IsInteger)
        {
            if (q.IsZero && r.Sign < 0) throw new DivideByZeroException("division by zero");
            if (BigInteger.Abs(r.Num) > 100_000) throw new BudgetExceededException($"the power {q}^{r} is too large to compute exactly");
            return Number.Of(q.Pow((int)r.Num));
        }
        if (q.Sign < 0) return new Power(Number.Of(q), Number.Of(r));   // complex: keep as written
        // q^(p/n) = q^floor · q^(frac): pull out the integer part, then exact n-th roots of numerator and denominator.
        var n = (int)r.Den;
        var whole = BigInteger.Divide(r.Num - (r.Num.Sign < 0 ? r.Den - 1 : 0), r.Den);
        var frac = r - whole;
        Rational coefficient = q.Pow((int)whole);
        var num = q.Num; var den = q.Den;
        var (rootNum, restNum) = ExtractRoot(num, n);
        var (rootDen, restDen) = ExtractRoot(den, n);
        int p = (int)frac.Num;
        coefficient *= Rational.Of(BigInteger.Pow(rootNum, p), BigInteger.Pow(rootDen, p));
        // What remains under the root: restNum/restDen; keep a single power of a rational base.
        var restBase = Rational.Of(restNum, restDen);
        if (restBase.IsOne) return Number.Of(coefficient);
        var rest = new Power(Number.Of(restBase), Number.Of(frac));
        return coefficient.IsOne ? rest : Product.Of(Number.Of(coefficient), rest);
    }

    /// <summary>Splits m = a^n · b with b free of n-th powers (trial division by small primes only).</summary>
    private static (BigInteger Root, BigInteger Remainder) ExtractRoot(BigInteger m, int n)
    {
        BigInteger root = 1, rest = 1;
        if (m.IsOne) return (1, 1);
        for (int p = 2; p < 1000 && m > 1; p += p == 2 ? 1 : 2)
        {
            int k = 0;
            while ((m % p).IsZero) { m /= p; k++; }
            if (k == 0) continue;
            root *= BigInteger.Pow(p, k / n);
            rest *= BigInteger.Pow(p, k % n);
        }
        if (m > 1)
        {
            // Large cofactor: check for an exact n-th power, else keep it under the root.
            var r = IntegerRoot(m, n);
            if (BigInteger.Pow(r, n) == m) root *= r; else rest *= m;
        }
        return (root, rest);
    }

    private static BigInteger IntegerRoot(BigInteger m, int n)
    {
        // ⌊m^{1/n}⌋ exactly, by Newton's method in integers from a power of two above the root. (Through a double,
        // a 700-digit m overflowed to infinity, and above 2⁵³ the guess was not exact.)
        if (m < 2) return m;
        long bits = (long)m.GetBitLength();
        if (bits <= n) return 1;
        var x = BigInteger.One << (int)((bits + n - 1) / n);
        while (true)
        {
            var y = ((n - 1) * x + m / BigInteger.Pow(x, n - 1)) / n;
            if (y >= x) return x;
            x = y;
        }
    }

    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Power;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => new[] { Base, Exponent };
    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> c) => Of(c[0], c[1]);
    private protected override bool StructurallyEquals(Expr other)
    {
        var p = (Power)other;
        return p.Base.Equals(Base) && p.Exponent.Equals(Exponent);
    }
}

/// <summary>A product c · ∏ bᵢ^eᵢ with a rational coefficient and distinct bases sorted by <see cref="ExprOrder"/>.</summary>
public sealed class Product : Expr
{
    /// <summary>The numeric coefficient (never 0).</summary>
    public Rational Coefficient { get; }
    /// <summary>The factors as (base, exponent), bases distinct and sorted.</summary>
    public ImmutableArray<(Expr Base, Expr Exponent)> Factors { get; }

    private IReadOnlyList<Expr>? _children;

    private Product(Rational c, ImmutableArray<(Expr, Expr)> factors) : base(HashOf(c, factors), DepthOfFactors(factors))
    {
        System.Diagnostics.Debug.Assert(IsCanonical(c, factors), "a product built out of canonical form");
        Coefficient = c; Factors = factors;
    }

    /// <summary>
    /// The invariant every product keeps: a nonzero coefficient; no zero exponent; bases in canonical order; more than
    /// one factor unless the coefficient is not 1 (x alone is x); a number times one sum is distributed (2(x + y) = 2x + 2y).
    /// </summary>
    private static bool IsCanonical(Rational c, ImmutableArray<(Expr Base, Expr Exponent)> factors)
    {
        if (c.IsZero || factors.IsEmpty) return false;
        if (factors.Length == 1 && (c.IsOne || factors[0].Exponent.IsOne && factors[0].Base is Sum)) return false;
        for (int i = 0; i < factors.Length; i++)
        {
            if (factors[i].Exponent.IsZero) return false;
            if (i > 0 && ExprOrder.Instance.Compare(factors[i - 1].Base, factors[i].Base) > 0) return false;
        }
        return true;
    }

    private static int DepthOfFactors(ImmutableArray<(Expr, Expr)> factors)
    {
        int d = 0;
        foreach (var (b, e) in factors) d = Math.Max(d, Math.Max(b.Depth, e.Depth));
        return d + 1;
    }

    private static int HashOf(Rational c, ImmutableArray<(Expr, Expr)> factors)
    {
        int h = Mix(c.GetHashCode(), 0x3A7);
        foreach (var (b, e) in factors) h = Mix(Mix(h, b.GetHashCode()), e.GetHashCode());
        return h;
    }

    /// <summary>The canonical product of the operands.</summary>
    public static Expr Of(params Expr[] operands) => Of((IEnumerable<Expr>)operands);

    /// <summary>The canonical product of the operands.</summary>
    public static Expr Of(IEnumerable<Expr> operands)
    {
        Rational coefficient = Rational.One;
        var exps = new Dictionary<Expr, Expr>();
        var order = new List<Expr>();
        void AddFactor(Expr b, Expr e)
        {
            if (exps.TryGetValue(b, out var old)) exps[b] = Sum.Of(old, e);
            else { exps[b] = e; order.Add(b); }
        }
        foreach (var op in operands)
        {
            switch (op)
            {
                case Number n:
                    coefficient *= n.Value;
                    break;
                case Product p:
                    coefficient *= p.Coefficient;
                    foreach (var (b, e) in p.Factors) AddFactor(b, e);
                    break;
                case Power pw:
                    AddFactor(pw.Base, pw.Exponent);
                    break;
                default:
                    AddFactor(op, One);
                    break;
            }
        }
        if (coefficient.IsZero) return Zero;
        var factors = new List<(Expr, Expr)>(order.Count);
        List<Expr>? extra = null;
        foreach (var b in order)
        {
            var e = exps[b];
            if (e.IsZero) continue;
            var p = Power.Of(b, e);
            if (p is Number n) coefficient *= n.Value;
            else if (p is Power pw && pw.Base.Equals(b)) factors.Add((b, pw.Exponent));
            else if (p.Equals(b)) factors.Add((b, One));
            else (extra ??= new()).Add(p);   // e.g. 8^{1/2} = 2·2^{1/2}: its pieces may meet other factors
        }
        if (extra is not null)
        {
            extra.Add(Number.Of(coefficient));
            extra.AddRange(factors.Select(f => f.Item2.IsOne ? f.Item1 : Power.Raw(f.Item1, f.Item2)));
            return Of(extra);
        }
        if (factors.Count == 0) return Number.Of(coefficient);
        StackGuard.Sorting(() => factors.Sort((x, y) => ExprOrder.Instance.Compare(x.Item1, y.Item1)));
        if (factors.Count == 1)
        {
            var (b, e) = factors[0];
            var single = e.IsOne ? b : Power.Raw(b, e);
            if (coefficient.IsOne) return single;
            // 2(x + y) = 2x + 2y: numbers distribute over sums, as every CAS does, so like terms meet.
            if (single is Sum s) return s.Scale(coefficient);
        }
        return new Product(coefficient, factors.ToImmutableArray());
    }

    /// <summary>This product without its coefficient.</summary>
    public Expr WithoutCoefficient() =>
        Coefficient.IsOne ? this :
        Factors.Length == 1 ? (Factors[0].Exponent.IsOne ? Factors[0].Base : Power.Raw(Factors[0].Base, Factors[0].Exponent)) :
        new Product(Rational.One, Factors);

    /// <summary>The factors as expressions (b or b^e), without the coefficient.</summary>
    public IEnumerable<Expr> FactorExprs() => Factors.Select(f => f.Exponent.IsOne ? f.Base : Power.Raw(f.Base, f.Exponent));

    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Product;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children ??=
        (Coefficient.IsOne ? FactorExprs() : FactorExprs().Prepend(Number.Of(Coefficient))).ToArray();
    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => Of(children);
    private protected override bool StructurallyEquals(Expr other)
    {
        var p = (Product)other;
        if (p.Coefficient != Coefficient || p.Factors.Length != Factors.Length) return false;
        for (int i = 0; i < Factors.Length; i++)
            if (!p.Factors[i].Base.Equals(Factors[i].Base) || !p.Factors[i].Exponent.Equals(Factors[i].Exponent)) return false;
        return true;
    }
}

/// <summary>A sum c + Σ cᵢ tᵢ with a rational constant and distinct non-numeric terms sorted by <see cref="ExprOrder"/>.</summary>
public sealed class Sum : Expr
{
    /// <summary>The constant term.</summary>
    public Rational Constant { get; }
    /// <summary>The terms as (term without coefficient, coefficient).</summary>
    public ImmutableArray<(Expr Term, Rational Coefficient)> Terms { get; }

    private IReadOnlyList<Expr>? _children;

    private Sum(Rational c, ImmutableArray<(Expr, Rational)> terms) : base(HashOf(c, terms), DepthOfTerms(terms))
    {
        System.Diagnostics.Debug.Assert(IsCanonical(c, terms), "a sum built out of canonical form");
        Constant = c; Terms = terms;
    }

    /// <summary>
    /// The invariant every sum keeps (SymEngine's <c>Add::is_canonical</c>): at least two summands counting a nonzero
    /// constant; no zero coefficient; no number among the terms (it is the constant) and no term with a coefficient of
    /// its own (3x is the term x with coefficient 3); terms in canonical order.
    /// </summary>
    private static bool IsCanonical(Rational c, ImmutableArray<(Expr Term, Rational Coefficient)> terms)
    {
        if (terms.IsEmpty || terms.Length == 1 && c.IsZero) return false;
        for (int i = 0; i < terms.Length; i++)
        {
            var (t, k) = terms[i];
            if (k.IsZero || t is Number || t is Product { Coefficient.IsOne: false }) return false;
            if (i > 0 && ExprOrder.Instance.Compare(terms[i - 1].Term, t) > 0) return false;
        }
        return true;
    }

    private static int DepthOfTerms(ImmutableArray<(Expr, Rational)> terms)
    {
        int d = 0;
        foreach (var (t, _) in terms) d = Math.Max(d, t.Depth);
        return d + 1;
    }

    private static int HashOf(Rational c, ImmutableArray<(Expr, Rational)> terms)
    {
        int h = Mix(c.GetHashCode(), 0x5C1);
        foreach (var (t, k) in terms) h = Mix(Mix(h, t.GetHashCode()), k.GetHashCode());
        return h;
    }

    /// <summary>The canonical sum of the operands.</summary>
    public static Expr Of(params Expr[] operands) => Of((IEnumerable<Expr>)operands);

    /// <summary>The canonical sum of the operands.</summary>
    public static Expr Of(IEnumerable<Expr> operands)
    {
        var acc = new TermAccumulator();
        foreach (var op in operands) acc.Add(op, Rational.One);
        return acc.Build();
    }

    /// <summary>Collects terms with rational coefficients; the fast path for building large sums.</summary>
    public sealed class TermAccumulator
    {
        private Rational _constant = Rational.Zero;
        private readonly Dictionary<Expr, Rational> _coefficients = new();
        private readonly List<Expr> _order = new();

        /// <summary>Adds k·e.</summary>
        public void Add(Expr e, Rational k)
        {
            switch (e)
            {
                case Number n: _constant += n.Value * k; break;
                case Sum s:
                    _constant += s.Constant * k;
                    foreach (var (t, c) in s.Terms) AddTerm(t, c * k);
                    break;
                case Product p when !p.Coefficient.IsOne:
                    AddTerm(p.WithoutCoefficient(), p.Coefficient * k);
                    break;
                default: AddTerm(e, k); break;
            }
        }

        private void AddTerm(Expr t, Rational k)
        {
            if (_coefficients.TryGetValue(t, out var old)) _coefficients[t] = old + k;
            else { _coefficients[t] = k; _order.Add(t); }
        }

        /// <summary>The canonical sum.</summary>
        public Expr Build()
        {
            var terms = new List<(Expr, Rational)>(_order.Count);
            foreach (var t in _order)
            {
                var k = _coefficients[t];
                if (!k.IsZero) terms.Add((t, k));
            }
            if (terms.Count == 0) return Number.Of(_constant);
            if (terms.Count == 1 && _constant.IsZero)
            {
                var (t, k) = terms[0];
                return k.IsOne ? t : Product.Of(Number.Of(k), t);
            }
            StackGuard.Sorting(() => terms.Sort((x, y) => ExprOrder.Instance.Compare(x.Item1, y.Item1)));
            return new Sum(_constant, terms.ToImmutableArray());
        }
    }

    /// <summary>k times this sum, distributed.</summary>
    public Expr Scale(Rational k)
    {
        if (k.IsZero) return Zero;
        if (k.IsOne) return this;
        return new Sum(Constant * k, Terms.Select(t => (t.Term, t.Coefficient * k)).ToImmutableArray());
    }

    /// <summary>The terms as expressions cᵢ·tᵢ (the constant first when nonzero).</summary>
    public IEnumerable<Expr> TermExprs()
    {
        if (!Constant.IsZero) yield return Number.Of(Constant);
        foreach (var (t, k) in Terms) yield return k.IsOne ? t : Product.Of(Number.Of(k), t);
    }

    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Sum;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children ??= TermExprs().ToArray();
    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => Of(children);
    private protected override bool StructurallyEquals(Expr other)
    {
        var s = (Sum)other;
        if (s.Constant != Constant || s.Terms.Length != Terms.Length) return false;
        for (int i = 0; i < Terms.Length; i++)
            if (s.Terms[i].Coefficient != Terms[i].Coefficient || !s.Terms[i].Term.Equals(Terms[i].Term)) return false;
        return true;
    }
}
