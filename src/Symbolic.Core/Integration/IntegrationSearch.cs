using System.Numerics;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core.Integration;

/// <summary>
/// The rule-driven search behind <see cref="Integrator"/>: each rule is tried in turn and produces a
/// candidate; candidates are checked by differentiation at the top. A memo and a depth limit keep the
/// recursion finite.
/// </summary>
internal sealed class IntegrationSearch
{
    private readonly Symbol _x;
    private readonly Budget _budget;
    private readonly Derivation _steps;
    private readonly Dictionary<Expr, Piece?> _memo = new();
    private int _depth;
    private readonly int _baseDepth;
    private const int MaxDepth = 14;
    private static int _fresh;
    private static readonly bool Debug = Environment.GetEnvironmentVariable("SYMBOLIC_INTEGRATE_DEBUG") == "1";

    /// <summary>The integrands of this search and of the searches it is nested in (a substitution's), each with its
    /// variable renamed to <see cref="Placeholder"/>: ∫1/log x by u = log x is ∫e^u/u, which by u = e^x is ∫1/log u
    /// again, in a new variable each time — a cycle the memo (keyed on the integrand) does not see.</summary>
    private readonly HashSet<Expr> _open;

    public IntegrationSearch(Symbol x, Budget budget, Derivation steps, int baseDepth = 0, HashSet<Expr>? open = null)
    {
        _x = x; _budget = budget; _steps = steps; _baseDepth = baseDepth; _open = open ?? new HashSet<Expr>();
    }

    /// <summary>∫ f dx; null when not found, and at once when the same integrand (up to the name of its variable) is
    /// already being integrated further up: that search goes on with its other rules, so nothing is lost, and the
    /// substitution cycle does not grow a tree of depth <see cref="MaxDepth"/> (it took 140 ms on ∫1/log x).</summary>
    public Piece? Run(Expr f)
    {
        var key = Substitution.Apply(f, _x, Placeholder(_x));
        if (!_open.Add(key)) return null;
        try { return Try(f); }
        finally { _open.Remove(key); }
    }

    private IntegrationSearch Nested(Symbol variable) => new(variable, _budget, _steps, _depth + _baseDepth + 1, _open);

    private static Symbol Placeholder(Symbol x) => Symbol.Of("\u2218variable of integration", x.Assumptions);

    private Piece? Try(Expr f)
    {
        if (_memo.TryGetValue(f, out var known)) return known;
        if (_depth + _baseDepth > MaxDepth) return null;
        _budget.ThrowIfCancelled();
        _memo[f] = null;   // a cycle finds "not found" instead of recursing forever
        _depth++;
        try
        {
            Piece? r;
            try { r = Compute(f); }
            catch (Exception e) when (e is SymbolicException and not BudgetExceededException || e is ArithmeticException || e is InvalidOperationException || e is ArgumentException)
            {
                if (Debug) Console.Error.WriteLine($"integrate {f}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                r = null;
            }
            _memo[f] = r;
            return r;
        }
        finally { _depth--; }
    }

    private bool Free(Expr e) => !e.Contains(_x);

    private Piece? Compute(Expr f)
    {
        if (Free(f)) return Piece.Of(f * _x);
        if (RationalIntegration.TryRead(f, _x, out var num, out var den))
        {
            var r = RationalIntegration.Integrate(num, den, _x, _steps, _budget);
            return new Piece(r.Explicit, r.RootSum ?? Expr.Zero, r.RootSumIntegrand) { SelfChecked = r.SelfChecked && _baseDepth == 0 && _depth == 1 };
        }
        if (f is Sum s)
        {
            if (ExpLogTower(f) && Risch(f) is { } whole) return whole;
            Piece? total = Piece.Of(Number.Of(s.Constant) * _x);
            foreach (var (t, k) in s.Terms)
            {
                var p = Try(t);
                if (p is null) { total = null; break; }
                total += p.Scale(Number.Of(k));
            }
            if (total is not null) return total;
        }
        if (f is Product prod)
        {
            var constant = new List<Expr> { Number.Of(prod.Coefficient) };
            var rest = new List<Expr>();
            foreach (var factor in prod.FactorExprs()) (Free(factor) ? constant : rest).Add(factor);
            var c = Product.Of(constant);
            if (!c.IsOne)
            {
                var p = Try(Product.Of(rest));
                return p?.Scale(c) ?? Risch(f);
            }
        }
        return Table(f)
            ?? TrigProduct(f)
            ?? ExpTrig(f)
            ?? (ExpLogTower(f) ? Risch(f) : null)
            ?? Parts(f)
            ?? Substitute(f)
            ?? RationalTrig(f)
            ?? SqrtQuadraticTable(f)
            ?? SqrtPolynomial(f)
            ?? SqrtQuadratic(f)
            ?? Expanded(f)
            ?? LiateParts(f)
            ?? Hyperbolic(f)
            ?? AbsoluteValue(f)
            ?? Risch(f);
    }

    /// <summary>The parallel Risch ansatz alone on <paramref name="f"/> (verified), when the search's candidate failed its check.</summary>
    public Piece? RischOnly(Expr f)
    {
        try { return Risch(f); }
        catch (Exception e) when (e is SymbolicException and not BudgetExceededException || e is ArithmeticException || e is InvalidOperationException || e is ArgumentException) { return null; }
    }

    private readonly HashSet<Expr> _rischTried = new();

    /// <summary>
    /// An integrand over x, exponentials and logarithms only (no trigonometric, hyperbolic or inverse functions, no roots):
    /// there the ansatz goes first on the whole integrand, before parts and substitution, whose nested searches over
    /// non-elementary pieces (e^x/x, 1/log x) took seconds where the ansatz takes milliseconds (x eˣ/(1 + x)²: 3 s → 1 ms);
    /// its answers are the named rules' in all but three of the 440 benchmark cases, and those are equal or simpler.
    /// </summary>
    private bool ExpLogTower(Expr f)
    {
        if (_depth + _baseDepth > 1) return false;
        bool transcendental = false;
        bool other = f.Any(n =>
        {
            switch (n)
            {
                case Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: var u } when !Free(u): transcendental = true; return false;
                case Call c when c.Applies(Function.Log) && !Free(c): transcendental = true; return false;
                case Call c when !Free(c): return true;
                case Power { Exponent: var k } p when !Free(p.Base) && k is not Number { Value.IsInteger: true }: return true;
                case Derivative: return true;
                default: return false;
            }
        });
        return transcendental && !other;
    }

