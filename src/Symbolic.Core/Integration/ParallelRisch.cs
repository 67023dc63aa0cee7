using System.Numerics;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Core.Integration;

/// <summary>
/// The parallel Risch (Risch–Norman) heuristic, in the manner of Bronstein's pmint and Geddes–Stefanus: the kernels
/// θ₁ … θₙ of the integrand's rational normal form that depend on x (x itself, e^u, log u, atan u, cos u with sin u
/// algebraic over it, √P …) are the tower; each θᵢ′ is a rational function Pᵢ/L of them. The antiderivative is sought as
/// A/Q + Σ dⱼ log vⱼ with A a polynomial of bounded total degree with unknown coefficients, Q the repeated part of the
/// denominator (gcd of D and its partial derivatives, with the full power of e^u), and vⱼ the factors found of the
/// square-free part of D plus the special polynomials 1 ± sin u when cos u divides D. Differentiating and clearing
/// denominators gives a linear system over the constants (Q, or Q(√3, a, …) when constant kernels occur), solved
/// exactly; free unknowns are set to zero. A solution is an antiderivative by construction, and is still checked by
/// differentiation at the top; no solution is "not found", never a wrong answer.
/// </summary>
internal static class ParallelRisch
{
    /// <summary>At most this many unknowns (monomials plus logarithms): a larger ansatz is refused, not attempted.</summary>
    private const int MaxUnknowns = 160;
    private const int MaxTower = 6;
    private const int MaxTerms = 40_000;
    /// <summary>A larger normal form (numerator and denominator) is left to the named rules: its ansatz would not fit the bounds anyway.</summary>
    private const int MaxIntegrandTerms = 2_000;

    internal sealed record Result(Expr Antiderivative, int Degree, int Unknowns);

