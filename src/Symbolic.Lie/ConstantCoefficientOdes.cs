using System.Numerics;
using Symbolic.Core;
using Symbolic.Core.Ode;
using Symbolic.Core.Numbers;
using Symbolic.Core.Polynomials;

namespace Symbolic.Lie;

/// <summary>
/// The part of a determining system that is a linear ODE system with constant coefficients in one variable v (what is
/// left for y'' + y = 0: F'' + F = 0, F₁'' = 2F₄', …). Each unknown f satisfies the scalar equation p(D) f = 0 given by the
/// first linear dependency among f, f', f'', … reduced by the standard form (Cayley–Hamilton: one exists within the
/// proved dimension); p's roots give the basis v^j e^{αv} cos βv, v^j e^{αv} sin βv of its solutions. Each unknown is
/// replaced by a combination of those with new constants, and the splitting that follows decides which combinations
/// solve the system. Roots are found exactly (zero roots, rational roots, quadratic and biquadratic factors); anything
/// else leaves the system unsolved and reported.
/// </summary>
internal static class ConstantCoefficientOdes
{
    /// <summary>Solves the one-variable part of the system; false when it has no such part or a step is beyond reach.</summary>
    public static bool Solve(LinearPdeSystem sys, List<LinExpr> components)
    {
        var functions = sys.Unknowns.Where(u => u.VariableCount > 0).ToList();
        if (functions.Count == 0) return false;
        // all unknown functions depend on the same single variable v
        int v = -1;
        foreach (var f in functions)
        {
            if (f.VariableCount != 1) return false;
            int w = Array.IndexOf(f.DependsOn, true);
            if (v >= 0 && w != v) return false;
            v = w;
        }
        // constant coefficients: no coefficient depends on any base variable
        foreach (var eq in sys.Equations)
            foreach (var c in eq.Terms.Values)
                for (int i = 0; i < sys.Variables.Count; i++)
                    if (sys.CoefficientDependsOn(c, i)) return false;
        if (sys.ParametricCount() is not int dim) return false;
        var sv = sys.Variables[v];
        var values = new List<(Unknown F, LinExpr Value)>();
        foreach (var f in functions)
        {
            var p = MinimalPolynomial(sys, f, v, dim + 2);
            if (p is null) return false;
            var basis = CharacteristicRoots.Basis(p, sv, sys.AssumeNonzero);
            if (basis is null) return false;
            var value = new LinExpr();
            foreach (var b in basis) value.Add(sys.Key(sys.NewConstant()), sys.Coef(b), sys.Ctx);
            values.Add((f, value));
        }
        foreach (var (f, value) in values) sys.Substitute(f, value, components);
        return true;
    }

    /// <summary>
    /// The monic p (coefficients p₀ … p_m as expressions) with p(D) f ≡ 0 modulo the standard form, of least degree ≤ max;
    /// null when none is found.
    /// </summary>
    private static Expr[]? MinimalPolynomial(LinearPdeSystem sys, Unknown f, int v, int max)
    {
        var ctx = sys.Ctx;
        var rows = new List<(DKey Pivot, LinExpr Vector, RatFun[] Combination)>();
        for (int j = 0; j <= max; j++)
        {
            var orders = new int[sys.Variables.Count];
            orders[v] = j;
            var e = new LinExpr();
            e.Add(new DKey(f, orders), ctx.One, ctx);
            var w = sys.ReduceByStandardForm(e);
            var combo = Enumerable.Range(0, j + 1).Select(i => i == j ? ctx.One : ctx.Zero).ToArray();
            foreach (var (pivot, vec, rc) in rows)
            {
                if (!w.Terms.TryGetValue(pivot, out var a)) continue;
                var factor = ctx.Div(a, vec.Terms[pivot]);
                w.AddScaled(vec, ctx.Neg(factor), ctx);
                for (int i = 0; i < rc.Length; i++) combo[i] = ctx.Sub(combo[i], ctx.Mul(factor, rc[i]));
            }
            if (w.IsZero) return combo.Select(c => Simplifier.Simplify(ctx.ToExpr(c))).ToArray();
            rows.Add((w.Leader(), w, combo));
        }
        return null;
    }
}
