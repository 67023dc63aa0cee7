using Symbolic.Core;

namespace Symbolic.Lie;

/// <summary>
/// Invariants of one generator X = Σ c_v ∂_v from its characteristic system dv₁/c₁ = dv₂/c₂ = …, and canonical
/// coordinates (r, s) with X(r) = 0, X(s) = 1. The characteristic system is integrated when it has the shapes that
/// generators usually give: a variable a moved by c_a(a) alone serves as the parameter, and each other variable b with
/// c_b = β(a) b + γ(a) gives b e^{−∫β/c_a da} − ∫ γ e^{−∫β/c_a da}/c_a da; two variables with c_a = A(b), c_b = B(a) give
/// ∫B da − ∫A db; a variable not moved is invariant. Every invariant is checked by X(I) = 0; what is not reached is
/// reported, never guessed.
/// </summary>
/// <example><code>
/// // 2512: X^(2) restricted to (ẋ, ẍ): (1 − ẋ²/c²)∂_ẋ − (3ẋẍ/c²)∂_ẍ
/// Invariants.Of(new[] { (xdot, 1 - xdot.Pow(2)/c.Pow(2)), (xddot, -3*xdot*xddot/c.Pow(2)) });   // ẍ (c² − ẋ²)^{−3/2}
/// </code></example>
public static class Invariants
{
    /// <summary>
    /// Functionally independent invariants of the vector field with the given components (n − 1 of them when the
    /// characteristic system is integrated completely).
    /// </summary>
    public static IReadOnlyList<Expr> Of(IReadOnlyList<(Symbol Variable, Expr Component)> field, IAntiderivative? integrator = null)
    {
        integrator ??= KernelAntiderivative.Instance;
        var vars = field.Select(f => f.Variable).ToList();
        var comps = field.Select(f => Simplifier.Simplify(f.Component)).ToList();
        var result = new List<Expr>();
        var moving = new List<int>();
        for (int i = 0; i < vars.Count; i++)
        {
            if (comps[i].IsZero) result.Add(vars[i]);
            else moving.Add(i);
        }
        if (moving.Count <= 1) return Checked(field, result);
        // a parameter variable: its component depends on itself only
        int? param = moving.Cast<int?>().FirstOrDefault(i => vars.Where((_, j) => j != i).All(v => !comps[i!.Value].Contains(v)));
        if (param is int a)
        {
            var va = vars[a];
            foreach (var b in moving.Where(b => b != a))
            {
                var vb = vars[b];
                var cb = comps[b];
                var beta = Simplifier.Simplify(Calculus.Diff(cb, vb));
                var gamma = Simplifier.Simplify(Substitution.Apply(cb, vb, Expr.Zero));
                bool linear = !beta.Contains(vb) && vars.Where((_, j) => j != a).All(v => !beta.Contains(v) && !gamma.Contains(v));
                if (!linear) continue;
                var big = integrator.Integrate(Simplifier.Simplify(Algebra.Together(beta / comps[a])), va);
                if (big is null) continue;
                var weight = Symmetries.ExpOf(-big);
                Expr inv = vb * weight;
                if (!gamma.IsZero)
                {
                    var g = integrator.Integrate(Simplifier.Simplify(Algebra.Together(gamma * weight / comps[a])), va);
                    if (g is null) continue;
                    inv -= g;
                }
                result.Add(Simplifier.Simplify(inv));
            }
            return Checked(field, result);
        }
        // separable pairs: c_a = A(b), c_b = B(a)
        if (moving.Count == 2)
        {
            int i = moving[0], j = moving[1];
            bool sep = !comps[i].Contains(vars[i]) && !comps[j].Contains(vars[j]) &&
                       vars.Where((_, k) => k != j).All(v => !comps[i].Contains(v)) && vars.Where((_, k) => k != i).All(v => !comps[j].Contains(v));
            if (sep)
            {
                var p = integrator.Integrate(comps[j], vars[i]);
                var q = integrator.Integrate(comps[i], vars[j]);
                if (p is not null && q is not null) result.Add(Simplifier.Simplify(p - q));
            }
        }
        return Checked(field, result);
    }