    public static Result? Integrate(Expr f, Symbol x, Budget budget)
    {
        var ctx = new RationalContext(useRelations: true, budget);
        var F = ctx.ToRatFun(f);
        if (F.IsZero || F.Numerator.TermCount + F.Denominator.TermCount > MaxIntegrandTerms) return null;
        int xi = ctx.VariableOf(x);
        // The tower: every kernel that depends on x, closed under differentiation.
        var tower = new List<int>();
        var derivative = new Dictionary<int, RatFun>();
        for (int round = 0; round < 4; round++)
        {
            bool grew = false;
            for (int k = 0; k < ctx.VariableCount; k++)
            {
                if (derivative.ContainsKey(k) || !ctx.Kernel(k).Contains(x)) continue;
                if (ctx.Kernel(k) is Call { Function.IsUser: true } or Derivative) return null;
                if (tower.Count >= MaxTower) return null;
                tower.Add(k);
                derivative[k] = k == xi ? ctx.One : ctx.Diff(Var(ctx, k), x);
                grew = true;
            }
            if (!grew) break;
        }
        if (ctx.Kernels.Select((e, k) => (e, k)).Any(p => p.e.Contains(x) && !derivative.ContainsKey(p.k))) return null;
        tower.Sort();
        int n = ctx.VariableCount;
        var algebraic = ctx.Squares.Keys.ToHashSet();
        budget.ThrowIfCancelled();

        // θᵢ′ = Pᵢ / L with one common denominator L.
        var L = Poly.One(n);
        foreach (var k in tower) L = Lcm(L, derivative[k].Denominator, budget);
        var P = tower.ToDictionary(k => k, k => Pad(derivative[k].Numerator * L.DivideExact(derivative[k].Denominator, budget), n));
        L = Pad(L, n);
        Poly Deriv(Poly p)   // L · d/dx p
        {
            var r = Poly.Zero(n);
            foreach (var k in tower)
                if (p.DependsOn(k)) r += p.Derivative(k) * P[k];
            return Pad(r, n);
        }

        var N = Pad(F.Numerator, n);
        var D = Pad(F.Denominator, n);
        // Q = gcd(D, ∂D/∂θ…): the repeated part; a power of an exponential e^u keeps its full power (it is no pole).
        var Q = D;
        foreach (var k in tower)
            if (D.DependsOn(k)) Q = PolyGcd.Gcd(Q, D.Derivative(k), budget);
        Q = Pad(Primitive(Q), n);
        var S = Pad(D.DivideExact(Q, budget), n);
        foreach (var k in tower)
        {
            if (!IsExponential(ctx.Kernel(k))) continue;
            var e = Poly.Variable(n, k);
            var rest = S;
            while (rest.DependsOn(k) && rest.TryDivideExact(e, out var q, budget)) { Q = Q * e; rest = Pad(q, n); }
        }

        // The logarithms: the factors found of the square-free part, and 1 ± sin u beside cos u.
        var logs = new List<Poly>();
        void AddLog(Poly v)
        {
            v = Pad(Primitive(v), n);
            if (!tower.Any(v.DependsOn)) return;
            if (tower.Count(v.DependsOn) == 1 && v.DependsOn(tower.First(v.DependsOn)) && IsExponential(ctx.Kernel(tower.First(v.DependsOn))) && v.TermCount == 1) return;
            if (logs.Any(w => w == v || w == -v)) return;
            logs.Add(v);
        }
        foreach (var v in Split(Primitive(S), tower, budget)) AddLog(v);
        foreach (var (c, s) in SinCosPairs(ctx, tower))
        {
            if (!logs.Any(v => v == Poly.Variable(n, c))) continue;
            AddLog(Poly.One(n) + Poly.Variable(n, s));
            AddLog(Poly.One(n) - Poly.Variable(n, s));
        }

        // The degree bound, and the monomials of the ansatz (an algebraic variable to the power ≤ 1).
        // Total degree ≤ that of the integrand + 1, and in each kernel its degree in the integrand + 1 (x²⁰eˣ: 22 × 2, not all
        // 276 monomials of degree ≤ 22 in x and eˣ).
        int TotalDegree(Poly p) => p.IsZero ? 0 : p.Terms.Max(t => tower.Sum(k => t.Exponents[k]));
        int bound = Math.Max(TotalDegree(N), TotalDegree(D)) + 1;
        var perKernel = new int[n];
        foreach (var k in tower) perKernel[k] = algebraic.Contains(k) ? 1 : Math.Max(Math.Max(N.Degree(k), D.Degree(k)), 0) + 1;
        List<int[]> monomials;
        while (true)
        {
            monomials = Monomials(tower, perKernel, n, bound);
            if (monomials.Count + logs.Count <= MaxUnknowns || bound <= 1) break;
            bound--;
        }
        if (monomials.Count + logs.Count > MaxUnknowns) return null;

        // Σ cₖ (mₖ/Q)′ + Σ dⱼ vⱼ′/vⱼ = N/D, times M = L Q² V D: a polynomial identity, linear in the unknowns.
        var V = logs.Aggregate(Poly.One(n), (a, v) => a * v);
        var DQ = Deriv(Q);
        var VD = V * D;
        var columns = new List<Poly>();
        foreach (var m in monomials)
        {
            budget.ThrowIfCancelled();
            var mono = Poly.Monomial(m, BigInteger.One);
            columns.Add(Reduce(ctx, (Deriv(mono) * Q - mono * DQ) * VD, budget));
        }
        var Q2D = Q * Q * D;
        foreach (var v in logs)
        {
            budget.ThrowIfCancelled();
            columns.Add(Reduce(ctx, Deriv(v) * Q2D * V.DivideExact(v, budget), budget));
        }
        var rhs = Reduce(ctx, N * L * Q * Q * V, budget);
        if (columns.Any(c => c.TermCount > MaxTerms) || rhs.TermCount > MaxTerms) return null;

        var solution = Solve(ctx, tower, columns, rhs, budget);
        if (solution is null) return null;
        var numerator = ctx.Zero;
        for (int k = 0; k < monomials.Count; k++)
            if (!solution[k].IsZero) numerator = ctx.Add(numerator, ctx.Mul(solution[k], RatFun.FromPoly(Poly.Monomial(monomials[k], BigInteger.One))));
        var terms = new List<Expr> { ctx.ToExpr(ctx.Div(numerator, RatFun.FromPoly(Q))) };
        for (int j = 0; j < logs.Count; j++)
        {
            var d = solution[monomials.Count + j];
            if (!d.IsZero) terms.Add(ctx.ToExpr(d) * Expr.Log(ctx.ToExpr(RatFun.FromPoly(logs[j]))));
        }
        return new Result(Sum.Of(terms), bound, columns.Count);
    }

    private static RatFun Var(RationalContext ctx, int k) => RatFun.FromPoly(Poly.Variable(ctx.VariableCount, k));

    private static Poly Pad(Poly p, int n) => p.VariableCount >= n ? p : p.WithVariableCount(n);

    private static Poly Primitive(Poly p) => p.IsZero ? p : p.PrimitivePart();

    private static Poly Lcm(Poly a, Poly b, Budget budget)
    {
        if (b.IsConstant) return a;
        var g = PolyGcd.Gcd(a, b, budget);
        return a * b.DivideExact(g, budget);
    }

    private static bool IsExponential(Expr kernel) => kernel is Power { Base: Symbol { Name: "e", IsConstant: true } };

    /// <summary>The relations (sin² = 1 − cos², (√P)² = P) applied, so that coefficients can be compared.</summary>
    private static Poly Reduce(RationalContext ctx, Poly p, Budget budget)
    {
        budget.Check(p.TermCount, "the parallel Risch ansatz");
        return ctx.ReduceByRelations(p);
    }

