using System.Collections.Immutable;

namespace Symbolic.Core;

/// <summary>A function head: a built-in (sin, cos, log, …) or an unknown user function such as r in r(t).</summary>
public sealed partial class Function : IEquatable<Function>
{
    /// <summary>The name (sin, cos, r, …): its spelling (see <see cref="SymbolName.Spelling"/>).</summary>
    public string Name { get; }
    /// <summary>The name in parts (base, accents, upper and lower indices), as the printers print it.</summary>
    public SymbolName Parts => SymbolName.For(Name);
    /// <summary>True for unknown functions the user declared (r(t), u(x, y)).</summary>
    public bool IsUser { get; }
    /// <summary>f(−x) = −f(x).</summary>
    public bool IsOdd => Entry?.Parity == Parity.Odd;
    /// <summary>f(−x) = f(x).</summary>
    public bool IsEven => Entry?.Parity == Parity.Even;

    /// <summary>What is assumed of the function's values (for user functions, e.g. r(t) &gt; 0).</summary>
    public Assumptions Assumptions { get; }

    private Function(string name, bool user, Assumptions assumptions = Assumptions.None)
    {
        Name = name; IsUser = user; Assumptions = assumptions;
    }

    /// <summary>
    /// An unknown function (r in r(t)); real-valued unless told otherwise. Its identity is its name, its kind and its
    /// assumptions, as a <see cref="Symbol"/>'s is: r(t) and r(t) &gt; 0 print the same but are different functions.
    /// </summary>
    public static Function User(string name, Assumptions assumptions = Assumptions.Real) => new(name, true, assumptions: assumptions);

    /// <summary>An unknown function with a structured name (q_i in q_i(t), x^μ in x^μ(s)).</summary>
    public static Function User(SymbolName name, Assumptions assumptions = Assumptions.Real) => User(name.Spelling, assumptions);

    /// <summary>
    /// For a derivative head ∂₁^{k₁}∂₂^{k₂}…f (V′ of V(r), A^{(1,0)} of A(x, t)): the differentiated unknown function; null otherwise.
    /// </summary>
    public Function? Base { get; private init; }
    /// <summary>For a derivative head, the order of differentiation by each argument position; empty otherwise.</summary>
    public ImmutableArray<int> ArgumentOrders { get; private init; } = ImmutableArray<int>.Empty;

    /// <summary>
    /// The unknown function ∂₁^{k₁}…∂ₙ^{kₙ}f, differentiated by argument position: V′ in V′(r(t)), the derivative of
    /// V(r) evaluated at r(t), which the chain rule needs when an argument is not a plain variable. Applied to
    /// distinct variables it is the ordinary <see cref="Derivative"/> (see <see cref="Call.Of(Function, ImmutableArray{Expr})"/>).
    /// Its name (V', V'', A^(1,0)) is its identity, so it is never confused with f.
    /// </summary>
    /// <example><code>Call.Of(Function.DerivativeOf(V, new[] { 1 }), x.Pow(2));   // V′(x²)</code></example>
    public static Function DerivativeOf(Function f, IReadOnlyList<int> orders)
    {
        if (!f.IsUser) throw new ArgumentException($"{f.Name} is not an unknown function");
        var b = f.Base ?? f;
        var total = orders.ToArray();
        if (f.Base is not null)
        {
            if (f.ArgumentOrders.Length != total.Length) throw new ArgumentException("a derivative head keeps its number of arguments");
            for (int i = 0; i < total.Length; i++) total[i] += f.ArgumentOrders[i];
        }
        if (total.Any(k => k < 0)) throw new ArgumentException("a derivative order cannot be negative");
        if (total.All(k => k == 0)) return b;
        var name = total.Length == 1 && total[0] <= 3 ? b.Name + new string('\'', total[0]) : $"{b.Name}^({string.Join(",", total)})";
        return new Function(name, true, assumptions: b.Assumptions & Assumptions.Real) { Base = b, ArgumentOrders = total.ToImmutableArray() };
    }

    /// <summary>
    /// A named operator kept as written where it has no kernel meaning yet (an integral, ∧, argmin, softmax,
    /// 𝔼): never evaluated, never dropped, printed by name.
    /// </summary>
    public static Function Named(string name) => new(name, false) { IsOperator = true };

    /// <summary>True for a named operator (see <see cref="Named"/>).</summary>
    public bool IsOperator { get; private init; }

