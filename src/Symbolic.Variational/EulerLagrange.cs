using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>
/// The Euler–Lagrange operator: for each coordinate q, E = ∂L/∂q − d/dt ∂L/∂q̇ + d²/dt² ∂L/∂q̈ − …, and for a
/// field u(x, y, …), E = ∂L/∂u − Σ_μ ∂_μ ∂L/∂(∂_μ u) + Σ_{μ≤ν} ∂_μ∂_ν ∂L/∂(∂_μ∂_ν u) − …, of the integrand L·w.
/// The equations are solved for the highest derivatives where they enter linearly, and a cyclic coordinate
/// (∂L/∂q = 0) of a mechanical action is shown as the conservation law d/dt(∂L/∂q̇) = 0. A field absent from
/// its density (∂L/∂u = 0) keeps the divergence law Σ_μ ∂_μ J^μ = 0 over every independent variable, but is
/// shown solved for a highest derivative when it can be (u_xx = −u_yy).
/// </summary>
/// <example><code>
/// var result = EulerLagrange.Derive(Action.Mechanical(L, t, r, theta));
/// result["r"].Solved;              // r̈ = r θ̇² − μ/r²
/// result["theta"].Conservation;    // d/dt(r² θ̇) = 0
/// </code></example>
public static class EulerLagrange
{
    /// <summary>Derives the Euler–Lagrange equations of <paramref name="action"/>.</summary>
    /// <param name="action">The action.</param>
    /// <param name="facts">Sign facts for simplification (e.g. sin θ &gt; 0), beyond the symbols' assumptions.</param>
    /// <param name="budget">Limits and cancellation.</param>
    public static EulerLagrangeResult Derive(Action action, SignFacts? facts = null, Budget? budget = null)
    {
        var d = new Derivation();
        var L = action.Integrand;
        d.Record("action", null, L, action.ToString());
        var notes = new List<string>();
        var equations = new List<FieldEquation>();
        var vars = action.IndependentVariables;

        foreach (var f in action.Fields)
        {
            budget?.ThrowIfCancelled();
            var u = action.Of(f);
            var jets = Jet.Variables(L, f);
            if (jets.Count == 0)
            {
                notes.Add($"{f.Name} does not appear in the Lagrangian: its equation is 0 = 0 and leaves {u} undetermined");
                d.Record("euler-lagrange", null, Relation.Equation(Expr.Zero, Expr.Zero), $"equation of {f.Name}: {f.Name} is absent from L");
                equations.Add(new FieldEquation(f, Expr.Zero, Expr.Zero, null, null, null, !action.IsMechanical));
                continue;
            }

            var dLdu = Tidy.Up(Calculus.Diff(L, u), facts, budget);
            d.Record("partial-derivative", L, dLdu, $"∂L/∂{u}");
            var terms = new List<Expr> { dLdu };
            var current = vars.ToDictionary(v => v, _ => (Expr)Expr.Zero);

            foreach (var jet in jets.OfType<Derivative>())
            {
                var p = Tidy.Up(Calculus.Diff(L, jet), facts, budget);
                d.Record("partial-derivative", L, p, $"∂L/∂({jet})");
                if (p.IsZero) continue;
                var full = Jet.TotalDerivative(p, jet.Variables, budget);
                d.Record("total-derivative", p, full, "d/d" + string.Join("", jet.Variables.Select(v => v.Order == 1 ? v.Variable.Name : $"{v.Variable.Name}^{v.Order}")));
                terms.Add(jet.TotalOrder % 2 == 0 ? full : -full);

                // E − ∂L/∂u = −Σ_μ D_μ J^μ, with J^μ collecting the multi-indices whose first variable is μ.
                var (mu, n) = jet.Variables[0];
                var rest = jet.Variables.Select((v, i) => i == 0 ? (v.Variable, v.Order - 1) : v);
                var part = Jet.TotalDerivative(p, rest, budget);
                current[mu] = current[mu] + (jet.TotalOrder % 2 == 1 ? part : -part);
            }

            var E = Tidy.Up(Sum.Of(terms), facts, budget);
            d.Record("euler-lagrange", null, Relation.Equation(E, Expr.Zero), $"equation of {f.Name}");

            ConservationLaw? law = null;
            if (E.IsZero)
                notes.Add($"the equation of {f.Name} vanishes identically (0 = 0)");
            else if (!jets.OfType<Derivative>().Any())
                notes.Add($"the Lagrangian has no derivative of {f.Name}: its equation ∂L/∂{f.Name} = 0 is an algebraic constraint, not an equation of motion");
            else if (dLdu.IsZero)
            {
                law = new ConservationLaw(vars, vars.Select(v => Tidy.Up(current[v], facts, budget)));
                d.Record("conservation-law", null, law.Evaluated,
                    action.IsMechanical ? $"{f.Name} is cyclic: {law}" : $"{f.Name} enters only through its derivatives: the divergence {law}");
            }

            var reduced = action.Measure.IsOne || E.IsZero ? E : Tidy.Up(E / action.Measure, facts, budget);
            if (!ReferenceEquals(reduced, E)) d.Record("divide-by-measure", E, reduced, $"divided by the measure {action.Measure}");
            equations.Add(new FieldEquation(f, E, reduced, null, null, law, !action.IsMechanical));
        }

        if (equations.All(e => e.IsIdentity) && equations.Any(e => Jet.Variables(L, e.Coordinate).Count > 0))
            notes.Add("the Lagrangian is a total derivative (a null Lagrangian): its Euler–Lagrange equations vanish identically");

        bool joint = SolveForHighestDerivatives(action, equations, facts, budget, d);
        Verify(action, equations, joint, budget, d);
        return new EulerLagrangeResult(action, equations, notes, d);
    }

