using System.Numerics;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core;

/// <summary>
/// The rational normal form over kernels. Every expression becomes a <see cref="RatFun"/> in variables that
/// stand for kernels: symbols, unknown functions and their derivatives, cos u and sin u of each angle u,
/// e^{u} of each exponent term, √P of each radicand, and any other non-rational subexpression
/// (log, |x|, …) as an opaque variable. Algebraic relations are applied as reductions, so the form is
/// canonical: sin u is kept to degree ≤ 1 with sin²u = 1 − cos²u, √P to degree ≤ 1 with (√P)² = P, and
/// denominators are made free of sin u and √P by multiplying with the conjugate. Equality of two forms
/// is therefore equality of the functions, and <see cref="RatFun.IsZero"/> is a zero test to trust.
/// </summary>
/// <remarks>
/// Not thread-safe (variables are numbered as kernels are met). Known incompleteness: angles that are
/// rational multiples of one another (θ and θ/2), exponents e^{t} and e^{t/2}, and roots other than square
/// roots are independent kernels, so an identity relating them is not recognised.
/// Square roots of quotients follow √(N/D) = √(N·D)/D only where D &gt; 0 (or −D &gt; 0) is provable from the
/// assumptions; otherwise the kernel is D·√(N/D), whose square is N·D whatever the signs.
/// </remarks>
/// <example><code>
/// var ctx = new RationalContext();
/// ctx.ToRatFun(Expr.Sin(x).Pow(2) + Expr.Cos(x).Pow(2)).IsOne;   // true
/// </code></example>
public sealed class RationalContext
{
    private readonly List<Expr> _kernels = new();
    private readonly Dictionary<Expr, int> _index = new();
    // Algebraic variable w (index) with w² = _square[w]; created in tower order: a square never involves later ones.
    private readonly SortedDictionary<int, Poly> _square = new();
    // The algebraic variables that are √(_square[w]) itself (not D·√(N/D), nor sin u).
    private readonly HashSet<int> _plainRoots = new();
    private readonly Dictionary<Expr, (int Cos, int Sin)> _trig = new();
    private readonly Dictionary<int, int> _sinOfCos = new();   // the values of _trig, by cosine variable
    private readonly Dictionary<Expr, RatFun> _memo = new();
    private readonly Dictionary<Expr, (RatFun Sin, RatFun Cos)> _trigOf = new();
    private readonly Dictionary<(int, Expr), RatFun> _kernelDerivatives = new();

    /// <summary>Apply the algebraic relations (sin²+cos²=1, (√P)²=P). Off: sin u, cos u, √P are opaque.</summary>
    public bool UseRelations { get; }
    /// <summary>The limits of the work done in this context.</summary>
    public Budget Budget { get; }

    /// <summary>A new, empty context.</summary>
    public RationalContext(bool useRelations = true, Budget? budget = null)
    {
        UseRelations = useRelations;
        Budget = budget ?? Budget.Unlimited;
    }

    /// <summary>The number of kernel variables met so far.</summary>
    public int VariableCount => _kernels.Count;
    /// <summary>The kernel a variable stands for.</summary>
    public Expr Kernel(int variable) => _kernels[variable];
    /// <summary>The kernels, by variable index.</summary>
    public IReadOnlyList<Expr> Kernels => _kernels;

    /// <summary>0.</summary>
    public RatFun Zero => RatFun.Zero(Math.Max(1, VariableCount));
    /// <summary>1.</summary>
    public RatFun One => RatFun.One(Math.Max(1, VariableCount));
    /// <summary>A constant.</summary>
    public RatFun Constant(Rational q) => RatFun.Constant(Math.Max(1, VariableCount), q);

    /// <summary>The variable index of a kernel, creating it if new (no relation attached).</summary>
    public int VariableOf(Expr kernel)
    {
        if (_index.TryGetValue(kernel, out var i)) return i;
        i = _kernels.Count;
        _kernels.Add(kernel);
        _index[kernel] = i;
        return i;
    }

    private RatFun Var(int i) => RatFun.FromPoly(Poly.Variable(Math.Max(VariableCount, i + 1), i));

    // ---------------------------------------------------------------- arithmetic in the normal form

