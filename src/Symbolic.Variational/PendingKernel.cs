// TEMPORARY: stand-ins with the exact names and signatures of the kernel API that is landing on main
// (Simplifier, Algebra, LinearSolver). They exist only so that this module compiles and its easy tests
// run before the kernel lands; this file is deleted at the merge that brings the real ones.
// They are deliberately weak (polynomial expansion plus sin² = 1 − cos²): no proof rests on them.
using Symbolic.Core.Numbers;

namespace Symbolic.Core;

/// <summary>Stand-in for the kernel simplifier (removed when main brings the real one).</summary>
public static class Simplifier
{
    /// <summary>Expands and replaces sin² by 1 − cos².</summary>
    public static Expr Simplify(Expr e, Budget? budget = null)
    {
        var x = Algebra.Expand(e, budget);
        for (int i = 0; i < 4; i++)
        {
            var y = Algebra.Expand(x.Rewrite(n => n is Power { Base: Call { Function.Name: "sin" } c, Exponent: Number { Value.IsInteger: true } k } && k.Value.Num >= 2
                ? (1 - Expr.Cos(c.Args[0]).Pow(2)) * c.Pow((int)k.Value.Num - 2) : null), budget);
            if (y == x) break;
            x = y;
        }
        return x;
    }

    /// <summary>True when the simplified form is 0.</summary>
    public static bool IsZero(Expr e) => Simplify(e).IsZero;

    /// <summary>True when a − b simplifies to 0.</summary>
    public static bool AreEqual(Expr a, Expr b) => IsZero(a - b);
}

/// <summary>Stand-in for the kernel's algebraic transformations.</summary>
public static class Algebra
{
    /// <summary>Distributes products over sums and multiplies out positive integer powers of sums.</summary>
    public static Expr Expand(Expr e, Budget? budget = null) => e.Rewrite(n => n switch
    {
        Power { Base: Sum s, Exponent: Number { Value.IsInteger: true } k } when k.Value.Num > 1 && k.Value.Num < 12 =>
            Enumerable.Repeat<Expr>(s, (int)k.Value.Num - 1).Aggregate((Expr)s, Distribute),
        Product p => p.Children.Aggregate(Expr.One, Distribute),
        _ => null,
    });

    private static Expr Distribute(Expr a, Expr b)
    {
        var xs = a is Sum sa ? sa.Children : new[] { a };
        var ys = b is Sum sb ? sb.Children : new[] { b };
        if (xs.Count == 1 && ys.Count == 1) return a * b;
        var acc = new Sum.TermAccumulator();
        foreach (var x in xs) foreach (var y in ys) acc.Add(Distribute(x, y), Rational.One);
        return acc.Build();
    }

    /// <summary>Identity in the stand-in.</summary>
    public static Expr Together(Expr e) => e;
    /// <summary>Identity in the stand-in.</summary>
    public static Expr Cancel(Expr e) => e;
    /// <summary>Identity in the stand-in.</summary>
    public static Expr Collect(Expr e, params Expr[] variables) => e;
    /// <summary>The factors with non-negative exponents.</summary>
    public static Expr Numerator(Expr e) => e is Product p
        ? Product.Of(p.FactorExprs().Where(f => !(f is Power pw && pw.Exponent is Number n && n.Value.Sign < 0)).Prepend(Number.Of(p.Coefficient.Num)))
        : e is Power { Exponent: Number { Value.Sign: < 0 } } ? Expr.One : e;
    /// <summary>The factors with negative exponents, inverted.</summary>
    public static Expr Denominator(Expr e) => e is Product p
        ? Product.Of(p.FactorExprs().OfType<Power>().Where(pw => pw.Exponent is Number n && n.Value.Sign < 0).Select(pw => pw.Base.Pow(-pw.Exponent)).Prepend(Number.Of(p.Coefficient.Den)))
        : e is Power { Exponent: Number { Value.Sign: < 0 } } pw2 ? pw2.Base.Pow(-pw2.Exponent) : Expr.One;
}

/// <summary>Stand-in for the kernel's linear solver (Gaussian elimination on the coefficients ∂eq/∂unknown).</summary>
public static class LinearSolver
{
    /// <summary>Solves the linear system for the unknowns.</summary>
    public static IReadOnlyDictionary<Expr, Expr> Solve(IReadOnlyList<Expr> equations, IReadOnlyList<Expr> unknowns, Budget? budget = null)
    {
        int n = unknowns.Count, m = equations.Count;
        var a = new Expr[m, n + 1];
        for (int i = 0; i < m; i++)
        {
            var eq = equations[i] is Relation r ? r.Left - r.Right : equations[i];
            var rest = eq;
            for (int j = 0; j < n; j++)
            {
                var c = Simplifier.Simplify(Calculus.Diff(eq, unknowns[j]));
                if (unknowns.Any(u => c.Contains(u))) throw new SymbolicException($"not linear in {unknowns[j]}");
                a[i, j] = c;
            }
            var zero = unknowns.ToDictionary(u => u, _ => Expr.Zero);
            a[i, n] = -Simplifier.Simplify(Substitution.Apply(rest, zero));
        }
        var row = 0;
        var pivots = new int[n];
        for (int j = 0; j < n; j++)
        {
            int p = -1;
            for (int i = row; i < m; i++) if (!Simplifier.IsZero(a[i, j])) { p = i; break; }
            if (p < 0) throw new SymbolicException("the linear system is singular");
            for (int k = 0; k <= n; k++) (a[row, k], a[p, k]) = (a[p, k], a[row, k]);
            for (int i = 0; i < m; i++)
            {
                if (i == row || a[i, j].IsZero) continue;
                var f = a[i, j] / a[row, j];
                for (int k = 0; k <= n; k++) a[i, k] = Simplifier.Simplify(a[i, k] - f * a[row, k]);
            }
            pivots[j] = row++;
        }
        var result = new Dictionary<Expr, Expr>();
        for (int j = 0; j < n; j++) result[unknowns[j]] = Simplifier.Simplify(a[pivots[j], n] / a[pivots[j], j]);
        return result;
    }
}