    /// <summary>(cos u, sin u) variable pairs of the tower.</summary>
    private static IEnumerable<(int Cos, int Sin)> SinCosPairs(RationalContext ctx, List<int> tower)
    {
        foreach (var c in tower)
        {
            if (ctx.Kernel(c) is not Call { Args: [var u] } cc || !cc.Applies(Function.Cos)) continue;
            int s = tower.FirstOrDefault(k => ctx.Kernel(k) is Call { Args: [var v] } sc && sc.Applies(Function.Sin) && v.Equals(u), -1);
            if (s >= 0) yield return (c, s);
        }
    }

    /// <summary>All exponent vectors over the tower of total degree ≤ bound and degree ≤ perKernel[k] in each kernel (1 for an algebraic one).</summary>
    private static List<int[]> Monomials(List<int> tower, int[] perKernel, int n, int bound)
    {
        var result = new List<int[]>();
        var e = new int[n];
        void Rec(int i, int left)
        {
            if (result.Count > MaxUnknowns * 4) return;
            if (i == tower.Count) { result.Add((int[])e.Clone()); return; }
            int k = tower[i];
            int max = Math.Min(perKernel[k], left);
            for (int d = 0; d <= max; d++) { e[k] = d; Rec(i + 1, left - d); }
            e[k] = 0;
        }
        Rec(0, bound);
        return result;
    }

    /// <summary>Factors of a square-free polynomial that are cheap to find: contents in each variable and rational roots in one variable.</summary>
    private static List<Poly> Split(Poly p, List<int> tower, Budget budget)
    {
        var result = new List<Poly>();
        void Go(Poly q, int depth)
        {
            budget.ThrowIfCancelled();
            if (q.IsConstant) return;
            if (depth < 8)
            {
                foreach (var k in tower)
                {
                    if (!q.DependsOn(k)) continue;
                    var cs = q.CoefficientsIn(k);
                    var content = cs.Where(c => !c.IsZero).Aggregate((a, b) => PolyGcd.Gcd(a, b, budget));
                    if (content.IsConstant) continue;
                    Go(content, depth + 1);
                    Go(q.DivideExact(content, budget), depth + 1);
                    return;
                }
                var vars = tower.Where(q.DependsOn).ToList();
                if (vars.Count == 1 && q.Degree(vars[0]) > 1 && RationalRoot(q, vars[0]) is { } linear)
                {
                    Go(linear, depth + 1);
                    Go(q.DivideExact(linear, budget), depth + 1);
                    return;
                }
            }
            result.Add(q);
        }
        Go(p, 0);
        return result;
    }

    /// <summary>a·θ − b for a rational root b/a of q in θ (q depends on θ only), or null.</summary>
    private static Poly? RationalRoot(Poly q, int k)
    {
        var cs = q.CoefficientsIn(k);
        if (cs.Any(c => !c.IsConstant)) return null;
        var a = cs.Select(c => c.IsZero ? BigInteger.Zero : c.ConstantValue).ToArray();
        if (a[0].IsZero) return Poly.Variable(q.VariableCount, k);
        var lead = Divisors(BigInteger.Abs(a[^1]));
        var trail = Divisors(BigInteger.Abs(a[0]));
        if (lead is null || trail is null) return null;
        foreach (var den in lead)
            foreach (var num in trail)
                foreach (var sign in new[] { 1, -1 })
                {
                    // Σ aᵢ (num/den)ⁱ = 0 ⇔ Σ aᵢ numⁱ den^{d−i} = 0
                    BigInteger total = 0, np = 1;
                    int d = a.Length - 1;
                    var dp = new BigInteger[d + 1];
                    dp[0] = 1;
                    for (int i = 1; i <= d; i++) dp[i] = dp[i - 1] * den;
                    for (int i = 0; i <= d; i++) { total += a[i] * np * dp[d - i]; np *= sign * num; }
                    if (total.IsZero)
                        return Poly.Variable(q.VariableCount, k) * den - Poly.Constant(q.VariableCount, sign * num);
                }
        return null;
    }

    private static List<BigInteger>? Divisors(BigInteger m)
    {
        if (m > 100_000) return null;
        var r = new List<BigInteger>();
        for (BigInteger i = 1; i <= m; i++) if (m % i == 0) r.Add(i);
        return r;
    }

    // ------------------------------------------------------------------ the linear system

