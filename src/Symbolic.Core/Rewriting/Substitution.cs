namespace Symbolic.Core;

/// <summary>
/// Substitution of symbols, subexpressions and unknown functions. Matching is structural on canonical
/// forms, top-down, so a matched subtree is replaced whole (q̇ ↦ v replaces the derivative, not q inside it);
/// a sum pattern also matches part of a longer sum (x + y in x + y + z).
/// </summary>
/// <example><code>
/// Substitution.Apply(x.Pow(2) + y, new() { [x] = r * Expr.Cos(theta) });
/// Substitution.ApplyFunction(L, xFn, new[] { t }, r(t) * cos(θ(t)));   // ẋ follows by the chain rule
/// </code></example>
public static class Substitution
{
    /// <summary>Replaces every occurrence of each key by its value, simultaneously.</summary>
    public static Expr Apply(Expr e, IReadOnlyDictionary<Expr, Expr> map)
    {
        if (map.Count == 0) return e;
        var memo = new Dictionary<Expr, Expr>();
        return Walk(e, map, memo);
    }

    /// <summary>Replaces one expression by another.</summary>
    public static Expr Apply(Expr e, Expr from, Expr to) => Apply(e, new Dictionary<Expr, Expr> { [from] = to });

    private static Expr Walk(Expr e, IReadOnlyDictionary<Expr, Expr> map, Dictionary<Expr, Expr> memo)
    {
        StackGuard.Check();
        if (map.TryGetValue(e, out var direct)) return direct;
        if (memo.TryGetValue(e, out var done)) return done;
        Expr result;
        if (e is Sum s && TryPartialSum(s, map, memo, out var replaced)) result = replaced;
        else if (e is Derivative d && map.Keys.Any(k => k.Equals(d.Function)))
        {
            // q(t) ↦ f: the derivative of q becomes the derivative of f (chain rule), not a Derivative of a non-function.
            var f = map[d.Function];
            result = f;
            foreach (var (v, n) in d.Variables) result = Calculus.Diff(result, v, n);
        }
        else result = e.MapChildren(k => Walk(k, map, memo));
        memo[e] = result;
        return result;
    }

    // x + y ↦ u inside x + y + z: the pattern's terms appear with the same coefficients.
    private static bool TryPartialSum(Sum s, IReadOnlyDictionary<Expr, Expr> map, Dictionary<Expr, Expr> memo, out Expr result)
    {
        foreach (var (key, value) in map)
        {
            if (key is not Sum pattern || pattern.Terms.Length > s.Terms.Length) continue;
            var coefficients = s.Terms.ToDictionary(t => t.Term, t => t.Coefficient);
            if (!pattern.Terms.All(pt => coefficients.TryGetValue(pt.Term, out var c) && c == pt.Coefficient)) continue;
            var rest = s - pattern;
            result = Sum.Of(value, Walk(rest, map, memo));
            return true;
        }
        result = s;
        return false;
    }

    /// <summary>
    /// Replaces the unknown function <paramref name="f"/> by <paramref name="body"/> (written in terms of
    /// <paramref name="parameters"/>): x(t) ↦ r(t) cos θ(t). Derivatives of f become derivatives of the body.
    /// </summary>
    public static Expr ApplyFunction(Expr e, Function f, IReadOnlyList<Symbol> parameters, Expr body)
    {
        return e.RewriteTopDown(node =>
        {
            switch (node)
            {
                case Call c when c.Function.Equals(f):
                    return Instantiate(c);
                case Derivative d when d.Function.Function.Equals(f):
                {
                    var r = Instantiate(d.Function);
                    foreach (var (v, n) in d.Variables) r = Calculus.Diff(r, v, n);
                    return r;
                }
                default:
                    return null;
            }
        });

        Expr Instantiate(Call c)
        {
            if (c.Args.Length != parameters.Count)
                throw new SymbolicException($"{f.Name} takes {parameters.Count} arguments in the substitution but is applied to {c.Args.Length}");
            var map = new Dictionary<Expr, Expr>();
            for (int i = 0; i < parameters.Count; i++)
                if (!parameters[i].Equals(c.Args[i])) map[parameters[i]] = c.Args[i];
            return Apply(body, map);
        }
    }
}

/// <summary>Tree walks shared by the rewriters.</summary>
public static class ExprWalks
{
    /// <summary>
    /// Top-down rewrite: <paramref name="rewrite"/> sees each node before its children; a non-null answer
    /// replaces the node (and is not walked again), null descends into the children.
    /// </summary>
    public static Expr RewriteTopDown(this Expr e, Func<Expr, Expr?> rewrite)
    {
        var r = rewrite(e);
        return r ?? e.MapChildren(k => k.RewriteTopDown(rewrite));
    }
}
