using System.Collections.Immutable;
using Symbolic.Core;
using Symbolic.Latex.Syntax;
using KSymbol = Symbolic.Core.Symbol;
using SSymbol = Symbolic.Latex.Syntax.Symbol;
using SNumber = Symbolic.Latex.Syntax.Number;
using SRelation = Symbolic.Latex.Syntax.Relation;

namespace Symbolic.Latex;

/// <summary>
/// Physics notation that the reviewed sample of the second corpus found misread or refused (grammar/README.md,
/// "Reading decisions and warnings"): indices written as superscripts, the prime's variable, operators that act on
/// what follows them (δ, D, ∇, an operator sum), commutators, n-dimensional measures, continuation rows.
/// </summary>
internal sealed partial class Lowerer
{
    // The right side of the last equation read: a row "&= c" continues from it.
    private Expr? _lastRight;
    // Names written as a derivative's variable with a letter superscript (∂/∂q^n): their letter superscripts are indices.
    private readonly HashSet<string> _letterIndexed = new();
    // Names written with a Greek index superscript (k^μ): their letter superscripts and the component 0 are indices.
    private readonly HashSet<string> _greekIndexed = new();
    // What a primed name is differentiated by, when the display says it: q(τ), or the variable of the integral around it.
    private readonly Dictionary<string, string> _primeVariables = new();
    // Every plain name written in the display.
    private readonly HashSet<string> _displayNames = new();
    // The scripts of the display (the n' of q^{n'} is an index, not a primed function).
    private readonly HashSet<MathNode> _scriptNodes = new(ReferenceEqualityComparer.Instance);
    // (∂_t + u ∂_x) u written out term by term, so that Declare sees ∂_x u.
    private readonly List<MathNode> _distributed = new();

