using System.Collections.Concurrent;
using Symbolic.Core.Numbers;

namespace Symbolic.Core;

/// <summary>What is known about a symbol. Positive implies real and nonzero.</summary>
[Flags]
public enum Assumptions
{
    /// <summary>Nothing is assumed (complex in general).</summary>
    None = 0,
    /// <summary>Real valued.</summary>
    Real = 1,
    /// <summary>Strictly positive (and so real and nonzero).</summary>
    Positive = 2 | Real | Nonzero,
    /// <summary>Not zero.</summary>
    Nonzero = 4,
    /// <summary>An integer (and real).</summary>
    Integer = 8 | Real,
    /// <summary>Not negative (and real).</summary>
    Nonnegative = 16 | Real,
}

/// <summary>An exact rational number.</summary>
public sealed class Number : Expr
{
    private static readonly Number[] Small = Enumerable.Range(-16, 33).Select(i => new Number(i)).ToArray();

    /// <summary>The value.</summary>
    public Rational Value { get; }

    private Number(Rational value) : base(value.GetHashCode() ^ 0x1234567) => Value = value;

    /// <summary>The number <paramref name="value"/>, shared for small integers.</summary>
    public static Number Of(Rational value)
    {
        if (value.IsInteger && value.Num >= -16 && value.Num <= 16) return Small[(int)value.Num + 16];
        return new Number(value);
    }

    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Number;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => Array.Empty<Expr>();
    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => this;
    private protected override bool StructurallyEquals(Expr other) => ((Number)other).Value == Value;
}

/// <summary>
/// A named symbol with assumptions; the constants e and π are symbols marked constant. Its identity is its name, its
/// kind (constant or not) and its assumptions, the rule <see cref="Function"/> follows too.
/// </summary>
public sealed class Symbol : Expr
{
    private static readonly ConcurrentDictionary<(string, Assumptions), Symbol> Interned = new();

    /// <summary>The name's spelling, its identity (x, theta, omega^1_2; see <see cref="SymbolName.Spelling"/>).</summary>
    public string Name { get; }
    /// <summary>The name in parts (base, accents, upper and lower indices), as the printers print it.</summary>
    public SymbolName Parts => SymbolName.For(Name);
    /// <summary>What is assumed of the symbol.</summary>
    public Assumptions Assumptions { get; }
    /// <summary>True for the mathematical constants e and π.</summary>
    public bool IsConstant { get; }

    private Symbol(string name, Assumptions assumptions, bool constant)
        : base(Mix(StableHash(name), (int)assumptions + (constant ? 977 : 0)))
    {
        Name = name;
        Assumptions = assumptions;
        IsConstant = constant;
    }

    /// <summary>The (interned) symbol with this name and these assumptions.</summary>
    public static Symbol Of(string name, Assumptions assumptions = Assumptions.None)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("a symbol needs a name", nameof(name));
        return Interned.GetOrAdd((name, assumptions), k => new Symbol(k.Item1, k.Item2, false));
    }

    /// <summary>The (interned) symbol with this structured name and these assumptions.</summary>
    public static Symbol Of(SymbolName name, Assumptions assumptions = Assumptions.None) => Of(name.Spelling, assumptions);

    internal static Symbol Constant(string name) => new(name, Assumptions.Positive, true);

    /// <summary>True when every flag of <paramref name="a"/> is assumed.</summary>
    public bool Has(Assumptions a) => (Assumptions & a) == a;

    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Symbol;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => Array.Empty<Expr>();
    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => this;
    private protected override bool StructurallyEquals(Expr other)
    {
        var s = (Symbol)other;
        return s.Name == Name && s.Assumptions == Assumptions && s.IsConstant == IsConstant;
    }
}

/// <summary>A relation operator.</summary>
public enum RelationKind
{
    /// <summary>=</summary>
    Equal,
    /// <summary>≠</summary>
    NotEqual,
    /// <summary>&lt;</summary>
    Less,
    /// <summary>≤</summary>
    LessOrEqual,
    /// <summary>&gt;</summary>
    Greater,
    /// <summary>≥</summary>
    GreaterOrEqual,
}

/// <summary>A relation between two expressions, most often an equation lhs = rhs.</summary>
public sealed class Relation : Expr
{
    /// <summary>Left side.</summary>
    public Expr Left { get; }
    /// <summary>Right side.</summary>
    public Expr Right { get; }
    /// <summary>The operator.</summary>
    public RelationKind Op { get; }

    private Relation(Expr l, Expr r, RelationKind op) : base(Mix(Mix(l.GetHashCode(), r.GetHashCode()), (int)op + 31), DepthOf(l, r))
    {
        Left = l; Right = r; Op = op;
    }

    /// <summary>lhs = rhs.</summary>
    public static Relation Equation(Expr left, Expr right) => new(left, right, RelationKind.Equal);
    /// <summary>A relation of the given kind.</summary>
    public static Relation Of(Expr left, RelationKind op, Expr right) => new(left, right, op);

    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Relation;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => new[] { Left, Right };
    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> c) => new Relation(c[0], c[1], Op);
    private protected override bool StructurallyEquals(Expr other)
    {
        var r = (Relation)other;
        return r.Op == Op && r.Left.Equals(Left) && r.Right.Equals(Right);
    }
}
