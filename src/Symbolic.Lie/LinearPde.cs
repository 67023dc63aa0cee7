using System.Numerics;
using Symbolic.Core;
using Symbolic.Core.Polynomials;

namespace Symbolic.Lie;

/// <summary>An unknown function of a linear PDE system: a name and the base variables it depends on (none: a constant).</summary>
internal sealed class Unknown
{
    public string Name { get; }
    public bool[] DependsOn { get; }
    public int Index { get; }
    public int VariableCount { get; }

    public Unknown(string name, bool[] dependsOn, int index)
    {
        Name = name;
        DependsOn = dependsOn;
        Index = index;
        VariableCount = dependsOn.Count(b => b);
    }

    public override string ToString() => Name;
}

/// <summary>A derivative ∂^J f of an unknown f (J over all base variables; zero where f does not depend).</summary>
internal sealed class DKey : IEquatable<DKey>
{
    public Unknown Unknown { get; }
    public int[] Orders { get; }
    public int Total { get; }
    private readonly int _hash;

    public DKey(Unknown unknown, int[] orders)
    {
        Unknown = unknown;
        Orders = orders;
        Total = orders.Sum();
        var h = new HashCode();
        h.Add(unknown.Index);
        foreach (var o in orders) h.Add(o);
        _hash = h.ToHashCode();
    }

    /// <summary>∂_v of this derivative, or null when the unknown does not depend on v.</summary>
    public DKey? Raise(int v)
    {
        if (!Unknown.DependsOn[v]) return null;
        var o = (int[])Orders.Clone();
        o[v]++;
        return new DKey(Unknown, o);
    }

    public DKey Raise(int[] by)
    {
        var o = (int[])Orders.Clone();
        for (int i = 0; i < o.Length; i++) o[i] += by[i];
        return new DKey(Unknown, o);
    }

    /// <summary>True when this is a derivative of <paramref name="other"/> (same unknown, J ≥ J').</summary>
    public bool IsDerivativeOf(DKey other)
    {
        if (other.Unknown != Unknown) return false;
        for (int i = 0; i < Orders.Length; i++) if (Orders[i] < other.Orders[i]) return false;
        return true;
    }

    public int[] Minus(DKey other) => Orders.Zip(other.Orders, (a, b) => a - b).ToArray();

    public bool Equals(DKey? o) => o is not null && o.Unknown == Unknown && o.Orders.AsSpan().SequenceEqual(Orders);
    public override bool Equals(object? obj) => Equals(obj as DKey);
    public override int GetHashCode() => _hash;
}

/// <summary>
/// The orderly ranking: higher total order first; then unknowns of more variables; then the earlier unknown; then
/// lexicographic in the orders (first base variable first). Compatible with differentiation, as the reduction needs.
/// </summary>
internal sealed class Ranking : IComparer<DKey>
{
    public static readonly Ranking Instance = new();

    public int Compare(DKey? a, DKey? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        if (a.Total != b.Total) return a.Total.CompareTo(b.Total);
        if (a.Unknown.VariableCount != b.Unknown.VariableCount) return a.Unknown.VariableCount.CompareTo(b.Unknown.VariableCount);
        if (a.Unknown.Index != b.Unknown.Index) return b.Unknown.Index.CompareTo(a.Unknown.Index);
        for (int i = 0; i < a.Orders.Length; i++)
            if (a.Orders[i] != b.Orders[i]) return a.Orders[i].CompareTo(b.Orders[i]);
        return 0;
    }
}

/// <summary>A linear combination Σ c_k ∂^{J_k} f_k with coefficients in the rational normal form of the base variables.</summary>
internal sealed class LinExpr
{
    public Dictionary<DKey, RatFun> Terms { get; } = new();

    public bool IsZero => Terms.Count == 0;

    public LinExpr Clone()
    {
        var r = new LinExpr();
        foreach (var kv in Terms) r.Terms[kv.Key] = kv.Value;
        return r;
    }

