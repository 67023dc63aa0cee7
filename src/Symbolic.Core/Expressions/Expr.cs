using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core;

/// <summary>The closed set of expression node kinds; the declaration order is the first key of <see cref="ExprOrder"/>.</summary>
public enum ExprKind
{
    /// <summary>An exact rational number.</summary>
    Number,
    /// <summary>A named symbol (variable, constant e or π).</summary>
    Symbol,
    /// <summary>A function application, e.g. sin θ or r(t).</summary>
    Call,
    /// <summary>An unevaluated derivative of an unknown function.</summary>
    Derivative,
    /// <summary>A power b^e.</summary>
    Power,
    /// <summary>A product c·∏ bᵢ^eᵢ.</summary>
    Product,
    /// <summary>A sum c + Σ cᵢ tᵢ.</summary>
    Sum,
    /// <summary>A relation a = b, a &lt; b, …</summary>
    Relation,
}

/// <summary>
/// An immutable, canonical expression. Build expressions with the static factories and operators
/// (<c>x * x + 2 * x</c> is already the canonical <c>x^2 + 2x</c>); structural equality is
/// mathematical identity of canonical forms, and the hash is computed once.
/// </summary>
/// <example><code>
/// var x = Expr.Symbol("x");
/// Expr e = Expr.Sin(x).Pow(2) + Expr.Cos(x).Pow(2);
/// Simplifier.Simplify(e) == Expr.One;   // true
/// </code></example>
public abstract class Expr : IEquatable<Expr>, IComparable<Expr>
{
    private protected readonly int Hash;

    private protected Expr(int hash, int depth = 1)
    {
        // Every walk of the kernel recurses on the tree; a bound on the depth, checked once here where every node is
        // built bottom-up, is what keeps those walks from overflowing the stack (which .NET cannot catch).
        if (depth > DepthLimit.Value) throw new ExpressionTooDeepException(depth);
        Hash = hash;
        Depth = depth;
    }

    /// <summary>
    /// The deepest expression that can be built (default 2,000 levels): building a deeper one throws
    /// <see cref="ExpressionTooDeepException"/>. Raise it only on a thread with a large stack.
    /// </summary>
    public static int MaxDepth
    {
        get => DepthLimit.Value;
        set => DepthLimit.Value = value >= 16 ? value : throw new ArgumentOutOfRangeException(nameof(value), "the depth limit must be at least 16");
    }

    /// <summary>The default of <see cref="MaxDepth"/>.</summary>
    public const int DefaultMaxDepth = 2_000;

    /// <summary>The number of levels of the tree: 1 for a leaf, 1 + the deepest child otherwise.</summary>
    public int Depth { get; }

    private protected static int DepthOf(Expr a) => a.Depth + 1;
    private protected static int DepthOf(Expr a, Expr b) => Math.Max(a.Depth, b.Depth) + 1;

    /// <summary>The node kind.</summary>
    public abstract ExprKind Kind { get; }

    /// <summary>The direct children (operands) of the node, in canonical order.</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>0.</summary>
    public static readonly Expr Zero = Number.Of(0);
    /// <summary>1.</summary>
    public static readonly Expr One = Number.Of(1);
    /// <summary>−1.</summary>
    public static readonly Expr MinusOne = Number.Of(-1);
    /// <summary>2.</summary>
    public static readonly Expr Two = Number.Of(2);
    /// <summary>1/2.</summary>
    public static readonly Expr Half = Number.Of(Rational.Of(1, 2));
    /// <summary>Euler's number e.</summary>
    public static readonly Core.Symbol E = Core.Symbol.Constant("e");
    /// <summary>π.</summary>
    public static readonly Core.Symbol Pi = Core.Symbol.Constant("pi");

    /// <summary>A symbol with assumptions.</summary>
    public static Symbol Symbol(string name, Assumptions assumptions = Assumptions.None) => Core.Symbol.Of(name, assumptions);
    /// <summary>An exact number.</summary>
    public static Expr Num(Rational value) => Number.Of(value);
    /// <summary>An exact fraction p/q.</summary>
    public static Expr Frac(BigInteger p, BigInteger q) => Number.Of(Rational.Of(p, q));

    /// <summary>sin.</summary>
    public static Expr Sin(Expr x) => Call.Of(Function.Sin, x);
    /// <summary>cos.</summary>
    public static Expr Cos(Expr x) => Call.Of(Function.Cos, x);
    /// <summary>tan.</summary>
    public static Expr Tan(Expr x) => Call.Of(Function.Tan, x);
    /// <summary>sinh.</summary>
    public static Expr Sinh(Expr x) => Call.Of(Function.Sinh, x);
    /// <summary>cosh.</summary>
    public static Expr Cosh(Expr x) => Call.Of(Function.Cosh, x);
    /// <summary>e^x, represented as the power e^x so that e^a e^b = e^{a+b} by construction.</summary>
    public static Expr Exp(Expr x) => Power.Of(E, x);
    /// <summary>The natural logarithm.</summary>
    public static Expr Log(Expr x) => Call.Of(Function.Log, x);
    /// <summary>√x = x^{1/2}.</summary>
    public static Expr Sqrt(Expr x) => Power.Of(x, Half);
    /// <summary>|x|.</summary>
    public static Expr Abs(Expr x) => Call.Of(Function.Abs, x);