    /// <summary>
    /// The raw Euler–Lagrange expression Σ_J (−1)^|J| D_J ∂(Lw)/∂u_J, computed from the definition with no
    /// simplification, reordering or solving: what every presented form is checked against.
    /// </summary>
    internal static Expr Raw(Action action, Function f, Budget? budget)
    {
        var L = action.Integrand;
        var terms = new List<Expr> { Calculus.Diff(L, action.Of(f)) };
        foreach (var jet in Jet.Variables(L, f).OfType<Derivative>())
        {
            var p = Calculus.Diff(L, jet);
            foreach (var (v, n) in jet.Variables)
                for (int i = 0; i < n; i++) { budget?.ThrowIfCancelled(); p = Calculus.TotalDerivative(p, v); }
            terms.Add(jet.TotalOrder % 2 == 0 ? p : -p);
        }
        return Sum.Of(terms);
    }

    private static void Verify(Action action, List<FieldEquation> equations, bool joint, Budget? budget, Derivation d)
    {
        var solved = equations.Where(e => e.Solved is not null).ToDictionary(e => e.HighestDerivative!, e => e.Solved!.Right);
        for (int i = 0; i < equations.Count; i++)
        {
            var e = equations[i];
            var raw = Raw(action, e.Coordinate, budget);
            bool ok = Check(raw, e, joint ? solved : null);
            d.Record("verify", null, Relation.Equation(raw, Expr.Zero),
                ok ? $"equation of {e.Coordinate.Name}: every form shown substituted back into Σ(−D)^k ∂L/∂q^(k) vanishes"
                   : $"equation of {e.Coordinate.Name}: the check did not prove the forms shown equivalent to Σ(−D)^k ∂L/∂q^(k)");
            equations[i] = e.WithVerified(ok);
        }
    }

    /// <summary>
    /// True when every form of <paramref name="e"/> is proved equivalent to the raw expression <paramref name="raw"/>.
    /// Jointly solved right sides (<paramref name="joint"/>) hold no highest derivative and are substituted all at
    /// once; an equation solved alone may hold the others' highest derivatives, which then stay.
    /// </summary>
    internal static bool Check(Expr raw, FieldEquation e, IReadOnlyDictionary<Expr, Expr>? joint)
    {
        if (!IsZero(raw - e.Expression)) return false;
        if (e.Solved is not null)
        {
            var map = joint ?? new Dictionary<Expr, Expr> { [e.HighestDerivative!] = e.Solved.Right };
            if (!map.TryGetValue(e.HighestDerivative!, out var rhs) || !rhs.Equals(e.Solved.Right)) return false;
            if (!IsZero(Substitution.Apply(raw, map))) return false;
        }
        return e.Conservation is null || IsZero(e.Conservation.Evaluated.Left + raw);
    }

    private static bool IsZero(Expr e) => e.IsZero || Simplifier.IsZero(e);

    // True when the right sides came from one joint solve (none holds another equation's highest derivative).
    private static bool SolveForHighestDerivatives(Action action, List<FieldEquation> equations, SignFacts? facts, Budget? budget, Derivation d)
    {
        var system = new List<(int Index, Expr Unknown)>();
        for (int i = 0; i < equations.Count; i++)
        {
            var unknown = Highest(equations[i].Reduced, equations[i].Coordinate, action.IndependentVariables[0]);
            if (unknown is not null) system.Add((i, unknown));
        }
        if (system.Count == 0) return false;

        // Jointly when the highest derivatives can be isolated together, else each equation for its own.
        LinearSolver.TrySolve(system.Select(s => equations[s.Index].Reduced).ToList(), system.Select(s => s.Unknown).ToList(), out var joint, out _, budget);

        foreach (var (i, unknown) in system)
        {
            Expr? rhs = null;
            if (joint is not null && joint.TryGetValue(unknown, out var v)) rhs = v;
            else if (LinearSolver.TrySolve([equations[i].Reduced], [unknown], out var own, out _, budget)) rhs = own[unknown];
            if (rhs is null) continue;
            var solved = Relation.Equation(unknown, Tidy.Up(rhs, facts, budget));
            d.Record("solve", equations[i].Plain, solved, $"solved for the highest derivative of {equations[i].Coordinate.Name}");
            equations[i] = equations[i].WithSolution(unknown, solved);
        }
        return joint is not null;
    }

    // The highest derivative of f in e, preferring a pure derivative in the first variable (time-like, or r).
    private static Expr? Highest(Expr e, Function f, Symbol first)
    {
        var ds = Jet.Variables(e, f).OfType<Derivative>().ToList();
        if (ds.Count == 0) return null;
        int top = ds.Max(x => x.TotalOrder);
        var best = ds.Where(x => x.TotalOrder == top).ToList();
        return best.FirstOrDefault(x => x.Variables.Length == 1 && x.Variables[0].Variable == first) ?? best[0];
    }
}
