// INTERIM: a small stand-in for the LaTeX lowering that is being written on main (Symbolic.Latex.LatexMath,
// LoweringContext, LoweredEquation). It has exactly the agreed public names so the CLI compiles against
// them today; when main brings the real ones, DELETE THIS FILE (the duplicate names then fail the build
// with CS0436, which is the reminder). It covers only what the REPL examples need: numbers, letters,
// Greek, \dot/\ddot, scripts, \frac, \sqrt, groups, + - \cdot / juxtaposition, named functions,
// \frac{d}{dt}, declared functions f(x), and single relations.
using System.Globalization;
using System.Numerics;
using Symbolic.Core;
using Symbolic.Core.Numbers;
using Syn = Symbolic.Latex.Syntax;

namespace Symbolic.Latex;

/// <summary>What the letters mean while LaTeX is lowered to kernel expressions.</summary>
public sealed class LoweringContext
{
    /// <summary>Dotted letters are functions of this variable.</summary>
    public string Time { get; set; } = "t";

    /// <summary>Declared unknown functions and their arguments: "u" → ["x", "y"].</summary>
    public IDictionary<string, IReadOnlyList<string>> Functions { get; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Assumptions by name; they apply to the symbol r or the function r(t).</summary>
    public IDictionary<string, Assumptions> Assumptions { get; } = new Dictionary<string, Assumptions>();

    /// <summary>Named values (REPL assignments): a letter with a definition lowers to its value.</summary>
    public IDictionary<string, Expr> Definitions { get; } = new Dictionary<string, Expr>();

    /// <summary>An independent copy.</summary>
    public LoweringContext Clone()
    {
        var c = new LoweringContext { Time = Time };
        foreach (var kv in Functions) c.Functions[kv.Key] = kv.Value;
        foreach (var kv in Assumptions) c.Assumptions[kv.Key] = kv.Value;
        foreach (var kv in Definitions) c.Definitions[kv.Key] = kv.Value;
        return c;
    }
}

/// <summary>One displayed line, lowered: its \tag (or null) and its value (an expression or a relation).</summary>
/// <param name="Label">The \tag text, or null.</param>
/// <param name="Value">The lowered expression or relation.</param>
public sealed record LoweredEquation(string? Label, Expr Value);

/// <summary>LaTeX → kernel expressions.</summary>
public static class LatexMath
{
    /// <summary>Reads every displayed line of <paramref name="latex"/>.</summary>
    /// <exception cref="ParseError">Unreadable LaTeX, or LaTeX with no kernel meaning.</exception>
    public static IReadOnlyList<LoweredEquation> Read(string latex, LoweringContext? context = null)
    {
        var doc = LatexReader.Parse(latex);
        context ??= new LoweringContext();
        DeclareDotted(doc, context);
        var lowerer = new Lowerer(latex, context);
        var result = new List<LoweredEquation>();
        foreach (var row in doc.Lines())
        {
            if (row.Body is null) throw lowerer.Error(row, "a matrix or array row has no single value here");
            if (row.Body is Syn.Empty) continue;
            result.Add(new LoweredEquation(row.Tag, lowerer.Lower(row.Body)));
        }
        return result;
    }

    /// <summary>Reads exactly one expression or equation.</summary>
    /// <exception cref="ParseError">Unreadable LaTeX, or not exactly one line.</exception>
    public static Expr ReadOne(string latex, LoweringContext? context = null)
    {
        var all = Read(latex, context);
        if (all.Count != 1)
            throw new ParseError($"expected one expression or equation, found {all.Count}", 1, 1, latex.Split('\n')[0]);
        return all[0].Value;
    }

    // A letter written dotted anywhere is a function of time everywhere (x and \dot{x} in one Lagrangian).
    private static void DeclareDotted(Syn.MathNode node, LoweringContext context)
    {
        if (node is Syn.Symbol { Accents.Length: > 0 } s && s.Accents.All(a => a is "dot" or "ddot" or "dddot")
            && !context.Functions.ContainsKey(s.Name) && !context.Definitions.ContainsKey(s.Name))
            context.Functions[s.Name] = [context.Time];
        foreach (var c in node.Children) DeclareDotted(c, context);
    }