    /// <summary>This raised to <paramref name="exponent"/>.</summary>
    public Expr Pow(Expr exponent) => Power.Of(this, exponent);
    /// <summary>This raised to an integer power.</summary>
    public Expr Pow(int exponent) => Power.Of(this, Number.Of(exponent));

    /// <summary>Sum.</summary>
    public static Expr operator +(Expr a, Expr b) => Sum.Of(a, b);
    /// <summary>Difference.</summary>
    public static Expr operator -(Expr a, Expr b) => Sum.Of(a, Product.Of(MinusOne, b));
    /// <summary>Negation.</summary>
    public static Expr operator -(Expr a) => Product.Of(MinusOne, a);
    /// <summary>Product.</summary>
    public static Expr operator *(Expr a, Expr b) => Product.Of(a, b);
    /// <summary>Quotient a·b⁻¹.</summary>
    public static Expr operator /(Expr a, Expr b) => Product.Of(a, Power.Of(b, MinusOne));
    /// <summary>An integer as an expression.</summary>
    public static implicit operator Expr(int n) => Number.Of(n);
    /// <summary>A rational as an expression.</summary>
    public static implicit operator Expr(Rational q) => Number.Of(q);

    /// <summary>True for the number 0.</summary>
    public bool IsZero => this is Number { Value.IsZero: true };
    /// <summary>True for the number 1.</summary>
    public bool IsOne => this is Number { Value.IsOne: true };

    /// <summary>True when <paramref name="sub"/> occurs in this expression (structurally).</summary>
    public bool Contains(Expr sub)
    {
        StackGuard.Check();
        if (Equals(sub)) return true;
        foreach (var c in Children) if (c.Contains(sub)) return true;
        return false;
    }

    /// <summary>True when any node satisfies <paramref name="predicate"/>.</summary>
    public bool Any(Func<Expr, bool> predicate)
    {
        StackGuard.Check();
        if (predicate(this)) return true;
        foreach (var c in Children) if (c.Any(predicate)) return true;
        return false;
    }

    /// <summary>The free symbols (not the constants e, π), in canonical order.</summary>
    public IReadOnlyList<Symbol> FreeSymbols()
    {
        var set = new SortedSet<Symbol>(ExprOrder.Instance);
        void Walk(Expr e)
        {
            StackGuard.Check();
            if (e is Symbol { IsConstant: false } s) set.Add(s);
            foreach (var c in e.Children) Walk(c);
        }
        Walk(this);
        return set.ToList();
    }

    /// <summary>Rebuilds this node from new children through the canonicalising factories.</summary>
    public abstract Expr WithChildren(IReadOnlyList<Expr> children);

    /// <summary>
    /// Bottom-up rewrite: <paramref name="rewrite"/> sees each rebuilt node and returns a replacement or null.
    /// Unchanged subtrees keep their identity.
    /// </summary>
    public Expr Rewrite(Func<Expr, Expr?> rewrite)
    {
        StackGuard.Check();
        var node = MapChildren(k => k.Rewrite(rewrite));
        return rewrite(node) ?? node;
    }

    /// <summary>
    /// This node with <paramref name="map"/> applied to each child, rebuilt only when a child changed (Roslyn's
    /// VisitList): the child list is copied once, at the first child that comes back as a different object.
    /// </summary>
    public Expr MapChildren(Func<Expr, Expr> map)
    {
        var kids = Children;
        Expr[]? changed = null;
        for (int i = 0; i < kids.Count; i++)
        {
            var k = map(kids[i]);
            if (!ReferenceEquals(k, kids[i]))
            {
                changed ??= kids.ToArray();
                changed[i] = k;
            }
        }
        return changed is null ? this : WithChildren(changed);
    }

    /// <summary>Structural equality.</summary>
    public bool Equals(Expr? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Hash != Hash || other.Kind != Kind) return false;
        return StructurallyEquals(other);
    }

    private protected abstract bool StructurallyEquals(Expr other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Expr e && Equals(e);
    /// <inheritdoc/>
    public override int GetHashCode() => Hash;
    /// <inheritdoc/>
    public int CompareTo(Expr? other) => ExprOrder.Instance.Compare(this, other);
    /// <summary>Structural equality.</summary>
    public static bool operator ==(Expr? a, Expr? b) => a is null ? b is null : a.Equals(b);
    /// <summary>Structural inequality.</summary>
    public static bool operator !=(Expr? a, Expr? b) => !(a == b);

    /// <summary>The plain text form, e.g. <c>x^2 + 2*x*sin(theta)</c>.</summary>
    public override string ToString() => TextPrinter.Print(this);

    /// <summary>A stable, seed-independent hash combiner.</summary>
    private protected static int Mix(int h, int v) => unchecked((int)BitOperations.RotateLeft((uint)(h ^ v) * 0x9E3779B1u, 13) + 0x7F4A7C15);

    /// <summary>A stable string hash (string.GetHashCode is seeded per process).</summary>
    private protected static int StableHash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return (int)h;
    }
}

/// <summary>Holds <see cref="Expr.MaxDepth"/> outside Expr, so that building the first numbers does not run Expr's static initialiser (which builds numbers).</summary>
internal static class DepthLimit
{
    internal static int Value = Expr.DefaultMaxDepth;
}
