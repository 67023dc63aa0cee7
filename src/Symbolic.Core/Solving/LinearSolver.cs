using Symbolic.Core.Polynomials;

namespace Symbolic.Core;

/// <summary>
/// Solves linear systems for chosen unknowns, which may be symbols, q(t) or derivatives such as r̈:
/// the coefficients are rational functions in the other kernels, eliminated exactly in the normal form.
/// </summary>
/// <example><code>
/// LinearSolver.Solve(new[] { Relation.Equation(m * rddot, m * r * thetadot.Pow(2) - k / r.Pow(2)) }, new[] { rddot });
/// // { r̈ ↦ r θ̇² − k/(m r²) }
/// </code></example>
public static class LinearSolver
{
    /// <summary>The unique solution of the system; throws <see cref="SymbolicException"/> when it is not linear, singular or inconsistent.</summary>
    public static IReadOnlyDictionary<Expr, Expr> Solve(IReadOnlyList<Expr> equations, IReadOnlyList<Expr> unknowns, Budget? budget = null) =>
        TrySolve(equations, unknowns, out var solution, out var failure, budget) ? solution : throw new SymbolicException(failure);

    /// <summary>
    /// The unique solution of the system, or false with the reason when it is not linear in the unknowns, singular,
    /// inconsistent, or has an equation without a rational normal form. A budget exceeded still throws.
    /// </summary>
    public static bool TrySolve(IReadOnlyList<Expr> equations, IReadOnlyList<Expr> unknowns,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyDictionary<Expr, Expr>? solution,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? failure, Budget? budget = null)
    {
        solution = null;
        try { failure = Eliminate(equations, unknowns, budget, out solution); }
        catch (SymbolicException e) when (e is not BudgetExceededException)
        {
            failure = e.Message;   // an equation the rational normal form cannot hold
        }
        return failure is null;
    }

    private static string? Eliminate(IReadOnlyList<Expr> equations, IReadOnlyList<Expr> unknowns, Budget? budget, out IReadOnlyDictionary<Expr, Expr>? solution)
    {
        solution = null;
        var ctx = new RationalContext(useRelations: true, budget);
        int m = equations.Count, n = unknowns.Count;
        var a = new RatFun[m, n];
        var b = new RatFun[m];
        var zeroMap = unknowns.ToDictionary(u => u, _ => Expr.Zero);
        for (int i = 0; i < m; i++)
        {
            var eq = Simplifier.Prepare(equations[i] is Relation r ? r.Left - r.Right : equations[i]);
            var f = ctx.ToRatFun(eq);
            for (int j = 0; j < n; j++)
            {
                a[i, j] = ctx.Diff(f, unknowns[j]);
                foreach (var u in unknowns)
                    if (!ctx.Diff(a[i, j], u).IsZero)
                        return $"equation {i + 1} is not linear in {string.Join(", ", unknowns)}";
            }
            b[i] = ctx.Neg(ctx.ToRatFun(Substitution.Apply(eq, zeroMap)));
        }
        // Gaussian elimination with the first nonzero pivot (exact arithmetic: any nonzero pivot is fine).
        var pivotRow = new int[n];
        int row = 0;
        for (int col = 0; col < n; col++)
        {
            int p = -1;
            for (int i = row; i < m; i++) if (!a[i, col].IsZero) { p = i; break; }
            if (p < 0) return $"the system does not determine {unknowns[col]}";
            Swap(a, b, p, row, n);
            for (int i = 0; i < m; i++)
            {
                if (i == row || a[i, col].IsZero) continue;
                var factor = ctx.Div(a[i, col], a[row, col]);
                for (int j = col; j < n; j++) a[i, j] = ctx.Sub(a[i, j], ctx.Mul(factor, a[row, j]));
                b[i] = ctx.Sub(b[i], ctx.Mul(factor, b[row]));
            }
            pivotRow[col] = row++;
        }
        for (int i = row; i < m; i++)
            if (!b[i].IsZero) return "the equations are inconsistent";
        var result = new Dictionary<Expr, Expr>();
        for (int col = 0; col < n; col++)
            result[unknowns[col]] = ctx.ToExpr(ctx.Div(b[pivotRow[col]], a[pivotRow[col], col]));
        solution = result;
        return null;
    }

    private static void Swap(RatFun[,] a, RatFun[] b, int i, int k, int n)
    {
        if (i == k) return;
        for (int j = 0; j < n; j++) (a[i, j], a[k, j]) = (a[k, j], a[i, j]);
        (b[i], b[k]) = (b[k], b[i]);
    }
}