    private sealed class Lowerer(string source, LoweringContext ctx)
    {
        private static readonly Dictionary<string, Function> Named = new()
        {
            ["sin"] = Function.Sin, ["cos"] = Function.Cos, ["tan"] = Function.Tan, ["cot"] = Function.Cot,
            ["sec"] = Function.Sec, ["csc"] = Function.Csc, ["sinh"] = Function.Sinh, ["cosh"] = Function.Cosh,
            ["tanh"] = Function.Tanh, ["arcsin"] = Function.Asin, ["arccos"] = Function.Acos, ["arctan"] = Function.Atan,
            ["log"] = Function.Log, ["ln"] = Function.Log,
        };

        public ParseError Error(Syn.MathNode node, string message)
        {
            var lines = source.Split('\n');
            var line = Math.Max(1, node.Span.Line);
            var text = line <= lines.Length ? lines[line - 1].TrimEnd('\r') : "";
            return new ParseError(message, line, Math.Max(1, node.Span.Column), text);
        }

        private Symbol Sym(string name) =>
            Symbol.Of(name, ctx.Assumptions.TryGetValue(name, out var a) ? a : Core.Assumptions.None);

        private Function Fn(string name) =>
            Function.User(name, ctx.Assumptions.TryGetValue(name, out var a) ? a | Core.Assumptions.Real : Core.Assumptions.Real);

        public Expr Lower(Syn.MathNode node)
        {
            switch (node)
            {
                case Syn.Number n: return Number(n);
                case Syn.Symbol s: return Letter(s);
                case Syn.Scripted sc: return Scripted(sc);
                case Syn.Fraction f when f.Command is "frac" or "dfrac" or "tfrac" or "cfrac" or "over":
                    if (DerivativeOperator(f) is not null) throw Error(f, "d/dx needs something to act on");
                    return Lower(f.Numerator) / Lower(f.Denominator);
                case Syn.Root r:
                    return r.Index is null ? Expr.Sqrt(Lower(r.Radicand)) : Lower(r.Radicand).Pow(Expr.One / Lower(r.Index));
                case Syn.Group g when g.Open is "|" && g.Close is "|": return Expr.Abs(Lower(g.Content));
                case Syn.Group g when g.Open is "(" or "[" or "{" or "\\{" or "\\lbrace" or "\\lbrack": return Lower(g.Content);
                case Syn.Styled st: return Lower(st.Body);
                case Syn.Juxtaposition j: return Juxtaposition(j.Factors);
                case Syn.BinaryOperation b: return Binary(b);
                case Syn.UnaryOperation u when u.Operator == "-": return -Lower(u.Operand);
                case Syn.UnaryOperation u when u.Operator == "+": return Lower(u.Operand);
                case Syn.FunctionCall fc: return Call(fc);
                case Syn.Relation r when r.Operators.Length == 1: return Relation.Of(Lower(r.Operands[0]), RelationOf(r), Lower(r.Operands[1]));
                case Syn.Sequence q when q.Items.Length == 1 || q.Items.Skip(1).All(i => i is Syn.Empty): return Lower(q.Items[0]);
            }
            throw Error(node, $"cannot compute with this yet ({node})");
        }

        private RelationKind RelationOf(Syn.Relation r) => r.Operators[0] switch
        {
            "=" => RelationKind.Equal,
            "\\neq" or "\\ne" => RelationKind.NotEqual,
            "<" => RelationKind.Less,
            ">" => RelationKind.Greater,
            "\\leq" or "\\le" or "\\leqslant" => RelationKind.LessOrEqual,
            "\\geq" or "\\ge" or "\\geqslant" => RelationKind.GreaterOrEqual,
            var op => throw Error(r, $"the relation {op} has no kernel meaning yet"),
        };

        private static Expr Number(Syn.Number n)
        {
            var text = n.Text;
            int dot = text.IndexOf('.');
            if (dot < 0) return Expr.Num(Rational.Of(BigInteger.Parse(text, CultureInfo.InvariantCulture), BigInteger.One));
            var digits = text.Remove(dot, 1);
            var scale = BigInteger.Pow(10, text.Length - dot - 1);
            return Expr.Num(Rational.Of(BigInteger.Parse(digits, CultureInfo.InvariantCulture), scale));
        }

