namespace Symbolic.Core;

/// <summary>
/// The total order on canonical expressions: by kind, then by structure. It never looks at hash codes
/// or insertion order, so sums, products and printed output are the same on every run.
/// </summary>
public sealed class ExprOrder : IComparer<Expr>
{
    /// <summary>The order.</summary>
    public static readonly ExprOrder Instance = new();

    /// <inheritdoc/>
    public int Compare(Expr? a, Expr? b)
    {
        StackGuard.Check();
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        if (a.Kind != b.Kind) return a.Kind.CompareTo(b.Kind);
        switch (a)
        {
            case Number na: return na.Value.CompareTo(((Number)b).Value);
            case Symbol sa:
            {
                var sb = (Symbol)b;
                int c = string.CompareOrdinal(sa.Name, sb.Name);
                if (c != 0) return c;
                c = sa.IsConstant.CompareTo(sb.IsConstant);
                return c != 0 ? c : ((int)sa.Assumptions).CompareTo((int)sb.Assumptions);
            }
            case Call ca:
            {
                var cb = (Call)b;
                int c = ca.Function.IsUser.CompareTo(cb.Function.IsUser);
                if (c != 0) return c;
                c = string.CompareOrdinal(ca.Function.Name, cb.Function.Name);
                return c != 0 ? c : CompareLists(ca.Args, cb.Args);
            }
            case Derivative da:
            {
                var db = (Derivative)b;
                int c = Compare(da.Function, db.Function);
                if (c != 0) return c;
                c = da.TotalOrder.CompareTo(db.TotalOrder);
                if (c != 0) return c;
                for (int i = 0; i < Math.Min(da.Variables.Length, db.Variables.Length); i++)
                {
                    c = Compare(da.Variables[i].Variable, db.Variables[i].Variable);
                    if (c != 0) return c;
                    c = da.Variables[i].Order.CompareTo(db.Variables[i].Order);
                    if (c != 0) return c;
                }
                return da.Variables.Length.CompareTo(db.Variables.Length);
            }
            case Power pa:
            {
                var pb = (Power)b;
                int c = Compare(pa.Base, pb.Base);
                return c != 0 ? c : Compare(pa.Exponent, pb.Exponent);
            }
            case Product xa:
            {
                var xb = (Product)b;
                int n = Math.Min(xa.Factors.Length, xb.Factors.Length);
                for (int i = 0; i < n; i++)
                {
                    int c = Compare(xa.Factors[i].Base, xb.Factors[i].Base);
                    if (c != 0) return c;
                    c = Compare(xa.Factors[i].Exponent, xb.Factors[i].Exponent);
                    if (c != 0) return c;
                }
                int d = xa.Factors.Length.CompareTo(xb.Factors.Length);
                return d != 0 ? d : xa.Coefficient.CompareTo(xb.Coefficient);
            }
            case Sum ua:
            {
                var ub = (Sum)b;
                int n = Math.Min(ua.Terms.Length, ub.Terms.Length);
                for (int i = 0; i < n; i++)
                {
                    int c = Compare(ua.Terms[i].Term, ub.Terms[i].Term);
                    if (c != 0) return c;
                    c = ua.Terms[i].Coefficient.CompareTo(ub.Terms[i].Coefficient);
                    if (c != 0) return c;
                }
                int d = ua.Terms.Length.CompareTo(ub.Terms.Length);
                return d != 0 ? d : ua.Constant.CompareTo(ub.Constant);
            }
            case Relation ra:
            {
                var rb = (Relation)b;
                int c = ra.Op.CompareTo(rb.Op);
                if (c != 0) return c;
                c = Compare(ra.Left, rb.Left);
                return c != 0 ? c : Compare(ra.Right, rb.Right);
            }
        }
        return 0;
    }

    private int CompareLists(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
        {
            int c = Compare(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Count.CompareTo(b.Count);
    }
}