    /// <summary>The pass before <see cref="Declare"/>: which names carry indices, and what primes differentiate by.</summary>
    private void DeclareNotation(MathNode root)
    {
        var primed = new List<(Scripted Node, SSymbol Base)>();
        var lettersWritten = new List<SSymbol>();
        foreach (var node in Walk(root))
        {
            switch (node)
            {
                case SSymbol s:
                    _displayNames.Add(NameOf(s));
                    if (!s.IsCommand || IsGreekName(s.Name)) lettersWritten.Add(s);
                    break;
                case Fraction f:
                {
                    var num = Factors(f.Numerator);
                    if (num.Count == 0 || DerivativeMark(num[0]) is not ((true, _, _) or (_, true, _))) break;
                    var den = Factors(f.Denominator);
                    for (int i = 0; i + 1 < den.Count; i++)
                        if (DerivativeMark(den[i]) is (true, _, _) or (_, true, _)
                            && den[i + 1] is Scripted { Base: SSymbol vb, Superscript: { } vsup, Primes: 0 } v && IsLetterIndex(vsup) && !IsLetterOf(vsup, vb)
                            && !ConstantNames.Contains(vb.Name) && _letterIndexed.Add(NameOf(vb)))
                            Warn(v, $"{Written(v)} below the fraction bar is read as {Pretty(NameOf(vb))} with the index {Written(vsup)}, not a power (the order of a derivative is a number); so is every letter superscript on {Pretty(NameOf(vb))} in this display");
                    break;
                }
                case Scripted { Base: SSymbol gb, Superscript: { } gsup } when IsGreekIndexLetter(gsup) && !ConstantNames.Contains(gb.Name) && gb.Name is not ("eta" or "delta"):
                    _greekIndexed.Add(NameOf(gb));
                    break;
            }
            if (node is Scripted { Primes: > 0, Base: SSymbol pb } ps && !_scriptNodes.Contains(ps)) primed.Add((ps, pb));
            if (node is Scripted sc)
                foreach (var script in new[] { sc.Subscript, sc.Superscript })
                    if (script is not null) { _scriptNodes.Add(script); _scriptNodes.Add(Unbraced(script)); }
            if (node is Juxtaposition oj)
                for (int i = 0; i + 1 < oj.Factors.Length; i++)
                    if (oj.Factors[i] is Group { Open: "(", Content: BinaryOperation os } && OperatorSum(os, oj.Factors[i + 1]) is { } written)
                        _distributed.Add(written);
        }
        WarnDecoratedAndBare(lettersWritten);
        if (primed.Count == 0) return;
        // ω_{k'}, k'_μ: a primed name written as an index is a label (a second momentum), a name of its own everywhere.
        var labels = _scriptNodes.SelectMany(Walk).OfType<Scripted>().Where(x => x.Primes > 0 && x.Base is SSymbol)
            .Select(x => NameOf((SSymbol)x.Base) + new string('\'', x.Primes)).ToHashSet();
        foreach (var (pn, pb) in primed)
            if (labels.Contains(NameOf(pb) + new string('\'', pn.Primes))) _primedNames.Add(PrimedName(pb, pn));
        primed.RemoveAll(p => _primedNames.Contains(PrimedName(p.Base, p.Node)));
        var primedNames = primed.Select(p => NameOf(p.Base)).ToHashSet();
        foreach (var node in Walk(root))
        {
            // q(τ), t(τ) for a name that is primed in the display: the prime is d/dτ.
            if (node is Juxtaposition j)
                for (int i = 0; i + 1 < j.Factors.Length; i++)
                    if (j.Factors[i] is SSymbol { Accents.Length: 0 } an && primedNames.Contains(NameOf(an))
                        && j.Factors[i + 1] is Group { Open: "(", Content: SSymbol { Accents.Length: 0 } av } && NameOf(av) != NameOf(an))
                        _primeVariables.TryAdd(NameOf(an), NameOf(av));
            // ∫ … θ'^2 … dφ: a prime inside an integral over one variable differentiates by it.
            if (node is BigOperator { Name: "int" or "iint" or "iiint" or "oint", Body: { } body })
            {
                var variables = Walk(body).OfType<Juxtaposition>()
                    .SelectMany(jx => jx.Factors.Zip(jx.Factors.Skip(1)).Where(p => IsDifferentialMark(p.First) && p.Second is SSymbol { Accents.Length: 0 }).Select(p => NameOf((SSymbol)p.Second)))
                    .Distinct().ToList();
                if (variables.Count != 1) continue;
                foreach (var (pn, pb) in primed)
                    if (Walk(body).Contains(pn)) _primeVariables.TryAdd(NameOf(pb), variables[0]);
            }
        }
        // W[q(τ), t(τ)] beside q'_α: a name applied to the variable of the display's primes is a function of it.
        var primeVariables = _primeVariables.Values.ToHashSet();
        foreach (var j in Walk(root).OfType<Juxtaposition>())
            for (int i = 0; i + 1 < j.Factors.Length; i++)
                if (j.Factors[i] is SSymbol { Accents.Length: 0 } an && j.Factors[i + 1] is Group { Open: "(", Content: SSymbol { Accents.Length: 0 } av }
                    && primeVariables.Contains(NameOf(av)) && NameOf(av) != NameOf(an) && !_ctx.Definitions.ContainsKey(NameOf(an)))
                    AddFunction(NameOf(an), NameOf(av));
    }

