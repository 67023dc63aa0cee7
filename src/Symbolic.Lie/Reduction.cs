using Symbolic.Core;
using Symbolic.Core.Integration;
using Symbolic.Core.Ode;

namespace Symbolic.Lie;

/// <summary>
/// An ODE y⁽ⁿ⁾ = F reduced by a symmetry X: in canonical coordinates (r, s) with X = ∂_s the equation does not involve s,
/// so w = ds/dr satisfies an ODE of order n − 1; when that is solved (w = W(r)), s = ∫W dr + C is the quadrature.
/// </summary>
/// <param name="R">The invariant r(x, y).</param>
/// <param name="S">The canonical coordinate s(x, y) with X(s) = 1.</param>
/// <param name="W">w(r) = ds/dr, as the application w(r) of the symbol <see cref="RSymbol"/>.</param>
/// <param name="RSymbol">The symbol r of the reduced equation.</param>
/// <param name="Reduced">The reduced equation of order n − 1 for w(r) (n = 1: ds/dr = G(r), already a quadrature).</param>
/// <param name="WSolution">w(r) = … when the reduced equation was solved (checked by the kernel's ODE solver), else null.</param>
/// <param name="Solution">s(x, y) = ∫W dr + C as an implicit solution of the original equation, when the quadrature was done.</param>
/// <param name="Verified">True when <see cref="Solution"/> was checked against the original equation by implicit differentiation.</param>
public sealed record OdeReduction(Expr R, Expr S, Expr W, Symbol RSymbol, Relation Reduced, Relation? WSolution, Relation? Solution, bool Verified);

/// <summary>
/// A PDE in two independent variables reduced by a symmetry to an ODE for the similarity function: the invariants
/// ζ(x, t) and I = a u + b give u = (G(ζ) − b)/a, and the PDE becomes an ODE for G(ζ).
/// </summary>
/// <param name="Zeta">The similarity variable ζ(x, t).</param>
/// <param name="Form">u = … in terms of G(ζ).</param>
/// <param name="ZetaSymbol">The symbol ζ of the reduced equation.</param>
/// <param name="Reduced">The ODE for G(ζ).</param>
public sealed record SimilarityReduction(Expr Zeta, Relation Form, Symbol ZetaSymbol, Relation Reduced);