    /// <summary>a + b.</summary>
    public RatFun Add(RatFun a, RatFun b) { Budget.ThrowIfCancelled(); return RatFun.Add(a, b, Budget); }
    /// <summary>a − b.</summary>
    public RatFun Sub(RatFun a, RatFun b) { Budget.ThrowIfCancelled(); return RatFun.Add(a, -b, Budget); }
    /// <summary>−a.</summary>
    public RatFun Neg(RatFun a) => -a;
    /// <summary>a · b, reduced.</summary>
    public RatFun Mul(RatFun a, RatFun b) { Budget.ThrowIfCancelled(); return Reduce(RatFun.Multiply(a, b, Budget)); }
    /// <summary>a / b, reduced (the denominator rationalised).</summary>
    public RatFun Div(RatFun a, RatFun b)
    {
        if (b.IsZero) throw new DivideByZeroException("division by an expression that is zero");
        Budget.ThrowIfCancelled();
        return Reduce(RatFun.Divide(a, b, Budget));
    }
    /// <summary>aⁿ for any integer n, reduced.</summary>
    public RatFun Pow(RatFun a, int n)
    {
        if (n == 0) return One;
        if (n < 0) return Div(One, Pow(a, -n));
        EstimatePower(a.Numerator, n);
        EstimatePower(a.Denominator, n);
        // coprime parts stay coprime under powers: without a square-root kernel to reduce, the power is the
        // power of each part (multinomial or dense repeated products), not ⌈log n⌉ reduced squarings
        if (!HasAlgebraic(a.Numerator) && !HasAlgebraic(a.Denominator)) return a.Pow(n, Budget);
        RatFun result = One, x = a;
        while (true)
        {
            if ((n & 1) == 1) result = Mul(result, x);
            n >>= 1;
            if (n == 0) return result;
            x = Mul(x, x);
        }
    }

    /// <summary>The largest integer exponent the normal form raises to (x^{2^{31}} is refused with a message, not overflowed).</summary>
    public const int MaxExponent = 1_000_000;

    private static int Exponent(BigInteger k, Expr b)
    {
        if (BigInteger.Abs(k) > MaxExponent)
            throw new BudgetExceededException($"the power ({b})^{k} has an exponent larger than {MaxExponent:N0} in size; too large to work with exactly");
        return (int)k;
    }

    /// <summary>
    /// Refuses pⁿ before computing it when its size is known to exceed the budget: at most C(n + T − 1, T − 1) terms
    /// for T terms (and at most ∏(n·degᵢ + 1)), each coefficient about n·log₂(T·max|c|) bits.
    /// </summary>
    private void EstimatePower(Poly p, int n)
    {
        if (n < 2 || p.TermCount < 2) return;
        double t = p.TermCount;
        // log C(n + T − 1, T − 1) through lgamma-free sums: terms ≤ min(multinomial count, dense box)
        double multinomial = 0;
        for (int i = 1; i < t && multinomial < 60; i++) multinomial += Math.Log2((n + i) / (double)i);
        double box = 0;
        for (int v = 0; v < p.VariableCount; v++) if (p.DependsOn(v)) box += Math.Log2((double)n * p.Degree(v) + 1);
        double terms = Math.Pow(2, Math.Min(Math.Min(multinomial, box), 1000));
        double maxBits = 1;
        foreach (var (_, c) in p.Terms) maxBits = Math.Max(maxBits, (double)c.GetBitLength());
        double bytes = terms * (32 + p.VariableCount + n * (maxBits + Math.Log2(t)) / 8);
        Budget.CheckEstimate(terms, bytes, $"a power {n} of a polynomial of {p.TermCount} terms");
    }

    /// <summary>
    /// ∂f/∂v by the chain rule through the kernels: v a symbol, q(t) or q̇ (as in <see cref="Calculus.Diff(Expr, Expr)"/>).
    /// </summary>
    public RatFun Diff(RatFun f, Expr v)
    {
        var result = Zero;
        int n = Math.Max(f.Numerator.VariableCount, f.Denominator.VariableCount);
        for (int k = 0; k < n && k < _kernels.Count; k++)
        {
            if (!f.Numerator.DependsOn(k) && !f.Denominator.DependsOn(k)) continue;
            var dk = KernelDerivative(k, v);
            if (dk.IsZero) continue;
            result = Add(result, Mul(f.Derivative(k), dk));
        }
        return result;
    }