    /// <summary>
    /// \vec r beside r, \mathbf{r} beside r: an accent makes another name (vec:r is not r, and |\vec r| is not r), while a bold
    /// font is dropped (\mathbf{r} is the symbol r). A display that writes both forms means something the reading may not:
    /// ½m\dot{\vec r}^2 − V(r) has V of a name that the velocity does not involve. Said once per letter.
    /// </summary>
    private void WarnDecoratedAndBare(List<SSymbol> written)
    {
        var bare = written.Where(s => s.Accents.Length == 0 && s.Font is null).Select(s => s.Name).ToHashSet();
        var said = new HashSet<string>();
        foreach (var s in written)
        {
            if (!bare.Contains(s.Name) || ConstantNames.Contains(s.Name) || IsEuler(s) || said.Contains(s.Name)) continue;
            var accents = s.Accents.Where(a => !IsDotAccent(a)).ToList();
            if (accents.Count > 0)
            {
                said.Add(s.Name);
                Warn(s, $"{Written(s)} and {Pretty(s.Name)} are read as two unrelated names ({NameOf(s)} and {s.Name}): nothing relates them here (|\\vec r| is not r); write one of them, or define one by the other (:= …)");
            }
            else if (s.Font is "mathbf" or "boldsymbol" or "bm" or "pmb")
            {
                said.Add(s.Name);
                Warn(s, $"{Written(s)} is read as the same symbol as {Pretty(s.Name)} (the bold font is dropped): a vector and its length are one name here; write one of them, or name the length otherwise");
            }
        }
    }

        private static bool IsGreekIndexLetter(MathNode sup) => Unbraced(sup) is SSymbol { Accents.Length: 0, IsCommand: true } g && IndexLetters.Contains(g.Name);

    /// <summary>A lone letter (n), a primed letter (n') or a Greek index letter: what an index superscript is written with.</summary>
    private static bool IsLetterIndex(MathNode sup) => Unbraced(sup) switch
    {
        SSymbol { Accents.Length: 0, IsCommand: false, Name: var n } => n.Length == 1 && char.IsLetter(n[0]) && n != "T",
        SSymbol { Accents.Length: 0, IsCommand: true } g => IndexLetters.Contains(g.Name),
        // x^{\mu_{p+1}}: an indexed index letter
        Scripted { Base: SSymbol { Accents.Length: 0, IsCommand: true } ig, Subscript: { } isub, Superscript: null, Primes: 0 } => IndexLetters.Contains(ig.Name) && IsSimpleIndex(isub),
        Scripted { Base: SSymbol { Accents.Length: 0, IsCommand: false } pb, Subscript: null, Superscript: null, Primes: > 0 } => pb.Name.Length == 1,
        _ => false,
    };

    // dt^t: the typo of an order, not an index (refused with its own message).
    private static bool IsLetterOf(MathNode sup, SSymbol b) => Unbraced(sup) is SSymbol s && s.Name == b.Name;

    /// <summary>A superscript that is an index because the display writes its base with indices elsewhere:
    /// q^n beside ∂/∂q^n, k^0 beside k^μ.</summary>
    private bool IsIndexedBaseSuperscript(SSymbol b, MathNode sup)
    {
        var name = NameOf(b);
        if (_letterIndexed.Contains(name) && IsLetterIndex(sup)) return true;
        if (!_greekIndexed.Contains(name)) return false;
        if (IsLetterIndex(sup)) return true;
        if (Unbraced(sup) is SNumber { Text: "0" } zero)
        {
            Warn(zero, $"{Pretty(name)}^0 is read as the component {Pretty(name)}^0 (an index), not a power: {Pretty(name)} carries a Greek index in this display");
            return true;
        }
        return false;
    }

    /// <summary>What the primes on <paramref name="function"/> differentiate by: the variable the display applies
    /// the name to, the variable of the integral around it, or the prime variable (said when the display does not use it).</summary>
    private string PrimeVariableFor(string function, string baseName, MathNode at)
    {
        if (_primeVariables.TryGetValue(function, out var v) || _primeVariables.TryGetValue(baseName, out v)) return v;
        // Said when the display gives a reason to doubt x: no x in it, and an indexed name (θ_1') or the time t written beside it.
        if (!_ctx.Functions.ContainsKey(function) && !_displayNames.Contains(_ctx.PrimeVariable) && !_functions.ContainsKey(function)
            && (at is Scripted { Subscript: not null } || _displayNames.Contains(_ctx.Time)))
            Warn(at, $"{Written(at)} is read as a derivative by {Pretty(_ctx.PrimeVariable)} (the prime variable): nothing in this display says what {Pretty(function)} depends on");
        return _ctx.PrimeVariable;
    }

