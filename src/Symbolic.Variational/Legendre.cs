using System.Collections.Immutable;
using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>A Hamiltonian with Hamilton's equations, from a Legendre transform.</summary>
public sealed class HamiltonianResult
{
    /// <summary>H(q, p, t) with momenta written as p_q(t).</summary>
    public Expr Hamiltonian { get; }
    /// <summary>The momentum of each coordinate, as an unknown function p_q (applied to t in <see cref="Hamiltonian"/>).</summary>
    public ImmutableDictionary<Function, Function> Momenta { get; }
    /// <summary>The definitions p_q = ∂L/∂q̇.</summary>
    public ImmutableArray<Relation> MomentumDefinitions { get; }
    /// <summary>The velocities solved in terms of the momenta, q̇ = v(q, p).</summary>
    public ImmutableArray<Relation> Velocities { get; }
    /// <summary>Hamilton's equations q̇ = ∂H/∂p, ṗ = −∂H/∂q, in coordinate order.</summary>
    public ImmutableArray<Relation> Equations { get; }
    /// <summary>The steps.</summary>
    public Derivation Derivation { get; }

    internal HamiltonianResult(Expr h, ImmutableDictionary<Function, Function> momenta, ImmutableArray<Relation> defs,
        ImmutableArray<Relation> velocities, ImmutableArray<Relation> equations, Derivation d)
    {
        Hamiltonian = h; Momenta = momenta; MomentumDefinitions = defs; Velocities = velocities; Equations = equations; Derivation = d;
    }

    /// <inheritdoc/>
    public override string ToString() => $"H = {Hamiltonian}";
}

/// <summary>
/// A Lagrangian whose Hessian ∂²L/∂q̇∂q̇ is singular (L linear in the velocities, a gauge freedom): the Legendre
/// transform does not exist as a map q̇ ↦ p; the momenta obey the primary constraints φ ≈ 0 instead.
/// </summary>
public sealed class SingularLagrangianException : SymbolicException
{
    /// <summary>The rank of the Hessian (less than the number of coordinates).</summary>
    public int Rank { get; }
    /// <summary>The primary constraints φ = 0 (weakly: φ ≈ 0), each free of velocities, e.g. p_x + y/2 = 0.</summary>
    public ImmutableArray<Relation> Constraints { get; }

    internal SingularLagrangianException(string message, int rank, IEnumerable<Relation> constraints) : base(message)
    {
        Rank = rank; Constraints = constraints.ToImmutableArray();
    }
}