    private RatFun KernelDerivative(int k, Expr v)
    {
        if (_kernelDerivatives.TryGetValue((k, v), out var d)) return d;
        var kernel = _kernels[k];
        d = kernel.Equals(v) ? One : ToRatFun(Calculus.Diff(kernel, v));
        _kernelDerivatives[(k, v)] = d;
        return d;
    }

    // ---------------------------------------------------------------- reduction by the relations

    /// <summary>Applies the algebraic relations and rationalises the denominator.</summary>
    /// <remarks>
    /// Only the relations of the algebraic variables that occur are looked at: a context with thousands of kernels
    /// (sin nested a thousand deep has two per level) must not scan all of its relations for every product.
    /// </remarks>
    public RatFun Reduce(RatFun f)
    {
        if (_square.Count == 0) return f;
        var num = f.Numerator;
        var den = f.Denominator;
        bool touched = false;
        // highest first: rationalising by w multiplies by a conjugate in w and lower variables only (tower order)
        for (int w = den.VariableCount - 1; w >= 0; w--)
        {
            if (!den.DependsOn(w) || !_square.ContainsKey(w)) continue;
            den = ReducePoly(den); num = ReducePoly(num);
            if (!den.DependsOn(w)) continue;
            var c = den.CoefficientsIn(w);               // den = b0 + b1 w (after reduction)
            var conj = c[0] - c[1] * Poly.Variable(den.VariableCount, w);
            var newDen = ReducePoly(den * conj);
            if (newDen.IsZero)
                throw new SymbolicException($"cannot rationalise a denominator in {_kernels[w]}: the radicand is a perfect square of unknown sign");
            num = ReducePoly(num * conj);
            den = newDen;
            touched = true;
        }
        if (HasSquaredAlgebraic(num) || HasSquaredAlgebraic(den)) { num = ReducePoly(num); den = ReducePoly(den); touched = true; }
        return touched ? RatFun.Of(num, den, Budget) : f;
    }

    /// <summary>True when some algebraic variable occurs to a power ≥ 2 (a relation applies).</summary>
    private bool HasSquaredAlgebraic(Poly p)
    {
        if (p.TermCount == 0) return false;
        var md = p.MaxDegrees;
        for (int v = 0; v < md.Length; v++)
            if (md[v] > 1 && _square.ContainsKey(v)) return true;
        return false;
    }

    /// <summary>True when some algebraic variable occurs.</summary>
    private bool HasAlgebraic(Poly p)
    {
        if (p.TermCount == 0) return false;
        var md = p.MaxDegrees;
        for (int v = 0; v < md.Length; v++)
            if (md[v] > 0 && _square.ContainsKey(v)) return true;
        return false;
    }

    private static int Deg(Poly p, int variable) => variable < p.VariableCount ? p.Degree(variable) : 0;

    /// <summary>A polynomial with the relations applied (sin² = 1 − cos², (√P)² = P): an algebraic variable to the power ≤ 1.</summary>
    internal Poly ReduceByRelations(Poly p) => _square.Count == 0 ? p : ReducePoly(p);

    private Poly ReducePoly(Poly p)
    {
        // highest first, the degrees read from the current p: w² → square(w) brings in lower variables only
        for (int w = p.VariableCount - 1; w >= 0; w--)
        {
            if (Deg(p, w) < 2 || !_square.TryGetValue(w, out var square)) continue;
            var c = p.CoefficientsIn(w);
            var x = Poly.Variable(Math.Max(p.VariableCount, w + 1), w);
            Poly result = Poly.Zero(p.VariableCount), power = Poly.One(p.VariableCount);
            for (int i = 0; i < c.Length; i += 2)
            {
                if (!c[i].IsZero) result += c[i] * power;
                if (i + 1 < c.Length && !c[i + 1].IsZero) result += c[i + 1] * power * x;
                if (i + 2 < c.Length) power *= square;
                Budget.Check(result.TermCount, "reducing by an algebraic relation");
            }
            p = result;
        }
        return p;
    }