    // ------------------------------------------------------------------ operators that act on the next factor

    private static bool IsNabla(MathNode n) => n is SSymbol { Name: "nabla", Accents.Length: 0 };

    /// <summary>δ (a variation, or the Dirac delta before parentheses) and \mathrm{D} (the Lagrangian derivative's D).</summary>
    private static string? OperatorMark(MathNode n) => n switch
    {
        SSymbol { Name: "delta", IsCommand: true, Accents.Length: 0, Font: null } => "delta",
        SSymbol { Name: "D", Accents.Length: 0, Font: "mathrm" or "rm" } or Styled { Font: "mathrm", Body: SSymbol { Name: "D" } } => "D",
        _ => null,
    };

    /// <summary>
    /// A factor of a product that acts on what follows it: δy, \mathrm{D}\ln P, ∇φ, ∇²Φ, \frac{\mathrm{D}}{\mathrm{D}t} X,
    /// \frac{∂^k}{∂q^k} f, \log\sum_i …, (∂_t + u ∂_x) u, and a script on an empty group (\hat{K}{}^{\top}) that belongs to
    /// the factor before it. Null when factor <paramref name="i"/> is none of these.
    /// </summary>
    private Expr? NotationFactor(IReadOnlyList<MathNode> factors, ref int i, List<Expr> parts)
    {
        var f = factors[i];
        bool hasNext = i + 1 < factors.Count;
        if (f is Scripted { Base: Group { Open: "{", Content: Empty }, Subscript: null, Superscript: { } emptySup } && parts.Count > 0)
        {
            parts[^1] = PowerOf(parts[^1], emptySup);   // \hat{K}{}^{\top}: the script is the previous factor's
            return Expr.One;
        }
        if (!hasNext) return null;
        var next = factors[i + 1];
        if (f is FunctionCall { Argument: SSymbol { Accents.Length: 0 } letter, Parenthesized: false } lf && next is Group { Open: "(" } lg
            && FunctionName(letter) is { } applied && !_ctx.Definitions.ContainsKey(applied)
            && (IsConditional(lg.Content) || IsArgumentList(lg.Content) || _functions.ContainsKey(applied) || _applied.Contains(applied)))
        {
            i++;   // \log p(x|\theta), \log p(x, y): the function of the application, never log(p)·(x|θ)
            return FunctionOf(lf, Call.Of(UserFunction(applied), Arguments(lg.Content)));
        }
        if (f is FunctionCall { Argument: null } fc && !IsDifferentialMark(next) && next is not SNumber)
        {
            i++;
            return FunctionOf(fc, Unit(factors, ref i));   // \log\sum_i x_i, \ln\sin^{n-2}\theta
        }
        if (OperatorMark(f) is { } mark && next is not SNumber)
        {
            i++;
            return Call.Of(Function.Named(mark), Unit(factors, ref i));
        }
        if (f is Scripted { Base: SSymbol { Name: "delta", IsCommand: true, Accents.Length: 0 }, Subscript: null, Superscript: { } dim, Primes: 0 } && next is Group { Open: "(" } dg)
        {
            i++;   // δ^k(0), δ^{(D-1)}(k - q): the Dirac delta in k dimensions
            return Call.Of(Function.Named("delta^" + Written(Unbraced(dim))), Arguments(dg.Content));
        }
        if (IsNabla(f))
        {
            i++;
            return Call.Of(Function.Named("grad"), Unit(factors, ref i));
        }
        if (f is Scripted { Base: var nb, Subscript: null, Superscript: SNumber { Text: "2" }, Primes: 0 } && IsNabla(nb))
        {
            i++;
            return Call.Of(Function.Named("laplacian"), Unit(factors, ref i));
        }
        if (f is Fraction mf && MaterialVariable(mf) is { } dv)
        {
            i++;   // \frac{\mathrm{D}}{\mathrm{D}t} X: D(X)/D(t), as \frac{\mathrm{D}X}{\mathrm{D}t} reads
            return Call.Of(Function.Named("D"), Unit(factors, ref i)) / Call.Of(Function.Named("D"), Lower(dv));
        }
        if (f is Fraction sf && SymbolicOrder(sf) is { Operand: null } so)
        {
            i++;
            return Call.Of(Function.TotalDerivative, Unit(factors, ref i), so.Variable, so.Order);
        }
        if (f is Group { Open: "(", Content: BinaryOperation sum } && OperatorSum(sum, next) is { } distributed)
        {
            i++;
            return Lower(distributed);
        }
        if (f is Group { Open: "(", Content: BinaryOperation { Operator: var dot } one } && dot.Trim() is "\\cdot" && EndsWithOperator(one))
        {
            i++;   // (δr·∇) f: the operator acts on what follows the parentheses
            return Lower(Append(one, next));
        }
        return null;
    }