    public void Add(DKey k, RatFun c, RationalContext ctx)
    {
        if (c.IsZero) return;
        if (Terms.TryGetValue(k, out var old))
        {
            var s = ctx.Add(old, c);
            if (s.IsZero) Terms.Remove(k); else Terms[k] = s;
        }
        else Terms[k] = c;
    }

    public void AddScaled(LinExpr e, RatFun scale, RationalContext ctx)
    {
        foreach (var (k, c) in e.Terms) Add(k, ctx.Mul(c, scale), ctx);
    }

    public DKey Leader() => Terms.Keys.Max(Ranking.Instance)!;

    public IEnumerable<Unknown> Unknowns => Terms.Keys.Select(k => k.Unknown).Distinct();
}

/// <summary>
/// A linear homogeneous PDE system for unknown functions of the base variables, brought to a reduced standard form
/// by differential elimination (Reid's rif-style algorithm for linear systems): each equation solved for its leading
/// derivative in an orderly ranking, all equations reduced by each other's leaders and their derivatives, and the
/// integrability conditions of every pair of leaders of one unknown added until they all reduce to zero. The
/// parametric derivatives of the standard form then give the dimension of the solution space.
/// </summary>
internal sealed class LinearPdeSystem
{
    public RationalContext Ctx { get; }
    public IReadOnlyList<Symbol> Variables { get; }
    public List<Unknown> Unknowns { get; } = new();
    public List<LinExpr> Equations { get; } = new();
    public Budget Budget { get; }
    /// <summary>Leading coefficients divided by that involve parameters (assumed nonzero), as text.</summary>
    public List<string> Assumed { get; } = new();

    private int _fresh;

    public LinearPdeSystem(IReadOnlyList<Symbol> variables, Budget? budget = null)
    {
        Variables = variables;
        Budget = budget ?? Budget.Unlimited;
        Ctx = new RationalContext(useRelations: true, Budget);
        foreach (var v in variables) Ctx.VariableOf(v);
    }

    public Unknown NewUnknown(string name, bool[] dependsOn)
    {
        var u = new Unknown(name, dependsOn, _fresh++);
        Unknowns.Add(u);
        return u;
    }

    public Unknown NewConstant() => NewUnknown($"c{_constants++}", new bool[Variables.Count]);
    private int _constants = 1;

    public DKey Key(Unknown u) => new(u, new int[Variables.Count]);

    public RatFun Coef(Expr e) => Ctx.ToRatFun(Simplifier.Prepare(e));

    // ------------------------------------------------------------------ derivatives of linear combinations

    public LinExpr Derivative(LinExpr e, int v)
    {
        var r = new LinExpr();
        var sv = Variables[v];
        foreach (var (k, c) in e.Terms)
        {
            var dc = Ctx.Diff(c, sv);
            if (!dc.IsZero) r.Add(k, dc, Ctx);
            var up = k.Raise(v);
            if (up is not null) r.Add(up, c, Ctx);
        }
        return r;
    }

    public LinExpr Derivative(LinExpr e, int[] orders)
    {
        for (int v = 0; v < orders.Length; v++)
            for (int i = 0; i < orders[v]; i++) e = Derivative(e, v);
        return e;
    }

    // ------------------------------------------------------------------ standard form

