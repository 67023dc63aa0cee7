using System.Collections.Concurrent;
using Symbolic.Core;

namespace Symbolic.Lie;

/// <summary>A jet coordinate u^α_J: the dependent variable α differentiated J_i times by the i-th independent variable.</summary>
/// <param name="Dependent">Index of the dependent variable α.</param>
/// <param name="Orders">J: one order per independent variable.</param>
public sealed record JetVariable(int Dependent, IReadOnlyList<int> Orders)
{
    /// <summary>|J|, the total order.</summary>
    public int Order => Orders.Sum();
}

/// <summary>
/// The jet space of independent variables x^i and dependent variables u^α: its coordinates u^α_J are kernel
/// symbols with structured names (<c>u_xt</c>, <c>y_xx</c>; <c>u_{x,theta}</c> when a name is longer than one
/// letter) that the space decodes, so every kernel operation (differentiation, the normal form) treats them as
/// independent variables. <see cref="TotalDerivative(Expr, int)"/> is D_i = ∂_i + Σ u^α_{J,i} ∂/∂u^α_J.
/// </summary>
/// <example><code>
/// var jet = new JetSpace(new[] { Expr.Symbol("x") }, new[] { Expr.Symbol("y") });
/// var y1 = jet.Coordinate(0, 1);              // y_x
/// jet.TotalDerivative(y1.Pow(2), 0);          // 2 y_x y_xx
/// </code></example>
public sealed class JetSpace
{
    private readonly ConcurrentDictionary<Symbol, JetVariable> _decode = new();
    private readonly ConcurrentDictionary<JetVariable, Symbol> _encode = new(new JetComparer());

    /// <summary>The independent variables x^i.</summary>
    public IReadOnlyList<Symbol> Independent { get; }
    /// <summary>The dependent variables u^α (the order-zero jet coordinates).</summary>
    public IReadOnlyList<Symbol> Dependent { get; }

    /// <summary>A jet space over the given variables (each name used once).</summary>
    public JetSpace(IReadOnlyList<Symbol> independent, IReadOnlyList<Symbol> dependent)
    {
        if (independent.Count == 0) throw new SymbolicException("a jet space needs at least one independent variable");
        if (dependent.Count == 0) throw new SymbolicException("a jet space needs at least one dependent variable");
        var all = independent.Concat(dependent).Select(s => s.Name).ToList();
        var dup = all.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new SymbolicException($"the variable {dup.Key} is named twice in the jet space");
        Independent = independent.ToArray();
        Dependent = dependent.ToArray();
        for (int a = 0; a < dependent.Count; a++)
        {
            var zero = new JetVariable(a, new int[independent.Count]);
            _decode[dependent[a]] = zero;
            _encode[zero] = dependent[a];
        }
    }

    /// <summary>Every independent then every dependent variable: the base (x, u) on which ξ and φ depend.</summary>
    public IReadOnlyList<Symbol> Base => Independent.Concat(Dependent).ToArray();

    /// <summary>The jet coordinate u^α_J.</summary>
    public Symbol Coordinate(int dependent, params int[] orders) => Coordinate(new JetVariable(dependent, Normalise(orders)));

    /// <summary>The jet coordinate of a <see cref="JetVariable"/>.</summary>
    public Symbol Coordinate(JetVariable v)
    {
        if (v.Dependent < 0 || v.Dependent >= Dependent.Count) throw new ArgumentOutOfRangeException(nameof(v));
        if (v.Orders.Count != Independent.Count || v.Orders.Any(o => o < 0)) throw new ArgumentException("one non-negative order per independent variable is needed", nameof(v));
        if (_encode.TryGetValue(v, out var s)) return s;
        var u = Dependent[v.Dependent].Parts;
        bool shortNames = Independent.All(x => x.Name.Length == 1) && u.Spelling.Length == 1;
        var parts = new List<string>();
        for (int i = 0; i < Independent.Count; i++)
            for (int k = 0; k < v.Orders[i]; k++) parts.Add(Independent[i].Name);
        var name = u.AddLower(shortNames ? string.Concat(parts) : $"{{{string.Join(",", parts)}}}");
        s = Symbol.Of(name, Assumptions.Real);
        _encode[v] = s;
        _decode[s] = v;
        return s;
    }

    /// <summary>u^α differentiated once more by x^i: u^α_{J,i}.</summary>
    public Symbol Raise(JetVariable v, int i)
    {
        var o = v.Orders.ToArray();
        o[i]++;
        return Coordinate(new JetVariable(v.Dependent, o));
    }

    /// <summary>Decodes a jet coordinate (u itself included); false for any other symbol.</summary>
    public bool TryDecode(Expr e, out JetVariable v)
    {
        v = null!;
        return e is Symbol s && _decode.TryGetValue(s, out v!);
    }

