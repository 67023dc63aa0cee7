using Symbolic.Core;

namespace Symbolic.Lie;

/// <summary>
/// An infinitesimal generator X = Σ ξ^i(x, u) ∂_{x^i} + Σ φ^α(x, u) ∂_{u^α} on a <see cref="JetSpace"/>, and its
/// prolongation by the characteristic formula φ^α_J = D_J(φ^α − ξ^i u^α_i) + ξ^i u^α_{J,i}.
/// </summary>
/// <example><code>
/// // the Lorentz boost of 2478: X = (x/c²)∂_t + t∂_x, t independent, x dependent
/// var jet = new JetSpace(new[] { t }, new[] { x });
/// var X = new Generator(jet, new[] { x / c.Pow(2) }, new[] { (Expr)t });
/// X.Prolong(2).Coefficient(jet.Coordinate(0, 1));   // 1 − x_t²/c²
/// </code></example>
public sealed class Generator
{
    /// <summary>The jet space.</summary>
    public JetSpace Jet { get; }
    /// <summary>ξ^i, the coefficients of ∂_{x^i}.</summary>
    public IReadOnlyList<Expr> Xi { get; }
    /// <summary>φ^α, the coefficients of ∂_{u^α}.</summary>
    public IReadOnlyList<Expr> Phi { get; }

    /// <summary>A generator from its coefficients, which must be functions of (x, u) only (a point symmetry).</summary>
    public Generator(JetSpace jet, IReadOnlyList<Expr> xi, IReadOnlyList<Expr> phi)
    {
        if (xi.Count != jet.Independent.Count) throw new SymbolicException($"a generator needs {jet.Independent.Count} coefficients ξ, got {xi.Count}");
        if (phi.Count != jet.Dependent.Count) throw new SymbolicException($"a generator needs {jet.Dependent.Count} coefficients φ, got {phi.Count}");
        foreach (var c in xi.Concat(phi))
        {
            var derivative = jet.CoordinatesIn(c, 1).FirstOrDefault();
            if (derivative is not null)
                throw new SymbolicException($"the coefficient {c} depends on the derivative {derivative}: a point symmetry's coefficients are functions of the variables only");
        }
        Jet = jet;
        Xi = xi.ToArray();
        Phi = phi.ToArray();
    }

    /// <summary>The coefficient of ∂ by a base variable (an independent or a dependent variable).</summary>
    public Expr Component(Symbol variable)
    {
        for (int i = 0; i < Jet.Independent.Count; i++) if (Jet.Independent[i].Equals(variable)) return Xi[i];
        int a = Jet.DependentIndexOf(variable);
        if (a >= 0) return Phi[a];
        throw new SymbolicException($"{variable} is not a variable of the jet space");
    }

    /// <summary>The coefficients by base variable, in the order of <see cref="JetSpace.Base"/>.</summary>
    public IReadOnlyList<Expr> Components => Xi.Concat(Phi).ToArray();

    /// <summary>The characteristic Q^α = φ^α − ξ^i u^α_i.</summary>
    public Expr Characteristic(int alpha)
    {
        var terms = new List<Expr> { Phi[alpha] };
        for (int i = 0; i < Xi.Count; i++)
        {
            var orders = new int[Jet.Independent.Count];
            orders[i] = 1;
            terms.Add(-Xi[i] * Jet.Coordinate(alpha, orders));
        }
        return Sum.Of(terms);
    }

    /// <summary>X acting on a function of (x, u) only.</summary>
    public Expr Apply(Expr f)
    {
        var terms = new List<Expr>();
        foreach (var (v, c) in Jet.Base.Zip(Components))
            if (!c.IsZero) terms.Add(c * Calculus.Diff(f, v));
        return Simplifier.Simplify(Sum.Of(terms));
    }

    /// <summary>The n-th prolongation pr^{(n)} X.</summary>
    public Prolongation Prolong(int order) => Prolong(order, simplify: true);

    /// <summary>
    /// The n-th prolongation; <paramref name="simplify"/> false leaves each coefficient expanded but not simplified
    /// (the determining equations are normalised later anyway, and a generic generator's coefficients are polynomials
    /// in the derivatives of ξ and φ).
    /// </summary>
    public Prolongation Prolong(int order, bool simplify)
    {
        if (order < 0) throw new SymbolicException("a prolongation order cannot be negative");
        return new Prolongation(this, order, simplify);
    }

    /// <summary>The commutator [X, Y] = X(Y^k) − Y(X^k) for each base variable k.</summary>
    public static Generator Commutator(Generator x, Generator y)
    {
        var cx = x.Components;
        var cy = y.Components;
        var result = new Expr[cx.Count];
        for (int k = 0; k < cx.Count; k++) result[k] = Simplifier.Simplify(x.Apply(cy[k]) - y.Apply(cx[k]));
        int n = x.Jet.Independent.Count;
        return new Generator(x.Jet, result[..n], result[n..]);
    }

    /// <summary>True when every coefficient is zero.</summary>
    public bool IsZero => Components.All(c => Simplifier.IsZero(c));

