using Symbolic.Core;

namespace Symbolic.Lie;

/// <summary>
/// A differential equation or system on a <see cref="JetSpace"/>, each equation solved for its leading derivative
/// (the highest-ranked jet coordinate: highest order, then the earlier independent variable). The solution set is
/// where these hold together with all their total derivatives; <see cref="OnSolutions(Expr)"/> substitutes the leading
/// derivatives and their derivatives (u_t = u_xx ⇒ u_xt = u_xxx, u_tt = u_xxxx).
/// </summary>
/// <example><code>
/// var heat = DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 0, 1), jet.Coordinate(0, 2, 0)));
/// heat.Leading[0];   // u_t
/// </code></example>
public sealed class DifferentialEquations
{
    private readonly Dictionary<Symbol, Expr> _principal = new();

    /// <summary>The jet space.</summary>
    public JetSpace Jet { get; }
    /// <summary>The equations as given.</summary>
    public IReadOnlyList<Expr> Given { get; }
    /// <summary>The leading derivative of each equation.</summary>
    public IReadOnlyList<Symbol> Leading { get; }
    /// <summary>What each leading derivative equals.</summary>
    public IReadOnlyList<Expr> Solved { get; }
    /// <summary>The highest order of a jet coordinate in the system.</summary>
    public int Order { get; }

    private DifferentialEquations(JetSpace jet, IReadOnlyList<Expr> given, IReadOnlyList<Symbol> leading, IReadOnlyList<Expr> solved)
    {
        Jet = jet;
        Given = given;
        Leading = leading;
        Solved = solved;
        Order = given.SelectMany(g => jet.CoordinatesIn(g)).Select(s => { jet.TryDecode(s, out var v); return v.Order; }).DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// The system of the given equations (relations lhs = rhs or expressions = 0 in jet coordinates), each solved
    /// for its leading derivative, which must appear linearly.
    /// </summary>
    public static DifferentialEquations Of(JetSpace jet, params Expr[] equations)
    {
        if (equations.Length == 0) throw new SymbolicException("no equation given");
        var leading = new List<Symbol>();
        var solved = new List<Expr>();
        for (int k = 0; k < equations.Length; k++)
        {
            var eq = equations[k];
            if (eq is Relation { Op: not RelationKind.Equal }) throw new SymbolicException($"equation {k + 1} is not an equation (=): {eq}");
            var delta = eq is Relation r ? r.Left - r.Right : eq;
            var jets = jet.CoordinatesIn(delta, 1);
            if (jets.Count == 0)
                throw new SymbolicException($"equation {k + 1} ({eq}) contains no derivative of {string.Join(", ", jet.Dependent)} by {string.Join(", ", jet.Independent)}: it is not a differential equation");
            // the given left side when it is a lone derivative of top order; else the highest-ranked derivative
            Symbol lead;
            if (eq is Relation { Left: Symbol l } rel && jet.TryDecode(l, out var lv) && lv.Order == jets.Max(Order) && !rel.Right.Contains(l)) lead = l;
            else lead = jets.OrderByDescending(Order).ThenByDescending(s => Orders(jet, s), OrdersComparer.Instance).First();
            if (leading.Contains(lead)) throw new SymbolicException($"two equations have the same leading derivative {lead}");
            var a = Calculus.Diff(delta, lead);
            if (Calculus.Diff(a, lead) is var a2 && !Simplifier.IsZero(a2))
                throw new SymbolicException($"equation {k + 1} is not linear in its leading derivative {lead}, so it cannot be solved for it: {eq}");
            if (Simplifier.IsZero(a)) throw new SymbolicException($"equation {k + 1} does not determine {lead}");
            var b = Substitution.Apply(delta, lead, Expr.Zero);
            leading.Add(lead);
            solved.Add(Simplifier.Simplify(-b / a));
            int Order(Symbol s) { jet.TryDecode(s, out var v); return v.Order; }
        }
        return new DifferentialEquations(jet, equations, leading, solved);
    }

    private static int[] Orders(JetSpace jet, Symbol s)
    {
        jet.TryDecode(s, out var v);
        return v.Orders.ToArray();
    }

    /// <summary>True when the jet coordinate is a derivative of a leading derivative (so it is not free on the solutions).</summary>
    public bool IsPrincipal(Symbol s) => LeaderOf(s) >= 0;

    private int LeaderOf(Symbol s)
    {
        if (!Jet.TryDecode(s, out var v)) return -1;
        for (int k = 0; k < Leading.Count; k++)
        {
            Jet.TryDecode(Leading[k], out var l);
            if (l.Dependent == v.Dependent && l.Orders.Zip(v.Orders).All(p => p.First <= p.Second)) return k;
        }
        return -1;
    }

    /// <summary>The value of a principal derivative on the solutions, in free jet coordinates only.</summary>
    public Expr PrincipalValue(Symbol s)
    {
        if (_principal.TryGetValue(s, out var known)) return known;
        int k = LeaderOf(s);
        if (k < 0) return s;
        Jet.TryDecode(s, out var v);
        Jet.TryDecode(Leading[k], out var l);
        Expr value;
        if (v.Orders.SequenceEqual(l.Orders)) value = OnSolutions(Solved[k], depth: 0);
        else
        {
            // one total derivative less: D_i of the value of the lower derivative
            int i = Enumerable.Range(0, v.Orders.Count).First(j => v.Orders[j] > l.Orders[j]);
            var lower = v.Orders.ToArray();
            lower[i]--;
            var below = PrincipalValue(Jet.Coordinate(new JetVariable(v.Dependent, lower)));
            value = OnSolutions(Jet.TotalDerivative(below, i), depth: 0);
        }
        _principal[s] = value;
        return value;
    }

    /// <summary>An expression on the solution set: every principal derivative replaced, repeatedly, by its value.</summary>
    public Expr OnSolutions(Expr e) => OnSolutions(e, 0);

    private Expr OnSolutions(Expr e, int depth)
    {
        for (int round = 0; round < 64; round++)
        {
            var principal = Jet.CoordinatesIn(e, 1).Where(IsPrincipal).ToList();
            if (principal.Count == 0) return e;
            var map = principal.ToDictionary(s => (Expr)s, s => PrincipalValue(s));
            e = Substitution.Apply(e, map);
        }
        throw new SymbolicException("substituting the leading derivatives does not terminate: the system is not in solved form");
    }

    /// <summary>The equations in text, as lead = value.</summary>
    public override string ToString() => string.Join(", ", Leading.Zip(Solved).Select(p => $"{p.First} = {p.Second}"));

    private sealed class OrdersComparer : IComparer<int[]>
    {
        public static readonly OrdersComparer Instance = new();
        public int Compare(int[]? a, int[]? b)
        {
            for (int i = 0; i < a!.Length; i++) if (a[i] != b![i]) return a[i].CompareTo(b[i]);
            return 0;
        }
    }
}
