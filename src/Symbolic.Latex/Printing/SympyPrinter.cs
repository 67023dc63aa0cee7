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
            f.IsUser ? $"Function('{f.Name}')" : f.Name switch { "abs" => "Abs", var n => n };
        public override string DerivativeHead => "Derivative";
        public override string DerivativeVariable(string variable, int order) => $"({variable}, {order})";
        public override string? Fraction(Rational q) => $"Rational({q.Num}, {q.Den})";
        public override string? RelationHead(RelationKind op) => op switch
        {
            RelationKind.Equal => "Eq", RelationKind.NotEqual => "Ne", RelationKind.Less => "Lt",
            RelationKind.LessOrEqual => "Le", RelationKind.Greater => "Gt", _ => "Ge",
        };
    }
}
