using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Symbolic.Core;
using Symbolic.Core.Numbers;
using Symbolic.Latex.Syntax;
using KSymbol = Symbolic.Core.Symbol;
using KNumber = Symbolic.Core.Number;
using KRelation = Symbolic.Core.Relation;
using SSymbol = Symbolic.Latex.Syntax.Symbol;
using SNumber = Symbolic.Latex.Syntax.Number;
using SRelation = Symbolic.Latex.Syntax.Relation;

namespace Symbolic.Latex;

/// <summary>Turns one document's syntax tree into kernel expressions (see grammar/README.md, "Lowering").</summary>
internal sealed class Lowerer
{
    private readonly string _source;
    private readonly LoweringContext _ctx;
    // Unknown functions of this document: name → argument names (declared, dotted, differentiated, primed).
    private readonly Dictionary<string, List<string>> _functions = new();

    private static readonly HashSet<string> IndexLetters = new() { "mu", "nu", "alpha", "beta", "gamma", "rho", "sigma", "kappa", "lambda", "tau", "iota" };
    
    public Lowerer(string source, LoweringContext ctx)
    {
        _source = source;
        _ctx = ctx;
        foreach (var (name, args) in ctx.Functions) _functions[name] = args.ToList();
        // Letters that earlier definitions use as functions (x(t) in L := ½ẋ²) mean the same functions here.
        foreach (var def in ctx.Definitions.Values)
            foreach (var call in Calls(def))
                if (!_functions.ContainsKey(call.Function.Name) && call.Args.All(a => a is KSymbol))
                    _functions[call.Function.Name] = call.Args.Select(a => ((KSymbol)a).Name).ToList();
    }