/// <summary>
/// The Legendre transform H = Σ p q̇ − L of a first-order mechanical Lagrangian. The momenta p = ∂L/∂q̇ are
/// solved for the velocities when they are linear in them (any number of coordinates), or, for one coordinate,
/// when p² is a rational function of q̇² (the relativistic p = m ẋ/√(1 − ẋ²/c²)). A singular Hessian ∂²L/∂q̇∂q̇ is
/// reported as a <see cref="SingularLagrangianException"/> with the primary constraints; other cases as a
/// <see cref="SymbolicException"/>: that is this module's stated limit.
/// </summary>
/// <example><code>
/// var h = Legendre.Transform(Action.Mechanical(-m*c.Pow(2)*Expr.Sqrt(1 - dot(x).Pow(2)/c.Pow(2)), t, x));
/// h.Hamiltonian;   // c √(p² + m²c²)
/// </code></example>
public static class Legendre
{
    /// <summary>Transforms <paramref name="action"/> to its Hamiltonian and Hamilton's equations.</summary>
    public static HamiltonianResult Transform(Action action, SignFacts? facts = null, Budget? budget = null)
    {
        Conservation.RequireMechanical(action);
        var t = action.Time;
        var L = action.Integrand;
        if (action.Fields.Any(f => Jet.Order(L, f) > 1))
            throw new SymbolicException("the Legendre transform is implemented for first-order Lagrangians L(t, q, q̇)");
        facts ??= SignFacts.None;
        var d = new Derivation();
        d.Record("action", null, L, action.ToString());

        var momenta = action.Fields.ToImmutableDictionary(f => f, f => Function.User(SymbolName.Of("p", lower: f.Name), Assumptions.Real));
        var P = action.Fields.Select(f => (Expr)Call.Of(momenta[f], t)).ToList();
        var V = action.Fields.Select(f => action.Derivative(f, (t, 1))).ToList();
        var defs = new List<Relation>();
        var residuals = new List<Expr>();
        for (int i = 0; i < P.Count; i++)
        {
            var dL = Tidy.Up(Calculus.Diff(L, V[i]), facts, budget);
            var def = Relation.Equation(P[i], dL);
            d.Record("momentum", null, def, $"p = ∂L/∂{action.Fields[i].Name}̇");
            defs.Add(def);
            residuals.Add(P[i] - dL);
        }

        var velocities = SolveVelocities(residuals, V, P, defs, facts, budget)
            ?? throw Singular(L, V, P, residuals, facts, budget)
            ?? throw new SymbolicException(
                "cannot solve p = ∂L/∂q̇ for the velocities: they enter nonlinearly (only the linear case, and one coordinate with p² rational in q̇², are handled)");
        foreach (var v in V) d.Record("solve", null, Relation.Equation(v, velocities[v]), "velocity in terms of the momenta");

        var h = Sum.Of(P.Select((p, i) => p * V[i])) - L;
        var H = Tidy.Up(Substitution.Apply(h, velocities), facts, budget);
        d.Record("legendre", h, H, "H = Σ p q̇ − L with q̇ = q̇(q, p)");

        var equations = new List<Relation>();
        for (int i = 0; i < P.Count; i++)
        {
            var f = action.Fields[i];
            var qdot = Relation.Equation(V[i], Tidy.Up(Calculus.Diff(H, P[i]), facts, budget));
            var pdot = Relation.Equation(Derivative.Of(P[i], new[] { (t, 1) }), Tidy.Up(-Calculus.Diff(H, action.Of(f)), facts, budget));
            d.Record("hamilton", null, qdot, $"∂H/∂p_{f.Name}");
            d.Record("hamilton", null, pdot, $"−∂H/∂{f.Name}");
            equations.Add(qdot);
            equations.Add(pdot);
        }
        return new HamiltonianResult(H, momenta, defs.ToImmutableArray(), V.Select(v => Relation.Equation(v, velocities[v])).ToImmutableArray(),
            equations.ToImmutableArray(), d);
    }