    // ---------------------------------------------------------------- Expr → normal form

    /// <summary>The normal form of an expression (not of a relation).</summary>
    public RatFun ToRatFun(Expr e)
    {
        if (_memo.TryGetValue(e, out var known)) return known;
        Budget.ThrowIfCancelled();
        StackGuard.Check();
        var r = Convert(e);
        _memo[e] = r;
        return r;
    }

    private RatFun Convert(Expr e)
    {
        switch (e)
        {
            case Number n: return Constant(n.Value);
            case Symbol: return Var(VariableOf(e));
            case Sum s:
            {
                // Polynomial terms are added as polynomials first: one gcd at the end, not one per term.
                var poly = Poly.Zero(1);
                var rest = new List<RatFun>();
                var den = BigInteger.One;
                var scaled = new List<(Poly P, Rational K)>();
                if (!s.Constant.IsZero) scaled.Add((Poly.One(1), s.Constant));
                long terms = 0;
                foreach (var (t, k) in s.Terms)
                {
                    var f = ToRatFun(t);
                    if (f.Denominator.IsConstant) scaled.Add((f.Numerator, k / f.Denominator.ConstantValue));
                    else rest.Add(k.IsOne ? f : Mul(f, Constant(k)));
                    // Every term of a polynomial stores an exponent of every kernel: a sum of 10⁵ distinct symbols would
                    // be 10⁵ × 10⁵ bytes. Refused as soon as the terms met so far would outgrow the memory budget.
                    terms += f.Numerator.TermCount;
                    Budget.CheckEstimate(terms, terms * (8.0 + 8 * ((VariableCount + 7) / 8)),
                        $"the normal form of a sum of {s.Terms.Length:N0} terms over {VariableCount:N0} kernels (an exponent of every kernel in every term)");
                }
                foreach (var (_, k) in scaled) den = Lcm(den, k.Den);
                // added pairwise, not one by one: a sum of n distinct symbols would otherwise copy its growing total n times
                var pieces = scaled.Select(x => x.P * (x.K.Num * (den / x.K.Den))).ToList();
                while (pieces.Count > 1)
                {
                    Budget.ThrowIfCancelled();
                    var next = new List<Poly>((pieces.Count + 1) / 2);
                    for (int i = 0; i + 1 < pieces.Count; i += 2) next.Add(pieces[i] + pieces[i + 1]);
                    if (pieces.Count % 2 == 1) next.Add(pieces[^1]);
                    pieces = next;
                }
                if (pieces.Count == 1) poly = pieces[0];
                Budget.Check(poly.TermCount, "a sum");
                var result = RatFun.Of(poly, Poly.Constant(poly.VariableCount, den), Budget);
                foreach (var f in rest) result = Add(result, f);
                return result;
            }
            case Product p:
            {
                var result = Constant(p.Coefficient);
                foreach (var (b, x) in p.Factors) result = Mul(result, PowerOf(b, x));
                return result;
            }
            case Power pw: return PowerOf(pw.Base, pw.Exponent);
            case Call c: return CallOf(c);
            case Derivative: return Var(VariableOf(e));
            case Relation:
                throw new SymbolicException("an equation has no rational normal form; take lhs − rhs first");
        }
        throw new SymbolicException($"no normal form for {e}");
    }

    private static BigInteger Lcm(BigInteger a, BigInteger b) => a / BigInteger.GreatestCommonDivisor(a, b) * b;

    private RatFun PowerOf(Expr b, Expr x)
    {
        if (b == Expr.E) return ExpOf(x);
        if (x is Number { Value: var q })
        {
            if (q.IsInteger) return Pow(ToRatFun(b), Exponent(q.Num, b));
            if (q.Den == 2 && UseRelations && BigInteger.Abs(q.Num) <= 1_000_000)
            {
                var root = SquareRootOf(ToRatFun(b));
                return Pow(root, (int)q.Num);
            }
            // other roots: the kernel b^{1/d}, raised to the numerator
            var kernel = Power.Of(Normalised(b), Number.Of(Rational.Of(1, q.Den)));
            return Pow(Var(VariableOf(kernel)), Exponent(q.Num, b));
        }
        // a symbolic exponent: one kernel b^n for b^{n+c} = b^n·b^c (c rational) and b^{kn} = (b^n)^k (k an integer), so
        // y^n and its derivative n·y^{n−1} = n·y^n/y share a kernel and cancel, instead of being unrelated variables
        if (x is Sum { Constant: var c } xs && !c.IsZero)
            return Mul(PowerOf(b, Sum.Of(xs.Terms.Select(t => Product.Of(t.Term, Number.Of(t.Coefficient))))), PowerOf(b, Number.Of(c)));
        if (x is Product { Coefficient: var k } xp && k.IsInteger && !k.IsOne && BigInteger.Abs(k.Num) <= MaxExponentMultiple)
            return Pow(PowerOf(b, Product.Of(xp.FactorExprs())), (int)k.Num);
        return Var(VariableOf(Power.Of(Normalised(b), x)));
    }