    /// <summary>∫ body d(vars…): Call(Integral, body, var₁, var₂, …).</summary>
    public static readonly Function Integral = Named("Integral");
    /// <summary>The wedge product of forms: Call(Wedge, a, b, …).</summary>
    public static readonly Function Wedge = Named("wedge");
    /// <summary>The exterior derivative / differential: Call(D, x) is dx.</summary>
    public static readonly Function D = Named("d");
    /// <summary>A total derivative kept as written, d/dv(e) (a conservation law d/dt(p) = 0, ∂L/∂q̇ of an undeclared L): Call(TotalDerivative, e, v).</summary>
    public static readonly Function TotalDerivative = Named("Derivative");
    /// <summary>The operator d/dx with nothing to act on (d²/dx² + …): Call(DerivativeOperator, x, 2, y, 1, …), variables with their orders.</summary>
    public static readonly Function DerivativeOperator = Named("d/d");
    /// <summary>The operator ∂/∂x with nothing to act on (∂²/∂x² + ∂²/∂y²): Call(PartialOperator, x, 2, …), variables with their orders.</summary>
    public static readonly Function PartialOperator = Named("partial");
    /// <summary>An integral between limits: Call(Limits, Call(Integral, body, x), lower, upper).</summary>
    public static readonly Function Limits = Named("limits");
    /// <summary>Σ over the roots β of a polynomial: Call(RootSum, P(β), body(β), β).</summary>
    public static readonly Function RootSum = Named("RootSum");
    /// <summary>Euler's Γ function as read from <c>\Gamma(x)</c> (kept as written, not evaluated).</summary>
    public static readonly Function Gamma = Named("gamma");
    /// <summary>Riemann's ζ function as read from <c>\zeta(s)</c> (kept as written, not evaluated).</summary>
    public static readonly Function Zeta = Named("zeta");
    /// <summary>A tuple (a, b, …) as written.</summary>
    public static readonly Function Tuple = Named("tuple");

    /// <summary>True when <paramref name="e"/> is this function applied to one argument, given in <paramref name="argument"/>:
    /// <c>Function.Log.Matches(t, out var u)</c> where a pattern would otherwise compare names.</summary>
    public bool Matches(Expr e, out Expr argument)
    {
        if (e is Call { Args: [var a] } c && c.Function.Equals(this)) { argument = a; return true; }
        argument = null!;
        return false;
    }

    /// <summary>True when every flag of <paramref name="a"/> is assumed of the values.</summary>
    public bool Has(Assumptions a) => (Assumptions & a) == a;

    /// <inheritdoc/>
    /// <remarks>The rule of <see cref="Symbol"/>: name, kind and assumptions.</remarks>
    public bool Equals(Function? other) => other is not null && other.Name == Name && other.IsUser == IsUser && other.IsOperator == IsOperator
                                           && other.Assumptions == Assumptions;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Function f && Equals(f);
    /// <summary>Equality of heads (<see cref="Equals(Function?)"/>), not of references: <c>Function.Named("wedge") == Function.Wedge</c>.</summary>
    public static bool operator ==(Function? a, Function? b) => a is null ? b is null : a.Equals(b);
    /// <summary>Inequality of heads.</summary>
    public static bool operator !=(Function? a, Function? b) => !(a == b);
    /// <inheritdoc/>
    public override int GetHashCode()
    {
        uint h = IsUser ? 7u : IsOperator ? 5u : 3u;
        foreach (char c in Name) h = (h ^ c) * 16777619;
        return (int)h;
    }
    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A function application f(a, b, …).</summary>
public sealed class Call : Expr
{
    /// <summary>The function.</summary>
    public Function Function { get; }
    /// <summary>The arguments.</summary>
    public ImmutableArray<Expr> Args { get; }

    private Call(Function f, ImmutableArray<Expr> args) : base(HashOf(f, args), DepthOfArgs(args))
    {
        Function = f; Args = args;
    }

    private static int DepthOfArgs(ImmutableArray<Expr> args)
    {
        int d = 0;
        foreach (var a in args) d = Math.Max(d, a.Depth);
        return d + 1;
    }

    private static int HashOf(Function f, ImmutableArray<Expr> args)
    {
        int h = Mix(f.GetHashCode(), 0x51ED);
        foreach (var a in args) h = Mix(h, a.GetHashCode());
        return h;
    }

    /// <summary>f(args), with the evaluations that are always valid (sin 0 = 0, cos(−x) = cos x, log 1 = 0).</summary>
    public static Expr Of(Function f, params Expr[] args) => Of(f, args.ToImmutableArray());

    /// <summary>f(args), evaluated where always valid.</summary>
    public static Expr Of(Function f, ImmutableArray<Expr> args)
    {
        if (f.Base is { } b)
        {
            if (args.Length != f.ArgumentOrders.Length)
                throw new ArgumentException($"{f.Name} takes {f.ArgumentOrders.Length} arguments, not {args.Length}");
            // ∂₁V applied to the variable r is ∂V(r)/∂r: one spelling for one value.
            if (args.All(a => a is Symbol) && args.Distinct().Count() == args.Length)
                return Derivative.Of(new Call(b, args), args.Select((a, i) => ((Symbol)a, f.ArgumentOrders[i])));
        }
        if (!f.IsUser && !f.IsOperator && args.Length == 1)
        {
            var x = args[0];
            var folded = Fold(f, x);
            if (folded is not null) return folded;
            if ((f.IsOdd || f.IsEven) && LooksNegative(x))
            {
                var inner = new Call(f, ImmutableArray.Create(-x));
                return f.IsOdd ? -inner : inner;
            }
        }
        return new Call(f, args);
    }