/// <summary>Reduction of order for ODEs and similarity reduction for PDEs by a known symmetry.</summary>
public static class Reduction
{
    /// <summary>
    /// Reduces y⁽ⁿ⁾ = F(x, y, …, y⁽ⁿ⁻¹⁾) by the symmetry <paramref name="x"/> to an equation of order n − 1 for w = ds/dr,
    /// tries to solve it, and when it is solved and integrated returns the implicit solution s = ∫W dr + C.
    /// </summary>
    /// <exception cref="SymbolicException">X is not a symmetry, or its canonical coordinates are beyond the shapes integrated.</exception>
    public static OdeReduction ReduceOrder(DifferentialEquations ode, Generator x, IAntiderivative? integrator = null, Budget? budget = null)
    {
        integrator ??= KernelAntiderivative.Instance;
        var jet = ode.Jet;
        if (ode.Leading.Count != 1 || jet.Independent.Count != 1 || jet.Dependent.Count != 1)
            throw new SymbolicException("reduction of order is for one ODE in one unknown y(x)");
        if (!Symmetries.IsSymmetry(x, ode)) throw new SymbolicException($"{x} is not a symmetry of the equation");
        var rs = Invariants.Canonical(x, integrator) ?? throw new SymbolicException($"the canonical coordinates of {x} are beyond the characteristics integrated");
        var (r, s) = rs;
        int n = ode.Order;
        var xv = jet.Independent[0];
        var y = jet.Dependent[0];
        Expr Dx(Expr e) => jet.TotalDerivative(e, 0);
        Expr S(Expr e) => Simplifier.Simplify(Algebra.Together(e));
        var dr = Dx(r);
        var w = new List<Expr> { S(Dx(s) / dr) };
        for (int k = 1; k < n; k++) w.Add(S(Dx(w[k - 1]) / dr));
        var top = S(ode.OnSolutions(w[n - 1]));
        // invert w_k = W_k for y^(k+1), k < n − 1 (each w_k has y^(k+1) in a linear numerator)
        var ws = Enumerable.Range(0, n).Select(k => Symbol.Of(SymbolName.Of("W", lower: k == 0 ? "" : $"{k}"), Assumptions.Real)).ToList();
        var subs = new Dictionary<Expr, Expr>();
        for (int k = 0; k < n - 1; k++)
        {
            var yk = jet.Coordinate(0, k + 1);
            var num = Algebra.Numerator(S(Substitution.Apply(w[k], subs) - ws[k]));
            var b = S(Calculus.Diff(num, yk));
            if (b.IsZero || b.Contains(yk)) throw new SymbolicException($"ds/dr is not invertible for {yk}");
            var a = S(Substitution.Apply(num, yk, Expr.Zero));
            subs[yk] = S(-a / b);
        }
        var h = S(Substitution.Apply(top, subs));
        // on a section r(x, y) = ρ: y (or x) from ρ, and the result must be free of both
        var rho = Expr.Symbol(jet.Base.Any(b => b.Name == "r") ? "rho" : "r", Assumptions.Real);
        var onSection = Section(r, xv, y, rho) ?? throw new SymbolicException($"r = {r} cannot be solved for y or x");
        var g = S(Substitution.Apply(h, onSection));
        if (g.Contains(xv) || g.Contains(y)) throw new SymbolicException($"the reduced equation still involves {xv} or {y}: {g}");
        var wf = Call.Of(Function.User("w"), rho);
        Expr WOf(int k) => k == 0 ? wf : Derivative.Of(wf, new[] { (rho, k) });
        var map = new Dictionary<Expr, Expr>();
        for (int k = 0; k < n - 1; k++) map[ws[k]] = WOf(k);
        var reduced = Relation.Equation(WOf(n - 1), Substitution.Apply(g, map));

        // solve the reduced equation, then the quadrature s = ∫ w dr + C
        Expr? wValue = null;
        Relation? wSolution = null;
        if (n == 1) wValue = g;
        else if (n - 1 <= 2)
        {
            var sol = OdeSolver.Solve(reduced, (Call)wf, budget);
            if (sol.Found && sol.Explicit && sol.Solution is Relation { Right: var right } rel && !right.Contains(wf))
            {
                wValue = right;
                wSolution = rel;
            }
        }
        Relation? solution = null;
        bool verified = false;
        if (wValue is not null)
        {
            var q = Integrator.Integrate(wValue, rho, budget);
            if (q.Found)
            {
                var constant = Symbol.Of(SymbolName.Of("C", lower: $"{n}"), Assumptions.Real);
                var lhs = s;
                var rhs = Substitution.Apply(q.Antiderivative!, rho, r) + constant;
                solution = Relation.Equation(lhs, Simplifier.Simplify(rhs));
                verified = VerifyImplicit(ode, S(lhs - rhs));
            }
        }
        return new OdeReduction(r, s, wf, rho, reduced, wSolution, solution, verified);
    }

    /// <summary>Φ(x, y) = 0 solves y⁽ⁿ⁾ = F: y' = −Φ_x/Φ_y and its derivatives along the curve satisfy the equation.</summary>
    private static bool VerifyImplicit(DifferentialEquations ode, Expr phi)
    {
        try
        {
            var jet = ode.Jet;
            var xv = jet.Independent[0];
            var y = jet.Dependent[0];
            var derivs = new List<Expr> { y };
            var y1 = Simplifier.Simplify(Algebra.Together(-Calculus.Diff(phi, xv) / Calculus.Diff(phi, y)));
            derivs.Add(y1);
            for (int k = 2; k <= ode.Order; k++)
                derivs.Add(Simplifier.Simplify(Algebra.Together(Calculus.Diff(derivs[k - 1], xv) + Calculus.Diff(derivs[k - 1], y) * y1)));
            var map = new Dictionary<Expr, Expr>();
            for (int k = 1; k < ode.Order; k++) map[jet.Coordinate(0, k)] = derivs[k];
            var f = Substitution.Apply(ode.Solved[0], map);
            return Simplifier.IsZero(Algebra.Together(derivs[ode.Order] - f));
        }
        catch (SymbolicException) { return false; }
    }

    /// <summary>y (or x) in terms of ρ from r(x, y) = ρ, when r is linear in it.</summary>
    private static Dictionary<Expr, Expr>? Section(Expr r, Symbol x, Symbol y, Symbol rho)
    {
        foreach (var v in new[] { y, x })
        {
            if (!r.Contains(v)) continue;
            var a = Simplifier.Simplify(Calculus.Diff(r, v));
            if (a.IsZero || a.Contains(v)) continue;
            var b = Simplifier.Simplify(Substitution.Apply(r, v, Expr.Zero));
            return new Dictionary<Expr, Expr> { [v] = Simplifier.Simplify((rho - b) / a) };
        }
        return null;
    }