    /// <summary>
    /// √(N/D) as w/D with w² = N·D. The kernel w is √(N·D) only when D &gt; 0 is provable from the assumptions
    /// (when −D &gt; 0 is, N and D change sign first): √(N/D)·D = √(N·D) needs D &gt; 0 (√(1/(x−1))·(x−1) is
    /// −√(1−x) for x &lt; 1). Otherwise w is the kernel D·√(N/D) itself, which obeys w² = N·D whatever the
    /// signs, so the form stays exact and only less simplified.
    /// </summary>
    private RatFun SquareRootOf(RatFun f)
    {
        if (f.IsZero) return Zero;
        var num = f.Numerator;
        var den = f.Denominator;
        if (!den.IsConstant)   // a constant denominator is positive (normal form of RatFun)
        {
            if (Assume.IsPositive(ToExpr(den))) { }
            else if (Assume.IsPositive(ToExpr(-den))) { num = -num; den = -den; }
            else return SignedRootOf(num, den);
        }
        var radicand = num * den;
        if (radicand.IsConstant)
        {
            var c = radicand.ConstantValue;
            var exact = Power.NumberPower(Rational.Of(c), Rational.Of(1, 2));
            if (exact is Number n) return Div(Constant(n.Value), RatFun.FromPoly(den));
        }
        var radicandExpr = ToExpr(RatFun.FromPoly(radicand));
        var kernel = Expr.Sqrt(radicandExpr);
        if (!(kernel is Power pk && pk.Base.Equals(radicandExpr) && pk.Exponent.Equals(Expr.Half)))
            return Div(ToRatFun(kernel), RatFun.FromPoly(den));   // √ simplified itself (positive square factors)
        if (!_index.TryGetValue(kernel, out var w))
        {
            w = VariableOf(kernel);
            _square[w] = radicand;
            _plainRoots.Add(w);
        }
        return Div(Var(w), RatFun.FromPoly(den));
    }

    /// <summary>√(N/D) for a denominator of unknown sign: the kernel w = D·√(N/D), with w² = N·D.</summary>
    private RatFun SignedRootOf(Poly num, Poly den)
    {
        var quotientExpr = ToExpr(RatFun.Of(num, den, Budget));
        var root = Expr.Sqrt(quotientExpr);
        // √ split off positive factors by itself: each piece is a smaller root, converted on its own.
        if (!(root is Power pr && pr.Base.Equals(quotientExpr) && pr.Exponent.Equals(Expr.Half)))
            return ToRatFun(root);
        var kernel = Product.Of(ToExpr(den), root);
        if (!_index.TryGetValue(kernel, out var w))
        {
            w = VariableOf(kernel);
            _square[w] = num * den;
        }
        return Div(Var(w), RatFun.FromPoly(den));
    }

    private Expr Normalised(Expr e) => ToExpr(ToRatFun(e));

    /// <summary>e^{k t} with |k| above this is a kernel of its own rather than the k-th power of e^{t}.</summary>
    private const int MaxExponentMultiple = 1_000;

    /// <summary>sin u of a sum of angles expands by the addition formulas only while the expansion has at most this many terms (estimated as ∏(|kᵢ| + 1)).</summary>
    public const int MaxTrigExpansion = 256;