    private static IReadOnlyList<Expr> Checked(IReadOnlyList<(Symbol Variable, Expr Component)> field, List<Expr> found)
    {
        foreach (var inv in found)
        {
            var x = Sum.Of(field.Select(f => f.Component * Calculus.Diff(inv, f.Variable)));
            if (!Simplifier.IsZero(x)) throw new SymbolicException($"internal check failed: X({inv}) = {Simplifier.Simplify(x)} ≠ 0");
        }
        return found;
    }

    /// <summary>
    /// Canonical coordinates (r, s) of a generator in the plane (one independent, one dependent variable): X(r) = 0,
    /// X(s) = 1, so X = ∂_s. Null when the characteristic system is beyond the shapes handled.
    /// </summary>
    public static (Expr R, Expr S)? Canonical(Generator x, IAntiderivative? integrator = null)
    {
        integrator ??= KernelAntiderivative.Instance;
        var jet = x.Jet;
        if (jet.Independent.Count != 1 || jet.Dependent.Count != 1) throw new SymbolicException("canonical coordinates (r, s) are for one independent and one dependent variable");
        var field = jet.Base.Zip(x.Components).Select(p => (p.First, p.Second)).ToList();
        var invariants = Of(field, integrator);
        if (invariants.Count == 0) return null;
        var r = invariants[0];
        // s: a variable whose component depends on itself only: s = ∫ dv / c_v
        foreach (var (v, c) in field)
        {
            if (c.IsZero || field.Any(f => !f.First.Equals(v) && c.Contains(f.First))) continue;
            var s = integrator.Integrate(Simplifier.Simplify(Algebra.Together(1 / c)), v);
            if (s is null) continue;
            var xs = Simplifier.Simplify(Sum.Of(field.Select(f => f.Second * Calculus.Diff(s, f.First))));
            if (xs.IsOne) return (r, s);
        }
        return null;
    }

    /// <summary>
    /// A first-order ODE y' = F(x, y) in the canonical coordinates of a symmetry X: ds/dr = (s_x + s_y F)/(r_x + r_y F),
    /// which depends on r alone; returned as G(r) (with the symbol r), or null when y cannot be written from r.
    /// </summary>
    public static (Expr R, Expr S, Symbol RSymbol, Expr DsDr)? Reduce(DifferentialEquations ode, Generator x, IAntiderivative? integrator = null)
    {
        var jet = ode.Jet;
        if (ode.Leading.Count != 1 || ode.Order != 1 || jet.Independent.Count != 1 || jet.Dependent.Count != 1)
            throw new SymbolicException("reduction by canonical coordinates is done here for one first-order ODE y' = F(x, y)");
        if (!Symmetries.IsSymmetry(x, ode)) throw new SymbolicException($"{x} is not a symmetry of the equation");
        var rs = Canonical(x, integrator);
        if (rs is not var (r, s)) return null;
        var xv = jet.Independent[0];
        var y = jet.Dependent[0];
        var f = ode.Solved[0];
        var g = Simplifier.Simplify(Algebra.Together((Calculus.Diff(s, xv) + Calculus.Diff(s, y) * f) / (Calculus.Diff(r, xv) + Calculus.Diff(r, y) * f)));
        // y in terms of r when r is linear in y: r = a(x) y + b(x)
        var rSym = Expr.Symbol("r", Assumptions.Real);
        var a = Simplifier.Simplify(Calculus.Diff(r, y));
        if (a.Contains(y) || a.IsZero) return null;
        var b = Simplifier.Simplify(Substitution.Apply(r, y, Expr.Zero));
        var yOfR = (rSym - b) / a;
        var gr = Simplifier.Simplify(Algebra.Together(Substitution.Apply(g, y, yOfR)));
        if (gr.Contains(xv) || gr.Contains(y)) return null;
        return (r, s, rSym, gr);
    }
}