    /// <summary>
    /// When the Hessian W_ij = ∂²L/∂q̇ᵢ∂q̇ⱼ is singular, the momenta cannot be solved for the velocities whatever the
    /// method: the exception that says so, with the primary constraints φ = ξ·(p − ∂L/∂q̇) ≈ 0 for each null vector ξ
    /// of W (φ_q = p_q − ∂L/∂q̇ when L is linear in the velocities). Null when W is regular.
    /// </summary>
    private static SingularLagrangianException? Singular(Expr L, List<Expr> V, List<Expr> P, List<Expr> residuals, SignFacts facts, Budget? budget)
    {
        int n = V.Count;
        var W = new Expr[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                W[i, j] = W[j, i] = Tidy.Up(Calculus.Diff(Calculus.Diff(L, V[i]), V[j]), facts, budget);
        var det = Tidy.Up(Algebra.Determinant(W, n), facts, budget);
        if (!(det.IsZero || Simplifier.IsZero(det))) return null;

        var constraints = new List<Relation>();
        var kernel = NullSpace(W, n, facts, budget);
        foreach (var xi in kernel)
        {
            var phi = Tidy.Up(Sum.Of(Enumerable.Range(0, n).Select(i => xi[i] * residuals[i])), facts, budget);
            // A null vector that depends on the velocities does not give a velocity-free combination by itself.
            if (V.Any(v => phi.Contains(v)) || phi.IsZero) continue;
            constraints.Add(Relation.Equation(phi, Expr.Zero));
        }
        int rank = n - kernel.Count;
        var list = constraints.Count == 0 ? "" : "; primary constraints: " + string.Join(", ", constraints.Select(c => $"{c.Left} ≈ 0"));
        return new SingularLagrangianException(
            $"the Lagrangian is singular: the Hessian ∂²L/∂q̇∂q̇ has rank {rank} < {n} (det = 0), so p = ∂L/∂q̇ cannot be solved for the velocities{list}",
            rank, constraints);
    }

    // A basis of the null space of the n×n matrix M by exact row reduction (entries simplified by the normal form).
    private static List<Expr[]> NullSpace(Expr[,] M, int n, SignFacts facts, Budget? budget)
    {
        var a = (Expr[,])M.Clone();
        var pivots = new List<int>();
        int row = 0;
        for (int col = 0; col < n && row < n; col++)
        {
            int p = -1;
            for (int i = row; i < n; i++) if (!Simplifier.IsZero(a[i, col])) { p = i; break; }
            if (p < 0) continue;
            for (int j = 0; j < n; j++) (a[p, j], a[row, j]) = (a[row, j], a[p, j]);
            var pivot = a[row, col];
            for (int j = 0; j < n; j++) a[row, j] = Tidy.Up(a[row, j] / pivot, facts, budget);
            for (int i = 0; i < n; i++)
            {
                if (i == row || Simplifier.IsZero(a[i, col])) continue;
                var f = a[i, col];
                for (int j = 0; j < n; j++) a[i, j] = Tidy.Up(a[i, j] - f * a[row, j], facts, budget);
            }
            pivots.Add(col);
            row++;
        }
        var basis = new List<Expr[]>();
        for (int free = 0; free < n; free++)
        {
            if (pivots.Contains(free)) continue;
            var xi = Enumerable.Repeat(Expr.Zero, n).ToArray();
            xi[free] = Expr.One;
            for (int r = 0; r < pivots.Count; r++) xi[pivots[r]] = Tidy.Up(-a[r, free], facts, budget);
            basis.Add(xi);
        }
        return basis;
    }

    private static Dictionary<Expr, Expr>? SolveVelocities(List<Expr> residuals, List<Expr> V, List<Expr> P, List<Relation> defs, SignFacts facts, Budget? budget)
    {
        if (LinearSolver.TrySolve(residuals, V, out var sol, out _, budget))
        {
            var result = V.ToDictionary(v => v, v => Tidy.Up(sol[v], facts, budget));
            if (Verified(residuals, result, facts, budget)) return result;
        }
        if (V.Count != 1) return null;

        // One coordinate: p = f(v) with f(v)² a rational function of s = v². Solve p² = f² for s (linear after
        // clearing denominators), then v = ±p √(s/p²), the sign fixed by checking p = f(v).
        var v0 = V[0];
        var p0 = P[0];
        var w = Expr.Symbol("\u2022v", Assumptions.Real);
        var s = Expr.Symbol("\u2022s", Assumptions.Nonnegative);
        var f2 = Tidy.Up(Substitution.Apply(defs[0].Right, v0, w).Pow(2), facts, budget);
        if (!Simplifier.AreEqual(f2, Substitution.Apply(f2, w, -w))) return null;
        var inS = f2.Rewrite(x => x is Power { Exponent: Number { Value.IsInteger: true } n } pw && pw.Base == w && n.Value.Num.IsEven
            ? s.Pow((int)(n.Value.Num / 2)) : null);
        if (inS.Contains(w)) return null;
        var equation = Algebra.Numerator(Algebra.Together(p0.Pow(2) - inS));
        if (!LinearSolver.TrySolve([equation], [s], out var squares, out _, budget)) return null;
        var sSol = squares[s];
        foreach (var sign in new[] { Expr.One, Expr.MinusOne })
        {
            var candidate = Tidy.Up(sign * p0 * Expr.Sqrt(Tidy.Up(sSol / p0.Pow(2), facts, budget)), facts, budget);
            var result = new Dictionary<Expr, Expr> { [v0] = candidate };
            if (Verified(residuals, result, facts, budget)) return result;
        }
        return null;
    }

    private static bool Verified(List<Expr> residuals, Dictionary<Expr, Expr> solution, SignFacts facts, Budget? budget) =>
        residuals.All(r => Tidy.Up(Substitution.Apply(r, solution), facts, budget).IsZero);
}