    private RatFun ExpOf(Expr x)
    {
        // e^{c + Σ kᵢ tᵢ} = e^c ∏ (e^{tᵢ/qᵢ})^{pᵢ}
        var result = One;
        IEnumerable<(Expr Term, Rational K)> parts = x is Sum s
            ? s.Terms.Select(t => (t.Term, t.Coefficient)).Prepend((Expr.One, s.Constant))
            : x is Product p ? new[] { (p.WithoutCoefficient(), p.Coefficient) }
            : x is Number n ? new[] { (Expr.One, n.Value) }
            : new[] { (x, Rational.One) };
        foreach (var (t, k) in parts)
        {
            if (k.IsZero) continue;
            if (t is Call log && log.Function == Function.Log && k.IsInteger)
            {
                result = Mul(result, Pow(ToRatFun(log.Args[0]), Exponent(k.Num, log.Args[0])));   // e^{k log u} = u^k
                continue;
            }
            if (BigInteger.Abs(k.Num) > MaxExponentMultiple)
            {
                // e^{3000000000 x}: its own kernel (not the 3·10⁹-th power of e^x), an identity with e^x is then not seen.
                result = Mul(result, Var(VariableOf(Power.Of(Expr.E, Product.Of(t, Number.Of(k))))));
                continue;
            }
            var kernel = Power.Of(Expr.E, Product.Of(t, Number.Of(Rational.Of(1, k.Den))));
            result = Mul(result, Pow(Var(VariableOf(kernel)), (int)k.Num));
        }
        return result;
    }

    private RatFun CallOf(Call c)
    {
        if (c.Function.IsUser || c.Args.Length != 1) return Var(VariableOf(c));
        var u = c.Args[0];
        // sin u and cos u are the normal form's trigonometric kernels; every other built-in is either defined
        // in terms of kernels by its table entry (tan u = sin u / cos u, sinh u = (eᵘ − e⁻ᵘ)/2) or a kernel itself.
        if (c.Function == Function.Sin) return TrigOf(u).Sin;
        if (c.Function == Function.Cos) return TrigOf(u).Cos;
        if (c.Function.Entry?.Definition is { } definition) return ToRatFun(definition(u));
        if (c.Function == Function.Log && u is Number { Value: { Sign: > 0 } q } && !q.IsOne) return LogOfRational(q);
        return Var(VariableOf(Call.Of(c.Function, Normalised(u))));
    }

    /// <summary>
    /// log q for a positive rational q as Σ eₚ log p over its prime factors, so log 8 − 3 log 2 is 0 and log 6 is
    /// log 2 + log 3. Trial division by primes below <see cref="LogFactorBound"/>; a cofactor left over is a kernel of its own.
    /// </summary>
    private RatFun LogOfRational(Rational q)
    {
        var result = Zero;
        void AddPrimes(BigInteger n, int sign)
        {
            for (BigInteger p = 2; p < LogFactorBound && p * p <= n; p += p == 2 ? 1 : 2)
            {
                int e = 0;
                while (n % p == 0) { n /= p; e++; }
                if (e > 0) result = Add(result, Mul(Constant(sign * e), Var(VariableOf(Call.Of(Function.Log, Number.Of(p))))));
            }
            if (n <= 1) return;
            var (root, k) = PerfectPower(n);   // 1000000007² beyond the trial division: 2 log 1000000007
            result = Add(result, Mul(Constant(sign * k), Var(VariableOf(Call.Of(Function.Log, Number.Of(root))))));
        }
        AddPrimes(q.Num, 1);
        AddPrimes(q.Den, -1);
        return result;
    }

    /// <summary>n = r^k with k as large as it can be (k = 1 when n is no perfect power).</summary>
    private static (BigInteger Root, int K) PerfectPower(BigInteger n)
    {
        for (int k = (int)Math.Min(64, BigInteger.Log(n, 2)); k >= 2; k--)
        {
            var r = new BigInteger(Math.Round(Math.Exp(BigInteger.Log(n) / k)));
            for (var c = BigInteger.Max(2, r - 1); c <= r + 1; c++)
                if (BigInteger.Pow(c, k) == n) return (c, k);
        }
        return (n, 1);
    }

    /// <summary>Primes below this divide a rational under log (<see cref="LogOfRational"/>).</summary>
    private const int LogFactorBound = 100_000;