    private static IEnumerable<Call> Calls(Expr e)
    {
        // An explicit stack and each shared node once: nested iterators cost the depth per node, cubic over a session
        // that nests a definition in itself (a := \sin(a), repeated).
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node)) continue;
            if (node is Call { Function.IsUser: true } c) yield return c;
            if (node is Core.Derivative d) yield return d.Function;
            var children = node.Children;
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    private ParseError Error(MathNode at, string message) => ParseError.AtOffset(_source, at.Span.Start, message);

    // ------------------------------------------------------------------ declarations by use

    /// <summary>
    /// Letters used as functions are found before lowering: dotted letters are functions of time,
    /// differentiated letters (d²x/dt², ∂u/∂x, ∂_x u) are functions of the variables they are differentiated by,
    /// primed letters are functions of the prime variable.
    /// </summary>
    public void Declare(MathNode root)
    {
        var subscripted = new HashSet<MathNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in Walk(root))
        {
            switch (node)
            {
                // \dot{\theta}_1 and \dot{\theta_1}: the function is θ_1, not θ.
                case Scripted { Base: SSymbol ds, Subscript: { } dsub } dsc when ds.Accents.Any(IsDotAccent) && IsSimpleIndex(dsub)
                                                                   && (dsc.Superscript is null || !IsIndexSuperscript(ds, dsub, dsc.Superscript)):
                    subscripted.Add(ds);
                    if (!_ctx.Definitions.ContainsKey(NameOf(ds) + "_" + IndexText(dsub))) AddFunction(NameOf(ds) + "_" + IndexText(dsub), _ctx.Time);
                    break;
                case Accent { Body: var body } da when IsDotAccent(da.Name) && Unbraced(body) is Scripted { Base: SSymbol { Accents.Length: 0 } bs, Subscript: { } bsub } bsc && IsSimpleIndex(bsub)
                                                                   && (bsc.Superscript is null || !IsIndexSuperscript(bs, bsub, bsc.Superscript)):
                    if (!_ctx.Definitions.ContainsKey(NameOf(bs) + "_" + IndexText(bsub))) AddFunction(NameOf(bs) + "_" + IndexText(bsub), _ctx.Time);
                    break;
                case SSymbol s when s.Accents.Any(IsDotAccent) && !subscripted.Contains(s) && !_ctx.Definitions.ContainsKey(NameOf(s)):
                    AddFunction(BaseName(s), _ctx.Time);
                    break;
                case Scripted { Primes: > 0, Base: SSymbol ps } primed:
                    AddFunction(primed.Subscript is { } psub && IsSimpleIndex(psub) ? NameOf(ps) + "_" + IndexText(psub) : NameOf(ps), _ctx.PrimeVariable);
                    break;
                case Juxtaposition j:
                    for (int i = 0; i + 1 < j.Factors.Length; i++)
                        if (j.Factors[i] is Scripted { Base: SSymbol { Name: "partial" }, Subscript: { } sub } && j.Factors[i + 1] is SSymbol target)
                            foreach (var v in SplitIndices(IndexText(sub))) AddFunction(NameOf(target), v);
                    break;
                case Fraction f when DerivativeFraction(f) is { } d && d.Function is { } fn:
                    foreach (var v in d.Variables)
                        if (v.Node is not SSymbol { Accents.Length: > 0 }) AddFunction(fn, v.Name);
                    break;
            }
        }
    }

    private void AddFunction(string name, string variable)
    {
        if (_ctx.Definitions.ContainsKey(name) || name == variable) return;
        if (_ctx.Functions.ContainsKey(name)) return;   // the declaration fixes the arguments
        if (!_functions.TryGetValue(name, out var args)) _functions[name] = args = new List<string>();
        if (!args.Contains(variable)) args.Add(variable);
    }

    private static IEnumerable<MathNode> Walk(MathNode n)
    {
        // Pre-order with an explicit stack: nested iterators cost the depth per node (quadratic on a long chain).
        var stack = new Stack<MathNode>();
        stack.Push(n);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (node is BinaryOperation b && BinaryOperation.SameLevel(b.Operator, b.Operator))
            {
                var (operands, _) = b.Spine();
                for (int i = operands.Count - 1; i >= 0; i--) stack.Push(operands[i]);
                continue;
            }
            var children = node.Children as IList<MathNode> ?? node.Children.ToList();
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    private static MathNode Unbraced(MathNode n) => n is Group { Open: "{", Content: var c } ? Unbraced(c) : n;

    private static bool IsDotAccent(string a) => a is "dot" or "ddot" or "dddot";

    // ------------------------------------------------------------------ top level

    /// <summary>One line: an expression, an equation, or a chain a = b = c (several equations).</summary>
    public IEnumerable<Expr> LowerTop(MathNode body)
    {
        body = StripPunctuation(body);
        if (body is SRelation rel && rel.Operators.All(o => RelationOf(o) is not null))
        {
            // "&= b" continues an aligned derivation: an empty side is skipped, not an error.
            var sides = new List<(MathNode Node, RelationKind? Op)>();
            for (int i = 0; i < rel.Operands.Length; i++)
                if (rel.Operands[i] is not Empty) sides.Add((rel.Operands[i], i == 0 ? null : RelationOf(rel.Operators[i - 1])));
            if (sides.Count == 1) { yield return Lower(sides[0].Node); yield break; }
            for (int i = 0; i + 1 < sides.Count; i++)
                yield return KRelation.Of(Lower(sides[i].Node), sides[i + 1].Op ?? RelationKind.Equal, Lower(sides[i + 1].Node));
            yield break;
        }
        yield return Lower(body);
    }

    private static MathNode StripPunctuation(MathNode n)
    {
        // "… = 0," and "… ." end sentences in articles: trailing punctuation is not part of the formula.
        if (n is Sequence s && s.Items.Length >= 2 && s.Items.Skip(1).All(i => i is Empty)) return s.Items[0];
        return n;
    }

    private static RelationKind? RelationOf(string op) => op.Trim() switch
    {
        "=" => RelationKind.Equal,
        "\\neq" or "\\ne" => RelationKind.NotEqual,
        "<" or "\\lt" => RelationKind.Less,
        ">" or "\\gt" => RelationKind.Greater,
        "\\leq" or "\\le" or "\\leqslant" => RelationKind.LessOrEqual,
        "\\geq" or "\\ge" or "\\geqslant" => RelationKind.GreaterOrEqual,
        _ => null,
    };

    // ------------------------------------------------------------------ expressions

    public Expr Lower(MathNode n)
    {
        try
        {
            return LowerNode(n);
        }
        catch (SymbolicException e)
        {
            // A kernel refusal (an unknown function differentiated by an expression, …) is reported where it was written.
            throw Error(n, e.Message);
        }
        catch (ArithmeticException e)
        {
            throw Error(n, e.Message);
        }
    }

    private Expr LowerNode(MathNode n)
    {
        switch (n)
        {
            case SNumber num: return NumberOf(num);
            case SSymbol s: return SymbolOf(s);
            case Scripted sc: return ScriptedOf(sc);
            case Fraction f: return FractionOf(f);
            case Root r:
                return r.Index is null ? Expr.Sqrt(Lower(r.Radicand)) : Power.Of(Lower(r.Radicand), Expr.One / Lower(r.Index));
            case Group g: return GroupOf(g);
            case Juxtaposition j: return JuxtapositionOf(j.Factors);
            case BinaryOperation b: return BinaryOf(b);
            case UnaryOperation u:
                return u.Operator.Trim() switch
                {
                    "-" => -Lower(u.Operand),
                    "+" => Lower(u.Operand),
                    var op => Call.Of(Function.Named(op.TrimStart('\\')), Lower(u.Operand)),
                };
            case PostfixOperation p: return Call.Of(Function.Named("factorial"), Lower(p.Operand));
            case SRelation rel:
            {
                // Inside a formula (not at the top): keep as a named relation operator.
                var kind = rel.Operators.Length == 1 ? RelationOf(rel.Operators[0]) : null;
                if (kind is { } k) return KRelation.Of(Lower(rel.Operands[0]), k, Lower(rel.Operands[1]));
                // A chain a = b = c (or a \to b \to c) inside a formula: the pairwise relations, together.
                var pairs = new List<Expr>();
                for (int i = 0; i < rel.Operators.Length; i++)
                {
                    var (l, r) = (Lower(rel.Operands[i]), Lower(rel.Operands[i + 1]));
                    pairs.Add(RelationOf(rel.Operators[i]) is { } rk ? KRelation.Of(l, rk, r) : Call.Of(Function.Named(rel.Operators[i].Trim().TrimStart('\\')), l, r));
                }
                return pairs.Count == 1 ? pairs[0] : Call.Of(Function.Named("and"), pairs.ToArray());
            }
            case Sequence seq:
            {
                var stripped = StripPunctuation(seq);
                if (!ReferenceEquals(stripped, seq)) return Lower(stripped);
                return Call.Of(Function.Named("tuple"), seq.Items.Where(i => i is not Empty).Select(Lower).ToArray());
            }
            case FunctionCall fc when fc.Argument is Group { Open: "(", Content: Sequence args } && !Function.Builtins.ContainsKey(fc.Name) && fc.Name is not ("exp" or "ln" or "log"):
                return Call.Of(Function.Named(fc.Name), args.Items.Where(i => i is not Empty).Select(Lower).ToArray());
            case FunctionCall fc: return FunctionOf(fc, fc.Argument is null ? null : Lower(fc.Argument));
            case BigOperator bo: return BigOperatorOf(bo);
            case Styled st: return StyledOf(st);
            case Accent a:
                if (IsDotAccent(a.Name)) return Calculus.Diff(Lower(a.Body), Time, a.Name == "dot" ? 1 : a.Name == "ddot" ? 2 : 3);
                return Call.Of(Function.Named(a.Name), Lower(a.Body));
            case TextNode t when string.IsNullOrWhiteSpace(t.Content): throw Error(n, "empty \\text{}: expected a word inside the braces");
            case TextNode t: return Named(t.Content.Trim());
            case Binomial bi: return Call.Of(Function.Named("binomial"), Lower(bi.Top), Lower(bi.Bottom));
            case Command { Arguments.Length: 0 } c when c.Name.TrimStart('\\') == "d":
                throw Error(n, "\\d needs something to act on: write d x, \\mathrm{d}x or d(…) for a differential");
            case Command c: return Call.Of(Function.Named(c.Name), c.Arguments.Select(Lower).ToArray());
            case LatexEnvironment env: return EnvironmentOf(env);
            case Empty: throw Error(n, "expected a formula here, found nothing");
            case MathDocument d when d.Equations.Length == 1 && d.Equations[0].Body is { } b: return Lower(b);
        }
        throw Error(n, $"cannot read {n} as mathematics");
    }

    private KSymbol Time => KSymbol.Of(_ctx.Time, _ctx.AssumptionsOf(_ctx.Time, Assumptions.Real));

    private static Expr NumberOf(SNumber n)
    {
        var text = n.Text;
        int dot = text.IndexOf('.');
        if (dot < 0) return Expr.Num(BigInteger.Parse(text, CultureInfo.InvariantCulture));
        var digits = text.Replace(".", "");
        var den = BigInteger.Pow(10, text.Length - dot - 1);
        return Expr.Num(Rational.Of(BigInteger.Parse(digits.Length == 0 ? "0" : digits, CultureInfo.InvariantCulture), den));
    }

    // ------------------------------------------------------------------ symbols and scripts

    private static string BaseName(SSymbol s) => s.Name;

    private static string NameOf(SSymbol s)
    {
        var name = s.Name;
        foreach (var a in s.Accents)
            if (!IsDotAccent(a)) name = a + ":" + name;
        return name;
    }

    private Expr SymbolOf(SSymbol s, string? nameOverride = null)
    {
        var name = nameOverride ?? NameOf(s);
        int dots = s.Accents.Count(IsDotAccent) == 0 ? 0 : s.Accents.Where(IsDotAccent).Sum(a => a == "dot" ? 1 : a == "ddot" ? 2 : 3);
        var value = Atom(name);
        return dots == 0 ? value : Calculus.Diff(value, Time, dots);
    }

    /// <summary>A name as an expression: a definition, an unknown function applied to its arguments, a constant, or a symbol.</summary>
    private Expr Atom(string name)
    {
        if (_ctx.Definitions.TryGetValue(name, out var def)) return def;
        if (_functions.TryGetValue(name, out var args))
            return Call.Of(UserFunction(name), args.Select(a => (Expr)KSymbol.Of(a, _ctx.AssumptionsOf(a, Assumptions.Real))).ToArray());
        return name switch
        {
            "pi" => Expr.Pi,
            "e" => Expr.E,
            "infty" => KSymbol.Of("infinity", Assumptions.Real),
            _ => KSymbol.Of(name, _ctx.AssumptionsOf(name, Assumptions.Real)),
        };
    }

    private Function UserFunction(string name) => Function.User(name, _ctx.AssumptionsOf(name, Assumptions.Real));

    private Expr Named(string name) => KSymbol.Of(name, _ctx.AssumptionsOf(name, Assumptions.Real));

    private Expr ScriptedOf(Scripted sc)
    {
        // e^{x}: the exponential.
        if (sc.Base is SSymbol { Name: "e", Font: null, Accents.Length: 0 } && sc.Subscript is null && sc.Superscript is { } ex && !_ctx.Definitions.ContainsKey("e"))
            return Expr.Exp(Lower(ex));
        if (sc.Base is FunctionCall fc)   // \sin^2 θ is a FunctionCall already; (\sin x)^2 written with a group lands here
            return Power.Of(Lower(fc), Lower(sc.Superscript ?? throw Error(sc, "expected a power")));
        if (sc.Base is SSymbol s0 && sc.Subscript is { } complexSub && !IsSimpleIndex(complexSub))
        {
            // 𝔼_{x∼p(x)}: a subscript that is a formula, not an index — kept as an operator on the base.
            Expr withSub = Call.Of(Function.Named("sub"), SymbolOf(s0), Lower(complexSub));
            return sc.Superscript is { } p0 ? PowerOf(withSub, p0) : withSub;
        }
        if (sc.Base is SSymbol s)
        {
            // θ_1^2 is a power when θ_1 is a coordinate (dotted elsewhere, \dot{\theta}_1), else possibly an index as in R^1_{212}.
            bool supIsIndex = sc.Superscript is { } sup && IsIndexSuperscript(s, sc.Subscript, sup)
                              && !(sc.Subscript is { } fsub && IsSimpleIndex(fsub) && _functions.ContainsKey(NameOf(s) + "_" + IndexText(fsub)));
            string name = NameOf(s);
            if (supIsIndex) name += "^" + IndexText(sc.Superscript!);
            if (sc.Subscript is { } sub) name += "_" + IndexText(sub);
            if (name == "partial" || name.StartsWith("partial_", StringComparison.Ordinal))
                throw Error(sc, "\\partial_… must be followed by what it differentiates");
            Expr value = sc.Subscript is null && !supIsIndex ? SymbolOf(s) : SymbolOf(s, name);
            if (sc.Primes > 0) value = Calculus.Diff(value, PrimeVariableOf(value), sc.Primes);
            if (sc.Superscript is { } p && !supIsIndex) value = PowerOf(value, p);
            return value;
        }
        Expr baseValue = Lower(sc.Base);
        if (sc.Subscript is not null)
            baseValue = Call.Of(Function.Named("sub"), baseValue, Lower(sc.Subscript));
        if (sc.Primes > 0) baseValue = Calculus.Diff(baseValue, PrimeSymbol(), sc.Primes);
        return sc.Superscript is { } q ? PowerOf(baseValue, q) : baseValue;
    }

    /// <summary>What y' differentiates by: a declared function's only argument (Φ'(r) is dΦ/dr), else the prime variable.</summary>
    private KSymbol PrimeVariableOf(Expr value) => value is Call { Function.IsUser: true, Args: [KSymbol only] } ? only : PrimeSymbol();

    private KSymbol PrimeSymbol() => KSymbol.Of(_ctx.PrimeVariable, _ctx.AssumptionsOf(_ctx.PrimeVariable, Assumptions.Real));

    private Expr PowerOf(Expr b, MathNode exponent)
    {
        if (exponent is SSymbol { Name: "top" or "T" or "intercal" }) return Call.Of(Function.Named("transpose"), b);
        return Power.Of(b, Lower(exponent));
    }

    /// <summary>
    /// A superscript is an index (ω^μ, R^1_{212}) when it is a lone Greek index letter, or a lone letter or
    /// digit on a Greek, capital or decorated base that also has a subscript; otherwise it is a power
    /// (always on a dotted base: \dot{\theta}_1^2 is the square of θ̇₁).
    /// </summary>
    private static bool IsIndexSuperscript(SSymbol b, MathNode? sub, MathNode sup)
    {
        if (sup is SSymbol { Name: "top" or "T" or "intercal" or "dagger" or "ast" or "prime" }) return false;
        if (sup is SSymbol { Accents.Length: 0 } g && IndexLetters.Contains(g.Name)) return true;
        if (sub is null) return false;
        if (b.Accents.Any(IsDotAccent)) return false;   // \dot{\theta}_1^2: a velocity's superscript is a power
        bool lone = sup is SSymbol { Accents.Length: 0 } or SNumber;
        bool tensorish = b.IsCommand || char.IsUpper(b.Name[0]) || b.Font is not null || b.Accents.Length > 0;
        return lone && tensorish;
    }

    private string IndexText(MathNode n) => n switch
    {
        SSymbol s => NameOf(s),
        SNumber num => num.Text,
        Juxtaposition j => JoinIndices(j.Factors.Select(IndexText).ToList()),
        Group g => IndexText(g.Content),
        Styled st => IndexText(st.Body),
        TextNode t => t.Content.Trim(),
        Sequence s => string.Join(",", s.Items.Select(IndexText)),
        Scripted sc => IndexText(sc.Base) + (sc.Subscript is { } a ? IndexText(a) : "") + (sc.Superscript is { } b ? IndexText(b) : ""),
        _ => new string(SExpression.Print(n).Where(ch => !char.IsWhiteSpace(ch) && ch != '\\').ToArray()),
    };

    private static bool IsSimpleIndex(MathNode n) => n switch
    {
        SSymbol or SNumber or TextNode => true,
        Juxtaposition j => j.Factors.All(IsSimpleIndex),
        Group { Open: "{" } g => IsSimpleIndex(g.Content),
        Styled st => IsSimpleIndex(st.Body),
        Scripted sc => IsSimpleIndex(sc.Base) && (sc.Subscript is null || IsSimpleIndex(sc.Subscript)) && (sc.Superscript is null || IsSimpleIndex(sc.Superscript)),
        Sequence seq => seq.Items.All(IsSimpleIndex),
        _ => false,
    };

    private static IEnumerable<string> SplitIndices(string vars) => vars.Contains(' ') ? vars.Split(' ') : vars.Select(c => c.ToString());

    private static string JoinIndices(List<string> parts) => parts.All(p => p.Length == 1) ? string.Concat(parts) : string.Join(" ", parts);

    private Expr StyledOf(Styled st)
    {
        if (st.Body is SSymbol s) return SymbolOf(s);
        var letters = Letters(st.Body);
        if (letters is not null) return Named(letters);
        return Lower(st.Body);
    }

    private static string? Letters(MathNode n) => n switch
    {
        SSymbol { Accents.Length: 0 } s when !s.IsCommand => s.Name,
        Juxtaposition j when j.Factors.All(f => f is SSymbol { Accents.Length: 0, IsCommand: false }) => string.Concat(j.Factors.Cast<SSymbol>().Select(x => x.Name)),
        _ => null,
    };

    // ------------------------------------------------------------------ fractions and derivatives

    private sealed record DerivativeSpec(string? Function, MathNode? Operand, List<(MathNode Node, string Name, int Order)> Variables, bool Partial, int Order);

    /// <summary>
    /// Recognises d/dt, d²x/dt², ∂F/∂ẋ, ∂²u/∂x∂y: the numerator is d or ∂ (with an order) optionally
    /// followed by what is differentiated; the denominator is a product of d v or ∂ v (with orders).
    /// </summary>
    private DerivativeSpec? DerivativeFraction(Fraction f)
    {
        var numFactors = Factors(f.Numerator);
        if (numFactors.Count == 0) return null;
        var (isD, isPartial, order) = DerivativeMark(numFactors[0]);
        if (!isD && !isPartial) return null;
        var denFactors = Factors(f.Denominator);
        var vars = new List<(MathNode, string, int)>();
        for (int i = 0; i < denFactors.Count; i++)
        {
            var (mark, partial, _) = DerivativeMark(denFactors[i]);
            if (!(mark || partial) || i + 1 >= denFactors.Count) return null;
            var v = denFactors[++i];
            int n = 1;
            if (v is Scripted { Base: SSymbol xs, Superscript: { } ip, Primes: 0 } isc && IsIndexSuperscript(xs, isc.Subscript ?? ip, ip))
            {
                vars.Add((v, NameOf(xs) + "^" + IndexText(ip) + (isc.Subscript is { } isub ? "_" + IndexText(isub) : ""), 1));   // ∂/∂x^μ
                continue;
            }
            if (v is Scripted { Base: SSymbol bs2, Subscript: { } vsub, Superscript: null, Primes: 0 })
            {
                vars.Add((v, NameOf(bs2) + "_" + IndexText(vsub), 1));   // ∂/∂q_i
                continue;
            }
            if (v is Scripted { Base: SSymbol vs, Subscript: null, Superscript: { } p, Primes: 0 })
            {
                if (p is SNumber pn && int.TryParse(pn.Text, out var k)) n = k;
                else throw Error(p, $"the power of d{vs.Name} must be a number matching the order written above (did you mean d{vs.Name}^{order}?)");
                v = vs;
            }
            if (v is SSymbol sv) vars.Add((sv, NameOf(sv), n));
            else if (v is not Scripted) return null;
        }
        if (vars.Count == 0) return null;
        int total = vars.Sum(v => v.Item3);
        if (total != order) throw Error(f.Denominator, $"the orders do not match: {order} above the fraction bar, {total} below it");
        MathNode? operand = numFactors.Count == 1 ? null : numFactors.Count == 2 ? numFactors[1] : new Juxtaposition(numFactors.Skip(1).ToImmutableArray(), f.Numerator.Span);
        string? fn = operand is SSymbol os && os.Accents.Length == 0 ? NameOf(os) : operand is Scripted { Base: SSymbol bs, Superscript: null, Primes: 0 } sc && sc.Subscript is { } sub ? NameOf(bs) + "_" + IndexText(sub) : null;
        return new DerivativeSpec(fn, operand, vars, isPartial, order);
    }

    private static List<MathNode> Factors(MathNode n) => n is Juxtaposition j ? j.Factors.ToList() : new List<MathNode> { n };

    private (bool D, bool Partial, int Order) DerivativeMark(MathNode n)
    {
        static bool IsD(MathNode m) => m is SSymbol { Name: "d", Accents.Length: 0, Font: null or "mathrm" or "rm" } || m is Styled { Font: "mathrm", Body: SSymbol { Name: "d" } } || m is TextNode { Content: "d" };
        static bool IsPartial(MathNode m) => m is SSymbol { Name: "partial" };
        if (IsD(n)) return (true, false, 1);
        if (IsPartial(n)) return (false, true, 1);
        if (n is Scripted { Subscript: null, Superscript: SNumber p, Primes: 0 } sc && (IsD(sc.Base) || IsPartial(sc.Base)))
            return (IsD(sc.Base), IsPartial(sc.Base), int.Parse(p.Text, CultureInfo.InvariantCulture));
        return (false, false, 0);
    }

    private Expr FractionOf(Fraction f)
    {
        var spec = DerivativeFraction(f);
        if (spec is null) return Lower(f.Numerator) / Lower(f.Denominator);
        if (spec.Operand is null) return OperatorOf(spec);
        return Differentiate(Lower(spec.Operand), spec.Variables);
    }

    /// <summary>A derivative written as an operator with nothing to act on (∂²/∂x² + ∂²/∂y² = …): kept as a named operator.</summary>
    private Expr OperatorOf(DerivativeSpec spec) =>
        Call.Of(Function.Named(spec.Partial ? "partial" : "d/d"), spec.Variables.SelectMany(v => new Expr[] { VariableFor(v.Name), v.Order }).ToArray());

    private Expr Differentiate(Expr e, List<(MathNode Node, string Name, int Order)> variables)
    {
        foreach (var (node, name, order) in variables)
        {
            // ∂/∂ẋ differentiates by the jet variable ẋ; ∂/∂x by x (or x(t) when x is a function of time).
            var v = node is SSymbol { Accents.Length: > 0 } dotted ? Lower(dotted) : VariableFor(name);
            e = Calculus.Diff(e, v, order);
        }
        return e;
    }

    /// <summary>What "∂/∂x" differentiates by: the symbol x, or the jet variable ẋ / x(t) when x is a function of time.</summary>
    private Expr VariableFor(string name)
    {
        if (name == _ctx.Time) return Time;
        var atom = Atom(name);
        return atom is Call or Core.Derivative ? atom : KSymbol.Of(name, _ctx.AssumptionsOf(name, Assumptions.Real));
    }

    // ------------------------------------------------------------------ juxtaposition: products, calls, differentials, operators

    private Expr JuxtapositionOf(IReadOnlyList<MathNode> factors)
    {
        var parts = new List<Expr>();
        for (int i = 0; i < factors.Count; i++)
        {
            var f = factors[i];
            // d/dt (…), ∂/∂r (…): an operator applied to the next factor.
            if (f is Fraction fr && DerivativeFraction(fr) is { Operand: null } op)
            {
                parts.Add(i + 1 < factors.Count ? Differentiate(Lower(factors[++i]), op.Variables) : OperatorOf(op));
                continue;
            }
            // ∂_x u, ∂_{xx} u, ∂_μ A
            if (f is Scripted { Base: SSymbol { Name: "partial" }, Subscript: { } sub } && i + 1 < factors.Count)
            {
                var list = SplitIndices(IndexText(sub)).Select(v => ((MathNode)sub, v, 1)).ToList();
                parts.Add(Differentiate(Lower(factors[++i]), list));
                continue;
            }
            // d x, \mathrm{d}\theta: a differential.
            if (_ctx.DifferentialD && IsDifferentialMark(f) && i + 1 < factors.Count && Differentiable(factors[i + 1]))
            {
                var next = factors[++i];
                if (next is Scripted { Superscript: { } pow, Subscript: null, Primes: 0 } ns && ns.Base is SSymbol or Group)
                    parts.Add(Power.Of(Call.Of(Function.D, ns.Base is Group gb ? Lower(gb.Content) : Lower(ns.Base)), Lower(pow)));   // dt^2 = (dt)²
                else parts.Add(Call.Of(Function.D, next is Group g0 ? Lower(g0.Content) : Lower(next)));
                continue;
            }
            // f(x, y) for a declared or differentiated function: an application, not a product.
            // f(x)^2 is (f(x))², as TeX writes it: the power sits on the group.
            if (i + 1 < factors.Count && FunctionName(f) is { } fname && _functions.ContainsKey(fname)
                && (factors[i + 1] is Group { Open: "(" } || factors[i + 1] is Scripted { Base: Group { Open: "(" }, Subscript: null, Primes: 0 }))
            {
                var next = factors[i + 1];
                var g = next as Group ?? (Group)((Scripted)next).Base;
                var args = g.Content is Sequence seq ? seq.Items.Select(Lower).ToArray() : new[] { Lower(g.Content) };
                Expr call = Call.Of(UserFunction(fname), args);
                if (f is Scripted { Primes: > 0 } primed) call = Calculus.Diff(call, PrimeVariableOf(call), primed.Primes);
                if (next is Scripted { Superscript: { } power }) call = PowerOf(call, power);
                parts.Add(call);
                i++;
                continue;
            }
            // softmax(…), max(…) written as plain letters: a named operator.
            if (f is SSymbol { IsCommand: false } first && !first.JoinedToPrevious)
            {
                int j = i;
                var name = first.Name;
                // Operator names are short: stop after a few letters (a run of 10⁵ letters is not concatenated letter by letter).
                while (j + 1 < factors.Count && name.Length <= MaxOperatorNameLength && factors[j + 1] is SSymbol { JoinedToPrevious: true, IsCommand: false, Accents.Length: 0 } nx) { name += nx.Name; j++; }
                if (j > i && j + 1 < factors.Count && factors[j + 1] is Group { Open: "(" } ng && KnownOperatorName(name))
                {
                    var arg = Lower(ng.Content);
                    parts.Add(Function.Builtins.TryGetValue(name, out var bf) ? Call.Of(bf, arg) : Call.Of(Function.Named(name), arg));
                    i = j + 1;
                    continue;
                }
            }
            parts.Add(Lower(f));
        }
        return Product.Of(parts);
    }

    /// <summary>The name of a letter that may be applied as a function: f, or ω_ν (subscripted, no power).</summary>
    private string? FunctionName(MathNode f) => f switch
    {
        SSymbol { Accents.Length: 0 } s => NameOf(s),
        Scripted { Base: SSymbol { Accents.Length: 0 } b, Subscript: { } sub, Superscript: null } when IsSimpleIndex(sub) => NameOf(b) + "_" + IndexText(sub),
        Scripted { Base: SSymbol { Accents.Length: 0 } b, Subscript: null, Superscript: null, Primes: > 0 } => NameOf(b),   // Φ'(r)
        _ => null,
    };

    private const int MaxOperatorNameLength = 8;

    private static bool KnownOperatorName(string name) => name is "softmax" or "max" or "min" or "argmax" or "argmin" or "exp" or "log" or "ln" or "sin" or "cos" or "tan" or "relu" or "sigmoid" or "tanh" or "KL" or "diag" or "tr" or "Var" or "Cov";

    private static bool IsDifferentialMark(MathNode n) =>
        n is SSymbol { Name: "d", Accents.Length: 0, Font: null or "mathrm" or "rm" } || n is Styled { Font: "mathrm", Body: SSymbol { Name: "d" } }
        || n is TextNode { Content: "d" } || n is Group { Open: "{", Content: SSymbol { Name: "d", Font: "mathrm" } };

    private static bool Differentiable(MathNode n) => n is SSymbol or Scripted { Base: SSymbol or Group { Open: "(" } } or Group { Open: "(" };

    // ------------------------------------------------------------------ operators, functions, groups

    private Expr BinaryOf(BinaryOperation b)
    {
        if (BinaryOperation.SameLevel(b.Operator, b.Operator) && b.Left is BinaryOperation lb && BinaryOperation.SameLevel(lb.Operator, b.Operator))
            return ChainOf(b);
        var op = b.Operator.Trim();
        if (b.Right is Empty) throw Error(b, $"expected a formula after '{op}'");
        var l = Lower(b.Left);
        var r = Lower(b.Right);
        return op switch
        {
            "+" => l + r,
            "-" => l - r,
            "" or "\\cdot" or "*" or "\\ast" => l * r,
            "\\times" => l * r,
            "/" => l / r,
            "\\wedge" or "\\land" => Call.Of(Function.Wedge, l, r),
            "|" or "\\mid" or "\\vert" => Call.Of(Function.Named("mid"), l, r),
            _ => Call.Of(Function.Named(op.TrimStart('\\')), l, r),
        };
    }

    /// <summary>
    /// A chain a + b − c + … or a·b·c/d…, lowered with a loop over its operands and built in one step (one sort of the
    /// terms, not one merge per operand), so a sum of 10⁵ terms reads in linear time and without deep recursion.
    /// </summary>
    private Expr ChainOf(BinaryOperation chain)
    {
        var (operands, ops) = chain.Spine();
        var lowered = new List<Expr>(operands.Count) { Lower(operands[0]) };
        bool sum = ops[0].Operator.Trim() is "+" or "-" or "\\pm" or "\\mp";
        for (int i = 0; i < ops.Count; i++)
        {
            var op = ops[i].Operator.Trim();
            if (operands[i + 1] is Empty) throw Error(ops[i], $"expected a formula after '{op}'");
            var r = Lower(operands[i + 1]);
            switch (op)
            {
                case "+" or "" or "\\cdot" or "*" or "\\ast" or "\\times": lowered.Add(r); break;
                case "-": lowered.Add(-r); break;
                case "/": lowered.Add(Power.Of(r, Expr.MinusOne)); break;
                default:
                {
                    // \pm, \mp: a named operator of the two sides, as for a single one.
                    var left = sum ? Sum.Of(lowered) : Product.Of(lowered);
                    lowered.Clear();
                    lowered.Add(Call.Of(Function.Named(op.TrimStart('\\')), left, r));
                    break;
                }
            }
        }
        return sum ? Sum.Of(lowered) : Product.Of(lowered);
    }

    private Expr FunctionOf(FunctionCall fc, Expr? argument)
    {
        if (argument is null) throw Error(fc, $"\\{fc.Name} needs an argument");
        var name = fc.Name;
        Expr value;
        if (name == "exp") value = Expr.Exp(argument);
        else if (name is "ln" or "log")
        {
            value = Expr.Log(argument);
            if (fc.Subscript is { } b) value = value / Expr.Log(Lower(b));   // log_b x = ln x / ln b
        }
        else if (fc.Superscript is UnaryOperation { Operator: "-", Operand: SNumber { Text: "1" } } && name is "sin" or "cos" or "tan")
            return Call.Of(Function.Builtins["a" + name], argument);   // \sin^{-1} x = arcsin x
        else if (name is "arcsin" or "arccos" or "arctan") value = Call.Of(Function.Builtins["a" + name[3..]], argument);
        else if (Function.Builtins.TryGetValue(name, out var f)) value = Call.Of(f, argument);
        else value = fc.Subscript is { } s ? Call.Of(Function.Named(name), argument, Lower(s)) : Call.Of(Function.Named(name), argument);
        if (fc.Superscript is { } p) value = Power.Of(value, Lower(p));
        return value;
    }

    private Expr BigOperatorOf(BigOperator bo)
    {
        if (bo.Body is null) throw Error(bo, $"\\{bo.Name} needs something to apply to");
        if (bo.Name is "int" or "iint" or "iiint" or "oint")
        {
            // ∫ body dx dy: the trailing differentials are the integration variables.
            var factors = Factors(bo.Body);
            var variables = new List<Expr>();
            int end = factors.Count;
            while (end >= 2 && IsDifferentialMark(factors[end - 2]) && Differentiable(factors[end - 1]))
            {
                variables.Insert(0, Lower(factors[end - 1]));
                end -= 2;
            }
            if (variables.Count == 0)
            {
                // ∫ f, ∮ ω: no differential written at the end — kept as the operator applied to its body.
                var kept = new List<Expr> { Lower(bo.Body) };
                if (bo.Subscript is { } s0) kept.Add(Lower(s0));
                if (bo.Superscript is { } s1) kept.Add(Lower(s1));
                return Call.Of(Function.Named(bo.Name), kept.ToArray());
            }
            var body = end == 0 ? Expr.One : end == 1 ? Lower(factors[0]) : JuxtapositionOf(factors.Take(end).ToList());
            var args = new List<Expr> { body };
            args.AddRange(variables);
            var integral = Call.Of(Function.Integral, args.ToArray());
            if (bo.Subscript is { } lo && bo.Superscript is { } hi)
                integral = Call.Of(Function.Named("limits"), integral, Lower(lo), Lower(hi));
            return integral;
        }
        var scripts = new List<Expr> { Lower(bo.Body) };
        if (bo.Subscript is { } sub) scripts.Add(Lower(sub));
        if (bo.Superscript is { } sup) scripts.Add(Lower(sup));
        return Call.Of(Function.Named(bo.Name), scripts.ToArray());
    }

    private Expr GroupOf(Group g)
    {
        var open = g.Open.Trim();
        if (open is "|" or "\\vert" or "\\lvert") return Expr.Abs(Lower(g.Content));
        if (open is "\\Vert" or "\\|" or "\\lVert") return Call.Of(Function.Named("norm"), Lower(g.Content));
        if (open == "\\langle") return Call.Of(Function.Named("inner"), g.Content is Sequence s ? s.Items.Select(Lower).ToArray() : new[] { Lower(g.Content) });
        if (g.Content is Empty) throw Error(g, "expected a formula inside the brackets");
        if (g.Content is LatexEnvironment env) return EnvironmentOf(env);
        if (g.Content is Sequence seq && !ReferenceEquals(StripPunctuation(seq), seq)) return Lower(StripPunctuation(seq));
        if (g.Content is Sequence tuple) return Call.Of(Function.Named("tuple"), tuple.Items.Where(i => i is not Empty).Select(Lower).ToArray());
        return Lower(g.Content);
    }

    private Expr EnvironmentOf(LatexEnvironment env)
    {
        var rows = env.Rows.Select(r => (Expr)Call.Of(Function.Named("row"), (r.Body is { } b && b is not Empty ? new[] { b } : r.Cells.Where(c => c is not Empty)).SelectMany(LowerTop).ToArray())).ToArray();
        var head = env.Name.Contains("matrix", StringComparison.Ordinal) || env.Name == "array" ? "matrix" : env.Name.TrimEnd('*');
        return Call.Of(Function.Named(head), rows);
    }
}