    /// <summary>
    /// The similarity reduction of a PDE in two independent variables by <paramref name="x"/>: u = (G(ζ) − b)/a from the
    /// invariants ζ and a u + b, and the ODE G satisfies (the PDE divided by the coefficient of G's highest derivative,
    /// which must then be free of the other variable — the check that the reduction is right).
    /// </summary>
    public static SimilarityReduction Similarity(DifferentialEquations pde, Generator x, IAntiderivative? integrator = null)
    {
        var jet = pde.Jet;
        if (jet.Independent.Count != 2 || jet.Dependent.Count != 1 || pde.Leading.Count != 1)
            throw new SymbolicException("the similarity reduction is for one PDE in u(x, t)");
        if (!Symmetries.IsSymmetry(x, pde)) throw new SymbolicException($"{x} is not a symmetry of the equation");
        var u = jet.Dependent[0];
        // the later independent variable (time) first: it parametrises the characteristics
        var order = new[] { 1, 0, 2 };
        var field = order.Select(i => (jet.Base[i], x.Components[i])).ToList();
        var inv = Invariants.Of(field, integrator);
        var zeta = inv.FirstOrDefault(i => !i.Contains(u));
        var withU = inv.FirstOrDefault(i => i.Contains(u));
        if (zeta is null || withU is null) throw new SymbolicException("the invariants of X do not give a similarity variable and a form for u");
        var a = Simplifier.Simplify(Calculus.Diff(withU, u));
        if (a.Contains(u)) throw new SymbolicException($"the invariant {withU} is not linear in {u}");
        var b = Simplifier.Simplify(Substitution.Apply(withU, u, Expr.Zero));
        int n = pde.Order;
        var g = Enumerable.Range(0, n + 2).Select(k => Symbol.Of(SymbolName.Of("G", lower: $"{k}"), Assumptions.Real)).ToList();
        var uExpr = Simplifier.Simplify((g[0] - b) / a);
        Expr D(Expr e, int i)
        {
            var v = jet.Independent[i];
            var zv = Calculus.Diff(zeta, v);
            var terms = new List<Expr> { Calculus.Diff(e, v) };
            for (int k = 0; k <= n; k++)
            {
                var dk = Calculus.Diff(e, g[k]);
                if (!dk.IsZero) terms.Add(dk * zv * g[k + 1]);
            }
            return Simplifier.Simplify(Sum.Of(terms));
        }
        var delta = pde.Leading[0] - pde.Solved[0];
        var map = new Dictionary<Expr, Expr> { [u] = uExpr };
        foreach (var c in jet.CoordinatesIn(delta, 1))
        {
            jet.TryDecode(c, out var jv);
            Expr value = uExpr;
            for (int i = 0; i < 2; i++) for (int k = 0; k < jv.Orders[i]; k++) value = D(value, i);
            map[c] = value;
        }
        var residual = Simplifier.Simplify(Algebra.Together(Substitution.Apply(delta, map)));
        var zs = Expr.Symbol(jet.Base.Any(b => b.Name == "zeta") ? "eta" : "zeta", Assumptions.Real);
        var section = Section(zeta, jet.Independent[1], jet.Independent[0], zs) ?? throw new SymbolicException($"ζ = {zeta} cannot be solved for a variable");
        residual = Simplifier.Simplify(Algebra.Together(Substitution.Apply(residual, section)));
        int top = Enumerable.Range(0, n + 1).Last(k => residual.Contains(g[k]));
        var lead = Simplifier.Simplify(Calculus.Diff(residual, g[top]));
        var ode = Simplifier.Simplify(Algebra.Together(residual / lead));
        if (jet.Independent.Any(v => ode.Contains(v)))
            throw new SymbolicException($"the reduced equation still involves {string.Join(", ", jet.Independent.Where(v => ode.Contains(v)))}: {ode}");
        var gf = Call.Of(Function.User("G"), zs);
        var gmap = new Dictionary<Expr, Expr>();
        for (int k = 0; k <= n; k++) gmap[g[k]] = k == 0 ? gf : Derivative.Of(gf, new[] { (zs, k) });
        var reduced = Relation.Equation(Substitution.Apply(ode, gmap), 0);
        var form = Relation.Equation(u, Substitution.Apply(uExpr, g[0], Call.Of(Function.User("G"), zeta)));
        return new SimilarityReduction(zeta, form, zs, reduced);
    }
}