    private (RatFun Sin, RatFun Cos) TrigOf(Expr u)
    {
        if (!_trigOf.TryGetValue(u, out var pair)) _trigOf[u] = pair = Trig(u);
        return pair;
    }

    /// <summary>(sin u, cos u) expanded over the angles of u: sin(a + b), sin(n a) become polynomials in sin a, cos a.</summary>
    private (RatFun Sin, RatFun Cos) Trig(Expr u)
    {
        // The angle is split over the terms of u as written, each term normalised on its own (a polynomial term
        // splits further into monomials): a² − y + r/(s+1) gives the angles a², y, r/(s+1), as cos(a² − y) and
        // cos(r/(s+1)) do; one fraction over a common denominator would be an unrelated kernel.
        var angles = new Dictionary<Expr, Rational>();
        var order = new List<Expr>();
        Rational constant = Rational.Zero;
        void AddAngle(Expr t, Rational k, int depth)
        {
            if (k.IsZero) return;
            switch (t)
            {
                case Number n: constant += n.Value * k; return;
                case Sum s when depth < 3:
                    AddAngle(Number.Of(s.Constant), k, depth + 1);
                    foreach (var (term, c) in s.Terms) AddAngle(term, c * k, depth + 1);
                    return;
                case Product p when !p.Coefficient.IsOne:
                    AddAngle(p.WithoutCoefficient(), p.Coefficient * k, depth);
                    return;
            }
            if (depth < 3)
            {
                var normal = Normalised(t);
                if (!normal.Equals(t)) { AddAngle(normal, k, depth + 1); return; }
            }
            if (angles.TryGetValue(t, out var old)) angles[t] = old + k;
            else { angles[t] = k; order.Add(t); }
        }
        AddAngle(u, Rational.One, 0);
        // an integer constant is a multiple of the angle 1, so sin(2x + 6) and sin(x + 3) share sin 1, cos 1
        var list = order.Select(a => (Angle: a, K: angles[a])).Where(p => !p.K.IsZero).ToList();
        if (!constant.IsZero)
            list.Add(constant.IsInteger && BigInteger.Abs(constant.Num) <= 12 ? (Expr.One, constant) : (Number.Of(constant), Rational.One));
        IEnumerable<(Expr Angle, Rational K)> parts = list;
        parts = parts.Select(p => p.K.IsInteger && BigInteger.Abs(p.K.Num) <= 12 ? p : (Product.Of(Number.Of(p.K), p.Angle), Rational.One)).ToList();
        // The addition formulas turn sin(a₁ + … + aₙ) into 2ⁿ⁻¹ terms (sin((x+y+z)⁴) has 15 angles with multiples up to 12: out of
        // reach). Beyond a small expansion the whole angle is one kernel: identities across it are then not seen, values stay right.
        double expansion = 1;
        foreach (var (t, k) in parts) if (!t.IsZero && !k.IsZero) expansion *= (double)BigInteger.Abs(k.Num) + 1;
        if (expansion > MaxTrigExpansion)
        {
            var whole = BaseTrig(Normalised(u));
            return (whole.Sin, whole.Cos);
        }
        RatFun sin = Zero, cos = One;
        bool first = true;
        foreach (var (t, k) in parts)
        {
            if (k.IsZero) continue;
            if (t.IsZero) continue;
            var angle = t;
            var n = (int)k.Num;
            // sin π = 0, cos π = −1 (π is a symbol; its cosine folds to a number, which is no kernel)
            // a table angle (π/6, π/4 …): its values, not kernels sin(π/6), cos(π/6) that the relations would leave unlinked to ½, √3/2
            var (s1, c1) = angle.Equals(Expr.Pi) ? (Zero, Constant(-1)) : TableTrig(angle) ?? BaseTrig(angle);
            // sin(n a), cos(n a) by the recurrence on multiples; odd/even symmetry for negative n. The first step and the
            // first angle are taken as they are: sin(sin(…)) nested a thousand deep is a thousand single angles, and
            // each product is a pass over all the kernels.
            RatFun sn = s1, cn = c1;
            for (int i = 1; i < Math.Abs(n); i++)
                (sn, cn) = (Add(Mul(sn, c1), Mul(cn, s1)), Sub(Mul(cn, c1), Mul(sn, s1)));
            if (n < 0) sn = Neg(sn);
            if (first) (sin, cos) = (sn, cn);
            else (sin, cos) = (Add(Mul(sin, cn), Mul(cos, sn)), Sub(Mul(cos, cn), Mul(sin, sn)));
            first = false;
        }
        return (sin, cos);
    }