    /// <summary>The parallel Risch ansatz (<see cref="ParallelRisch"/>), last: after every cheaper rule, and only on the whole
    /// integrand (one ansatz covers a whole sum and constant factors), not on the pieces the other rules try.</summary>
    private Piece? Risch(Expr f)
    {
        if (_depth + _baseDepth > 1 || !_rischTried.Add(f)) return null;
        var r = ParallelRisch.Integrate(f, _x, _budget);
        if (r is null) return null;
        var piece = Piece.Of(r.Antiderivative);
        if (!Integrator.Verify(f, _x, piece, _budget)) return null;
        return Record("parallel-risch", f, piece, $"parallel Risch ansatz, degree {r.Degree}, {r.Unknowns} unknowns");
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>u = a·x + b with a ≠ 0 free of x.</summary>
    private bool Linear(Expr u, out Expr a, out Expr b)
    {
        a = b = Expr.Zero;
        if (Free(u)) return false;
        var d = Calculus.Diff(u, _x);
        if (!Free(d) || d.IsZero) return false;
        a = d;
        b = Simplifier.Simplify(u - d * _x);
        return Free(b);
    }

    /// <summary>s = p x² + q with p, q free of x (and not both numbers: those are the rational algorithm's).</summary>
    private bool QuadraticNoLinear(Sum s, out Expr p, out Expr q)
    {
        p = q = Expr.Zero;
        var d2 = Simplifier.Simplify(Calculus.Diff(Calculus.Diff(s, _x), _x));
        if (!Free(d2) || d2.IsZero) return false;
        p = Simplifier.Simplify(d2 / 2);
        q = Simplifier.Simplify(s - p * _x.Pow(2));
        if (!Free(q) || q.IsZero) return false;
        return !(p is Number && q is Number);
    }

    private bool IsPolynomial(Expr e) => e switch
    {
        _ when Free(e) => true,
        Symbol => true,
        Power p => p.Base.Equals(_x) && p.Exponent is Number { Value: { IsInteger: true, Sign: > 0 } },
        Sum s => s.Terms.All(t => IsPolynomial(t.Term)),
        Product p => p.FactorExprs().All(IsPolynomial),
        _ => false,
    };

    private Symbol Fresh(Assumptions assumptions = Assumptions.None) => Symbol.Of(SymbolName.Of("u", lower: Interlocked.Increment(ref _fresh).ToString(System.Globalization.CultureInfo.InvariantCulture)), assumptions);

    private Piece Record(string rule, Expr f, Piece p, string? note = null)
    {
        _steps.Record(rule, Call.Of(Function.Integral, f, _x), p.Value, note);
        return p;
    }

    // ------------------------------------------------------------------ the table

    private Piece? Table(Expr f)
    {
        switch (f)
        {
            case Power { Base: Sum q2, Exponent: Number { Value: { IsInteger: true, Sign: < 0 } } m1 } when m1.Value == -1 && QuadraticNoLinear(q2, out var p2, out var c2):
                // 1/(p x² + q) with symbolic p, q: atan(x √p/√q)/(√p √q) (for p q ≠ 0; checked by differentiation)
                return Record("table", f, Piece.Of(Call.Of(Function.Atan, _x * Expr.Sqrt(p2) / Expr.Sqrt(c2)) / (Expr.Sqrt(p2) * Expr.Sqrt(c2))));
            case Power { Base: Sum q3, Exponent: Number { Value: var h } } when (h == Rational.Of(-1, 2) || h == Rational.Of(1, 2))
                && QuadraticNoLinear(q3, out var p3, out var c3) && p3 is Number { Value: var pv }:
            {
                // (p x² + q)^{∓1/2} with a symbolic q (1/√(a² − x²)): atan(x√−p/√S)/√−p for p < 0 — valid wherever S > 0,
                // with no assumption on the sign of a, unlike asin(x/a) — and log(x√p + √S)/√p for p > 0.
                var S = Expr.Sqrt(q3);
                Expr inv = pv.Sign < 0
                    ? Call.Of(Function.Atan, _x * Expr.Sqrt(-p3) / S) / Expr.Sqrt(-p3)
                    : Expr.Log(_x * Expr.Sqrt(p3) + S) / Expr.Sqrt(p3);
                return Record("table", f, Piece.Of(h.Sign < 0 ? inv : _x / 2 * S + c3 / 2 * inv));
            }
            case Power { Base: var b, Exponent: var n } when Free(n) && Linear(b, out var a, out _):
                return Record("table", f, Piece.Of(Simplifier.IsZero(n + 1)
                    ? Expr.Log(b) / a
                    : b.Pow(n + 1) / ((n + 1) * a)));
            case Power { Base: var c, Exponent: var u } when Free(c) && Linear(u, out var a, out _):
                return Record("table", f, Piece.Of(c == Expr.E ? f / a : f / (a * Expr.Log(c))));
            case Call { Function.Entry: not null, Args: [var u] } call when Linear(u, out var a, out _):
            {
                var F = call.Function.Entry?.Antiderivative?.Invoke(u);
                return F is null ? null : Record("table", f, Piece.Of(F / a));
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ sines and cosines

    /// <summary>Products and powers of sin/cos of linear arguments, rewritten as a sum by the product-to-sum formulas.</summary>
    private Piece? TrigProduct(Expr f)
    {
        if (f is not (Product or Power)) return null;
        var factors = f is Product p ? p.Factors.Select(t => (t.Base, t.Exponent)).ToList() : new List<(Expr, Expr)> { (((Power)f).Base, ((Power)f).Exponent) };
        var others = new List<Expr> { f is Product pp ? Number.Of(pp.Coefficient) : Expr.One };
        Expr acc = Expr.One;
        int trigCount = 0;
        foreach (var (b, e) in factors)
        {
            if (b is Call { Args: [var u] } bc && bc.Applies(Function.Sin, Function.Cos) && Linear(u, out _, out _)
                && e is Number { Value: { IsInteger: true, Sign: > 0 } } ne && ne.Value.Num <= 12)
            {
                for (int i = 0; i < (int)ne.Value.Num; i++) { acc = MultiplyTrig(acc, b); trigCount++; }
            }
            else others.Add(e.IsOne ? b : Power.Of(b, e));
        }
        if (trigCount < 2) return null;
        var linear = Product.Of(others) * acc;
        var expanded = Algebra.Expand(linear);
        if (expanded.Equals(f)) return null;
        var r = Try(expanded);
        return r is null ? null : Record("product-to-sum", f, r);
    }

    /// <summary>(Σ cᵢ trigᵢ) · trig by sin A sin B = ½(cos(A−B) − cos(A+B)) and its relatives.</summary>
    internal static Expr MultiplyTrig(Expr acc, Expr trig)
    {
        var t = (Call)trig;
        var terms = acc is Sum s ? s.Terms.Select(q => (q.Term, q.Coefficient)).Prepend((Expr.One, s.Constant)) : new[] { (acc, Rational.One) };
        var result = new List<Expr>();
        foreach (var (term, k) in terms)
        {
            if (k.IsZero) continue;
            Expr c = Number.Of(k);
            var (inner, coef) = term is Product p ? (p.WithoutCoefficient(), Number.Of(p.Coefficient)) : (term, Expr.One);
            c *= coef;
            if (inner is Call a && a.Applies(Function.Sin, Function.Cos))
            {
                var A = a.Args[0]; var B = t.Args[0];
                bool sa = a.Applies(Function.Sin), sb = t.Applies(Function.Sin);
                Expr r = (sa, sb) switch
                {
                    (true, true) => Expr.Half * (Expr.Cos(A - B) - Expr.Cos(A + B)),
                    (false, false) => Expr.Half * (Expr.Cos(A - B) + Expr.Cos(A + B)),
                    (true, false) => Expr.Half * (Expr.Sin(A + B) + Expr.Sin(A - B)),
                    (false, true) => Expr.Half * (Expr.Sin(A + B) - Expr.Sin(A - B)),
                };
                result.Add(c * r);
            }
            else result.Add(c * inner * trig);
        }
        return Sum.Of(result);
    }

    /// <summary>e^{u}·sin v and e^{u}·cos v with u, v linear: the closed forms.</summary>
    private Piece? ExpTrig(Expr f)
    {
        if (f is not Product { Factors.Length: 2 } p) return null;
        var fs = p.FactorExprs().ToArray();
        var e = fs.FirstOrDefault(z => z is Power { Base: Symbol { Name: "e", IsConstant: true } });
        var t = fs.FirstOrDefault(z => z is Call zc && zc.Applies(Function.Sin, Function.Cos));
        if (e is not Power pe || t is not Call tc) return null;
        if (!Linear(pe.Exponent, out var a, out _) || !Linear(tc.Args[0], out var b, out _)) return null;
        var v = tc.Args[0];
        var k = Number.Of(p.Coefficient) / (a.Pow(2) + b.Pow(2));
        var F = tc.Applies(Function.Sin)
            ? k * e * (a * Expr.Sin(v) - b * Expr.Cos(v))
            : k * e * (a * Expr.Cos(v) + b * Expr.Sin(v));
        return Record("exp-times-trig", f, Piece.Of(F));
    }

    // ------------------------------------------------------------------ integration by parts

    private Piece? Parts(Expr f)
    {
        var factors = f is Product p ? p.FactorExprs().Prepend(Number.Of(p.Coefficient)).ToList() : new List<Expr> { f };
        // u = polynomial, dv = exp/trig/hyperbolic of a linear argument: ∫P·K = P·∫K − ∫P′·∫K.
        for (int i = 0; i < factors.Count; i++)
        {
            var k = factors[i];
            bool transcendental = k is Power { Base: var cb, Exponent: var ex } && Free(cb) && Linear(ex, out _, out _)
                || k is Call { Args: [var arg] } kc && kc.Applies(Function.Sin, Function.Cos, Function.Sinh, Function.Cosh) && Linear(arg, out _, out _);
            if (!transcendental) continue;
            var poly = Product.Of(factors.Where((_, j) => j != i));
            if (Free(poly) || !IsPolynomial(poly)) continue;
            var v = Try(k);
            if (v is null || !v.RootSums.IsZero) continue;
            var rest = Try(Calculus.Diff(poly, _x) * v.Explicit);
            if (rest is null || !rest.RootSums.IsZero) continue;
            return Record("parts", f, Piece.Of(poly * v.Explicit - rest.Explicit), "u = " + poly + ", dv = " + k + " dx");
        }
        // u = log/atan/asin/acos (or a power of log), dv = the rest (a rational function): ∫R·L = L·∫R − ∫(∫R)·L′.
        for (int i = 0; i < factors.Count; i++)
        {
            var l = factors[i];
            var isInverse = l is Call lc && lc.Applies(Function.Log, Function.Atan, Function.Asin, Function.Acos)
                || l is Power { Base: Call lb, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } } && lb.Applies(Function.Log);
            if (!isInverse) continue;
            var r = Product.Of(factors.Where((_, j) => j != i));
            if (!RationalIntegration.TryRead(r, _x, out _, out _)) continue;
            var v = Try(r);
            if (v is null || !v.RootSums.IsZero) continue;
            var rest = Try(Simplifier.Simplify(v.Explicit * Calculus.Diff(l, _x)));
            if (rest is null || !rest.RootSums.IsZero) continue;
            return Record("parts", f, Piece.Of(l * v.Explicit - rest.Explicit), "u = " + l + ", dv = " + r + " dx");
        }
        return null;
    }

    // ------------------------------------------------------------------ substitution u = g(x)

    private Piece? Substitute(Expr f)
    {
        var candidates = new List<Expr>();
        void Add(Expr e)
        {
            if (Free(e) || e.Equals(_x) || Linear(e, out _, out _) || candidates.Contains(e) || candidates.Count >= 16) return;
            candidates.Add(e);
        }
        void Walk(Expr e)
        {
            switch (e)
            {
                case Call c when !c.Function.IsUser:
                    Add(c); foreach (var a in c.Args) Add(a); break;
                case Power { Base: Symbol { Name: "e", IsConstant: true } } pe:
                    Add(pe); Add(pe.Exponent); break;
                case Power pw:
                    if (pw.Exponent is not Number { Value.IsInteger: true }) Add(pw);
                    Add(pw.Base);
                    if (pw.Base is Power or Call) Add(pw.Base);
                    break;
            }
            foreach (var c in e.Children) Walk(c);
        }
        Walk(f);
        foreach (var u in candidates)
        {
            _budget.ThrowIfCancelled();
            var du = Calculus.Diff(u, _x);
            if (du.IsZero) continue;
            var inverse = InverseOf(u);
            var U = inverse?.Positive == true ? Fresh(Assumptions.Positive) : Fresh();
            Expr? tried = null;
            foreach (var h in new[] { f / du, Simplifier.Simplify(f / du) })
            {
                var g = Replace(h, u, U);
                // what is left of x is x = g⁻¹(U) when u is invertible (u = log x: x = e^U; u = √(x + 4): x = U² − 4)
                if (!Free(g) && inverse is { } inv) g = Simplifier.Simplify(Substitution.Apply(g, _x, inv.X(U)));
                if (!Free(g) || g.Equals(tried)) continue;   // the simplified quotient often gives the same integrand: searched once
                tried = g;
                var inner = Nested(U).Run(g);
                if (inner is null) continue;
                var back = new Dictionary<Expr, Expr> { [U] = u };
                var piece = new Piece(Substitution.Apply(inner.Explicit, back), Substitution.Apply(inner.RootSums, back),
                    Substitution.Apply(inner.RootSumIntegrand, back) * du);
                return Record("substitution", f, piece, $"u = {u}, du = {du} dx");
            }
        }
        return null;
    }

    /// <summary>x as a function of U = u(x) for u = log(ax + b), (ax + b)^r, e^{ax + b}; Positive when U &gt; 0 on the real domain.</summary>
    private (Func<Expr, Expr> X, bool Positive)? InverseOf(Expr u)
    {
        switch (u)
        {
            case Call { Args: [var l] } c when c.Applies(Function.Log) && Linear(l, out var a, out var b):
                return (U => (Expr.Exp(U) - b) / a, false);
            case Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: var l } when Linear(l, out var a, out var b):
                return (U => (Expr.Log(U) - b) / a, true);
            case Power { Base: var l, Exponent: Number { Value: var r } } when !r.IsInteger && Linear(l, out var a, out var b):
                return (U => (U.Pow(Number.Of(r.Reciprocal())) - b) / a, r.Den.IsEven);
        }
        return null;
    }

    /// <summary>Replaces u by U in h, also e^{k·g} ↦ U^k when u = e^g and x^{k·m} ↦ U^k when u = x^m.</summary>
    private Expr Replace(Expr h, Expr u, Symbol U)
    {
        var g = Substitution.Apply(h, u, U);
        if (u is Power { Base: Symbol { Name: "e", IsConstant: true } } pu)
        {
            g = g.Rewrite(node => node is Power { Base: Symbol { Name: "e", IsConstant: true } } pn
                && Simplifier.Simplify(pn.Exponent / pu.Exponent) is Number { Value: var k } && k.IsInteger
                    ? U.Pow(Number.Of(k)) : null);
        }
        if (u is Power { Base: var xb, Exponent: Number { Value: var m } } && xb.Equals(_x) && m.IsInteger)
        {
            g = g.Rewrite(node =>
            {
                if (node is Power { Base: var b2, Exponent: Number { Value: var k } } && b2.Equals(_x) && (k / m).IsInteger)
                    return U.Pow(Number.Of(k / m));
                return null;
            });
        }
        return g;
    }

    // ------------------------------------------------------------------ rational functions of sin and cos

    private Piece? RationalTrig(Expr f)
    {
        Expr? angle = null;
        bool ok = true;
        f.Any(e =>
        {
            if (e is Call { Args: [var a] } ec && ec.Applies(Function.Sin, Function.Cos, Function.Tan, Function.Cot, Function.Sec, Function.Csc) && !Free(a))
            {
                if (!Linear(a, out _, out var b0) || !b0.IsZero) ok = false;
                else if (angle is null) angle = a;
                else if (!angle.Equals(a)) ok = false;
            }
            return false;
        });
        if (!ok || angle is null || !Linear(angle, out var a1, out _)) return null;
        var ctx = new RationalContext(useRelations: true, _budget);
        var R = ctx.ToRatFun(f);
        int ci = -1, si = -1;
        for (int k = 0; k < ctx.VariableCount; k++)
        {
            var kernel = ctx.Kernel(k);
            if (kernel.Equals(Expr.Cos(angle))) ci = k;
            else if (kernel.Equals(Expr.Sin(angle))) si = k;
            else if (!Free(kernel) && (k < R.Numerator.VariableCount && R.Numerator.DependsOn(k) || k < R.Denominator.VariableCount && R.Denominator.DependsOn(k))) return null;
        }
        if (ci < 0) return null;
        var n = R.Numerator; var d = R.Denominator;
        if (Debug) Console.Error.WriteLine($"rational-trig {f}: {ctx.ToExpr(n)} / {ctx.ToExpr(d)}");
        if (si >= 0 && si < d.VariableCount && d.DependsOn(si)) return null;
        var nc = si >= 0 && si < n.VariableCount ? n.CoefficientsIn(si) : new[] { n };
        var n0 = nc[0];
        var n1 = nc.Length > 1 ? nc[1] : Poly.Zero(n.VariableCount);
        var U = Fresh();
        Expr Part(Poly p) => InCos(p, ci, ctx, U) / InCos(d, ci, ctx, U);
        var cosU = Expr.Cos(angle);
        Piece? total = null;
        if (!n1.IsZero)
        {
            // sin θ · E(cos θ): u = cos θ, du = −a sin θ dx.
            var g = Part(n1) * (-1 / a1);
            if (!Free(g)) return null;
            var inner = Nested(U).Run(g);
            if (inner is null || !inner.RootSums.IsZero) return null;
            total = Piece.Of(Substitution.Apply(inner.Explicit, U, cosU));
        }
        if (!n0.IsZero)
        {
            var e0 = RatFun.Of(n0, d);
            var cvar = RatFun.FromPoly(Poly.Variable(Math.Max(e0.VariableCount, ci + 1), ci));
            var neg = e0.Substitute(ci, -cvar);
            Expr g; Expr back;
            if (neg == -e0)
            {
                // cos θ · E(cos² θ): u = sin θ, cos² = 1 − u².
                var over = RatFun.Divide(e0, cvar, _budget);
                g = Even(over, ci, ctx, 1 - U.Pow(2)) / a1;
                back = Expr.Sin(angle);
            }
            else if (neg == e0)
            {
                // E(cos² θ): u = tan θ, cos² = 1/(1 + u²), dx = du/(a(1 + u²)).
                g = Even(e0, ci, ctx, 1 / (1 + U.Pow(2))) / (a1 * (1 + U.Pow(2)));
                back = Expr.Tan(angle);
            }
            else
            {
                // Weierstrass: u = tan(θ/2), cos θ = (1 − u²)/(1 + u²), dx = 2 du/(a(1 + u²)).
                var w = (1 - U.Pow(2)) / (1 + U.Pow(2));
                g = InCos(e0.Numerator, ci, ctx, w) / InCos(e0.Denominator, ci, ctx, w) * 2 / (a1 * (1 + U.Pow(2)));
                back = Expr.Sin(angle) / (1 + Expr.Cos(angle));   // tan(θ/2), in the kernels of θ
            }
            g = Simplifier.Simplify(g);
            if (!Free(g)) return null;
            var inner = Nested(U).Run(g);
            if (inner is null || !inner.RootSums.IsZero) return null;
            var p0 = Piece.Of(Substitution.Apply(inner.Explicit, U, back));
            total = total is null ? p0 : total + p0;
        }
        return total is null ? null : Record("trigonometric-substitution", f, total);
    }

    /// <summary>A polynomial in the cos variable with c replaced by <paramref name="value"/> (built from the coefficients, not the printed form).</summary>
    private static Expr InCos(Poly p, int ci, RationalContext ctx, Expr value)
    {
        if (ci >= p.VariableCount || !p.DependsOn(ci)) return ctx.ToExpr(p);
        var cs = p.CoefficientsIn(ci);
        return Sum.Of(cs.Select((c, k) => ctx.ToExpr(c) * value.Pow(k)));
    }

    /// <summary>A rational function of c that only has even powers, with c² replaced by <paramref name="square"/>.</summary>
    private static Expr Even(RatFun r, int ci, RationalContext ctx, Expr square)
    {
        Expr Of(Poly p)
        {
            if (ci >= p.VariableCount || !p.DependsOn(ci)) return ctx.ToExpr(p);
            var cs = p.CoefficientsIn(ci);
            var terms = new List<Expr>();
            for (int k = 0; k < cs.Length; k++)
            {
                if (cs[k].IsZero) continue;
                if (k % 2 == 1) throw new InvalidOperationException("odd power in an even function");
                terms.Add(ctx.ToExpr(cs[k]) * square.Pow(k / 2));
            }
            return Sum.Of(terms);
        }
        return Of(r.Numerator) / Of(r.Denominator);
    }

    // ------------------------------------------------------------------ √(quadratic)

    /// <summary>P^{−1/2} and P^{1/2} for a quadratic P, by completing the square: asin, log(2√a√P + 2ax + b).</summary>
    private Piece? SqrtQuadraticTable(Expr f)
    {
        if (f is not Power { Exponent: Number { Value: var q } } pw || !(q == Rational.Of(1, 2) || q == Rational.Of(-1, 2))) return null;
        if (!RationalIntegration.TryRead(pw.Base, _x, out var pn, out var pd) || pd.Degree != 0 || pn.Degree != 2) return null;
        var P = pd.Lc.Inverse() * pn;
        Rational a = P[2].A, b = P[1].A, c = P[0].A;
        var sqrtP = Expr.Sqrt(pw.Base);
        Expr inverse;
        if (a.Sign < 0)
        {
            var k = c - b * b / (4 * a);
            if (k.Sign <= 0) return null;   // P < 0 everywhere: no real antiderivative
            var h = b / (2 * a);
            inverse = Call.Of(Function.Asin, (_x + Number.Of(h)) * Expr.Sqrt(Number.Of(-a / k))) / Expr.Sqrt(Number.Of(-a));
            // When the normal form cannot relate √(1 − w²) to √P, the equivalent arctan form (also continuous) is used.
            if (!Integrator.Verify(Power.Of(pw.Base, Number.Of(Rational.Of(-1, 2))), _x, Piece.Of(inverse), _budget))
                inverse = Call.Of(Function.Atan, Expr.Sqrt(Number.Of(-a)) * (_x + Number.Of(h)) / sqrtP) / Expr.Sqrt(Number.Of(-a));
        }
        else
            inverse = Expr.Log(2 * Expr.Sqrt(Number.Of(a)) * sqrtP + Number.Of(2 * a) * _x + Number.Of(b)) / Expr.Sqrt(Number.Of(a));
        if (q.Sign < 0) return Record("table", f, Piece.Of(inverse));
        var F = (Number.Of(2 * a) * _x + Number.Of(b)) / Number.Of(4 * a) * sqrtP + Number.Of((4 * a * c - b * b) / (8 * a)) * inverse;
        return Record("table", f, Piece.Of(F));
    }

    private Piece? SqrtQuadratic(Expr f)
    {
        // The radicand: P in P^{k/2}, a quadratic in x with rational coefficients.
        Expr? radicand = null;
        bool ok = true;
        f.Any(e =>
        {
            if (e is Power { Exponent: Number { Value.Den: var den } } pw && den == 2 && !Free(pw.Base))
            {
                if (radicand is null) radicand = pw.Base;
                else if (!radicand.Equals(pw.Base)) ok = false;
            }
            return false;
        });
        if (!ok || radicand is null) return null;
        if (!RationalIntegration.TryRead(radicand, _x, out var pn, out var pd) || pd.Degree != 0 || pn.Degree != 2) return null;
        var P = (pd.Lc.Inverse()) * pn;
        Rational a = P[2].A, b = P[1].A, c = P[0].A;
        var Y = Fresh();
        var t = Fresh();
        // f(x, Y) with Y = √P.
        var g = f.Rewrite(node => node is Power { Exponent: Number { Value: var q } } pw && q.Den == 2 && pw.Base.Equals(radicand)
            ? Y.Pow(Number.Of(q * 2)) : null);
        if (g.Contains(radicand) && g.Any(e => e is Power { Exponent: Number { Value.Den: var dd } } && dd != 1)) return null;
        var sqrtP = Expr.Sqrt(radicand);
        Expr xt, yt, back;
        if (IsSquare(a, out var k) && k.Sign > 0)
        {
            // √P = t − k x
            xt = (t.Pow(2) - Number.Of(c)) / (Number.Of(b) + 2 * Number.Of(k) * t);
            yt = t - Number.Of(k) * xt;
            back = sqrtP + Number.Of(k) * _x;
        }
        else if (IsSquare(c, out var m) && m.Sign > 0)
        {
            // √P = x t + m
            xt = (2 * Number.Of(m) * t - Number.Of(b)) / (Number.Of(a) - t.Pow(2));
            yt = xt * t + Number.Of(m);
            back = (sqrtP - Number.Of(m)) / _x;
        }
        else
        {
            var disc = b * b - 4 * a * c;
            if (!IsSquare(disc, out var sd)) return null;
            var alpha = (-b + sd) / (2 * a);
            var beta = (-b - sd) / (2 * a);
            // √P = t (x − α)
            xt = (Number.Of(a * beta) - Number.Of(alpha) * t.Pow(2)) / (Number.Of(a) - t.Pow(2));
            yt = t * (xt - Number.Of(alpha));
            back = sqrtP / (_x - Number.Of(alpha));
        }
        var inT = Substitution.Apply(g, new Dictionary<Expr, Expr> { [Y] = yt, [_x] = xt }) * Calculus.Diff(xt, t);
        inT = Simplifier.Simplify(inT);
        if (inT.Contains(_x) || inT.Contains(Y)) return null;
        var inner = Nested(t).Run(inT);
        if (inner is null || !inner.RootSums.IsZero) return null;
        return Record("euler-substitution", f, Piece.Of(Substitution.Apply(inner.Explicit, t, back)), "t = " + back);
    }

    private static bool IsSquare(Rational q, out Rational root)
    {
        root = Rational.Zero;
        if (q.Sign < 0) return false;
        var n = Sqrt(q.Num); var d = Sqrt(q.Den);
        if (n * n != q.Num || d * d != q.Den) return false;
        root = Rational.Of(n, d);
        return true;
    }

    private static BigInteger Sqrt(BigInteger n)
    {
        if (n.Sign <= 0) return 0;
        var x = (BigInteger)Math.Sqrt((double)n);
        while (x * x > n) x--;
        while ((x + 1) * (x + 1) <= n) x++;
        return x;
    }

    // ------------------------------------------------------------------ polynomial × √(quadratic)

    /// <summary>
    /// N(x)·P^{±1/2} with N a polynomial and P a quadratic over Q: ∫ N/√P = Q(x)√P + λ∫dx/√P, Q and λ from
    /// N = Q′P + QP′/2 + λ (solved from the top degree down); N√P is N·P/√P.
    /// </summary>
    private Piece? SqrtPolynomial(Expr f)
    {
        Power? root = null;
        var rest = new List<Expr>();
        var fs = f is Product pr ? pr.FactorExprs().Prepend(Number.Of(pr.Coefficient)) : new[] { f };
        foreach (var z in fs)
        {
            if (root is null && z is Power { Exponent: Number { Value: var q } } pw && (q == Rational.Of(1, 2) || q == Rational.Of(-1, 2)) && !Free(pw.Base)) root = pw;
            else rest.Add(z);
        }
        if (root is null) return null;
        if (!RationalIntegration.TryRead(root.Base, _x, out var pn, out var pd) || pd.Degree != 0 || pn.Degree != 2) return null;
        if (!RationalIntegration.TryRead(Product.Of(rest), _x, out var nn, out var nd) || nd.Degree != 0) return null;
        var P = pd.Lc.Inverse() * pn;
        var N = nd.Lc.Inverse() * nn;
        if (((Number)root.Exponent).Value.Sign > 0) N = N * P;
        int n = N.Degree;
        if (n < 1) return null;   // c/√P: the table
        var qc = new QS[n];
        var resid = N;
        var half = new QS(Rational.Of(1, 2));
        for (int m = n - 1; m >= 0; m--)
        {
            qc[m] = resid[m + 1] / (new QS(m + 1) * P[2]);
            var term = UPoly.Monomial(qc[m], m);
            resid = resid - (term.Derivative() * P + half * (term * P.Derivative()));
        }
        if (resid.Degree > 0) return null;
        var F = new UPoly(qc).ToExpr(_x) * Expr.Sqrt(root.Base);
        if (!resid[0].IsZero)
        {
            var inv = SqrtQuadraticTable(Power.Of(root.Base, Number.Of(Rational.Of(-1, 2))));
            if (inv is null) return null;
            F = F + resid[0].ToExpr() * inv.Explicit;
        }
        return Record("sqrt-reduction", f, Piece.Of(F), "∫ N/√P = Q√P + λ∫dx/√P with N = Q′P + QP′/2 + λ");
    }

    // ------------------------------------------------------------------ parts by LIATE

    /// <summary>Log, Inverse, Algebraic (a polynomial), then the rest: the order in which u is chosen in ∫u dv.</summary>
    private int Liate(Expr e) => e switch
    {
        Call c when c.Applies(Function.Log) => 0,
        Power { Base: Call lb, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } } when lb.Applies(Function.Log) => 0,
        Call c when c.Applies(Function.Asin, Function.Acos, Function.Atan, Function.Arsinh, Function.Arcosh, Function.Artanh) => 1,
        _ when IsPolynomial(e) => 2,
        _ => 3,
    };

    /// <summary>
    /// ∫u dv = u v − ∫v du for a product, u the first factor in the LIATE order whose dv has an antiderivative
    /// (t sec²t, √t log t, x·arsinh x, x tan²x).
    /// </summary>
    private Piece? LiateParts(Expr f)
    {
        if (f is Call && Liate(f) <= 1)
        {
            // a log or inverse function alone (log √x, atan √x): u = f, dv = dx
            var rest1 = Try(Simplifier.Simplify(_x * Calculus.Diff(f, _x)));
            return rest1 is null || !rest1.RootSums.IsZero ? null : Record("parts", f, Piece.Of(_x * f - rest1.Explicit), "LIATE: u = " + f + ", dv = dx");
        }
        if (f is not Product p) return null;
        var factors = p.FactorExprs().ToList();
        if (factors.Count < 2) return null;
        foreach (var i in Enumerable.Range(0, factors.Count).Where(i => Liate(factors[i]) <= 2).OrderBy(i => Liate(factors[i])))
        {
            _budget.ThrowIfCancelled();
            var u = factors[i];
            var dv = Number.Of(p.Coefficient) * Product.Of(factors.Where((_, j) => j != i));
            var v = Try(dv);
            if (v is null || !v.RootSums.IsZero) continue;
            var rest = Try(Simplifier.Simplify(v.Explicit * Calculus.Diff(u, _x)));
            if (rest is null || !rest.RootSums.IsZero) continue;
            return Record("parts", f, Piece.Of(u * v.Explicit - rest.Explicit), "LIATE: u = " + u + ", dv = " + dv + " dx");
        }
        return null;
    }

    // ------------------------------------------------------------------ hyperbolic functions through e^x

    private static readonly Function[] HyperbolicFunctions = [Function.Sinh, Function.Cosh, Function.Tanh, Function.Sech, Function.Csch, Function.Coth];

    /// <summary>sinh, cosh, tanh, sech, csch, coth rewritten in exponentials (their table definitions), integrated,
    /// and c(e^{L} ± e^{−L}) in the answer written back as 2c cosh L or 2c sinh L.</summary>
    private Piece? Hyperbolic(Expr f)
    {
        bool Has(Expr e) => e.Any(n => n is Call c && c.Applies(HyperbolicFunctions) && !Free(c));
        if (!Has(f)) return null;
        var g = f;
        for (int k = 0; k < 4 && Has(g); k++)
            g = g.Rewrite(n => n is Call { Args: [var a] } c && c.Applies(HyperbolicFunctions) && !Free(a) && c.Function.Entry?.Definition is { } def ? def(a) : null);
        if (Has(g)) return null;
        var p = Try(Simplifier.Simplify(g));
        if (p is null || !p.RootSums.IsZero) return null;
        return Record("hyperbolic-as-exponential", f, Piece.Of(BackToHyperbolic(p.Explicit)));
    }

    private Expr BackToHyperbolic(Expr e)
    {
        e = Algebra.Expand(e);
        if (e is not Sum s) return e;
        var exps = new Dictionary<Expr, Rational>();
        var others = new List<Expr> { Number.Of(s.Constant) };
        foreach (var (t, k) in s.Terms)
        {
            if (t is Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: var l } && Linear(l, out _, out var b) && b.IsZero) exps[l] = k;
            else others.Add(Number.Of(k) * t);
        }
        foreach (var (l, k) in exps.ToList())
        {
            if (!exps.ContainsKey(l)) continue;
            var neg = Simplifier.Simplify(-l);
            if (!exps.TryGetValue(neg, out var k2) || l is Product { Coefficient.Sign: < 0 }) continue;
            if (k2 == k) others.Add(Number.Of(2 * k) * Expr.Cosh(l));
            else if (k2 == -k) others.Add(Number.Of(2 * k) * Expr.Sinh(l));
            else continue;
            exps.Remove(l); exps.Remove(neg);
        }
        foreach (var (l, k) in exps) others.Add(Number.Of(k) * Expr.Exp(l));
        return Sum.Of(others);
    }