    /// <summary>\frac{\mathrm{D}}{\mathrm{D}t}: the variable t, or null.</summary>
    private MathNode? MaterialVariable(Fraction f)
    {
        var den = Factors(f.Denominator);
        return OperatorMark(Unbraced(f.Numerator)) == "D" && den.Count == 2 && OperatorMark(den[0]) == "D" ? den[1] : null;
    }

    private sealed record SymbolicOrderSpec(MathNode? Operand, Expr Variable, Expr Order);

    /// <summary>\frac{∂^k}{∂q^k}, \frac{∂^k f}{∂q^k}: a derivative of a symbolic order, kept as the operator
    /// Derivative(f, q, k); the orders above and below the bar must be written alike.</summary>
    private SymbolicOrderSpec? SymbolicOrder(Fraction f)
    {
        var num = Factors(f.Numerator);
        var den = Factors(f.Denominator);
        if (num.Count is 0 or > 2 || den.Count != 2) return null;
        if (num[0] is not Scripted { Base: SSymbol { Name: "partial" or "d" } mark, Subscript: null, Superscript: { } k, Primes: 0 } || k is SNumber) return null;
        if (DerivativeMark(den[0]) is not ((true, _, _) or (_, true, _))) return null;
        if (den[1] is not Scripted { Base: SSymbol vb, Subscript: null, Superscript: { } k2, Primes: 0 }) return null;
        if (Written(Unbraced(k)) != Written(Unbraced(k2)))
            throw Error(f.Denominator, $"the orders do not match: {Written(k)} above the fraction bar, {Written(k2)} below it");
        return new SymbolicOrderSpec(num.Count == 2 ? num[1] : null, VariableFor(NameOf(vb)), Lower(k));
    }

    /// <summary>(∂_t + u·∂_x) u: a sum whose every term ends with an operator, applied to the next factor term by term.</summary>
    private MathNode? OperatorSum(BinaryOperation sum, MathNode operand)
    {
        if (!BinaryOperation.SameLevel(sum.Operator, "+")) return null;
        var (operands, ops) = sum.Spine();
        // (∂^μ∂_μ − m²)φ: the terms that end with an operator act on the operand, the others multiply it.
        if (!operands.Any(EndsWithOperator)) return null;
        MathNode acc = Append(operands[0], operand);
        for (int k = 0; k < ops.Count; k++) acc = new BinaryOperation(ops[k].Operator, acc, Append(operands[k + 1], operand), ops[k].Span);
        return acc;
    }

    private bool EndsWithOperator(MathNode n) => n switch
    {
        Juxtaposition j => EndsWithOperator(j.Factors[^1]),
        BinaryOperation b when BinaryOperation.SameLevel(b.Operator, "\\cdot") && b.Operator.Trim() != "/" => EndsWithOperator(b.Right),
        UnaryOperation u => EndsWithOperator(u.Operand),
        Scripted { Base: SSymbol { Name: "partial" }, Subscript: not null } => true,
        Fraction f => IsOperatorFraction(f),
        _ => IsNabla(n),
    };

