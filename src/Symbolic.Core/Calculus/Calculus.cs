namespace Symbolic.Core;

/// <summary>
/// Differentiation. <see cref="Diff(Expr, Expr)"/> takes the partial derivative with respect to a symbol
/// (chain rule through unknown functions: d/dt r(t) = ṙ) or with respect to a jet variable such as
/// q(t) or q̇, which the Euler–Lagrange operator treats as independent of one another.
/// </summary>
/// <example><code>
/// var t = Expr.Symbol("t"); var r = Function.User("r");
/// Calculus.Diff(Call.Of(r, t).Pow(2), t);   // 2 r(t) ṙ(t)
/// </code></example>
public static class Calculus
{
    /// <summary>∂e/∂v, v a symbol, a function application q(t), or a derivative q̇.</summary>
    public static Expr Diff(Expr e, Expr v)
    {
        if (v is not (Symbol or Call { Function.IsUser: true } or Derivative))
            throw new SymbolicException($"cannot differentiate with respect to {v}: expected a variable, q(t) or a derivative of q(t)");
        return new Differentiator(v).D(e);
    }

    /// <summary>The n-th derivative ∂ⁿe/∂vⁿ.</summary>
    public static Expr Diff(Expr e, Expr v, int n)
    {
        for (int i = 0; i < n; i++) e = Diff(e, v);
        return e;
    }

    /// <summary>The total derivative d/dt of an expression in q(t), q̇, q̈, … and t.</summary>
    public static Expr TotalDerivative(Expr e, Symbol t) => Diff(e, t);

    private sealed class Differentiator
    {
        private readonly Expr _v;
        private readonly Dictionary<Expr, Expr> _memo = new();

        public Differentiator(Expr v) => _v = v;

        public Expr D(Expr e)
        {
            StackGuard.Check();
            if (e.Equals(_v)) return Expr.One;
            if (e is Number or Symbol) return Expr.Zero;
            if (_memo.TryGetValue(e, out var cached)) return cached;
            var r = Compute(e);
            _memo[e] = r;
            return r;
        }

        private Expr Compute(Expr e)
        {
            switch (e)
            {
                case Sum s:
                {
                    var acc = new Sum.TermAccumulator();
                    foreach (var (t, k) in s.Terms) acc.Add(D(t), k);
                    return acc.Build();
                }
                case Product p:
                {
                    var factors = p.FactorExprs().ToArray();
                    var terms = new List<Expr>(factors.Length);
                    for (int i = 0; i < factors.Length; i++)
                    {
                        var di = D(factors[i]);
                        if (di.IsZero) continue;
                        var parts = new Expr[factors.Length + 1];
                        parts[0] = Number.Of(p.Coefficient);
                        for (int j = 0; j < factors.Length; j++) parts[j + 1] = j == i ? di : factors[j];
                        terms.Add(Product.Of(parts));
                    }
                    return Sum.Of(terms);
                }
                case Power p:
                {
                    var db = D(p.Base);
                    var de = D(p.Exponent);
                    if (de.IsZero)
                        return db.IsZero ? Expr.Zero : Product.Of(p.Exponent, Power.Of(p.Base, Sum.Of(p.Exponent, Expr.MinusOne)), db);
                    if (p.Base == Expr.E) return Product.Of(p, de);
                    // b^e (e' log b + e b'/b)
                    return Product.Of(p, Sum.Of(Product.Of(de, Expr.Log(p.Base)), Product.Of(p.Exponent, db, Power.Of(p.Base, Expr.MinusOne))));
                }
                case Call c when c.Function.IsUser: return UserCall(c);
                case Call w when w.Function == Function.Wedge:
                {
                    // Leibniz for a product of 0-forms' coefficients in time: (a∧b)˙ = ȧ∧b + a∧ḃ, order kept.
                    var terms = new List<Expr>();
                    for (int i = 0; i < w.Args.Length; i++)
                    {
                        var di = D(w.Args[i]);
                        if (di.IsZero) continue;
                        var args = w.Args.ToArray();
                        args[i] = di;
                        terms.Add(Call.Of(w.Function, args));
                    }
                    return Sum.Of(terms);
                }
                case Call c:
                {
                    if (c.Args.Length != 1) throw new SymbolicException($"cannot differentiate {c.Function.Name} of {c.Args.Length} arguments");
                    // The chain rule down a chain of nested calls f(g(h(…))) with a loop, the outer derivatives multiplied once
                    // at the end: one product per level would sort ever longer products of ever deeper factors (cubic in the depth).
                    if (c.Function.IsOperator)
                    {
                        var du0 = D(c.Args[0]);
                        return du0.IsZero ? Expr.Zero : Product.Of(Outer(c.Function, c.Args[0]), du0);
                    }
                    var outer = new List<Expr>();
                    Expr inner = c;
                    while (inner is Call { Function.IsUser: false, Function.IsOperator: false, Args.Length: 1 } link && !_memo.ContainsKey(inner))
                    {
                        outer.Add(Outer(link.Function, link.Args[0]));
                        inner = link.Args[0];
                        if (inner.Equals(_v)) break;
                    }
                    var du = D(inner);
                    if (du.IsZero) return Expr.Zero;
                    outer.Add(du);
                    return Product.Of(outer);
                }
                case Derivative d:
                    if (_v is Symbol sv)
                        return d.Function.Args.Any(a => a.Contains(sv)) ? Derivative.Of(d, new[] { (sv, 1) }) : Expr.Zero;
                    return Expr.Zero;   // q̇ is independent of q and of q̈ as a jet variable
                case Relation r:
                    return Relation.Of(D(r.Left), r.Op, D(r.Right));
            }
            throw new SymbolicException($"cannot differentiate {e}");
        }

        private Expr UserCall(Call c)
        {
            if (!c.Args.Any(a => a.Contains(_v))) return Expr.Zero;
            // ∂f(x, y)/∂x: the argument symbols are the variables of the derivative.
            if (_v is Symbol sv && c.Function.Base is null && c.Args.All(a => a is Symbol) && c.Args.Distinct().Count() == c.Args.Length)
                return Derivative.Of(c, new[] { (sv, 1) });
            // The chain rule through every argument: ∂V(u)/∂v = V′(u) ∂u/∂v, also for a jet variable q(t)
            // (∂V(r(t))/∂r(t) = V′(r(t))) and for the time itself (d/dt A(x(t), t) = A^(1,0) ẋ + A^(0,1)).
            var terms = new List<Expr>(c.Args.Length);
            for (int i = 0; i < c.Args.Length; i++)
            {
                var du = D(c.Args[i]);
                if (du.IsZero) continue;
                var orders = new int[c.Args.Length];
                orders[i] = 1;
                terms.Add(Product.Of(Call.Of(Function.DerivativeOf(c.Function, orders), c.Args), du));
            }
            return Sum.Of(terms);
        }

        private static Expr Outer(Function f, Expr u) =>
            f.Entry?.Derivative?.Invoke(u) ?? throw new SymbolicException($"no derivative rule for {f.Name}");
    }
}
