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
        if (m == n && n <= CramerMaxSize && Cramer(ctx, a, b, unknowns) is { } solved) { solution = solved; return null; }
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

    /// <summary>The largest square system solved by Cramer's rule (its determinants have n! products).</summary>
    private const int CramerMaxSize = 4;

    /// <summary>
    /// Small square systems by Cramer's rule on polynomial rows: each row is multiplied by the lcm of its denominators,
    /// the determinants are sums of products of polynomials, and each unknown costs one division (one gcd) at the end.
    /// Gaussian elimination over rational functions reduces every intermediate quotient by a gcd of growing polynomials:
    /// the three Euler–Lagrange equations of √(1 − ẋ² − ẏ² − ż²) + (ẋ² + ẏ²)⁵ took past a minute that way.
    /// Null when the system is singular, so that elimination names the undetermined unknown.
    /// </summary>
    private static Dictionary<Expr, Expr>? Cramer(RationalContext ctx, RatFun[,] a, RatFun[] b, IReadOnlyList<Expr> unknowns)
    {
        int n = b.Length;
        var rows = new RatFun[n, n + 1];
        for (int i = 0; i < n; i++)
        {
            Poly lcm = b[i].Denominator;
            for (int j = 0; j < n; j++)
            {
                var d = a[i, j].Denominator;
                if (d.IsOne || lcm.Equals(d)) continue;
                lcm = Poly.Multiply(lcm, d.DivideExact(PolyGcd.Gcd(lcm, d, ctx.Budget), ctx.Budget), ctx.Budget);
            }
            var scale = RatFun.FromPoly(lcm);
            for (int j = 0; j < n; j++) rows[i, j] = ctx.Mul(a[i, j], scale);
            rows[i, n] = ctx.Mul(b[i], scale);
        }
        var columns = Enumerable.Range(0, n).ToArray();
        var det = Determinant(ctx, rows, columns);
        if (det.IsZero) return null;
        var result = new Dictionary<Expr, Expr>();
        for (int col = 0; col < n; col++)
        {
            var replaced = (int[])columns.Clone();
            replaced[col] = n;                            // the right-hand side in place of the unknown's column
            result[unknowns[col]] = ctx.ToExpr(ctx.Div(Determinant(ctx, rows, replaced), det));
        }
        return result;
    }

    /// <summary>The determinant of the given columns of <paramref name="m"/>, by expansion along the first row.</summary>
    private static RatFun Determinant(RationalContext ctx, RatFun[,] m, int[] columns, int row = 0)
    {
        if (columns.Length == 1) return m[row, columns[0]];
        RatFun sum = RatFun.Zero(ctx.One.VariableCount);
        for (int k = 0; k < columns.Length; k++)
        {
            var entry = m[row, columns[k]];
            if (entry.IsZero) continue;
            var minor = Determinant(ctx, m, columns.Where((_, i) => i != k).ToArray(), row + 1);
            var term = ctx.Mul(entry, minor);
            sum = k % 2 == 0 ? ctx.Add(sum, term) : ctx.Sub(sum, term);
        }
        return sum;
    }

    private static void Swap(RatFun[,] a, RatFun[] b, int i, int k, int n)
    {
        if (i == k) return;
        for (int j = 0; j < n; j++) (a[i, j], a[k, j]) = (a[k, j], a[i, j]);
        (b[i], b[k]) = (b[k], b[i]);
    }
}