    /// <summary>
    /// Replaces <see cref="Equations"/> by an equivalent reduced standard form: each equation monic in its leader,
    /// no term of any equation a derivative of another's leader, every integrability condition reducing to zero.
    /// </summary>
    public void StandardForm()
    {
        var solved = new Dictionary<DKey, LinExpr>();
        // the simplest equations first (fewest terms, smallest coefficients): they reduce the others before those are
        // combined, so leading coefficients stay the parameters' own factors (n − 1, n + 3) instead of their combinations
        var queue = new Queue<LinExpr>(Equations.OrderBy(e => e.Terms.Count).ThenBy(e => e.Terms.Values.Sum(c => c.Numerator.TermCount + c.Denominator.TermCount)));
        var pairsDone = new HashSet<(LinExpr, LinExpr)>(new PairComparer());
        while (true)
        {
            while (queue.Count > 0)
            {
                Budget.ThrowIfCancelled();
                var e = Reduce(queue.Dequeue(), solved);
                if (e.IsZero) continue;
                var leader = e.Leader();
                var lc = e.Terms[leader];
                if (!lc.IsOne)
                {
                    NoteDivision(lc);
                    var inv = Ctx.Div(Ctx.One, lc);
                    var monic = new LinExpr();
                    foreach (var (k, c) in e.Terms) monic.Add(k, k.Equals(leader) ? Ctx.One : Ctx.Mul(c, inv), Ctx);
                    e = monic;
                }
                // the new leader may reduce equations already solved: take them out and reduce them again
                foreach (var (l, s) in solved.ToList())
                {
                    if (s.Terms.Keys.Any(k => k.IsDerivativeOf(leader)))
                    {
                        solved.Remove(l);
                        queue.Enqueue(s);
                    }
                }
                solved[leader] = e;
                if (solved.Count > 5000) throw new BudgetExceededException("the determining system grew beyond 5000 equations");
            }
            bool added = false;
            var list = solved.ToList();
            for (int i = 0; i < list.Count && !added; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    var (la, ea) = list[i];
                    var (lb, eb) = list[j];
                    if (la.Unknown != lb.Unknown) continue;
                    if (!pairsDone.Add((ea, eb))) continue;
                    var lcm = la.Orders.Zip(lb.Orders, Math.Max).ToArray();
                    var da = Derivative(ea, lcm.Zip(la.Orders, (m, o) => m - o).ToArray());
                    var db = Derivative(eb, lcm.Zip(lb.Orders, (m, o) => m - o).ToArray());
                    var cond = da.Clone();
                    cond.AddScaled(db, Ctx.Constant(-1), Ctx);
                    cond = Reduce(cond, solved);
                    if (!cond.IsZero)
                    {
                        queue.Enqueue(cond);
                        added = true;
                        break;
                    }
                }
            }
            if (!added) break;
        }
        Equations.Clear();
        Equations.AddRange(solved.OrderByDescending(kv => kv.Key, Ranking.Instance).Select(kv => kv.Value));
    }

    private void NoteDivision(RatFun lc)
    {
        // Dividing by a function of the variables is fine away from where it vanishes; a parameter is assumed nonzero.
        var e = Ctx.ToExpr(lc);
        var parameters = e.FreeSymbols().Where(s => !Variables.Contains(s) && !s.IsConstant).ToList();
        if (parameters.Count == 0) return;
        AssumeNonzero(e);
    }

    /// <summary>Expressions in the parameters taken nonzero (divided by, or a root's sign decided): the generic case.</summary>
    public List<Expr> NonzeroAssumed { get; } = new();

    /// <summary>Records that <paramref name="e"/> (an expression in the parameters) is taken nonzero.</summary>
    public void AssumeNonzero(Expr e)
    {
        e = ParameterPart(e);
        if (e.IsOne || Assume.IsNonzero(e)) return;
        var text = $"{e} ≠ 0";
        if (Assumed.Contains(text)) return;
        Assumed.Add(text);
        NonzeroAssumed.Add(e);
    }

    /// <summary>
    /// The part of a product that vanishes only for special parameter values: numeric coefficients and factors of the
    /// variables alone are dropped, a power of a factor is the factor (−16ω²y ≠ 0 is ω ≠ 0).
    /// </summary>
    private Expr ParameterPart(Expr e)
    {
        bool IsParametric(Expr f) => f.FreeSymbols().Any(s => !Variables.Contains(s) && !s.IsConstant);
        bool HasVariable(Expr f) => f.FreeSymbols().Any(s => Variables.Contains(s));
        Expr Base(Expr f) => f is Power { Exponent: Number { Value: { Sign: > 0, IsInteger: true } } } pw ? pw.Base : f;
        if (e is Product p)
        {
            var kept = p.Factors.Select(f => Base(f.Base.Pow(f.Exponent))).Where(f => IsParametric(f)).ToList();
            if (kept.Any(HasVariable)) return e;
            return Product.Of(kept);
        }
        e = Base(e);
        return IsParametric(e) ? e : Expr.One;
    }

    /// <summary>True when a coefficient involves the base variable (through any kernel).</summary>
    public bool CoefficientDependsOn(RatFun c, int variable)
    {
        var v = Variables[variable];
        for (int i = 0; i < Ctx.VariableCount; i++)
            if ((c.Numerator.DependsOn(i) || c.Denominator.DependsOn(i)) && Ctx.Kernel(i).Contains(v)) return true;
        return false;
    }

    /// <summary>Reduces e by the current equations, which must be in standard form.</summary>
    public LinExpr ReduceByStandardForm(LinExpr e) => Reduce(e, Equations.ToDictionary(q => q.Leader(), q => q));

    /// <summary>Reduces e by the solved equations: every term that is a derivative of a leader is replaced, highest first.</summary>
    private LinExpr Reduce(LinExpr e, Dictionary<DKey, LinExpr> solved)
    {
        if (solved.Count == 0) return e;
        e = e.Clone();
        var leaders = solved.Keys.ToList();
        while (true)
        {
            DKey? best = null;
            DKey? by = null;
            foreach (var k in e.Terms.Keys)
            {
                if (best is not null && Ranking.Instance.Compare(k, best) <= 0) continue;
                foreach (var l in leaders)
                {
                    if (k.IsDerivativeOf(l)) { best = k; by = l; break; }
                }
            }
            if (best is null) return e;
            var c = e.Terms[best];
            var d = Derivative(solved[by!], best.Minus(by!));
            e.AddScaled(d, Ctx.Neg(c), Ctx);
            Budget.Check(e.Terms.Count, "reducing the determining equations");
        }
    }

    // ------------------------------------------------------------------ dimension

    /// <summary>
    /// The number of parametric derivatives of the standard form (the dimension of the solution space), or null when
    /// it is infinite (some unknown has no leader that is a pure derivative by one of its variables).
    /// </summary>
    public int? ParametricCount()
    {
        int total = 0;
        foreach (var u in Unknowns)
        {
            var leaders = Equations.Select(e => e.Leader()).Where(k => k.Unknown == u).ToList();
            var vars = Enumerable.Range(0, Variables.Count).Where(v => u.DependsOn[v]).ToArray();
            var bound = new int[Variables.Count];
            foreach (var v in vars)
            {
                var pure = leaders.Where(l => l.Orders.Select((o, i) => i == v || o == 0).All(b => b)).Select(l => l.Orders[v]).DefaultIfEmpty(-1).Min();
                if (pure < 0) return null;
                bound[v] = pure;
            }
            total += CountBox(vars, 0, new int[Variables.Count], bound, leaders, u);
        }
        return total;
    }

    private int CountBox(int[] vars, int i, int[] current, int[] bound, List<DKey> leaders, Unknown u)
    {
        if (i == vars.Length)
        {
            var k = new DKey(u, (int[])current.Clone());
            return leaders.Any(l => k.IsDerivativeOf(l)) ? 0 : 1;
        }
        int n = 0;
        for (int o = 0; o < bound[vars[i]]; o++)
        {
            current[vars[i]] = o;
            n += CountBox(vars, i + 1, current, bound, leaders, u);
        }
        current[vars[i]] = 0;
        return n;
    }

    // ------------------------------------------------------------------ substitution and splitting

    /// <summary>Replaces the unknown <paramref name="f"/> by <paramref name="value"/> in every equation and in the given expressions.</summary>
    public void Substitute(Unknown f, LinExpr value, IList<LinExpr> others)
    {
        var cache = new Dictionary<string, LinExpr>();
        LinExpr Apply(LinExpr e)
        {
            if (!e.Terms.Keys.Any(k => k.Unknown == f)) return e;
            var r = new LinExpr();
            foreach (var (k, c) in e.Terms)
            {
                if (k.Unknown != f) { r.Add(k, c, Ctx); continue; }
                var key = string.Join(",", k.Orders);
                if (!cache.TryGetValue(key, out var d)) cache[key] = d = Derivative(value, k.Orders);
                r.AddScaled(d, c, Ctx);
            }
            return r;
        }
        for (int i = 0; i < Equations.Count; i++) Equations[i] = Apply(Equations[i]);
        for (int i = 0; i < others.Count; i++) others[i] = Apply(others[i]);
        Unknowns.Remove(f);
    }

    /// <summary>
    /// Splits every equation by the base variables none of its unknowns depends on: the coefficients (over a common
    /// denominator) are polynomials in the kernels of those variables, and each monomial's coefficient must vanish.
    /// </summary>
    public void Split()
    {
        var result = new List<LinExpr>();
        foreach (var e in Equations)
        {
            var free = Enumerable.Range(0, Variables.Count).Where(v => e.Terms.Keys.All(k => !k.Unknown.DependsOn[v])).ToArray();
            if (free.Length == 0) { result.Add(e); continue; }
            // kernels (variables of the normal form) that depend on a free base variable
            var kernelVars = new List<int>();
            for (int i = 0; i < Ctx.VariableCount; i++)
                if (free.Any(v => Ctx.Kernel(i).Contains(Variables[v]))) kernelVars.Add(i);
            if (kernelVars.Count == 0) { result.Add(e); continue; }
            // common denominator
            Poly? den = null;
            foreach (var c in e.Terms.Values)
                den = den is null ? c.Denominator : Lcm(den, c.Denominator);
            var groups = new Dictionary<string, LinExpr>();
            foreach (var (k, c) in e.Terms)
            {
                var num = c.Numerator * den!.WithVariableCount(Math.Max(den.VariableCount, c.Numerator.VariableCount)).DivideExact(c.Denominator.WithVariableCount(Math.Max(den.VariableCount, c.Denominator.VariableCount)));
                foreach (var (exps, coef) in num.Terms)
                {
                    var keyParts = kernelVars.Select(i => i < exps.Length ? exps[i] : 0).ToArray();
                    var key = string.Join(",", keyParts);
                    var rest = (int[])exps.Clone();
                    foreach (var i in kernelVars) if (i < rest.Length) rest[i] = 0;
                    if (!groups.TryGetValue(key, out var g)) groups[key] = g = new LinExpr();
                    g.Add(k, RatFun.FromPoly(Poly.Monomial(rest, coef)), Ctx);
                }
            }
            result.AddRange(groups.Values.Where(g => !g.IsZero));
        }
        Equations.Clear();
        Equations.AddRange(result);
    }

    private Poly Lcm(Poly a, Poly b)
    {
        int n = Math.Max(a.VariableCount, b.VariableCount);
        a = a.WithVariableCount(n);
        b = b.WithVariableCount(n);
        if (a.IsOne) return b;
        if (b.IsOne) return a;
        var g = PolyGcd.Gcd(a, b, Budget);
        return (a * b).DivideExact(g);
    }

    // ------------------------------------------------------------------ printing

    public Expr ToExpr(LinExpr e, Func<Unknown, Expr> call)
    {
        var terms = new List<Expr>();
        foreach (var (k, c) in e.Terms.OrderByDescending(kv => kv.Key, Ranking.Instance))
        {
            Expr d = call(k.Unknown);
            var vars = Enumerable.Range(0, Variables.Count).Where(v => k.Orders[v] > 0).Select(v => (Variables[v], k.Orders[v])).ToList();
            if (vars.Count > 0) d = Core.Derivative.Of(d, vars);
            terms.Add(Ctx.ToExpr(c) * d);
        }
        return Sum.Of(terms);
    }

    private sealed class PairComparer : IEqualityComparer<(LinExpr, LinExpr)>
    {
        public bool Equals((LinExpr, LinExpr) a, (LinExpr, LinExpr) b) => ReferenceEquals(a.Item1, b.Item1) && ReferenceEquals(a.Item2, b.Item2);
        public int GetHashCode((LinExpr, LinExpr) p) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(p.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(p.Item2));
    }
}