    /// <summary>d/dt, ∂/∂x with nothing above the bar after the mark; false (never a refusal) when the fraction cannot be read
    /// yet — this is asked before the display's indices are known (∂/∂q^n inside (…)δq^n).</summary>
    private bool IsOperatorFraction(Fraction f)
    {
        try { return DerivativeFraction(f) is { Operand: null }; }
        catch (ParseError) { return false; }
    }

    private static MathNode Append(MathNode term, MathNode operand) => term switch
    {
        Juxtaposition j => new Juxtaposition(j.Factors.Add(operand), j.Span),
        BinaryOperation b => new BinaryOperation(b.Operator, b.Left, Append(b.Right, operand), b.Span),
        UnaryOperation u => new UnaryOperation(u.Operator, Append(u.Operand, operand), u.Span),
        _ => new Juxtaposition(ImmutableArray.Create(term, operand), term.Span),
    };

    /// <summary>∇·X, ∇×X in a product: the divergence and the curl of the operand after the operator (the whole of it).
    /// Null when no ∇ stands before \cdot or \times.</summary>
    private Expr? VectorOperatorChain(BinaryOperation b)
    {
        if (!BinaryOperation.SameLevel(b.Operator, "\\cdot")) return null;
        var (operands, ops) = b.Spine();
        int at = -1;
        for (int k = 0; k < ops.Count && at < 0; k++)
            if (ops[k].Operator.Trim() is "\\cdot" or "\\times" && IsNabla(Factors(operands[k])[^1])) at = k;
        if (at < 0) return null;
        var parts = new List<Expr>();
        for (int k = 0; k < operands.Count; k++)
        {
            var op = k == 0 ? "" : ops[k - 1].Operator.Trim();
            if (k + 1 < operands.Count && ops[k].Operator.Trim() is "\\cdot" or "\\times" && IsNabla(Factors(operands[k])[^1]))
            {
                var before = Factors(operands[k]);
                Expr prefix = before.Count == 1 ? Expr.One : JuxtapositionOf(before.Take(before.Count - 1).ToList());
                var applied = Call.Of(Function.Named(ops[k].Operator.Trim() == "\\cdot" ? "div" : "curl"), Lower(operands[k + 1]));
                var term = prefix * applied;
                parts.Add(op == "/" ? Power.Of(term, Expr.MinusOne) : term);
                k++;
                continue;
            }
            var value = Lower(operands[k]);
            parts.Add(op == "/" ? Power.Of(value, Expr.MinusOne) : value);
        }
        return Product.Of(parts);
    }

    /// <summary>[a, b] of two operands that are not numbers: the commutator, kept as the operator commutator(a, b).</summary>
    private Expr? Commutator(Group g)
    {
        if (g is not { Open: "[", Close: "]" } || g.Content is not Sequence { Items: [var a, var b], Separators: [","] }) return null;
        if (a is SNumber or Empty || b is SNumber or Empty || a is UnaryOperation { Operand: SNumber } || b is UnaryOperation { Operand: SNumber }) return null;
        Warn(g, $"{Written(g)} is read as the commutator of {Written(a)} and {Written(b)} (an interval would have numbers at its ends)");
        return Call.Of(Function.Named("commutator"), Lower(a), Lower(b));
    }

