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
internal sealed partial class Lowerer
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

    // x′ written after a differential mark (dx', dt'): a new coordinate, as in a Lorentz transformation.
    private readonly HashSet<MathNode> _primedCoordinates = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _primedNames = new();

    private static bool IsPrimedCoordinate(MathNode n) => n is Scripted { Primes: > 0, Base: SSymbol { Accents.Length: 0 }, Subscript: null, Superscript: null };

    // Names applied to an argument list with a comma or a conditional bar somewhere in the display.
    private readonly HashSet<string> _applied = new();

    private readonly List<ReadWarning> _warnings = new();
    private readonly HashSet<(int, string)> _warned = new();

    /// <summary>The reading decisions reported so far (grammar/README.md, "Warnings").</summary>
    public IReadOnlyList<ReadWarning> Warnings => _warnings;

    /// <summary>Text that is prose: spaces between words, or letters outside ASCII (（常数）, "for all").</summary>
    private static bool IsComment(string words) =>
        words.Trim().Length > 0 && (words.Trim().Contains(' ') || words.Any(ch => ch > 127) || words.Any(ch => ch is '(' or ')' or ','));

    /// <summary>Reports a reading decision made outside the lowering proper (a cases row's condition).</summary>
    public void WarnAt(MathNode at, string message) => Warn(at, message);

    private void Warn(MathNode at, string message)
    {
        if (_warned.Add((at.Span.Start, message))) _warnings.Add(ReadWarning.AtOffset(_source, at.Span.Start, message));
    }

    /// <summary>The source text of a node, for messages.</summary>
    private string Written(MathNode n)
    {
        var start = Math.Clamp(n.Span.Start, 0, _source.Length);
        var text = _source.Substring(start, Math.Clamp(n.Span.Length, 0, _source.Length - start)).Trim();
        return text.Length == 0 ? SExpression.Print(n) : text;
    }

    // ------------------------------------------------------------------ declarations by use

    /// <summary>
    /// Letters used as functions are found before lowering: dotted letters are functions of time,
    /// differentiated letters (d²x/dt², ∂u/∂x, ∂_x u) are functions of the variables they are differentiated by,
    /// primed letters are functions of the prime variable.
    /// </summary>
    public void Declare(MathNode root)
    {
        CollectDifferentials(root);
        var subscripted = new HashSet<MathNode>(ReferenceEqualityComparer.Instance);
        DeclareNotation(root);
        InferSignature(root);
        foreach (var node in Walk(root).Concat(_distributed.SelectMany(Walk)))
        {
            switch (node)
            {
                // \dot{q}^{n}: the indexed name q^n is a function of time (an index, grammar/README.md "Indices").
                case Scripted { Base: SSymbol qs, Superscript: { } qsup, Primes: 0 } qsc when qs.Accents.Any(IsDotAccent) && IsIndexedBaseSuperscript(qs, qsup)
                                                                   && (qsc.Subscript is null || IsSimpleIndex(qsc.Subscript)):
                    {
                        subscripted.Add(qs);
                        var qname = Spell(qs, qsup, qsc.Subscript);
                        AddFunction(qname, _ctx.Time);
                        _ctx.Coordinates.Add(qname);
                    }
                    break;
                // \dot{\theta}_1 and \dot{\theta_1}: the function is θ_1, not θ.
                case Scripted { Base: SSymbol ds, Subscript: { } dsub } dsc when ds.Accents.Any(IsDotAccent) && IsSimpleIndex(dsub)
                                                                   && (dsc.Superscript is null || !IsIndexSuperscript(ds, dsub, dsc.Superscript)):
                    subscripted.Add(ds);
                    if (!_ctx.Definitions.ContainsKey(Spell(ds, lower: dsub))) AddFunction(Spell(ds, lower: dsub), _ctx.Time);
                    _ctx.Coordinates.Add(Spell(ds, lower: dsub));
                    break;
                // \dot{x^{\mu}}: the indexed name x^μ is a function of time.
                case Accent { Body: var xbody } xa when IsDotAccent(xa.Name) && Unbraced(xbody) is Scripted { Base: SSymbol { Accents.Length: 0 } xs, Superscript: { } xsup, Primes: 0 } xsc
                                                                   && IsIndexSuperscript(xs, xsc.Subscript, xsup):
                    {
                        var xname = Spell(xs, xsup, xsc.Subscript);
                        AddFunction(xname, _ctx.Time);
                        _ctx.Coordinates.Add(xname);
                    }
                    break;
                case Accent { Body: var body } da when IsDotAccent(da.Name) && Unbraced(body) is Scripted { Base: SSymbol { Accents.Length: 0 } bs, Subscript: { } bsub } bsc && IsSimpleIndex(bsub)
                                                                   && (bsc.Superscript is null || !IsIndexSuperscript(bs, bsub, bsc.Superscript)):
                    if (!_ctx.Definitions.ContainsKey(Spell(bs, lower: bsub))) AddFunction(Spell(bs, lower: bsub), _ctx.Time);
                    _ctx.Coordinates.Add(Spell(bs, lower: bsub));
                    break;
                // \dot{\vec{r}}: the function is the name as SymbolOf reads it (vec:r), accents and all — by the bare base r
                // the velocity was the derivative of a constant vec:r, 0, and ½\dot{\vec r}^2 vanished from a Lagrangian.
                case SSymbol s when s.Accents.Any(IsDotAccent) && !subscripted.Contains(s) && !_ctx.Definitions.ContainsKey(NameOf(s)):
                    AddFunction(NameOf(s), _ctx.Time);
                    _ctx.Coordinates.Add(NameOf(s));
                    break;
                case Scripted { Primes: > 0, Base: SSymbol pn } primedName
                    when _primedCoordinates.Contains(primedName) || _primedNames.Contains(PrimedName(pn, primedName))
                         || _functions.ContainsKey(PrimedName(pn, primedName)):
                    break;   // dx', dt', d x'/d t': a new coordinate x′ (a name of its own), not a derivative
                case Scripted { Primes: > 0, Base: SSymbol ps } primed when !_scriptNodes.Contains(primed):   // not the index n' of q^{n'}
                    // y', y_1', x^μ'(s): the primed name, indices included; it is differentiated by the variable the display gives it.
                    {
                        var primedFunction = FunctionName(primed) ?? (primed.Subscript is { } psub && IsSimpleIndex(psub) ? Spell(ps, lower: psub) : NameOf(ps));
                        AddFunction(primedFunction, PrimeVariableFor(primedFunction, NameOf(ps), primed));
                    }
                    break;
                case Juxtaposition j:
                    DeclareContractedFields(j);
                    for (int i = 0; i + 1 < j.Factors.Length; i++)
                    {
                        if (IsDifferentialMark(j.Factors[i]) && j.Factors[i + 1] is Scripted { Primes: > 0, Base: SSymbol { Accents.Length: 0 } dpb, Subscript: null } dps)
                        {
                            _primedCoordinates.Add(dps);
                            _primedNames.Add(NameOf(dpb) + new string('\'', dps.Primes));
                        }
                        // q(x | z), P(x, t): a name applied somewhere is applied wherever it has parentheses (q(z) q(x|z)).
                        if (j.Factors[i + 1] is Group { Open: "(" } ag && FunctionName(j.Factors[i]) is { } an
                            && (IsArgumentList(ag.Content) || IsConditional(ag.Content)))
                            _applied.Add(an);
                        // \log p(x, y): the letter a function's argument ends with is applied too (then \log p(y) is log p(y)).
                        if (j.Factors[i + 1] is Group { Open: "(" } lg && j.Factors[i] is FunctionCall { Argument: SSymbol { Accents.Length: 0 } la, Parenthesized: false }
                            && (IsArgumentList(lg.Content) || IsConditional(lg.Content)))
                            _applied.Add(NameOf(la));
                        if (j.Factors[i] is Scripted { Base: SSymbol { Name: "partial" }, Subscript: { } sub } && j.Factors[i + 1] is SSymbol target
                            && !IsSpacetimeIndex(sub, up: false))
                        {
                            // ∂_i φ(\vec x): the argument list says what φ depends on; ∂_i is then by a component (kept as written).
                            if (i + 2 < j.Factors.Length && j.Factors[i + 2] is Group { Open: "(" } written && ArgumentNames(written.Content) is { } given
                                && !PartialIndices(sub).Any(given.Contains))
                                foreach (var a in given) AddFunction(NameOf(target), a);
                            else
                                foreach (var v in PartialIndices(sub)) AddFunction(NameOf(target), v, j.Factors[i]);
                        }
                        // ∂_x \ln ρ: what ∂_x acts on depends on x, as for \frac{∂}{∂x}(…).
                        else if (j.Factors[i] is Scripted { Base: SSymbol { Name: "partial" }, Subscript: { } osub, Superscript: null or SNumber } && !IsSpacetimeIndex(osub, up: false)
                                 && j.Factors[i + 1] is FunctionCall or Group { Open: "(" } or Scripted { Base: not SSymbol { Name: "partial" } })
                            DeclareOperand(j.Factors.Skip(i + 1).Take(2).ToList(),
                                new DerivativeSpec(null, j.Factors[i + 1], PartialIndices(osub).Select(v => ((MathNode)osub, v, 1)).ToList(), true, 1), operatorForm: true);
                        // d/dt (…), ∂/∂x f(x): what the operator acts on depends on its variable.
                        // It acts on the whole product after it (d/dx x² e^x), so the whole product says what depends on x.
                        if (j.Factors[i] is Fraction opf && DerivativeFraction(opf) is { Operand: null } op)
                        {
                            int from = i + 1;
                            while (from + 1 < j.Factors.Length && j.Factors[from] is Fraction nf && DerivativeFraction(nf) is { Operand: null }) from++;
                            var rest = j.Factors.Skip(from).Take(OperatorOperandEnd(j.Factors, from) - from).ToList();
                            DeclareOperand(rest, op, operatorForm: true, wholeProduct: true);
                        }
                    }
                    break;
                case Fraction f when DerivativeFraction(f) is { } d:
                    foreach (var pv in d.Variables.Where(v => v.Name.EndsWith('\'')))
                        _primedNames.Add(pv.Name);
                    if (d.Function is { } fn)
                    {
                        foreach (var v in d.Variables)
                            if (!IsJetNode(v.Node)) AddFunction(fn, v.Name, f);
                    }
                    else if (d.Operand is { } operand)
                        DeclareOperand(Factors(operand), d, operatorForm: false);
                    break;
            }
        }
    }

    // Names the reader made fields of spacetime because ∂_μ is summed over them (φ(x) then means φ(t, x, y, z)).
    private readonly HashSet<string> _spacetimeFields = new();

    /// <summary>∂_μφ∂^μφ, ∂^μ∂_μφ with φ declared nowhere: φ is a field of the spacetime variables, and that is said.</summary>
    private void DeclareContractedFields(Juxtaposition j)
    {
        var marks = new List<(int At, string Index)>();
        for (int i = 0; i + 1 < j.Factors.Length; i++)
            if (j.Factors[i] is Scripted { Base: SSymbol { Name: "partial" } } ps && (ps.Subscript ?? ps.Superscript) is { } idx && IsGreekIndex(idx) && (ps.Subscript is null || ps.Superscript is null))
                marks.Add((i, IndexText(idx)));
        foreach (var pair in marks.GroupBy(m => m.Index).Where(g => g.Count() == 2))
            foreach (var (at, index) in pair)
            {
                if (j.Factors[at + 1] is not SSymbol { Accents.Length: 0 } target || ConstantNames.Contains(target.Name) || IsEuler(target)) continue;
                var name = NameOf(target);
                if (_ctx.Definitions.ContainsKey(name) || _ctx.Functions.ContainsKey(name) || _functions.ContainsKey(name)) continue;
                var variables = SpacetimeVariables();
                foreach (var v in variables) AddFunction(name, v);
                _spacetimeFields.Add(name);
                Warn(target, $"{Pretty(name)} is read as a field of {string.Join(", ", variables.Select(Pretty))}, since \\partial_{Pretty(index)} is summed over it (nothing declared it; :fields {Pretty(name)}(t,x) declares other variables)");
            }
    }

    /// <summary>Declares <paramref name="name"/> a function of <paramref name="variable"/>; when a derivative
    /// (<paramref name="because"/>) introduces a dependence nothing else declared, says so in a warning.</summary>
    private void AddFunction(string name, string variable, MathNode? because = null, string? why = null)
    {
        if (_ctx.Definitions.ContainsKey(name) || name == variable) return;
        if (_ctx.Functions.ContainsKey(name)) return;   // the declaration fixes the arguments
        if (!_functions.TryGetValue(name, out var args)) _functions[name] = args = new List<string>();
        if (args.Contains(variable)) return;
        args.Add(variable);
        if (because is not null)
            Warn(because, why ?? $"{Pretty(name)} is read as a function of {Pretty(variable)}, since it is differentiated by {Pretty(variable)}");
    }

    // ω^μ_ν for a warning: each part of the name with its Greek letter written as a command.
    private static string Pretty(string name)
    {
        var n = SymbolName.For(name);
        static string Greek(string part) => part.Length > 1 && part.All(char.IsLetter) && IsGreekName(part) ? "\\" + part : part;
        var text = Greek(string.Concat(n.Accents.Select(a => a + ":")) + n.Base);
        if (!n.Upper.IsEmpty) text += "^" + Greek(string.Join(" ", n.Upper));
        if (!n.Lower.IsEmpty) text += "_" + Greek(string.Join(" ", n.Lower));
        return text;
    }

    private static bool IsGreekName(string s) => s is "alpha" or "beta" or "gamma" or "delta" or "epsilon" or "varepsilon" or "zeta" or "eta" or "theta" or "vartheta"
        or "iota" or "kappa" or "lambda" or "mu" or "nu" or "xi" or "pi" or "rho" or "sigma" or "tau" or "upsilon" or "phi" or "varphi" or "chi" or "psi" or "omega"
        or "Gamma" or "Delta" or "Theta" or "Lambda" or "Xi" or "Pi" or "Sigma" or "Upsilon" or "Phi" or "Psi" or "Omega";

    /// <summary>
    /// What a derivative acts on, when it is not a bare name: <c>h(s)</c> (a name applied to the variables)
    /// is the function h of s; an expression in which nothing depends on the variable (∂ log p/∂x, d/dt(x²))
    /// makes its names functions of it, since a derivative that is 0 as written is not what an author means;
    /// and names that are coordinates of the session (dotted somewhere) are functions of time in d/dt.
    /// </summary>
    private void DeclareOperand(List<MathNode> operand, DerivativeSpec d, bool operatorForm, bool wholeProduct = false)
    {
        if (operand.Count == 0) return;
        // G(ty, x): an application written with its argument list says what G depends on; the chain rule does the rest.
        if (operand.Count >= 2 && FunctionName(operand[0]) is not null && operand[1] is Group { Open: "(" } listed && IsArgumentList(listed.Content)) return;
        var variables = d.Variables.Where(v => !IsJetNode(v.Node)).Select(v => v.Name).ToList();
        if (variables.Count == 0) return;
        // h(s), p(x, t): a name followed by its variables in parentheses.
        if (operand.Count >= 2 && FunctionName(operand[0]) is { } fname && !_ctx.Definitions.ContainsKey(fname)
            && operand[1] is Group { Open: "(" } g && ArgumentNames(g.Content) is { } argNames && argNames.Intersect(variables).Any())
        {
            foreach (var a in argNames) AddFunction(fname, a, operand[0], $"{Written(operand[0])}({string.Join(", ", argNames.Select(Pretty))}) is read as the function {Written(operand[0])} of {string.Join(", ", argNames.Select(Pretty))}, since it is differentiated by {string.Join(", ", variables.Select(Pretty))}");
            return;
        }
        var body = operatorForm && !wholeProduct ? operand[0] : (operand.Count == 1 ? operand[0] : null);
        var nodes = body is null ? operand : new List<MathNode> { body };
        var names = nodes.SelectMany(OperandNames).ToList();
        if (names.Count == 0) return;
        if (operatorForm && variables.Contains(_ctx.Time))
            foreach (var (name, node) in names)
                if (_ctx.Coordinates.Contains(name) && !_functions.ContainsKey(name))
                    AddFunction(name, _ctx.Time, node, $"{Pretty(name)} is read as a function of {Pretty(_ctx.Time)} here: it is a coordinate (dotted in this session or display)");
        bool dependsAlready = nodes.Any(n => Walk(n).Any(x => x is SSymbol { Accents.Length: > 0 } sa && sa.Accents.Any(IsDotAccent) || x is Fraction fr && DerivativeFraction(fr) is not null || x is Accent))
            || names.Any(n => variables.Contains(n.Name) || _ctx.Definitions.ContainsKey(n.Name)
                              || _functions.TryGetValue(n.Name, out var fa) && fa.Intersect(variables).Any());
        if (dependsAlready)
        {
            // d/dt (m\dot x): m is a constant because nothing says otherwise; that could go either way.
            foreach (var (name, node) in names)
                foreach (var v in variables)
                    if (!_ctx.Definitions.ContainsKey(name) && name != v && !(_functions.TryGetValue(name, out var known) && known.Contains(v))
                        // ∂/∂x (x y) with y a variable of the display: holding the other variables fixed is what ∂ means, nothing to say.
                        && !(d.Partial && (IsVariableOfTheDisplay(name) || variables.Contains(name))))
                        Warn(node, $"{Pretty(name)} is taken as a constant in this derivative by {Pretty(v)}: nothing says it depends on {Pretty(v)} (a dot, a derivative or a declaration would)");
            return;
        }
        foreach (var (name, node) in names)
            foreach (var v in variables)
                AddFunction(name, v, node, $"{Pretty(name)} is read as a function of {Pretty(v)}: nothing else in {Written(body ?? operand[0])} depends on {Pretty(v)}, so the derivative would be 0");
    }

    /// <summary>The plain names an operand is written with (x, θ, x_1, x^μ), with where each is written.</summary>
    private IEnumerable<(string Name, MathNode Node)> OperandNames(MathNode n)
    {
        switch (n)
        {
            case SSymbol s when !s.Accents.Any(IsDotAccent) && !ConstantNames.Contains(s.Name) && !IsEuler(s):   // ρ, \tilde{ρ}
                yield return (NameOf(s), s);
                yield break;
            case Scripted { Base: SSymbol { Accents.Length: 0 } b } sc when !ConstantNames.Contains(b.Name):
                if (sc.Subscript is { } sub && IsSimpleIndex(sub)) yield return (Spell(b, lower: sub), sc);
                else if (sc.Superscript is { } ip && IsIndexSuperscript(b, sc.Subscript, ip)) { yield return (Spell(b, ip), sc); yield break; }
                else if (!IsEuler(b)) yield return (NameOf(b), b);
                if (sc.Superscript is { } pow)
                    foreach (var x in OperandNames(pow)) yield return x;
                yield break;
            case FunctionCall fc:
                if (fc.Argument is { } arg) foreach (var x in OperandNames(arg)) yield return x;
                yield break;
            case TextNode word when !string.IsNullOrWhiteSpace(word.Content) && !IsEllipsisWord(word.Content):
                yield return (word.Content.Trim(), word);   // ∂_t(\textrm{conserved quantity}): a quantity named in words
                yield break;
            case SNumber or TextNode or Command:
                yield break;
        }
        foreach (var c in n.Children)
            foreach (var x in OperandNames(c)) yield return x;
    }

    /// <summary>The letter e read as Euler's number: written plainly, and not declared a plain symbol (<see cref="LoweringContext.PlainSymbols"/>).</summary>
    private bool IsEuler(SSymbol s) => s.Name == "e" && !s.IsCommand && !_ctx.PlainSymbols.Contains("e");

    private static bool IsEllipsisWord(string w) => w.Trim() is "d" or "const" or "constant" or "for all" or "if" or "and";

    private static readonly HashSet<string> ConstantNames = ["pi", "infty", "partial", "hbar", "nabla", "cdots", "ldots", "dots", "d", "i"];

    /// <summary>The names in <c>(s)</c> or <c>(x, t)</c>, or null if an item is not a plain name.</summary>
    private List<string>? ArgumentNames(MathNode content)
    {
        var items = content is Sequence seq ? seq.Items.ToList() : new List<MathNode> { content };
        var names = new List<string>();
        foreach (var item in items)
        {
            if (item is SSymbol s && !s.Accents.Any(IsDotAccent)) names.Add(NameOf(s));   // x, \vec x
            else if (item is Scripted { Base: SSymbol { Accents.Length: 0 } b, Subscript: { } sub, Superscript: null, Primes: 0 } && IsSimpleIndex(sub)) names.Add(Spell(b, lower: sub));
            else return null;
        }
        return names;
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
        if (body is SRelation rel)
        {
            for (int i = 1; i + 1 < rel.Operands.Length; i++)
                if (rel.Operands[i] is Empty)
                    throw Error(rel.Operands[i], $"expected a formula between '{rel.Operators[i - 1].Trim()}' and '{rel.Operators[i].Trim()}'");
            // "&= b", "&\approx b" continue an aligned derivation: the row's left side is the previous row's right side.
            var sides = new List<(Expr Value, string? Op)>();
            if (rel.Operands[0] is Empty && _lastRight is { } previous) sides.Add((previous, null));
            for (int i = 0; i < rel.Operands.Length; i++)
                if (rel.Operands[i] is not Empty) sides.Add((Lower(rel.Operands[i]), i == 0 ? null : rel.Operators[i - 1]));
            _lastRight = sides[^1].Value;
            if (sides.Count == 1) { yield return sides[0].Value; yield break; }
            if (sides.Skip(1).All(sd => RelationOf(sd.Op!) is not null))
            {
                for (int i = 0; i + 1 < sides.Count; i++)
                    yield return KRelation.Of(sides[i].Value, RelationOf(sides[i + 1].Op!)!.Value, sides[i + 1].Value);
                yield break;
            }
            // a \approx b, a = b \propto c: relations without a kernel meaning are kept as named operators.
            var pairs = new List<Expr>();
            for (int i = 0; i + 1 < sides.Count; i++)
            {
                var (l, r) = (sides[i].Value, sides[i + 1].Value);
                var op = sides[i + 1].Op!;
                pairs.Add(RelationOf(op) is { } rk ? KRelation.Of(l, rk, r) : Call.Of(Function.Named(op.Trim().TrimStart('\\')), l, r));
            }
            yield return pairs.Count == 1 ? pairs[0] : Call.Of(Function.Named("and"), pairs.ToArray());
            yield break;
        }
        _lastRight = null;
        yield return Lower(body);
    }

    private static MathNode StripPunctuation(MathNode n)
    {
        // "… = 0," and "… ." end sentences in articles: trailing punctuation is not part of the formula.
        if (n is Sequence s && s.Items.Length >= 2 && s.Items.Skip(1).All(i => i is Empty)) return s.Items[0];
        // "E = mc^2." : the list ends with its punctuation, one item before it.
        if (n is Sequence t && t.Items.Length == 1 && t.Separators.Length == 1) return t.Items[0];
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
            var lowered = LowerNode(n);
            RefuseCancelledInfinity(n, lowered);
            return lowered;
        }
        catch (SymbolicException e) when (e is not ParseError)
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
            case PostfixOperation { Operator: "|" } bar:
                return Call.Of(Function.Named("evaluated"), Lower(bar.Operand));
            case PostfixOperation p: return Call.Of(Function.Named("factorial"), Lower(p.Operand));
            case SRelation rel:
            {
                if (ScriptCondition(rel) is { } condition) return condition;
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
                return Call.Of(Function.Tuple, seq.Items.Where(i => i is not Empty).Select(Lower).ToArray());
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
            case TextNode t: return _functions.ContainsKey(t.Content.Trim()) ? Atom(t.Content.Trim()) : Named(t.Content.Trim());
            case Binomial bi: return Call.Of(Function.Named("binomial"), Lower(bi.Top), Lower(bi.Bottom));
            case Command { Arguments.Length: 0 } c when c.Name.TrimStart('\\') == "d":
                throw Error(n, "\\d needs something to act on: write d x, \\mathrm{d}x or d(…) for a differential");
            case Command c:
                Warn(c, $"unknown command \\{c.Name} is kept as the operator {c.Name}(…) with {c.Arguments.Length} argument{(c.Arguments.Length == 1 ? "" : "s")}");
                return Call.Of(Function.Named(c.Name), c.Arguments.Select(Lower).ToArray());
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


    private static string NameOf(SSymbol s) => SpellingOf(s, null, null, 0);

    /// <summary>
    /// Fonts that make another letter: 𝓛 (\mathcal{L}) is not L, 𝔤 is not g, ℝ is not R. The name keeps the font as its
    /// innermost part, so the printers write it back. \mathrm, \mathit and the bold fonts only restyle the letter.
    /// </summary>
    private static readonly HashSet<string> DistinctLetterFonts = ["mathcal", "mathscr", "mathfrak", "mathbb", "Bbb", "mathbbm"];

    /// <summary>
    /// The spelling of a name built from its parts (<see cref="SymbolName"/>, so the printers print the parts): the letter
    /// with its accents, an upper and a lower index, and the primes after the last part (x′, q_i′).
    /// </summary>
    private string Spell(SSymbol b, MathNode? upper = null, MathNode? lower = null, int primes = 0) =>
        SpellingOf(b, upper is null ? null : IndexText(upper), lower is null ? null : IndexText(lower), primes);

    private static string SpellingOf(SSymbol b, string? upper, string? lower, int primes)
    {
        var p = new string('\'', primes);
        var accents = b.Accents.Where(a => !IsDotAccent(a)).Reverse();
        if (b.Font is { } font && DistinctLetterFonts.Contains(font)) accents = accents.Append(font is "Bbb" or "mathbbm" ? "mathbb" : font);   // \tilde{\mathcal{L}}: the font is innermost
        return SymbolName.Of(upper is null && lower is null ? b.Name + p : b.Name, accents,
            lower is null && upper is not null ? upper + p : upper, lower is null ? null : lower + p).Spelling;
    }

    private Expr SymbolOf(SSymbol s, string? nameOverride = null)
    {
        var name = nameOverride ?? NameOf(s);
        int dots = s.Accents.Count(IsDotAccent) == 0 ? 0 : s.Accents.Where(IsDotAccent).Sum(a => a == "dot" ? 1 : a == "ddot" ? 2 : 3);
        // A bare e (not e^{…}) is as often a charge as Euler's number: say which reading was taken.
        if (nameOverride is null && dots == 0 && IsEuler(s) && !_ctx.Definitions.ContainsKey("e"))
            Warn(s, "e is read as Euler's number (2.718…); :symbol e (or --symbols e) makes e a plain symbol, such as a charge");
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
            "e" when !_ctx.PlainSymbols.Contains("e") => Expr.E,
            "infty" => KSymbol.Of("infinity", Assumptions.Real),
            _ => KSymbol.Of(name, _ctx.AssumptionsOf(name, Assumptions.Real)),
        };
    }

    private Function UserFunction(string name) => Function.User(name, _ctx.AssumptionsOf(name, Assumptions.Real));

    private Expr Named(string name) => KSymbol.Of(name, _ctx.AssumptionsOf(name, Assumptions.Real));

    private Expr ScriptedOf(Scripted sc)
    {
        // e^{x}: the exponential.
        if (sc.Base is SSymbol { Name: "e", Font: null, Accents.Length: 0 } eb && IsEuler(eb) && sc.Subscript is null && sc.Superscript is { } ex && !_ctx.Definitions.ContainsKey("e"))
        {
            var exponent = Lower(ex);
            // e^2: a number as exponent is more often the square of a charge than exp(2); say which reading was taken.
            if (exponent is Symbolic.Core.Number)
                Warn(sc, $"{Written(sc)} is read as a power of Euler's number e; :symbol e (or --symbols e) makes e a plain symbol, such as a charge");
            return Expr.Exp(exponent);
        }
        if (sc.Base is FunctionCall fc)   // \sin^2 θ is a FunctionCall already; (\sin x)^2 written with a group lands here
            return Power.Of(Lower(fc), Lower(sc.Superscript ?? throw Error(sc, "expected a power")));
        if (sc.Base is SSymbol s0 && sc.Subscript is { } complexSub && !IsSimpleIndex(complexSub))
        {
            // 𝔼_{x∼p(x)}: a subscript that is a formula, not an index — kept as an operator on the base.
            Expr withSub = Call.Of(Function.Named("sub"), SymbolOf(s0), Lower(complexSub));
            return sc.Superscript is { } p0 ? PowerOf(withSub, p0) : withSub;
        }
        if (sc is { Base: SSymbol ps0, Primes: > 0 } && !ps0.Accents.Any(IsDotAccent) && (sc.Subscript is null || IsSimpleIndex(sc.Subscript))
            && PrimedName(ps0, sc) is var primedName && (_functions.ContainsKey(primedName) || _primedNames.Contains(primedName)))
        {
            Expr coordinate = Atom(primedName);   // x′(t′), y′_α: a coordinate of its own
            return sc.Superscript is { } cp ? PowerOf(coordinate, cp) : coordinate;
        }
        if (sc.Base is SSymbol ds && SubscriptDerivative(ds, sc) is { } derivative)
            return sc.Superscript is { } dp ? PowerOf(derivative, dp) : derivative;
        if (sc.Base is SSymbol s)
        {
            // θ_1^2 is a power when θ_1 is a coordinate (dotted elsewhere, \dot{\theta}_1), else possibly an index as in R^1_{212}.
            bool supIsIndex = sc.Superscript is { } sup && IsIndexSuperscript(s, sc.Subscript, sup)
                              && !(sc.Subscript is { } fsub && IsSimpleIndex(fsub) && _functions.ContainsKey(Spell(s, lower: fsub)));
            string name = Spell(s, supIsIndex ? sc.Superscript : null, sc.Subscript);
            if (_ctx.PartialOperatorsAlone && sc is { Subscript: { } osub, Superscript: null, Primes: 0 } && s.Name == "partial" && !IsGreekIndex(osub)
                && PartialIndices(osub).ToList() is [var only])
                return Call.Of(Function.PartialOperator, VariableFor(only), 1);   // X = y∂_x − x∂_y: ∂_x alone is the operator
            if ((name == "partial" || name.StartsWith("partial_", StringComparison.Ordinal) || name.StartsWith("partial^", StringComparison.Ordinal))
                && (sc.Subscript ?? sc.Superscript) is { } lone && IsGreekIndex(lone) && (sc.Subscript is null || sc.Superscript is null))
            {
                // ∂^μ = η^{μν}∂_ν: ∂ with an index and nothing after it is the operator ∂/∂x^μ.
                var coordinate = IndexCoordinate(lone, up: sc.Subscript is null);
                Warn(sc, $"{Written(sc)} with nothing after it is read as the operator ∂/∂{Pretty(coordinate.Name)}");
                return Call.Of(Function.PartialOperator, coordinate, Expr.One);
            }
            if (name == "partial" || name.StartsWith("partial_", StringComparison.Ordinal))
                throw Error(sc, "\\partial_… must be followed by what it differentiates");
            Expr value = sc.Subscript is null && !supIsIndex ? SymbolOf(s) : SymbolOf(s, name);
            // the label n' of q^{n'} (an index, not a derivative) is the name n′: as a derivative of the constant n it read 0, so x^{n'} read 1
            if (sc.Primes > 0) value = _scriptNodes.Contains(sc) && sc.Subscript is null ? Atom(PrimedName(s, sc)) : Calculus.Diff(value, PrimeVariableOf(value), sc.Primes);
            if (sc.Superscript is { } p && !supIsIndex) value = PowerOf(value, p);
            return value;
        }
        if (sc.Base is PostfixOperation { Operator: "|" } evaluated)
        {
            // F|_a^b: F evaluated between the limits, kept as the operator evaluated(F, a, b) (a missing limit is absent).
            var args = new List<Expr> { Lower(evaluated.Operand) };
            if (sc.Subscript is { } at) args.Add(Lower(at));
            if (sc.Superscript is { } to) args.Add(Lower(to));
            return Call.Of(Function.Named("evaluated"), args.ToArray());
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
        if (exponent is SSymbol { Name: "*" or "ast", Accents.Length: 0 }) return Call.Of(Function.Named("conjugate"), b);   // z^*, z^{*}
        if (exponent is SSymbol { Name: "dagger", Accents.Length: 0 }) return Call.Of(Function.Named("adjoint"), b);     // b^\dagger
        return Power.Of(b, Lower(exponent));
    }

    /// <summary>
    /// A superscript is an index (ω^μ, R^1_{212}) when it is a lone Greek index letter, or a lone letter or
    /// digit on a Greek, capital or decorated base that also has a subscript; otherwise it is a power
    /// (always on a dotted base: \dot{\theta}_1^2 is the square of θ̇₁).
    /// </summary>
    private bool IsIndexSuperscript(SSymbol b, MathNode? sub, MathNode sup)
    {
        if (sup is SSymbol { Name: "top" or "T" or "intercal" or "dagger" or "ast" or "prime" or "*" }) return false;
        if (IsLoneOperator(Unbraced(sup))) return true;   // \theta^{\star}: a label (the optimum), not a power
        if (IsIndexedBaseSuperscript(b, sup)) return true;
        // h_β^{β'}: a primed Greek index letter is an index, as the letter is.
        if (Unbraced(sup) is Scripted { Base: SSymbol { Accents.Length: 0 } pg, Subscript: null, Superscript: null, Primes: > 0 } && IndexLetters.Contains(pg.Name)) return true;
        if (sup is SSymbol { Accents.Length: 0 } g && IndexLetters.Contains(g.Name)) return true;
        if (sub is null) return false;
        if (b.Accents.Any(IsDotAccent)) return false;   // \dot{\theta}_1^2: a velocity's superscript is a power
        bool lone = sup is SSymbol { Accents.Length: 0 } or SNumber;
        bool tensorish = b.IsCommand || char.IsUpper(b.Name[0]) || b.Font is not null || b.Accents.Length > 0;
        // \omega_0^2 could be the square of ω₀ as well as the component ω^2_0 (as \omega^1_2 is): the reading is said.
        if (lone && tensorish && sup is SNumber n)
            Warn(sup, $"{Written(b)}_{{{Written(sub)}}}^{n.Text} is read as the component {Written(b)}^{n.Text}_{{{Written(sub)}}} (a numeral superscript on an indexed name is an index, as in \\omega^1_2); write {{{Written(b)}_{{{Written(sub)}}}}}^{n.Text} for the power");
        return lone && tensorish;
    }

    private string IndexText(MathNode n) => n switch
    {
        BinaryOperation lone when IsLoneOperator(lone) => lone.Operator.Trim().TrimStart('\\'),
        SSymbol s => NameOf(s),
        SNumber num => num.Text,
        Juxtaposition j => JoinIndices(j.Factors.Select(IndexText).ToList()),
        Group g => IndexText(g.Content),
        Styled st => IndexText(st.Body),
        TextNode t => t.Content.Trim(),
        Sequence s => string.Join(",", s.Items.Select(IndexText)),
        Scripted sc => IndexText(sc.Base) + (sc.Subscript is { } a ? IndexText(a) : "") + (sc.Superscript is { } b ? IndexText(b) : "") + new string('\'', sc.Primes),
        _ => new string(SExpression.Print(n).Where(ch => !char.IsWhiteSpace(ch) && ch != '\\').ToArray()),
    };

    /// <summary>
    /// u_x, u_{xx}, u_{r\theta} of a name declared a function of those variables (:function u(x,t), :fields u(x,y)):
    /// its partial derivative, as PDE texts write it. Null when the subscript is not made of the function's variables.
    /// </summary>
    private Expr? SubscriptDerivative(SSymbol s, Scripted sc)
    {
        if (sc.Subscript is not { } sub || sc.Primes > 0 || s.Accents.Length > 0 || !IsSimpleIndex(sub)) return null;
        var name = NameOf(s);
        if (!_ctx.Functions.TryGetValue(name, out var vars) || vars.Count == 0) return null;
        // The subscript as a word of the variables' names (u_{xt}, u_{r\theta}, u_{\theta\theta}), longest name first.
        var text = string.Concat(IndexText(sub).Where(ch => ch is not (' ' or ',')));
        var parts = new List<string>();
        for (int at = 0; at < text.Length;)
        {
            var next = vars.Where(v => v.Length > 0 && string.CompareOrdinal(text, at, v, 0, v.Length) == 0).MaxBy(v => v.Length);
            if (next is null) return null;
            parts.Add(next);
            at += next.Length;
        }
        if (parts.Count == 0) return null;
        Expr value = Call.Of(UserFunction(name), vars.Select(v => (Expr)KSymbol.Of(v, _ctx.AssumptionsOf(v, Assumptions.Real))).ToArray());
        foreach (var p in parts) value = Calculus.Diff(value, KSymbol.Of(p, _ctx.AssumptionsOf(p, Assumptions.Real)));
        return value;
    }

    private static bool IsLoneOperator(MathNode n) => n is BinaryOperation { Left: Empty, Right: Empty } b && b.Operator.Trim().Length > 0;

    private static bool IsBlankText(MathNode n) => n is TextNode t && string.IsNullOrWhiteSpace(t.Content);

    private static bool IsSimpleIndex(MathNode n) => n switch
    {
        BinaryOperation lone when IsLoneOperator(lone) => true,   // c_{\star}
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
        // \frac{\partial}{\partial_{t}}: the variable written as the subscript of ∂ below the bar, read as ∂t and said.
        if (denFactors is [Scripted { Base: SSymbol { Name: "partial" } pmark, Subscript: { } markSub, Superscript: null, Primes: 0 } pscript] && IsSimpleIndex(markSub))
        {
            Warn(pscript, $"{Written(pscript)} below the fraction bar is read as \\partial {Written(Unbraced(markSub))}, the variable {Written(Unbraced(markSub))}");
            denFactors = [pmark, Unbraced(markSub)];
        }
        var vars = new List<(MathNode, string, int)>();
        // d or ∂ on both sides of the bar: this is a derivative, read as one or refused — never a quotient in which ∂ cancels.
        bool committed = denFactors.Count > 0 && DerivativeMark(denFactors[0]) is (true, _, _) or (_, true, _);
        for (int i = 0; i < denFactors.Count; i++)
        {
            var (mark, partial, _) = DerivativeMark(denFactors[i]);
            if (!(mark || partial) || i + 1 >= denFactors.Count)
                return committed ? throw Error(denFactors[i], $"cannot read the variable of this derivative at {Written(denFactors[i])}") : null;
            var v = denFactors[++i];
            int n = 1;
            if (IsJetNode(v) && v is not SSymbol)
            {
                vars.Add((v, Written(v), 1));   // ∂/∂\dot{q}_α, ∂/∂\dot{\mathbf{r}}_i: a velocity (jet variable)
                continue;
            }
            if (v is Scripted { Base: SSymbol xs, Superscript: { } ip, Primes: 0 } isc && IsIndexSuperscript(xs, isc.Subscript, ip))
            {
                vars.Add((v, Spell(xs, ip, isc.Subscript), 1));   // ∂/∂x^μ
                continue;
            }
            if (v is Scripted { Base: SSymbol { Accents.Length: 0 } pv, Subscript: null, Primes: > 0 } pvs && (pvs.Superscript is null or SNumber))
            {
                // dt', dt'^2: a new coordinate t′ (a Lorentz-transformed time), differentiated by as a name of its own.
                vars.Add((pvs, NameOf(pv) + new string('\'', pvs.Primes), pvs.Superscript is SNumber pn2 && int.TryParse(pn2.Text, out var k2) ? k2 : 1));
                continue;
            }
            if (v is Scripted { Base: SSymbol { Accents.Length: 0 } psb, Subscript: { } psub, Superscript: null, Primes: > 0 } psv && IsSimpleIndex(psub))
            {
                // ∂/∂y'_α: the slope y′_α as a variable of its own (a jet coordinate of a functional's integrand).
                vars.Add((psv, Spell(psb, lower: psub, primes: psv.Primes), 1));
                continue;
            }
            if (v is Scripted { Base: SSymbol bs2, Subscript: { } vsub, Superscript: null, Primes: 0 })
            {
                vars.Add((v, Spell(bs2, lower: vsub), 1));   // ∂/∂q_i
                continue;
            }
            if (v is Scripted { Base: SSymbol vs, Superscript: { } p, Primes: 0 } vsc && (vsc.Subscript is null || IsSimpleIndex(vsc.Subscript)))
            {
                // dt^2, d\theta^2, \partial x_0^2: the order of the variable.
                if (p is SNumber pn && int.TryParse(pn.Text, out var k)) n = k;
                else throw Error(p, $"the power of d{vs.Name} must be a number matching the order written above (did you mean d{vs.Name}^{order}?)");
                vars.Add((vsc.Subscript is null ? vs : v, vsc.Subscript is { } vsub2 ? Spell(vs, lower: vsub2) : NameOf(vs), n));
                continue;
            }
            if (v is SSymbol sv) vars.Add((sv, NameOf(sv), n));
            else if (committed) throw Error(v, $"cannot read {Written(v)} as the variable of a derivative");
            else return null;
        }
        if (vars.Count == 0) return null;
        int total = vars.Sum(v => v.Item3);
        if (total != order) throw Error(f.Denominator, $"the orders do not match: {order} above the fraction bar, {total} below it");
        MathNode? operand = numFactors.Count == 1 ? null : numFactors.Count == 2 ? numFactors[1] : new Juxtaposition(numFactors.Skip(1).ToImmutableArray(), f.Numerator.Span);
        string? fn = operand switch
        {
            // L, \tilde{L}, and \dot{f} (f then depends on the variable too, beside t)
            SSymbol os => NameOf(os),
            // d x' / d t': the new coordinate x′, when the variable is primed too.
            Scripted { Base: SSymbol { Accents.Length: 0 } pb, Subscript: null, Superscript: null, Primes: > 0 } pso
                when vars.Any(v => v.Item2.EndsWith('\'')) => Spell(pb, primes: pso.Primes),
            Juxtaposition { Factors: [Scripted { Base: SSymbol { Accents.Length: 0 } pj, Subscript: null, Superscript: null, Primes: > 0 } pjs, Group { Open: "(" }] }
                when vars.Any(v => v.Item2.EndsWith('\'')) => Spell(pj, primes: pjs.Primes),
            Scripted { Base: SSymbol bs, Superscript: null, Primes: 0, Subscript: { } sub } when IsSimpleIndex(sub) => Spell(bs, lower: sub),
            // dx^μ/dt: the indexed name x^μ.
            Scripted { Base: SSymbol { Accents.Length: 0 } xb, Superscript: { } xi, Primes: 0 } xsc when IsIndexSuperscript(xb, xsc.Subscript, xi)
                => Spell(xb, xi, xsc.Subscript),
            _ => null,
        };
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
        if (SymbolicOrder(f) is { } symbolic)
            return symbolic.Operand is { } so ? Call.Of(Function.TotalDerivative, Lower(so), symbolic.Variable, symbolic.Order)
                : Call.Of(Function.PartialOperator, symbolic.Variable, symbolic.Order);
        if (FunctionalDerivative(f) is { } functional) return functional;
        var spec = DerivativeFraction(f);
        if (spec is null)
        {
            // \frac{g}{5 (\theta + 1)}: the number divides on its own, so the sum is not multiplied out (5θ + 5).
            if (f.Denominator is Juxtaposition { Factors: [SNumber c, _, ..] } dj)
                return Lower(f.Numerator) / NumberOf(c) / JuxtapositionOf(dj.Factors.Skip(1).ToList());
            return Lower(f.Numerator) / Lower(f.Denominator);
        }
        if (spec.Operand is null) return OperatorOf(spec);
        return Differentiate(Lower(spec.Operand), spec.Variables);
    }

    /// <summary>A derivative written as an operator with nothing to act on (∂²/∂x² + ∂²/∂y² = …): kept as a named operator.</summary>
    private Expr OperatorOf(DerivativeSpec spec) =>
        Call.Of(spec.Partial ? Function.PartialOperator : Function.DerivativeOperator, spec.Variables.SelectMany(v => new Expr[] { VariableFor(v.Name), v.Order }).ToArray());

    private Expr Differentiate(Expr e, List<(MathNode Node, string Name, int Order)> variables)
    {
        foreach (var (node, name, order) in variables)
        {
            // ∂/∂ẋ differentiates by the jet variable ẋ; ∂/∂x by x (or x(t) when x is a function of time).
            var v = IsJetNode(node) ? Lower(node) : VariableFor(name);
            if (node is Group or FunctionCall && v is not KSymbol and not Core.Derivative)
            {
                // ∂𝓛/∂(∂_μφ), ∂ ln ρ/∂ ln T: a derivative by an expression the kernel cannot take as a variable, kept as written.
                if (v.IsZero || v is KNumber) throw Error(node, $"cannot differentiate by {Written(node)}, which reads as {TextPrinter.Print(v)} here (declare what it depends on, :fields \\phi(t,x))");
                Warn(node, $"the derivative by {Written(node)} is kept as written, Derivative(…, {TextPrinter.Print(v)}): it is taken by an expression, not a variable");
                for (int k = 0; k < order; k++) e = Call.Of(Function.TotalDerivative, e, v);
                continue;
            }
            // U(r_i) declared by ∂U/∂r_i has the symbol r_i as its argument even where r_i is also r_i(t): differentiate by that symbol.
            if (v is not KSymbol && e.FreeSymbols().FirstOrDefault(fs => fs.Name == name) is { } same) v = same;
            try
            {
                var before = e;
                e = NthDerivative(e, v, order);
                // ∂L/∂\dot{q} of a name nothing declared: L's dependence on the velocity is unknown, so the derivative is
                // kept as written (never 0).
                if (e.IsZero && v is Core.Derivative && IsUndeclaredName(before))
                    e = Call.Of(Function.TotalDerivative, before, v);
                else if (e.IsZero && !before.IsZero && KeptComponentDerivative(before, v, order) is { } kept)
                {
                    Warn(node, $"{Written(node)} is not a variable that {TextPrinter.Print(before)} is written with: the derivative is kept as written (a component or an index), not 0");
                    e = kept;
                }
            }
            catch (SymbolicException) when (e.Any(x => x is Call { Function.IsOperator: true }))
            {
                // d/dt Σ_i m_i ṙ_i·δr_i: a named operator (a sum over i, an evaluation bar) has no derivative rule,
                // so the derivative is kept as written, d/dt(…), never dropped or guessed.
                for (int k = 0; k < order; k++) e = Call.Of(Function.TotalDerivative, e, v);
            }
        }
        return e;
    }

    /// <summary>
    /// dⁿe/dvⁿ one step at a time; a step whose result has grown past <see cref="DerivativeRegrowth"/> nodes is brought to
    /// its normal form before the next, so the product rule does not double the tree at every order
    /// (d²⁰/dx²⁰ xˣ took 882 MB and a minute; its normal form has a few hundred terms).
    /// </summary>
    private static Expr NthDerivative(Expr e, Expr v, int order)
    {
        for (int i = 0; i < order; i++)
        {
            e = Calculus.Diff(e, v);
            if (i < order - 1 && Simplifier.Size(e) > DerivativeRegrowth) e = Simplifier.Simplify(e);
        }
        return e;
    }

    private const int DerivativeRegrowth = 256;

    private string PrimedName(SSymbol b, Scripted sc) =>
        Spell(b, lower: sc.Subscript, primes: sc.Primes);

    /// <summary>A velocity written as a derivative variable: \dot q, \dot{q}_\alpha, \dot{\mathbf{r}}_i.</summary>
    private bool IsJetNode(MathNode n) => n switch
    {
        // ∂𝓛/∂(∂_μφ): the derivative of a field as a variable (a jet coordinate), as field theory writes it.
        Group { Open: "(" } g => Factors(Unbraced(g.Content)) is [Scripted { Base: SSymbol { Name: "partial" } }, _, ..],
        // ∂ ln ρ/∂ ln T: a logarithmic derivative, by the expression ln T.
        FunctionCall { Argument: not null } => true,
        SSymbol s => s.Accents.Any(IsDotAccent),
        Scripted { Base: SSymbol b, Superscript: null, Primes: 0 } => b.Accents.Any(IsDotAccent),
        Scripted { Base: SSymbol b, Superscript: { } isup, Primes: 0 } => b.Accents.Any(IsDotAccent) && IsIndexedBaseSuperscript(b, isup),   // \dot{q}^{n}
        Accent a => IsDotAccent(a.Name),
        _ => false,
    };

    /// <summary>A plain name, or an unknown function that only the reading declared (not the context).</summary>
    private bool IsUndeclaredName(Expr e) => e switch
    {
        KSymbol { IsConstant: false } s => !_ctx.Definitions.ContainsKey(s.Name),
        Call { Function.IsUser: true } c => !_ctx.Functions.ContainsKey(c.Function.Name),
        Core.Derivative d => !_ctx.Functions.ContainsKey(d.Function.Function.Name),
        _ => false,
    };

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
        // x = 1 \text{(a constant)}: words after a formula are a comment, not a factor.
        if (factors.Count >= 2 && factors[^1] is TextNode { Content: var words } comment && IsComment(words))
        {
            Warn(comment, $"the text {Written(comment)} is read as a comment and left out");
            factors = factors.Take(factors.Count - 1).ToList();
            if (factors.Count == 1) return Lower(factors[0]);
        }
        WarnOneTokenScripts(factors);
        if (StackedRelation(factors) is { } stacked) return stacked;
        if (Contraction(factors) is { } contracted) return contracted;
        if (factors.Any(IsEllipsis))
            // x_1 x_2 \cdots x_n: the ellipsis stands for factors not written; kept as an operator over what is written.
            return Call.Of(Function.Named("product_dots"), factors.Select(f => IsEllipsis(f) ? Named("cdots") : Lower(f)).ToArray());
        var parts = new List<Expr>();
        for (int i = 0; i < factors.Count; i++)
        {
            if (NotationFactor(factors, ref i, parts) is { } notation) { parts.Add(notation); continue; }
            var f = factors[i];
            // d/dt (…), ∂/∂r (…): an operator applied to the next factor (a function with its arguments counts as one).
            if (f is Fraction fr && DerivativeFraction(fr) is { Operand: null } op)
            {
                // d/dx d/dx x⁴: consecutive operators compose, and the composition acts on what follows them.
                var variables = new List<(MathNode Node, string Name, int Order)>(op.Variables);
                int k = i;
                while (k + 2 < factors.Count && factors[k + 1] is Fraction nf && DerivativeFraction(nf) is { Operand: null } nop)
                {
                    variables.AddRange(nop.Variables);
                    k++;
                }
                if (k > i) { i = k; }
                if (i + 1 < factors.Count)
                {
                    // d/dx 3x², d/dx x sin x: the operator acts on the whole product after it (up to a differential
                    // that closes an integral), as people write it — not only on the next factor.
                    int end = OperatorOperandEnd(factors, i + 1);
                    i++;
                    int first = i;
                    var single = Unit(factors, ref i);
                    if (i + 1 < end)
                    {
                        parts.Add(Differentiate(JuxtapositionOf(factors.Skip(first).Take(end - first).ToList()), variables));
                        i = end - 1;
                    }
                    else parts.Add(Differentiate(single, variables));
                }
                else parts.Add(OperatorOf(op));
                continue;
            }
            // ∂_x u, ∂_{xx} u, ∂_μ A
            if (f is Scripted { Base: SSymbol { Name: "partial" } } ps && (ps.Subscript ?? ps.Superscript) is { } sub && i + 1 < factors.Count)
            {
                if (IsSpacetimeIndex(sub, up: ps.Subscript is null) && (ps.Subscript is null || ps.Superscript is null))
                {
                    // ∂_μ φ with the index free: the derivative by the coordinate x^μ, kept as written (never 0, never summed).
                    var coordinate = IndexCoordinate(sub, up: ps.Subscript is null);
                    i++;
                    var operand = Unit(factors, ref i);
                    Warn(f, $"{Written(f)} is read as the derivative by the coordinate {Pretty(coordinate.Name)}, kept as written: the index {Written(Unbraced(sub))} is free (repeat it in a product to sum it)");
                    parts.Add(Call.Of(Function.TotalDerivative, operand, coordinate));
                    continue;
                }
                if (ps.Subscript is null && Unbraced(ps.Superscript!) is SSymbol { Accents.Length: 0 } raised && IsVariableOfTheDisplay(NameOf(raised)))
                {
                    // ∂^t φ: the index of a coordinate raised, η^{tt}∂_t, with the sign of the signature in use.
                    var sign = RaisedSign(NameOf(raised));
                    Warn(f, $"{Written(f)} is read as η^{{{Written(raised)}{Written(raised)}}}\\partial_{Written(raised)} = {(sign < 0 ? "-" : "")}\\partial_{Written(raised)} ({SignatureText()}); --signature or :signature chooses the other convention");
                    i++;
                    parts.Add(sign * Differentiate(Unit(factors, ref i), [(ps.Superscript!, NameOf(raised), 1)]));
                    continue;
                }
                if (ps.Subscript is null) throw Error(f, "\\partial^… must be followed by a subscript naming the variable (\\partial_x u)");
                int partialOrder = ps.Superscript is SNumber po && int.TryParse(po.Text, out var pk) ? pk : 1;   // ∂_x^2 u
                if (ps.Superscript is { } psup && ps.Superscript is not SNumber)
                    throw Error(psup, $"the order of \\partial_{Written(sub)} must be a number, found {Written(psup)}");
                var list = PartialIndices(sub).Select(v => ((MathNode)sub, v, partialOrder)).ToList();
                i++;
                parts.Add(Differentiate(Unit(factors, ref i), list));
                continue;
            }
            // d x, \mathrm{d}\theta: a differential.
            if (_ctx.DifferentialD && IsDifferentialMark(f) && i + 1 < factors.Count && Differentiable(factors[i + 1]))
            {
                var next = factors[++i];
                if (IsPrimedCoordinate(next))
                {
                    // dx': the differential of the coordinate x′ (a name of its own, not the derivative of x).
                    var pc = (Scripted)next;
                    parts.Add(Call.Of(Function.D, Named(NameOf((SSymbol)pc.Base) + new string('\'', pc.Primes))));
                    continue;
                }
                if (next is Scripted { Superscript: { } pow, Subscript: null, Primes: 0 } ns && ns.Base is SSymbol or Group)
                    parts.Add(Power.Of(Call.Of(Function.D, ns.Base is Group gb ? Lower(gb.Content) : Lower(ns.Base)), Lower(pow)));   // dt^2 = (dt)²
                else parts.Add(Call.Of(Function.D, next is Group g0 ? Lower(g0.Content) : Lower(next)));
                continue;
            }
            parts.Add(Unit(factors, ref i));
        }
        return Product.Of(parts);
    }

    /// <summary>Where the operand of a derivative operator written before a product ends: at the end of the product, or
    /// before a differential (d x, \mathrm{d}x) that closes an integral around it.</summary>
    private int OperatorOperandEnd(IReadOnlyList<MathNode> factors, int start)
    {
        for (int k = start + 1; k < factors.Count; k++)
            if (_ctx.DifferentialD && IsDifferentialMark(factors[k]) && k + 1 < factors.Count && Differentiable(factors[k + 1])) return k;
        return factors.Count;
    }

    /// <summary>The factor at <paramref name="i"/>, or an application that starts there (a name and its argument
    /// list); <paramref name="i"/> is left on the last factor used.</summary>
    private Expr Unit(IReadOnlyList<MathNode> factors, ref int i)
    {
        if (Application(factors, i) is { } app) { i += app.Used - 1; return app.Value; }
        var f = factors[i];
        // x(y-z): a product, as the policy says; an application was possible, so say which reading was taken.
        if (i + 1 < factors.Count && factors[i + 1] is Group { Open: "(" or "[", Sized: false } pg && FunctionName(f) is not null
            && (f is SSymbol { Accents.Length: 0 } || f is Scripted { Subscript: not null, Superscript: null, Primes: 0 })
            && f.Span.Start + f.Span.Length == pg.Span.Start && !(f is SSymbol letter && (ConstantNames.Contains(letter.Name) || IsEuler(letter)))
            // m(\dot x^2 + \dot y^2): velocities inside are not what a function of the coordinates is applied to.
            && !Walk(pg.Content).Any(x => x is SSymbol sx && sx.Accents.Any(IsDotAccent) || x is Accent ax && IsDotAccent(ax.Name)))
            Warn(f, $"{Written(f)}(…) is read as the product {Written(f)}·(…); declare {Written(f)} as a function (:function {Written(f)}(…)) to apply it");
        return Lower(f);
    }

    /// <summary>
    /// An application starting at factor <paramref name="i"/>: a declared function with its arguments f(x, y);
    /// a name followed by an argument list with a comma, P(x, t), Attention(Q, K, V); Γ(…), ζ(…), B(a, b);
    /// \mathrm{name}(…); a known operator written in letters, softmax(…); a Bessel function J_ν(x).
    /// </summary>
    private (Expr Value, int Used)? Application(IReadOnlyList<MathNode> factors, int i)
    {
        var f = factors[i];
        if (i + 1 >= factors.Count) return null;
        var next = factors[i + 1];
        var group = next as Group ?? (next is Scripted { Base: Group, Subscript: null, Primes: 0 } ng0 ? (Group)ng0.Base : null);
        bool paren = group is { Open: "(" } || group is { Open: "[", Close: "]" } && IsArgumentList(group.Content);   // S[q(t), p(t)]: a functional
        // f(x, y) for a declared or differentiated function: an application, not a product.
        // f(x)^2 is (f(x))², as TeX writes it: the power sits on the group.
        if (paren && FunctionName(f) is { } sname && _spacetimeFields.Contains(sname) && group!.Content is SSymbol { Accents.Length: 0 } point
            && !(_functions[sname].Count == 1))
        {
            // φ(x) of a field that ∂_μ is summed over: x is the point of spacetime.
            Warn(f, $"{Written(f)}({Written(point)}) is read as {Pretty(sname)}({string.Join(", ", _functions[sname].Select(Pretty))}): {Written(point)} stands for the point of spacetime");
            Expr whole = Atom(sname);
            if (next is Scripted { Superscript: { } sp }) whole = PowerOf(whole, sp);
            return (whole, 2);
        }
        if (paren && FunctionName(f) is { } fname && (_functions.ContainsKey(fname) || IsAppliedToDifferentials(f, group!.Content)))
        {
            Expr call = Call.Of(UserFunction(fname), Arguments(group!.Content));
            if (f is Scripted { Primes: > 0 } primed && !fname.EndsWith('\'')) call = Calculus.Diff(call, PrimeVariableOf(call), primed.Primes);
            if (next is Scripted { Superscript: { } power }) call = PowerOf(call, power);
            return (call, 2);
        }
        // Γ(n/2), ζ(s), B(a, b): special functions; Γ(x)^2 and Γ^2(x) are powers of the application, as with \sin^2 x.
        var (specialHead, headPower) = f is Scripted { Base: SSymbol { Accents.Length: 0, Font: null } hs, Subscript: null, Primes: 0, Superscript: { } hp }
            ? (hs, hp) : (f as SSymbol, (MathNode?)null);
        if (paren && specialHead is { Accents.Length: 0, Font: null } sf && SpecialFunctions.TryGetValue(sf.Text, out var special)
            && (special != "beta" || group!.Content is Sequence) && (headPower is null || next is Group))
        {
            Expr call = Call.Of(Function.Named(special), Arguments(group!.Content));
            if (headPower is not null) call = PowerOf(call, headPower);
            if (next is Scripted { Superscript: { } argPower }) call = PowerOf(call, argPower);
            return (call, 2);
        }
        // J_ν(x): a Bessel function.
        if (paren && next is Group && f is Scripted { Base: SSymbol { Name: "J" or "Y" or "I" or "K", IsCommand: false, Accents.Length: 0, Font: null } bb, Subscript: { } order, Superscript: null, Primes: 0 }
            && group!.Content is not Sequence && !_functions.ContainsKey(bb.Name + "_" + IndexText(order)))
        {
            var head = bb.Name switch { "J" => "besselj", "Y" => "bessely", "I" => "besseli", _ => "besselk" };
            Warn(f, $"{Written(f)}(…) is read as the Bessel function {head}; declare {Written(f)} as a function to read it otherwise");
            return (Call.Of(Function.Named(head), Lower(order), Lower(group.Content)), 2);
        }
        // \mathrm{name}(…), \mathbf{Attention}(…): a named operator written in a font.
        if (paren && next is Group && f is Styled { Font: "mathrm" or "text" or "mathit" or "mathsf" or "mathbf" } st && Letters(st.Body) is { Length: > 1 } styledName)
            return (NamedCall(styledName, group!.Content), 2);
        // softmax(…), Attention(Q, K, V): a run of letters before an argument list.
        if (f is SSymbol { IsCommand: false, Accents.Length: 0 } first && !first.JoinedToPrevious)
        {
            int j = i;
            var name = first.Name;
            while (j + 1 < factors.Count && name.Length <= MaxOperatorNameLength && factors[j + 1] is SSymbol { JoinedToPrevious: true, IsCommand: false, Accents.Length: 0 } nx) { name += nx.Name; j++; }
            if (j > i && j + 1 < factors.Count && factors[j + 1] is Group { Open: "(" } ng
                && (KnownOperatorName(name) || ng.Content is Sequence { Separators: var seps } && seps.All(x => x.Trim() == ",") && seps.Length > 0))
                return (NamedCall(name, ng.Content), j + 2 - i);
        }
        // p(z|x): a name before a conditional is a probability (an application), as in p(x_t | x_1, …);
        // and a name applied so anywhere in the display is applied wherever parentheses follow it: q(z) q(x|z).
        if (paren && next is Group && FunctionName(f) is { } condName && !_ctx.Definitions.ContainsKey(condName)
            && (IsConditional(group!.Content) || _applied.Contains(condName)))
            return (Call.Of(UserFunction(condName), Arguments(group!.Content)), 2);
        // \dot{q}(q, p, t), \mathnormal{\Lambda}(q, t; q', t'): something that is not a plain name before an argument list is
        // applied too, kept as the operator apply(head, arguments…) — never a product with a tuple.
        if (paren && next is Group && IsArgumentList(group!.Content) && FunctionName(f) is null && f is not (SNumber or Group))
            return (Call.Of(Function.Named("apply"), new[] { Lower(f) }.Concat(Arguments(group.Content)).ToArray()), 2);
        // P(x, t): a name followed by an argument list with a comma is an application, never a product with a tuple.
        if (paren && next is Group && IsArgumentList(group!.Content) && FunctionName(f) is { } appName && !_ctx.Definitions.ContainsKey(appName))
            return (Call.Of(UserFunction(appName), Arguments(group.Content)), 2);
        return null;
    }

    /// <summary>A conditional p(z | x), or an event P(φ ≤ θ): what a probability is applied to.</summary>
    private static bool IsConditional(MathNode content) =>
        content is BinaryOperation { Operator: var bar } && bar.Trim() is "|" or "\\mid" or "\\vert" || content is SRelation;

    private static bool IsArgumentList(MathNode content) =>
        content is Sequence { Items.Length: >= 2 } seq && seq.Separators.All(x => x.Trim() is "," or ";") && seq.Separators.Length == seq.Items.Length - 1
        && seq.Items.All(it => it is not Empty);

    private Expr NamedCall(string name, MathNode content) =>
        Function.FromLatexName(name) is { } bf && content is not Sequence ? Call.Of(bf, Lower(content))
        : name == "exp" && content is not Sequence ? Expr.Exp(Lower(content))
        : name is "log" or "ln" && content is not Sequence ? Expr.Log(Lower(content))
        : Call.Of(Function.Named(name), Arguments(content));

    private Expr[] Arguments(MathNode content) =>
        content is Sequence seq ? seq.Items.Where(it => it is not Empty).Select(Lower).ToArray() : new[] { Lower(content) };

    /// <summary>Greek capitals and letters that name special functions when an argument list follows.</summary>
    private static readonly Dictionary<string, string> SpecialFunctions = new()
    {
        ["\\Gamma"] = "gamma", ["\\zeta"] = "zeta", ["B"] = "beta",
    };

    private static bool IsEllipsis(MathNode n) => n is SSymbol { Name: "cdots" or "ldots" or "dots" or "dotsb" or "dotsc" or "dotsm" or "dotso" or "dotsi" or "vdots" or "ddots" } || n is SSymbol { Text: "…" or "⋯" };

    /// <summary>x^10 is x^{1}·0 in TeX: the script takes one token. Kept, and said.</summary>
    private void WarnOneTokenScripts(IReadOnlyList<MathNode> factors)
    {
        for (int i = 0; i + 1 < factors.Count; i++)
        {
            if (factors[i] is not Scripted sc || factors[i + 1] is not SNumber digits) continue;
            foreach (var script in new[] { sc.Superscript, sc.Subscript })
            {
                if (script is not SNumber one || one.Span.Start + one.Span.Length != digits.Span.Start || one.Span.Start == 0) continue;
                var mark = _source[one.Span.Start - 1];
                if (mark is not ('^' or '_')) continue;
                var kind = mark == '^' ? "exponent" : "subscript";
                Warn(sc, $"{Written(sc)}{digits.Text} reads as {Written(sc)}·{digits.Text}: a script takes one token, as in TeX; write {mark}{{{one.Text}{digits.Text}}} for the {kind} {one.Text}{digits.Text}");
            }
        }
    }

    /// <summary>A Greek index letter, or the component 0 (∂_0, ∂^0) or 1–3 below: an index of spacetime coordinates.</summary>
    private static bool IsSpacetimeIndex(MathNode sub, bool up) => IsGreekIndex(sub)
        || Unbraced(sub) is SNumber { Text: var digit } && (digit == "0" || !up && digit is "1" or "2" or "3");

    private static bool IsGreekIndex(MathNode sub) => Unbraced(sub) is SSymbol { Accents.Length: 0, IsCommand: true } g && IndexLetters.Contains(g.Name);

    /// <summary>The variables of ∂_x, ∂_{xy}, ∂_{x y}, ∂_{\theta}, ∂_{r\theta}.</summary>
    private IEnumerable<string> PartialIndices(MathNode sub) => Unbraced(sub) switch
    {
        SSymbol s => [NameOf(s)],
        Juxtaposition j when j.Factors.All(x => x is SSymbol or Scripted) => j.Factors.Select(IndexText),
        var other => SplitIndices(IndexText(other)),
    };

    /// <summary>
    /// ∂_μφ ∂^μφ: a Greek index repeated in a product is summed over the variables of the field it
    /// differentiates, with η = diag(−1, 1, …) (or <see cref="LoweringContext.Signature"/>) for one index up and
    /// one down, and +1 for both at the same level; the sum is reported as a warning. Null when no index repeats.
    /// </summary>
    private Expr? Contraction(IReadOnlyList<MathNode> factors)
    {
        var marks = new List<(int At, string Index, bool Up)>();
        for (int i = 0; i + 1 < factors.Count; i++)
            if (factors[i] is Scripted { Base: SSymbol { Name: "partial" } } ps && (ps.Subscript ?? ps.Superscript) is { } idx && IsGreekIndex(idx) && (ps.Subscript is null || ps.Superscript is null))
                marks.Add((i, IndexText(idx), ps.Subscript is null));
        foreach (var group in marks.GroupBy(m => m.Index))
        {
            var pair = group.ToList();
            if (pair.Count != 2) continue;
            var (a, b) = (pair[0], pair[1]);
            if (b.At == a.At + 1 && a.Up != b.Up && b.At + 1 < factors.Count)
                return Dalembertian(factors, a.At, group.Key);
            // Each ∂ acts on the unit after it: a name, or a name with its argument list (∂_μφ(x)).
            int ea = a.At + 1, eb = b.At + 1;
            var fa = Unit(factors, ref ea);
            var fb = Unit(factors, ref eb);
            var field = new[] { fa, fb }.OfType<Call>().FirstOrDefault(c => c.Function.IsUser)
                ?? throw Error(factors[a.At], $"\\partial_{group.Key} is summed over a field's variables, but {Written(factors[a.At + 1])} is not a declared field (:fields \\phi(t,x))");
            var coords = field.Args.OfType<KSymbol>().ToList();
            if (coords.Count != field.Args.Length) throw Error(factors[a.At], $"cannot sum \\partial_{group.Key} over the arguments of {field}");
            var mixed = a.Up != b.Up;
            var signs = mixed ? SignsFor(coords.Count, factors[a.At]) : coords.Select(_ => 1).ToList();
            var terms = coords.Select((x, k) => signs[k] * Calculus.Diff(fa, x) * Calculus.Diff(fb, x)).ToList();
            var rest = factors.Where((_, k) => !(k >= a.At && k <= ea) && !(k >= b.At && k <= eb)).ToList();
            Warn(factors[a.At], $"the repeated index {Pretty(group.Key)} is summed over {string.Join(", ", coords.Select(c => Pretty(c.Name)))} with "
                + (mixed ? $"η = diag({string.Join(", ", signs)})" : "+1 for each term (both indices at the same level)"));
            var sum = Sum.Of(terms);
            return rest.Count == 0 ? sum : rest.Count == 1 ? Lower(rest[0]) * sum : JuxtapositionOf(rest) * sum;
        }
        return null;
    }

    /// <summary>a \stackrel{\text{def}}{=} b, a \overset{!}{=} b: the relation under the annotation, which is said and left out.</summary>
    private Expr? StackedRelation(IReadOnlyList<MathNode> factors)
    {
        for (int i = 1; i + 1 < factors.Count; i++)
        {
            if (factors[i] is not Command { Name: "stackrel" or "overset" or "underset", Arguments: [var note, var sign] } c
                || Unbraced(sign) is not SRelation { Operators: [var op], Operands: [Empty, Empty] }) continue;
            Warn(c, $"{Written(c)} is read as the relation {op.Trim()}; the annotation {Written(note)} is left out");
            var left = i == 1 ? Lower(factors[0]) : JuxtapositionOf(factors.Take(i).ToList());
            var right = i + 2 == factors.Count ? Lower(factors[^1]) : JuxtapositionOf(factors.Skip(i + 1).ToList());
            return RelationOf(op) is { } kind ? KRelation.Of(left, kind, right) : Call.Of(Function.Named(op.Trim().TrimStart('\\')), left, right);
        }
        return null;
    }

    /// <summary>
    /// \min_\theta -\log p, \max_x -f: a big operator whose body starts with a sign takes the rest of the sum as its body
    /// (TeX's spacing reads it so), and that is said. Null when no operand of the sum ends with such an operator.
    /// </summary>
    private MathNode? SignedBigOperatorBody(BinaryOperation b)
    {
        if (!BinaryOperation.SameLevel(b.Operator, "+")) return null;
        var (operands, ops) = b.Spine();
        for (int k = 0; k < ops.Count; k++)
        {
            var factors = Factors(operands[k]);
            if (factors[^1] is not BigOperator { Body: null, Name: not ("int" or "iint" or "iiint" or "oint") } bo || ops[k].Operator.Trim() is not ("+" or "-")) continue;
            MathNode body = new UnaryOperation(ops[k].Operator.Trim(), operands[k + 1], operands[k + 1].Span);
            for (int r = k + 1; r < ops.Count; r++) body = new BinaryOperation(ops[r].Operator, body, operands[r + 1], ops[r].Span);
            Warn(bo, $"{Written(bo)} is read as applying to the rest of the sum after it (from its sign on); write {Written(bo)}(…) to say otherwise");
            var applied = bo.WithBody(body, bo.Span);
            MathNode head = factors.Count == 1 ? applied : new Juxtaposition([.. factors.Take(factors.Count - 1), applied], operands[k].Span);
            // the operands before it stay a chain on the left
            if (k > 0)
            {
                MathNode acc = operands[0];
                for (int r = 0; r < k - 1; r++) acc = new BinaryOperation(ops[r].Operator, acc, operands[r + 1], ops[r].Span);
                head = new BinaryOperation(ops[k - 1].Operator, acc, factors.Count == 1 ? applied : new Juxtaposition([.. factors.Take(factors.Count - 1), applied], operands[k].Span), ops[k - 1].Span);
            }
            return head;
        }
        return null;
    }

    /// <summary>
    /// \int x^2 + 1 \, dx: an integral whose body has no differential, in a sum whose later term ends with one, integrates
    /// everything between \int and that differential (the grammar ends a big operator's body at the next sign, and
    /// ∫x² + d(x)·1 was read). Null when no term of the sum is such an integral.
    /// </summary>
    private MathNode? IntegrandAcrossSum(BinaryOperation b)
    {
        if (!BinaryOperation.SameLevel(b.Operator, "+")) return null;
        var (operands, ops) = b.Spine();
        static bool EndsWithDifferential(List<MathNode> f) => f.Count >= 2 && IsDifferentialMark(f[^2]) && Differentiable(f[^1]);
        for (int k = 0; k < ops.Count; k++)
        {
            var factors = Factors(operands[k]);
            if (factors[^1] is not BigOperator { Name: "int" or "oint", Body: { } body } bo || EndsWithDifferential(Factors(body))) continue;
            int m = k + 1;
            while (m < operands.Count && !EndsWithDifferential(Factors(operands[m])) && ops[m - 1].Operator.Trim() is "+" or "-") m++;
            if (m == operands.Count || ops[m - 1].Operator.Trim() is not ("+" or "-")) return null;
            var last = Factors(operands[m]);
            if (last.Count < 3) return null;   // \int f + dx: nothing before the differential
            MathNode beforeDifferential = last.Count == 3 ? last[0] : new Juxtaposition([.. last.Take(last.Count - 2)], operands[m].Span);
            MathNode sum = body;
            for (int r = k; r < m; r++) sum = new BinaryOperation(ops[r].Operator, sum, r + 1 == m ? beforeDifferential : operands[r + 1], ops[r].Span);
            var integrand = new Juxtaposition([new Group(sum, "(", ")", false, body.Span), last[^2], last[^1]], bo.Span);
            var applied = bo.WithBody(integrand, bo.Span);
            MathNode head = factors.Count == 1 ? applied : new Juxtaposition([.. factors.Take(factors.Count - 1), applied], operands[k].Span);
            MathNode acc = head;
            if (k > 0)
            {
                acc = operands[0];
                for (int r = 0; r < k; r++) acc = new BinaryOperation(ops[r].Operator, acc, r + 1 == k ? head : operands[r + 1], ops[r].Span);
            }
            for (int r = m; r < ops.Count; r++) acc = new BinaryOperation(ops[r].Operator, acc, operands[r + 1], ops[r].Span);
            return acc;
        }
        return null;
    }

    /// <summary>x^μ for ∂_μ (x_μ for ∂^μ): the coordinate a spacetime index stands for.</summary>
    private KSymbol IndexCoordinate(MathNode index, bool up) =>
        KSymbol.Of(up ? SymbolName.Of("x", lower: IndexText(Unbraced(index))) : SymbolName.Of("x", upper: IndexText(Unbraced(index))), Assumptions.Real);

    /// <summary>The variables a field that only ∂_μ declares is read over: those of a declared field of several variables, else t, x, y, z.</summary>
    private List<string> SpacetimeVariables() =>
        _ctx.Functions.Values.FirstOrDefault(a => a.Count >= 2)?.ToList() ?? [_ctx.Time, "x", "y", "z"];

    /// <summary>∂^μ∂_μ X: the d'Alembertian, Σ η^{μμ} ∂²X/∂x_μ² over a field's variables; of anything else, kept as the operator dalembertian(X).</summary>
    private Expr Dalembertian(IReadOnlyList<MathNode> factors, int at, string index)
    {
        int i = at + 2;
        var operand = Unit(factors, ref i);
        var rest = factors.Where((_, k) => k < at || k > i).ToList();
        Expr value;
        if (operand is Call { Function.IsUser: true } field && field.Args.Length >= 2 && field.Args.All(x => x is KSymbol))
        {
            var coords = field.Args.Cast<KSymbol>().ToList();
            var signs = SignsFor(coords.Count, factors[at]);
            Warn(factors[at], $"{Written(factors[at])}{Written(factors[at + 1])} is summed over {string.Join(", ", coords.Select(c => Pretty(c.Name)))} with η = diag({string.Join(", ", signs)})");
            value = Sum.Of(coords.Select((x, k) => signs[k] * Calculus.Diff(operand, x, 2)).ToList());
        }
        else
        {
            Warn(factors[at], $"{Written(factors[at])}{Written(factors[at + 1])} is read as the d'Alembertian, kept as the operator dalembertian(…): what it acts on is not a field");
            value = Call.Of(Function.Named("dalembertian"), operand);
        }
        return rest.Count == 0 ? value : (rest.Count == 1 ? Lower(rest[0]) : JuxtapositionOf(rest)) * value;
    }

    /// <summary>The name of a letter that may be applied as a function: f, or ω_ν (subscripted, no power).</summary>
    private string? FunctionName(MathNode f) => f switch
    {
        SSymbol { Accents.Length: 0 } s => NameOf(s),
        Scripted { Base: SSymbol { Accents.Length: 0 } b, Subscript: { } sub, Superscript: null } when IsSimpleIndex(sub) => Spell(b, lower: sub),
        Scripted { Base: SSymbol { Accents.Length: 0 } b, Subscript: null, Superscript: null, Primes: > 0 } pc
            when _functions.ContainsKey(Spell(b, primes: pc.Primes)) => Spell(b, primes: pc.Primes),   // x′(t′), a coordinate
        Scripted { Base: SSymbol { Accents.Length: 0 } b, Subscript: null, Superscript: null, Primes: > 0 } => NameOf(b),   // Φ'(r)
        // x^μ(s), Γ^μ_{αβ}(x), x^μ'(s): an indexed name, spelled as ScriptedOf spells it.
        Scripted { Base: SSymbol { Accents.Length: 0 } b, Superscript: { } sup } isc when IsIndexSuperscript(b, isc.Subscript, sup)
            && (isc.Subscript is null || IsSimpleIndex(isc.Subscript))
            => Spell(b, sup, isc.Subscript),
        _ => null,
    };

    private const int MaxOperatorNameLength = 32;

    private static bool KnownOperatorName(string name) => name is "softmax" or "max" or "min" or "argmax" or "argmin" or "exp" or "log" or "ln" or "sin" or "cos" or "tan" or "relu" or "sigmoid" or "tanh" or "KL" or "diag" or "tr" or "Var" or "Cov";

    private static bool IsDifferentialMark(MathNode n) =>
        n is SSymbol { Name: "d", Accents.Length: 0, Font: null or "mathrm" or "rm" } || n is Styled { Font: "mathrm", Body: SSymbol { Name: "d" } }
        || n is TextNode { Content: "d" } || n is Group { Open: "{", Content: SSymbol { Name: "d", Font: "mathrm" } };

    private static bool Differentiable(MathNode n) => n is SSymbol or Scripted { Base: SSymbol or Group { Open: "(" } } or Group { Open: "(" };

    // ------------------------------------------------------------------ operators, functions, groups

    private Expr BinaryOf(BinaryOperation b)
    {
        // c_{\star}, |_{\star}: an operator sign written alone (in a script) is a label, the name of the sign.
        if (IsLoneOperator(b)) return Named(b.Operator.Trim().TrimStart('\\'));
        // \mbox{} + X: an empty box in front of a sign (a continuation row) is nothing; the sign is unary.
        if (IsBlankText(b.Left) && b.Operator.Trim() is "+" or "-") return b.Operator.Trim() == "-" ? -Lower(b.Right) : Lower(b.Right);
        if (VectorOperatorChain(b) is { } vector) return vector;
        if (SignedBigOperatorBody(b) is { } signed) return Lower(signed);
        if (IntegrandAcrossSum(b) is { } integral) return Lower(integral);
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
        var lowered = new List<Expr>(operands.Count) { IsBlankText(operands[0]) ? Expr.Zero : Lower(operands[0]) };
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
            value = fc.Subscript is { } b ? Function.LogBase(argument, Lower(b)) : Expr.Log(argument);   // log_b x = ln x / ln b
        }
        else if (fc.Superscript is UnaryOperation { Operator: "-", Operand: SNumber { Text: "1" } } && Function.FromLatexName(name)?.Entry?.Inverse is { } inverse)
        {
            Warn(fc, $"\\{name}^{{-1}} is read as the inverse function {inverse().Name}, not the reciprocal 1/\\{name}; write (\\{name} x)^{{-1}} for the reciprocal");
            return Call.Of(inverse(), argument);   // \sin^{-1} x = arcsin x
        }
        else if (fc.Superscript is UnaryOperation { Operator: "-", Operand: SNumber { Text: "1" } } && ReciprocalInverse(name, argument) is var (through, written))
        {
            // \cot^{-1} x = arccot x = arctan(1/x): the same reading as \sin^{-1}, written through the table's inverses.
            Warn(fc, $"\\{name}^{{-1}} is read as the inverse function arc{name}, written {written}, not the reciprocal 1/\\{name}; write (\\{name} x)^{{-1}} for the reciprocal");
            return through;
        }
        else if (Function.FromLatexName(name) is { } f) value = Call.Of(f, argument);
        else value = fc.Subscript is { } s ? Call.Of(Function.Named(name), argument, Lower(s)) : Call.Of(Function.Named(name), argument);
        if (fc.Superscript is { } p) value = Power.Of(value, Lower(p));
        return value;
    }

    /// <summary>arcsec, arccsc, arccot and the hyperbolic arsech, arcsch, arcoth, which the function table lacks, through the
    /// inverse of the reciprocal function: arcsec u = arccos(1/u), arccot u = arctan(1/u) (π/2 at 0, as SymPy's acot).</summary>
    private static (Expr Value, string Written)? ReciprocalInverse(string name, Expr u)
    {
        (Function f, string text)? by = name switch
        {
            "sec" => (Function.Acos, "arccos(1/x)"),
            "csc" => (Function.Asin, "arcsin(1/x)"),
            "cot" => (Function.Atan, "arctan(1/x)"),
            "sech" => (Function.Arcosh, "arcosh(1/x)"),
            "csch" => (Function.Arsinh, "arsinh(1/x)"),
            "coth" => (Function.Artanh, "artanh(1/x)"),
            _ => null,
        };
        if (by is not var (f, text)) return null;
        if (name == "cot" && u.IsZero) return (Expr.Pi / 2, text);
        return (Call.Of(f, Power.Of(u, Expr.MinusOne)), text);
    }

    private Expr BigOperatorOf(BigOperator bo)
    {
        if (bo.Body is null) throw Error(bo, $"\\{bo.Name} needs something to apply to");
        if (bo.Name == "oint")
        {
            // ∮ z dz over a closed path is no antiderivative (it read z²/2): kept as written, the operator oint(body, scripts…).
            Warn(bo, "\\oint is kept as written: an integral over a closed path is not evaluated here");
            var closed = new List<Expr> { Lower(bo.Body) };
            if (bo.Subscript is { } c0) closed.Add(Lower(c0));
            if (bo.Superscript is { } c1) closed.Add(Lower(c1));
            return Call.Of(Function.Named("oint"), closed.ToArray());
        }
        if (bo.Name is "int" or "iint" or "iiint")
        {
            if (MeasureIntegral(bo) is { } measured) return measured;
            // ∫ body dx dy: the trailing differentials are the integration variables.
            var factors = Factors(bo.Body);
            var variables = new List<Expr>();
            int end = factors.Count;
            while (end >= 2 && IsDifferentialMark(factors[end - 2]) && Differentiable(factors[end - 1]))
            {
                variables.Insert(0, Lower(factors[end - 1]));
                end -= 2;
            }
            if (variables.Count == 0 && bo.Name == "int" && DifferentialFactor(Lower(bo.Body)) is var (inner, dv))
            {
                // ∫ \frac{dx}{1+x^2}, ∫ \frac{x\,dx}{1+x^2}: the differential written in a numerator is the variable, as in the articles.
                var numeratorIntegral = Call.Of(Function.Integral, inner, dv);
                return bo.Subscript is { } lo0 && bo.Superscript is { } hi0 ? Call.Of(Function.Limits, numeratorIntegral, Lower(lo0), Lower(hi0)) : numeratorIntegral;
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
                integral = Call.Of(Function.Limits, integral, Lower(lo), Lower(hi));
            return integral;
        }
        var scripts = new List<Expr> { Lower(bo.Body) };
        if (bo.Subscript is { } sub) scripts.Add(Lower(sub));
        if (bo.Superscript is { } sup) scripts.Add(Lower(sup));
        return Call.Of(Function.Named(bo.Name), scripts.ToArray());
    }

    /// <summary>A body that is a product with exactly one factor d(x) (and no other differential): the rest and x; else null.</summary>
    private static (Expr Integrand, Core.Symbol Variable)? DifferentialFactor(Expr body)
    {
        var factors = body is Product p ? p.Children.ToList() : [body];
        var marks = factors.Where(f => f is Call { Args: [Core.Symbol] } c && c.Function.Equals(Function.D)).ToList();
        if (marks.Count != 1) return null;
        var rest = factors.Where(f => !ReferenceEquals(f, marks[0])).ToList();
        if (rest.Any(f => f.Any(n => n is Call c && c.Function.Equals(Function.D)))) return null;
        return (Product.Of(rest), (Core.Symbol)((Call)marks[0]).Args[0]);
    }

    private Expr GroupOf(Group g)
    {
        var open = g.Open.Trim();
        if (open is "|" or "\\vert" or "\\lvert") return Expr.Abs(Lower(g.Content));
        if (open is "\\Vert" or "\\|" or "\\lVert") return Call.Of(Function.Named("norm"), Lower(g.Content));
        if (open is "\\lfloor" or "\\lceil") return FloorOrCeiling(g, open == "\\lfloor");
        if (open == "\\langle") return Call.Of(Function.Named("inner"), g.Content is Sequence s ? s.Items.Select(Lower).ToArray() : new[] { Lower(g.Content) });
        if (g.Content is Empty) throw Error(g, "expected a formula inside the brackets");
        if (g.Content is LatexEnvironment env) return EnvironmentOf(env);
        if (g.Content is Sequence seq && !ReferenceEquals(StripPunctuation(seq), seq)) return Lower(StripPunctuation(seq));
        if (Commutator(g) is { } commutator) return commutator;
        if (g.Content is Sequence tuple) return Call.Of(Function.Tuple, tuple.Items.Where(i => i is not Empty).Select(Lower).ToArray());
        return Lower(g.Content);
    }

    /// <summary>
    /// \lfloor x \rfloor, \lceil x \rceil: the integer part of a number exactly (⌊5/2⌋ = 2, ⌈21/10⌉ = 3); of anything else the
    /// named operator floor(…)/ceiling(…), kept as written — it has no derivative or antiderivative here, so the
    /// differentiator and the integrator leave it or refuse rather than guess (before, the brackets were dropped: ⌊x⌋ was x).
    /// </summary>
    private Expr FloorOrCeiling(Group g, bool floor)
    {
        if (g.Content is Empty) throw Error(g, "expected a formula inside the brackets");
        if (g.Close.Trim() != (floor ? "\\rfloor" : "\\rceil"))
            throw Error(g, $"{g.Open.Trim()} … {g.Close.Trim()} mixes floor and ceiling brackets: write \\lfloor x \\rfloor or \\lceil x \\rceil");
        var content = Lower(g.Content);
        if (content is KNumber { Value: var q })
        {
            var down = System.Numerics.BigInteger.Divide(q.Num - (q.Num.Sign < 0 ? q.Den - 1 : 0), q.Den);   // ⌊q⌋ for a positive denominator
            return KNumber.Of(floor || down * q.Den == q.Num ? down : down + 1);
        }
        return Call.Of(Function.Named(floor ? "floor" : "ceiling"), content);
    }

    private Expr EnvironmentOf(LatexEnvironment env)
    {
        var rows = env.Rows.Select(r => (Expr)Call.Of(Function.Named("row"), (r.Body is { } b && b is not Empty ? new[] { b } : r.Cells.Where(c => c is not Empty)).SelectMany(LowerTop).ToArray())).ToArray();
        var head = env.Name.Contains("matrix", StringComparison.Ordinal) || env.Name == "array" ? "matrix" : env.Name.TrimEnd('*');
        return Call.Of(Function.Named(head), rows);
    }
}
