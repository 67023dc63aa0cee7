using Symbolic.Core;
using Symbolic.Core.Numbers;

namespace Symbolic.Latex.Printing;

/// <summary>
/// SymPy code that <c>sympy.sympify</c> reads back: <c>Eq(Derivative(Function('r')(t), (t, 2)), …)</c>,
/// <c>Rational(1, 2)</c>, <c>x**2</c>, <c>sqrt(x)</c>, <c>exp(x)</c>, <c>Symbol('omega^1_2')</c> for names Python cannot spell.
/// </summary>
public static class SympyPrinter
{
    /// <summary>Prints an expression as SymPy code.</summary>
    public static string Print(Expr e) => TextPrinter.Print(e, Dialect.Instance);

    private sealed class Dialect : TextDialect
    {
        public static readonly Dialect Instance = new();
        public override string PowerOperator => "**";
        public override string Symbol(Symbol s) => s.IsConstant
            ? (s.Name == "e" ? "E" : "pi")
            : SymbolNames.PythonIdentifier(s.Name) ?? $"Symbol('{s.Name.Replace("'", "\\'")}')";
        public override string FunctionHead(Function f) =>
            f.IsUser ? $"Function('{f.Name}')" : f.Entry?.Sympy ?? f.Name;
        public override string DerivativeHead => "Derivative";
        // V′(x²) is SymPy's Subs(Derivative(V(ξ), ξ), ξ, x²).
        public override string? DerivativeAt(Function f, System.Collections.Immutable.ImmutableArray<int> orders, IReadOnlyList<string> args)
        {
            var dummies = Enumerable.Range(1, args.Count).Select(i => $"Symbol('_xi{i}')").ToList();
            var by = string.Join(", ", orders.Select((k, i) => (k, i)).Where(p => p.k > 0).Select(p => $"({dummies[p.i]}, {p.k})"));
            string Tuple(IEnumerable<string> xs) => args.Count == 1 ? xs.Single() : "(" + string.Join(", ", xs) + ")";
            return $"Subs(Derivative({FunctionHead(f)}({string.Join(", ", dummies)}), {by}), {Tuple(dummies)}, {Tuple(args)})";
        }
        public override string DerivativeVariable(string variable, int order) => $"({variable}, {order})";
        public override string? Fraction(Rational q) => $"Rational({q.Num}, {q.Den})";
        public override string? RelationHead(RelationKind op) => op switch
        {
            RelationKind.Equal => "Eq", RelationKind.NotEqual => "Ne", RelationKind.Less => "Lt",
            RelationKind.LessOrEqual => "Le", RelationKind.Greater => "Gt", _ => "Ge",
        };
    }
}
