using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>Walks over the jet variables (u, u_x, u_xy, …) of the fields in an expression.</summary>
internal static class Jet
{
    /// <summary>Every application f(…) in <paramref name="e"/>, also those under a derivative.</summary>
    public static IEnumerable<Call> Applications(Expr e, Function f)
    {
        var found = new List<Call>();
        void Walk(Expr x)
        {
            if (x is Call c && c.Function.Equals(f)) found.Add(c);
            foreach (var k in x.Children) Walk(k);
        }
        Walk(e);
        return found;
    }

    /// <summary>
    /// The jet variables of <paramref name="f"/> in <paramref name="e"/>: the call u(x, …) itself when it
    /// occurs outside a derivative, and every derivative of it, in canonical order (lowest order first).
    /// </summary>
    public static IReadOnlyList<Expr> Variables(Expr e, Function f)
    {
        var set = new SortedSet<Expr>(Comparer<Expr>.Create((a, b) =>
        {
            int oa = a is Derivative da ? da.TotalOrder : 0, ob = b is Derivative db ? db.TotalOrder : 0;
            return oa != ob ? oa.CompareTo(ob) : ExprOrder.Instance.Compare(a, b);
        }));
        void Walk(Expr x)
        {
            switch (x)
            {
                case Derivative d when d.Function.Function.Equals(f): set.Add(d); return;
                case Call c when c.Function.Equals(f): set.Add(c); return;
            }
            foreach (var k in x.Children) Walk(k);
        }
        Walk(e);
        return set.ToList();
    }

    /// <summary>The highest derivative order of <paramref name="f"/> in <paramref name="e"/> (0 when only f itself, −1 when absent).</summary>
    public static int Order(Expr e, Function f) =>
        Variables(e, f).Select(v => v is Derivative d ? d.TotalOrder : 0).DefaultIfEmpty(-1).Max();

    /// <summary><paramref name="e"/> with every field and derivative of a field replaced by a placeholder: what is left is explicit.</summary>
    public static Expr Explicit(Expr e, Action action)
    {
        var placeholder = Expr.Symbol("\u2022jet");
        return e.RewriteTopDown(x => x switch
        {
            Derivative d when action.Fields.Contains(d.Function.Function) => placeholder,
            Call c when action.Fields.Contains(c.Function) => placeholder,
            _ => null,
        });
    }

    /// <summary>Applies the total derivatives D_v^n of a multi-index to <paramref name="e"/>.</summary>
    public static Expr TotalDerivative(Expr e, IEnumerable<(Symbol Variable, int Order)> index, Budget? budget)
    {
        foreach (var (v, n) in index)
            for (int i = 0; i < n; i++)
            {
                budget?.ThrowIfCancelled();
                e = Calculus.TotalDerivative(e, v);
            }
        return e;
    }
}