    /// <summary>True when this applies one of <paramref name="functions"/> (heads are matched as instances, never by name).</summary>
    public bool Applies(params ReadOnlySpan<Function> functions)
    {
        foreach (var f in functions) if (Function.Equals(f)) return true;
        return false;
    }

    /// <summary>A number below zero, or a product with a negative coefficient.</summary>
    internal static bool LooksNegative(Expr x) => Display.HasMinusSign(x);

    private static Expr? Fold(Function f, Expr x) => f.Entry?.ExactValue?.Invoke(x);

    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Call;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => Args;
    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => Of(Function, children.ToImmutableArray());
    private protected override bool StructurallyEquals(Expr other)
    {
        var c = (Call)other;
        if (!c.Function.Equals(Function) || c.Args.Length != Args.Length) return false;
        for (int i = 0; i < Args.Length; i++) if (!c.Args[i].Equals(Args[i])) return false;
        return true;
    }
}

/// <summary>
/// An unevaluated derivative of an unknown function: ∂ⁿf/∂x₁^{n₁}…, e.g. ṙ = Derivative(r(t), t¹).
/// The variables are parameters of the node, not children: substituting into the function keeps them.
/// </summary>
public sealed class Derivative : Expr
{
    /// <summary>The differentiated function application, e.g. r(t).</summary>
    public Call Function { get; }
    /// <summary>The variables with their orders, sorted canonically.</summary>
    public ImmutableArray<(Symbol Variable, int Order)> Variables { get; }

    private Derivative(Call f, ImmutableArray<(Symbol, int)> vars) : base(HashOf(f, vars), DepthOf(f))
    {
        Function = f; Variables = vars;
    }

    private static int HashOf(Call f, ImmutableArray<(Symbol, int)> vars)
    {
        int h = Mix(f.GetHashCode(), 0xD3);
        foreach (var (v, n) in vars) h = Mix(Mix(h, v.GetHashCode()), n);
        return h;
    }

    /// <summary>The total order of differentiation.</summary>
    public int TotalOrder => Variables.Sum(v => v.Order);

    /// <summary>The order with respect to <paramref name="variable"/>.</summary>
    public int OrderIn(Symbol variable) => Variables.Where(v => v.Variable == variable).Sum(v => v.Order);

    /// <summary>
    /// ∂/∂vars of <paramref name="f"/>: a user-function call gives a Derivative node; anything else is
    /// differentiated at once.
    /// </summary>
    public static Expr Of(Expr f, IEnumerable<(Symbol Variable, int Order)> variables)
    {
        var counts = new SortedDictionary<Symbol, int>(ExprOrder.Instance);
        if (f is Derivative d)
        {
            foreach (var (v, n) in d.Variables) counts[v] = n;
            f = d.Function;
        }
        foreach (var (v, n) in variables)
        {
            if (n < 0) throw new ArgumentException("a derivative order cannot be negative");
            counts[v] = counts.GetValueOrDefault(v) + n;
        }
        if (f is not Call { Function.IsUser: true } call || !call.Args.All(a => a is Symbol) || call.Args.Distinct().Count() != call.Args.Length)
        {
            // Anything but an unknown function of distinct variables is differentiated at once (the chain rule
            // through V(x²) gives 2x V′(x²)): the node always means ∂/∂(an argument).
            Expr r = f;
            foreach (var (v, n) in counts) for (int i = 0; i < n; i++) r = Calculus.Diff(r, v);
            return r;
        }
        foreach (var (v, n) in counts)
            if (n > 0 && !call.Args.Any(a => a.Contains(v))) return Expr.Zero;
        var list = counts.Where(kv => kv.Value > 0).Select(kv => (kv.Key, kv.Value)).ToImmutableArray();
        return list.IsEmpty ? call : new Derivative(call, list);
    }

    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Derivative;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => new Expr[] { Function };
    /// <summary>
    /// The same derivative of a new application: substituting r ↦ r(t) into V′(r) = ∂V(r)/∂r gives V′(r(t)), the
    /// derivative by argument position evaluated at the new arguments (never ∂V(r(t))/∂r = 0).
    /// </summary>
    public override Expr WithChildren(IReadOnlyList<Expr> children)
    {
        if (children[0] is Call { Function.IsUser: true } call && !call.Equals(Function) && call.Args.Length == Function.Args.Length
            && Function.Args.All(a => a is Symbol) && Function.Args.Distinct().Count() == Function.Args.Length)
        {
            var orders = Function.Args.Select(a => OrderIn((Symbol)a)).ToArray();
            return Call.Of(Core.Function.DerivativeOf(call.Function, orders), call.Args);
        }
        return Of(children[0], Variables);
    }

    private protected override bool StructurallyEquals(Expr other)
    {
        var d = (Derivative)other;
        return d.Function.Equals(Function) && d.Variables.SequenceEqual(Variables);
    }
}