    /// <summary>Text form Σ c ∂_v, e.g. <c>x^2 ∂_x + x y ∂_y</c>.</summary>
    public override string ToString()
    {
        var parts = Jet.Base.Zip(Components).Where(p => !p.Second.IsZero)
            .Select(p => p.Second.IsOne ? $"∂_{p.First.Name}" : p.Second is Sum ? $"({p.Second}) ∂_{p.First.Name}" : $"{p.Second} ∂_{p.First.Name}");
        var s = string.Join(" + ", parts);
        return s.Length == 0 ? "0" : s;
    }
}

/// <summary>pr^{(n)} X: the generator with the coefficient φ^α_J of each ∂/∂u^α_J, |J| ≤ n.</summary>
public sealed class Prolongation
{
    private readonly Dictionary<Symbol, Expr> _coefficients = new();
    private readonly List<Symbol> _order = new();

    /// <summary>The generator prolonged.</summary>
    public Generator Generator { get; }
    /// <summary>The prolongation order n.</summary>
    public int Order { get; }

    private readonly bool _simplify;
    private readonly Dictionary<(int, string), Expr> _dq = new();

    internal Prolongation(Generator x, int order, bool simplify)
    {
        Generator = x;
        Order = order;
        _simplify = simplify;
        var jet = x.Jet;
        int n = jet.Independent.Count;
        for (int a = 0; a < jet.Dependent.Count; a++)
            foreach (var orders in MultiIndices(n, order))
                if (orders.Sum() > 0) _order.Add(jet.Coordinate(a, orders));
    }

    /// <summary>D_J Q^α, built by adding one derivative at a time (computed when first needed).</summary>
    private Expr DQ(int a, int[] orders)
    {
        var key = (a, Key(orders));
        if (_dq.TryGetValue(key, out var known)) return known;
        Expr r;
        if (orders.Sum() == 0) r = Generator.Characteristic(a);
        else
        {
            int i = Array.FindIndex(orders, o => o > 0);
            var lower = (int[])orders.Clone();
            lower[i]--;
            r = Generator.Jet.TotalDerivative(DQ(a, lower), i);
            if (!_simplify) r = Algebra.Expand(r);
        }
        _dq[key] = r;
        return r;
    }

    private Expr Compute(Symbol s, JetVariable v)
    {
        var jet = Generator.Jet;
        var orders = v.Orders.ToArray();
        var terms = new List<Expr> { DQ(v.Dependent, orders) };
        for (int j = 0; j < orders.Length; j++)
        {
            var raised = (int[])orders.Clone();
            raised[j]++;
            terms.Add(Generator.Xi[j] * jet.Coordinate(v.Dependent, raised));
        }
        var coefficient = _simplify ? Simplifier.Simplify(Algebra.Expand(Sum.Of(terms))) : Algebra.Expand(Sum.Of(terms));
        _coefficients[s] = coefficient;
        return coefficient;
    }

    /// <summary>The coefficient of ∂/∂v: ξ^i, φ^α, or φ^α_J for a jet coordinate of order ≤ n.</summary>
    public Expr Coefficient(Symbol v)
    {
        if (_coefficients.TryGetValue(v, out var c)) return c;
        if (Generator.Jet.TryDecode(v, out var jv) && jv.Order == 0) return Generator.Phi[jv.Dependent];
        if (Generator.Jet.Independent.Contains(v)) return Generator.Component(v);
        if (Generator.Jet.TryDecode(v, out jv))
        {
            if (jv.Order <= Order) return Compute(v, jv);
            throw new SymbolicException($"the prolongation of order {Order} has no coefficient for {v} (order {jv.Order}); prolong further");
        }
        throw new SymbolicException($"{v} is not a coordinate of the jet space");
    }

    /// <summary>The jet coordinates of order 1 … n, with their coefficients, in order.</summary>
    public IReadOnlyList<(Symbol Coordinate, Expr Coefficient)> Prolonged => _order.Select(s => (s, Coefficient(s))).ToList();

    /// <summary>pr X applied to a function on the jet space of order ≤ n.</summary>
    public Expr Apply(Expr f)
    {
        var jet = Generator.Jet;
        var terms = new List<Expr>();
        foreach (var (v, c) in jet.Independent.Zip(Generator.Xi))
            if (!c.IsZero) terms.Add(c * Calculus.Diff(f, v));
        foreach (var s in jet.CoordinatesIn(f))
        {
            var d = Calculus.Diff(f, s);
            if (!d.IsZero) terms.Add(Coefficient(s) * d);
        }
        return Sum.Of(terms);
    }

    internal static IEnumerable<int[]> MultiIndices(int n, int maxOrder)
    {
        // graded: all of order 0, then order 1, …, each order in lexicographic order (first variable first).
        for (int total = 0; total <= maxOrder; total++)
            foreach (var m in OfOrder(n, total)) yield return m;
    }

    internal static IEnumerable<int[]> OfOrder(int n, int total)
    {
        if (n == 1) { yield return new[] { total }; yield break; }
        for (int first = total; first >= 0; first--)
            foreach (var rest in OfOrder(n - 1, total - first))
                yield return rest.Prepend(first).ToArray();
    }

    private static string Key(int[] orders) => string.Join(",", orders);
}