    /// <summary>The jet coordinates of order ≥ <paramref name="minOrder"/> in <paramref name="e"/>, sorted by order then name.</summary>
    public IReadOnlyList<Symbol> CoordinatesIn(Expr e, int minOrder = 0) =>
        e.FreeSymbols().Where(s => TryDecode(s, out var v) && v.Order >= minOrder)
            .OrderBy(s => _decode[s].Order).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>The total derivative D_i f = ∂f/∂x^i + Σ u^α_{J,i} ∂f/∂u^α_J.</summary>
    public Expr TotalDerivative(Expr f, int i)
    {
        var terms = new List<Expr> { Calculus.Diff(f, Independent[i]) };
        foreach (var s in CoordinatesIn(f))
        {
            var d = Calculus.Diff(f, s);
            if (!d.IsZero) terms.Add(Raise(_decode[s], i) * d);
        }
        return Sum.Of(terms);
    }

    /// <summary>D_x f for an independent variable given by its symbol.</summary>
    public Expr TotalDerivative(Expr f, Symbol x) => TotalDerivative(f, IndexOf(x));

    /// <summary>D_J f = D_1^{J_1} ⋯ D_n^{J_n} f.</summary>
    public Expr TotalDerivative(Expr f, IReadOnlyList<int> orders)
    {
        for (int i = 0; i < orders.Count; i++)
            for (int k = 0; k < orders[i]; k++) f = TotalDerivative(f, i);
        return f;
    }

    /// <summary>The position of an independent variable.</summary>
    public int IndexOf(Symbol x)
    {
        for (int i = 0; i < Independent.Count; i++) if (Independent[i].Name == x.Name) return i;   // names are unique in a jet space
        throw new SymbolicException($"{x} is not an independent variable of the jet space ({string.Join(", ", Independent)})");
    }

    /// <summary>The position of a dependent variable, or −1.</summary>
    public int DependentIndexOf(Symbol u)
    {
        for (int a = 0; a < Dependent.Count; a++) if (Dependent[a].Equals(u)) return a;
        return -1;
    }

    /// <summary>
    /// Jet coordinates written as the kernel writes derivatives: u ↦ u(x, t), u_xt ↦ ∂²u/∂x∂t (a <see cref="Derivative"/>),
    /// so the printers show y', ẋ, u_{xx} in the notation of the articles.
    /// </summary>
    public Expr ToDerivatives(Expr e)
    {
        var map = new Dictionary<Expr, Expr>();
        foreach (var s in CoordinatesIn(e))
        {
            var v = _decode[s];
            var call = Call.Of(Function.User(Dependent[v.Dependent].Name), Independent.Cast<Expr>().ToArray());
            map[s] = v.Order == 0 ? call : Derivative.Of(call, Independent.Select((x, i) => (x, v.Orders[i])).Where(p => p.Item2 > 0));
        }
        return map.Count == 0 ? e : Substitution.Apply(e, map);
    }

    /// <summary>
    /// The inverse of <see cref="ToDerivatives"/>: u(x, t) and its derivatives (and u(t) for a one-variable space) become jet
    /// coordinates. An application of u to other arguments is refused.
    /// </summary>
    public Expr FromDerivatives(Expr e) => e.RewriteTopDown(node =>
    {
        switch (node)
        {
            case Derivative d when DependentOf(d.Function) is int a:
            {
                var orders = new int[Independent.Count];
                foreach (var (x, n) in d.Variables) orders[IndexOf(x)] += n;
                return Coordinate(a, orders);
            }
            case Call c when DependentOf(c) is int a2:
                return Dependent[a2];
            default:
                return null;
        }
    });

    private int? DependentOf(Call c)
    {
        if (!c.Function.IsUser) return null;
        for (int a = 0; a < Dependent.Count; a++)
        {
            if (Dependent[a].Name != c.Function.Name) continue;
            if (c.Args.Length != Independent.Count || !c.Args.Zip(Independent).All(p => p.First is Symbol a && a.Name == p.Second.Name))
                throw new SymbolicException($"{c} applies the dependent variable {c.Function.Name} to other arguments than ({string.Join(", ", Independent)})");
            return a;
        }
        return null;
    }

    private int[] Normalise(int[] orders)
    {
        if (orders.Length == 0) return new int[Independent.Count];
        if (orders.Length != Independent.Count) throw new ArgumentException($"expected {Independent.Count} orders, one per independent variable");
        return orders;
    }

    private sealed class JetComparer : IEqualityComparer<JetVariable>
    {
        public bool Equals(JetVariable? a, JetVariable? b) =>
            a is not null && b is not null && a.Dependent == b.Dependent && a.Orders.SequenceEqual(b.Orders);

        public int GetHashCode(JetVariable v)
        {
            var h = new HashCode();
            h.Add(v.Dependent);
            foreach (var o in v.Orders) h.Add(o);
            return h.ToHashCode();
        }
    }
}