    /// <summary>
    /// Σ cₖ columnₖ = rhs, compared coefficient by coefficient in the tower variables; the coefficients are polynomials in
    /// the constant kernels, so the system is over Q or over the field they generate. Gauss–Jordan, free unknowns 0.
    /// </summary>
    private static RatFun[]? Solve(RationalContext ctx, List<int> tower, List<Poly> columns, Poly rhs, Budget budget)
    {
        int n = ctx.VariableCount;
        var towerSet = tower.ToHashSet();
        bool constantsOnly = true;
        var rows = new Dictionary<string, (Dictionary<int, List<(int[] E, BigInteger C)>> Cells, List<(int[] E, BigInteger C)> Rhs)>();
        (Dictionary<int, List<(int[] E, BigInteger C)>> Cells, List<(int[] E, BigInteger C)> Rhs) Row(int[] e)
        {
            var key = string.Join(",", tower.Select(k => k < e.Length ? e[k] : 0));
            if (!rows.TryGetValue(key, out var row)) rows[key] = row = (new(), new());
            return row;
        }
        int[] Rest(int[] e)
        {
            var r = new int[n];
            for (int i = 0; i < e.Length && i < n; i++) if (!towerSet.Contains(i)) r[i] = e[i];
            if (r.Any(z => z != 0)) constantsOnly = false;
            return r;
        }
        for (int j = 0; j < columns.Count; j++)
            foreach (var (e, c) in columns[j].Terms)
            {
                var cells = Row(e).Cells;
                if (!cells.TryGetValue(j, out var list)) cells[j] = list = new();
                list.Add((Rest(e), c));
            }
        foreach (var (e, c) in rhs.Terms) Row(e).Rhs.Add((Rest(e), c));
        budget.ThrowIfCancelled();
        if (constantsOnly)
        {
            var q = SolveOver(rows.Values.Select(r => (r.Cells.ToDictionary(kv => kv.Key, kv => Rational.Of(kv.Value.Aggregate(BigInteger.Zero, (a, t) => a + t.C))),
                Rational.Of(r.Rhs.Aggregate(BigInteger.Zero, (a, t) => a + t.C)))).ToList(), columns.Count,
                a => a.IsZero, (a, b) => a - b, (a, b) => a * b, (a, b) => a / b, Rational.Zero, budget);
            return q?.Select(v => ctx.Constant(v)).ToArray();
        }
        RatFun Of(List<(int[] E, BigInteger C)> terms) => terms.Count == 0 ? ctx.Zero : ctx.Reduce(RatFun.FromPoly(Poly.FromTerms(n, terms.Select(t => (t.E, t.C)))));
        return SolveOver(rows.Values.Select(r => (r.Cells.ToDictionary(kv => kv.Key, kv => Of(kv.Value)), Of(r.Rhs))).ToList(), columns.Count,
            a => a.IsZero, ctx.Sub, ctx.Mul, ctx.Div, ctx.Zero, budget);
    }

    private static T[]? SolveOver<T>(List<(Dictionary<int, T> Cells, T Rhs)> rows, int unknowns, Func<T, bool> isZero,
        Func<T, T, T> sub, Func<T, T, T> mul, Func<T, T, T> div, T zero, Budget budget)
    {
        var system = rows.Select(r => (Cells: r.Cells.Where(kv => !isZero(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value), r.Rhs)).ToList();
        var pivots = new List<(int Column, int Row)>();
        var used = new bool[system.Count];
        for (int col = 0; col < unknowns; col++)
        {
            budget.ThrowIfCancelled();
            int p = -1;
            for (int i = 0; i < system.Count; i++)
                if (!used[i] && system[i].Cells.ContainsKey(col) && (p < 0 || system[i].Cells.Count < system[p].Cells.Count)) p = i;
            if (p < 0) continue;
            used[p] = true;
            var (pc, pr) = system[p];
            var inv = pc[col];
            var pivotCells = pc.ToDictionary(kv => kv.Key, kv => div(kv.Value, inv));
            var pivotRhs = div(pr, inv);
            system[p] = (pivotCells, pivotRhs);
            for (int i = 0; i < system.Count; i++)
            {
                if (i == p || !system[i].Cells.TryGetValue(col, out var factor)) continue;
                var (cells, r) = system[i];
                foreach (var (k, v) in pivotCells)
                {
                    var nv = sub(cells.TryGetValue(k, out var old) ? old : zero, mul(factor, v));
                    if (isZero(nv)) cells.Remove(k); else cells[k] = nv;
                }
                system[i] = (cells, sub(r, mul(factor, pivotRhs)));
            }
            pivots.Add((col, p));
        }
        for (int i = 0; i < system.Count; i++)
            if (system[i].Cells.Count == 0 && !isZero(system[i].Rhs)) return null;   // inconsistent: no antiderivative of this shape
        var solution = Enumerable.Repeat(zero, unknowns).ToArray();
        foreach (var (col, row) in pivots) solution[col] = system[row].Rhs;   // free unknowns are 0, so the pivot row gives it
        return solution;
    }
}