    // ------------------------------------------------------------------ |ax + b|

    /// <summary>
    /// |L| for a linear L, read for real x as s·L with s = sign L constant on each side of the root x₀: G = ∫ f|_{|L| = sL},
    /// and F = G(x) − G(x₀) with s = sign L is continuous across x₀ (∫|x| = x|x|/2). The result states this reading.
    /// </summary>
    private Piece? AbsoluteValue(Expr f)
    {
        Expr? inner = null;
        bool ok = true;
        f.Any(e =>
        {
            if (e is Call { Args: [var a] } c && c.Applies(Function.Abs) && !Free(a))
            {
                if (inner is null) inner = a;
                else if (!inner.Equals(a)) ok = false;
            }
            return false;
        });
        if (!ok || inner is null || !Linear(inner, out var slope, out var b)) return null;
        var sgn = Symbol.Of(SymbolName.Of("s", lower: Interlocked.Increment(ref _fresh).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var g = f.Rewrite(n => n is Call { Args: [var a] } c && c.Applies(Function.Abs) && a.Equals(inner) ? sgn * inner : null);
        var p = Try(Simplifier.Simplify(g));
        if (p is null || !p.RootSums.IsZero) return null;
        var x0 = Simplifier.Simplify(-b / slope);
        var F = Simplifier.Simplify(p.Explicit - Substitution.Apply(p.Explicit, _x, x0));
        var sign = Call.Of(Function.Sign, inner);
        F = Substitution.Apply(F, sgn, sign);
        // sign(L)·Lᵏ = |L|·Lᵏ⁻¹
        F = F.Rewrite(n => n is Product pr && pr.FactorExprs().Contains(sign) && pr.FactorExprs().FirstOrDefault(z => z.Equals(inner) || z is Power { Base: var bb, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } } && bb.Equals(inner)) is { } lk
            ? Product.Of(pr.FactorExprs().Where(z => !z.Equals(sign) && !z.Equals(lk)).Append(Number.Of(pr.Coefficient)).Append(Expr.Abs(inner)).Append(lk / inner))
            : null);
        return Record("absolute-value", f, Piece.Of(F), $"real reading: |{inner}| = sign({inner})·({inner}), constant on each side of {x0}; the antiderivative is continuous at {x0}");
    }

    // ------------------------------------------------------------------ expansion

    private Piece? Expanded(Expr f)
    {
        if (!f.Any(e => e is Product pr && pr.Factors.Any(q => q.Base is Sum) || e is Power { Base: Sum, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } }))
            return null;
        var e = Algebra.Expand(f);
        if (e.Equals(f) || e is not Sum) return null;
        return Try(e);
    }
}