        private Expr Letter(Syn.Symbol s)
        {
            var name = s.Name;
            int order = 0;
            foreach (var a in s.Accents)
            {
                order += a switch { "dot" => 1, "ddot" => 2, "dddot" => 3, _ => 0 };
                if (a is not ("dot" or "ddot" or "dddot")) name = a + "(" + name + ")";
            }
            if (order > 0)
            {
                var f = Expr.Symbol(ctx.Time, ctx.Assumptions.TryGetValue(ctx.Time, out var ta) ? ta : Core.Assumptions.None);
                return Core.Derivative.Of(Core.Call.Of(Fn(name), f), new[] { (f, order) });
            }
            if (ctx.Definitions.TryGetValue(name, out var value)) return value;
            if (ctx.Functions.TryGetValue(name, out var args)) return Core.Call.Of(Fn(name), args.Select(a => (Expr)Sym(a)).ToArray());
            if (name == "pi") return Expr.Pi;
            if (name == "e" && !s.IsCommand) return Expr.E;
            if (name is "infty" or "partial" or "cdots" or "ldots" or "dots")
                throw Error(s, $"\\{name} has no kernel meaning here");
            return Sym(name);
        }

        private Expr Scripted(Syn.Scripted sc)
        {
            if (sc.Primes > 0) throw Error(sc, "primes are not understood yet; write \\frac{d}{dx}");
            Expr b;
            if (sc.Subscript is not null)
            {
                if (sc.Base is not Syn.Symbol bs) throw Error(sc, "a subscript is read as part of a name, on a letter only");
                var name = bs.Name + "_" + IndexText(sc.Subscript);
                b = ctx.Definitions.TryGetValue(name, out var v) ? v : Sym(name);
            }
            else b = Lower(sc.Base);
            return sc.Superscript is null ? b : b.Pow(Lower(sc.Superscript));
        }

        private string IndexText(Syn.MathNode n) => n switch
        {
            Syn.Symbol s => s.Name,
            Syn.Number k => k.Text,
            Syn.Juxtaposition j => string.Concat(j.Factors.Select(IndexText)),
            _ => throw Error(n, "this subscript is not a simple index"),
        };

        private Expr Binary(Syn.BinaryOperation b) => b.Operator switch
        {
            "+" => Lower(b.Left) + Lower(b.Right),
            "-" => Lower(b.Left) - Lower(b.Right),
            "\\cdot" or "\\times" or "*" => Lower(b.Left) * Lower(b.Right),
            "/" => Lower(b.Left) / Lower(b.Right),
            _ => throw Error(b, $"the operator {b.Operator} has no kernel meaning yet"),
        };

        private Expr Call(Syn.FunctionCall fc)
        {
            if (fc.Argument is null) throw Error(fc, $"\\{fc.Name} needs an argument");
            var arg = Lower(fc.Argument);
            Expr value = fc.Name == "exp" ? Expr.Exp(arg)
                : Named.TryGetValue(fc.Name, out var f) ? Core.Call.Of(f, arg)
                : throw Error(fc, $"the function \\{fc.Name} is not known yet");
            return fc.Superscript is null ? value : value.Pow(Lower(fc.Superscript));
        }

        // \frac{d}{dt} or \frac{\partial}{\partial x} (also \partial \dot{x}): the variable it differentiates by, else null.
        private Expr? DerivativeOperator(Syn.Fraction f)
        {
            static bool IsD(Syn.MathNode n) => n is Syn.Symbol { Name: "d" or "partial", Accents.Length: 0 };
            if (!IsD(f.Numerator)) return null;
            if (f.Denominator is Syn.Juxtaposition { Factors: [var d, Syn.Symbol v] } && IsD(d)) return Lower(v);
            return null;
        }

        private Expr Juxtaposition(IReadOnlyList<Syn.MathNode> factors)
        {
            var parts = new List<Expr>();
            for (int i = 0; i < factors.Count; i++)
            {
                var node = factors[i];
                if (node is Syn.Fraction f && DerivativeOperator(f) is { } v)
                {
                    if (i + 1 >= factors.Count) throw Error(f, "d/dx needs something to act on");
                    var rest = Juxtaposition(factors.Skip(i + 1).ToList());
                    parts.Add(Calculus.Diff(rest, v));
                    break;
                }
                if (node is Syn.Symbol s && s.Accents.Length == 0 && ctx.Functions.ContainsKey(s.Name)
                    && i + 1 < factors.Count && factors[i + 1] is Syn.Group { Open: "(" } g)
                {
                    var args = g.Content is Syn.Sequence q ? q.Items.Select(Lower).ToArray() : new[] { Lower(g.Content) };
                    parts.Add(Core.Call.Of(Fn(s.Name), args));
                    i++;
                    continue;
                }
                parts.Add(Lower(node));
            }
            return Product.Of(parts);
        }
    }
}