    /// <summary>∫ f \mathrm{d}^3x, ∫ \frac{\mathrm{d}^D k}{(2π)^D} f: an integral over an n-dimensional measure, kept as the
    /// operator int(body, x[, lower, upper]) — the kernel's integral is one-dimensional.</summary>
    private Expr? MeasureIntegral(BigOperator bo)
    {
        var factors = Factors(bo.Body!);
        MathNode? variable = null;
        Expr? scale = null;
        List<MathNode> rest;
        if (factors.Count >= 2 && IsMeasureMark(factors[^2]) && Differentiable(factors[^1]))
        {
            variable = factors[^1];
            rest = factors.Take(factors.Count - 2).ToList();
        }
        else if (factors.Count >= 2 && IsMeasureMark(factors[0]) && Differentiable(factors[1]))
        {
            variable = factors[1];   // ∫ \mathrm{d}^{D-1}x \mathcal{L}: the measure written first
            rest = factors.Skip(2).ToList();
        }
        else if (factors[0] is Fraction mf && Factors(mf.Numerator) is [var m, var mv] && IsMeasureMark(m) && Differentiable(mv))
        {
            variable = mv;
            scale = Expr.One / Lower(mf.Denominator);
            rest = factors.Skip(1).ToList();
        }
        else return null;
        Expr body = rest.Count == 0 ? Expr.One : rest.Count == 1 ? Lower(rest[0]) : JuxtapositionOf(rest);
        if (scale is not null) body = scale * body;
        var args = new List<Expr> { body, Lower(variable) };
        if (bo.Subscript is { } lo) args.Add(Lower(lo));
        if (bo.Superscript is { } hi) args.Add(Lower(hi));
        return Call.Of(Function.Named("int"), args.ToArray());
    }

    private static bool IsMeasureMark(MathNode n) => n is Scripted { Subscript: null, Superscript: not null, Primes: 0 } sc && IsDifferentialMark(sc.Base);

    /// <summary>∂/∂y_{m'} of G(ty, x), ∂_i φ(x): a derivative of an application by a name that is not among its
    /// arguments (a component y_{m'} of y, a summed index i) is kept as written, never 0.</summary>
    private Expr? KeptComponentDerivative(Expr before, Expr variable, int order)
    {
        if (variable is not KSymbol v) return null;
        // A name that no function of the display has as an argument (∂_i with i summed), or an application whose arguments
        // are expressions (G(ty, x)): what the author differentiates by is a component, not a variable of its own.
        bool foreign = !_functions.Values.Any(args => args.Contains(v.Name)) && v.Name != _ctx.Time;
        if (!before.Any(x => x is Call { Function.IsUser: true, Args.Length: > 0 } c && !_ctx.Functions.ContainsKey(c.Function.Name)
                             && (foreign || !c.Args.All(arg => arg is KSymbol))))
            return null;
        return order == 1 ? Call.Of(Function.TotalDerivative, before, variable) : Call.Of(Function.TotalDerivative, before, variable, order);
    }

    /// <summary>u_{>1}, x_{t,&lt;d}: a relation with nothing on its left, inside a script, is the condition "&gt; 1".</summary>
    private Expr? ScriptCondition(SRelation rel)
    {
        if (rel.Operands.Length != 2 || rel.Operands[0] is not Empty || rel.Operands[1] is Empty) return null;
        return Call.Of(Function.Named(rel.Operators[0].Trim().TrimStart('\\')), Lower(rel.Operands[1]));
    }

    /// <summary>\frac{δH}{δΠ(x)}: δ on both sides of the bar is a functional derivative, kept as Derivative(H, Π(x)) —
    /// never a quotient of variations.</summary>
    private Expr? FunctionalDerivative(Fraction f)
    {
        var num = Factors(f.Numerator);
        var den = Factors(f.Denominator);
        if (num.Count < 2 || den.Count < 2 || OperatorMark(num[0]) != "delta" || OperatorMark(den[0]) != "delta") return null;
        Expr of = num.Count == 2 ? Lower(num[1]) : JuxtapositionOf(num.Skip(1).ToList());
        Expr by = den.Count == 2 ? Lower(den[1]) : JuxtapositionOf(den.Skip(1).ToList());
        return Call.Of(Function.TotalDerivative, of, by);
    }

    /// <summary>A name that a function of the display depends on (u(x, y) makes x and y variables).</summary>
    private bool IsVariableOfTheDisplay(string name) => _functions.Values.Any(args => args.Contains(name));
}