    private (RatFun Sin, RatFun Cos)? TableTrig(Expr angle)
    {
        if (angle.IsZero || angle is Number) return null;
        var (sin, cos) = (Expr.Sin(angle), Expr.Cos(angle));
        return sin is Call || cos is Call || sin.Contains(angle) || cos.Contains(angle) ? null : (ToRatFun(sin), ToRatFun(cos));
    }

    private (RatFun Sin, RatFun Cos) BaseTrig(Expr angle)
    {
        if (!_trig.TryGetValue(angle, out var pair))
        {
            int c = VariableOf(Expr.Cos(angle));
            int s = VariableOf(Expr.Sin(angle));
            if (UseRelations) _square[s] = Poly.One(s + 1) - Poly.Variable(s + 1, c, 2);
            pair = (c, s);
            _trig[angle] = pair;
            _sinOfCos.TryAdd(c, s);
        }
        return (Var(pair.Sin), Var(pair.Cos));
    }

    // ---------------------------------------------------------------- normal form → Expr

    /// <summary>
    /// The expression of a normal form as it is shown: <see cref="RationalDisplay.Show"/> (denominator factored and
    /// with a positive leading term, √P over P^k as P^{1/2−k}, sin² preferred to 1 − cos²). The value is the normal
    /// form's; these choices are the presentation layer's, in src/Symbolic.Core/Presentation.
    /// </summary>
    public Expr ToExpr(RatFun f) => RationalDisplay.Show(this, f);

    /// <summary>The expression of a polynomial in the kernels as it is shown (sin² preferred, see <see cref="RationalDisplay"/>).</summary>
    public Expr ToExpr(Poly p) => PlainExpr(RationalDisplay.PreferSines(this, p));

    /// <summary>The polynomial as the sum of its monomials in the kernels, with no display choice.</summary>
    public Expr PlainExpr(Poly p)
    {
        var acc = new Sum.TermAccumulator();
        var factors = new List<Expr>();
        foreach (var (exps, c) in p.Terms)
        {
            factors.Clear();
            for (int i = 0; i < exps.Length; i++)
                if (exps[i] != 0) factors.Add(Power.Of(_kernels[i], Number.Of(exps[i])));
            acc.Add(Product.Of(factors), Rational.Of(c));
        }
        return acc.Build();
    }

    /// <summary>A lower bound on the nodes of <see cref="ToExpr(RatFun)"/>: over a one-term denominator every term of
    /// the numerator as shown (sines preferred) is a node of its own.</summary>
    internal int ShownSizeAtLeast(RatFun f) => f.Denominator.TermCount == 1 ? RationalDisplay.PreferSines(this, f.Numerator).TermCount : 0;

    /// <summary>The algebraic variables w with w² = the polynomial (square roots and sines), in tower order.</summary>
    internal IReadOnlyDictionary<int, Poly> Squares => _square;
    /// <summary>The degree of a polynomial in a variable it may not have.</summary>
    internal static int DegreeIn(Poly p, int variable) => Deg(p, variable);
    /// <summary>The plain square roots a polynomial depends on, in variable order (not a pass over every relation).</summary>
    internal List<int> PlainRootsIn(Poly p)
    {
        var roots = new List<int>();
        for (int w = 0; w < p.VariableCount; w++)
            if (p.DependsOn(w) && _plainRoots.Contains(w)) roots.Add(w);
        return roots;
    }
    /// <summary>The (cos u, sin u) pairs whose cosine occurs squared in a polynomial, in variable order.</summary>
    internal List<(int Cos, int Sin)> SquaredCosinesIn(Poly p)
    {
        var pairs = new List<(int, int)>();
        for (int v = 0; v < p.VariableCount; v++)
            if (Deg(p, v) >= 2 && _sinOfCos.TryGetValue(v, out var sv)) pairs.Add((v, sv));
        return pairs;
    }
}
