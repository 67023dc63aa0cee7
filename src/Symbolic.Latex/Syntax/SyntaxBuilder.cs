using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Symbolic.Latex.Grammar;
using P = Symbolic.Latex.Grammar.LatexParser;

namespace Symbolic.Latex.Syntax;

/// <summary>
/// The one visitor: turns the ANTLR parse tree into the math syntax tree. The grammar keeps a chain
/// of factors flat; this class groups function arguments and big-operator bodies (grammar/README.md).
/// </summary>
internal sealed class SyntaxBuilder(string source, Func<IList<IToken>, P.AlignedRowContext?> reparse)
{
    // ---------------------------------------------------------------- document, rows, cells

    public MathDocument Document(P.MathContext ctx)
    {
        var rows = Rows(ctx.rows(), alignment: true);
        // A display environment standing alone is unwrapped: its rows are the equations.
        if (rows.Length == 1 && rows[0].Cells.Length == 1 && rows[0].Cells[0] is LatexEnvironment env
            && LatexNames.DisplayEnvironments.Contains(env.Name))
        {
            var outer = rows[0];
            var inner = env.Rows;
            if (inner.Length == 1 && (outer.Tag ?? outer.Label) is not null)
            {
                var r = inner[0];
                inner = [new Row(r.Cells, r.Body, r.Tag ?? outer.Tag, r.Label ?? outer.Label, r.NoNumber || outer.NoNumber, r.Span)];
            }
            rows = inner;
        }
        return new MathDocument(rows, Span(ctx));
    }

    private ImmutableArray<Row> Rows(P.RowsContext ctx, bool alignment)
    {
        var rows = ImmutableArray.CreateBuilder<Row>();
        foreach (var r in ctx.row()) rows.Add(Row(r, alignment));
        // A final \\ before \end leaves an empty row: not a row the author meant.
        if (rows.Count > 1 && rows[^1].Cells.All(c => c is Empty) && rows[^1].Tag is null && rows[^1].Label is null)
            rows.RemoveAt(rows.Count - 1);
        return rows.ToImmutable();
    }

    private Row Row(P.RowContext ctx, bool alignment)
    {
        string? tag = null, label = null;
        var noNumber = false;
        var cells = ImmutableArray.CreateBuilder<MathNode>();
        foreach (var cell in ctx.cell())
        {
            cells.Add(Content(cell.content()));
            foreach (var m in cell.meta())
            {
                switch (m)
                {
                    case P.TagMetaContext t: tag = BracedText(t.TAG().GetText()); break;
                    case P.LabelMetaContext l: label = BracedText(l.LABEL().GetText()); break;
                    default: noNumber = true; break;
                }
            }
        }
        MathNode? body = cells.Count == 1 ? cells[0] : alignment ? Merge(ctx) : null;
        return new Row(cells.ToImmutable(), body, tag, label, noNumber, Span(ctx));
    }

    /// <summary>Reads an alignment row as one formula: its own '&amp;' tokens dropped, tokens kept.</summary>
    private MathNode? Merge(P.RowContext ctx)
    {
        var amps = new HashSet<IToken>(ctx.AMP().Select(a => a.Symbol));
        var tokens = new List<IToken>();
        for (var i = ctx.Start.TokenIndex; i <= ctx.Stop.TokenIndex; i++)
        {
            var t = tokenAt(i);
            if (!amps.Contains(t)) tokens.Add(t);
        }
        var parsed = reparse(tokens);
        return parsed is null ? null : Content(parsed.cell().content());
    }

    private Func<int, IToken> tokenAt = _ => throw new InvalidOperationException();
    public SyntaxBuilder WithTokens(ITokenStream tokens) { tokenAt = tokens.Get; return this; }

    // ---------------------------------------------------------------- expression levels

    private MathNode Content(P.ContentContext ctx)
    {
        var lists = ctx.barList();
        if (ctx.OVER() is { } over)
        {
            var cmd = over.GetText()[1..];
            var top = BarList(lists[0]);
            var bottom = BarList(lists[1]);
            return cmd is "choose" ? new Binomial(top, bottom, cmd, Span(ctx)) : new Fraction(top, bottom, cmd, Span(ctx));
        }
        return BarList(lists[0]);
    }

    private MathNode BarList(P.BarListContext ctx)
    {
        var lists = ctx.list();
        var acc = List(lists[0]);
        var bars = ctx.bar();
        for (var i = 0; i < bars.Length; i++)
        {
            var b = bars[i];
            var op = b.MIDDLE() is not null ? "\\middle" + b.delim().GetText() : b.GetText();
            acc = new BinaryOperation(op, acc, List(lists[i + 1]), Join(acc.Span, Span(lists[i + 1]), Span(b)));
        }
        return acc;
    }

    private MathNode List(P.ListContext ctx)
    {
        if (ctx.children is null) return new Empty(Span(ctx));
        var items = ImmutableArray.CreateBuilder<MathNode>();
        var seps = ImmutableArray.CreateBuilder<string>();
        MathNode? pending = null;
        foreach (var child in ctx.children)
        {
            if (child is P.RelContext r) pending = Rel(r);
            else if (child is P.PunctContext p)
            {
                items.Add(pending ?? new Empty(Span(p)));
                seps.Add(p.GetText());
                pending = null;
            }
        }
        if (seps.Count == 0) return pending ?? new Empty(Span(ctx));
        if (pending is not null) items.Add(pending);
        return new Sequence(items.ToImmutable(), seps.ToImmutable(), Span(ctx));
    }

    private MathNode Rel(P.RelContext ctx)
    {
        var operands = ImmutableArray.CreateBuilder<MathNode>();
        var ops = ImmutableArray.CreateBuilder<string>();
        MathNode? pending = null;
        foreach (var child in ctx.children)
        {
            if (child is P.ExprContext e) pending = Expr(e);
            else if (child is P.RelOpContext r)
            {
                operands.Add(pending ?? new Empty(Span(r)));
                ops.Add(r.GetText());
                pending = null;
            }
        }
        if (ops.Count == 0) return pending!;
        operands.Add(pending ?? new Empty(SpanAfter(ctx)));
        return new Relation(operands.ToImmutable(), ops.ToImmutable(), Span(ctx));
    }

    private MathNode Expr(P.ExprContext ctx)
    {
        // Signs between terms: the first is the binary operator, further ones are prefix signs.
        MathNode? acc = null;
        var pendingSigns = new List<P.AddOpContext>();
        foreach (var child in ctx.children)
        {
            if (child is P.AddOpContext op) { pendingSigns.Add(op); continue; }
            var term = Term((P.TermContext)child);
            string? binary = null;
            var start = 0;
            if (acc is not null && pendingSigns.Count > 0) { binary = pendingSigns[0].GetText(); start = 1; }
            for (var i = pendingSigns.Count - 1; i >= start; i--)
                term = new UnaryOperation(pendingSigns[i].GetText(), term, Join(Span(pendingSigns[i]), term.Span));
            acc = acc is null ? term : new BinaryOperation(binary ?? "", acc, term, Join(acc.Span, term.Span));
            pendingSigns.Clear();
        }
        if (pendingSigns.Count > 0)
        {
            // Trailing signs (a line ending in '+' before \\) or a lone sign ({-}, x^{+}).
            foreach (var s in pendingSigns)
            {
                var empty = new Empty(SpanAfter(s));
                acc = acc is null
                    ? new UnaryOperation(s.GetText(), empty, Span(s))
                    : new BinaryOperation(s.GetText(), acc, empty, Join(acc.Span, Span(s)));
            }
        }
        return acc!;
    }

    private MathNode Term(P.TermContext ctx)
    {
        // [chain?, op, chain?, op, ...] with the operator text; a null chain is a missing operand.
        var items = new List<(string? Op, SourceSpan OpSpan, List<MathNode>? Factors)>();
        string? op = null;
        var opSpan = SourceSpan.None;
        var first = true;
        foreach (var child in ctx.children)
        {
            if (child is P.EvalBarContext) continue;
            if (child is P.MulOpContext m)
            {
                if (first) items.Add((null, SourceSpan.None, null));
                else if (op is not null) items.Add((op, opSpan, null));
                // \boldsymbol{\cdot} is the operator \cdot: the font changes only its look.
                op = m.FONT_OP() is { } fontOp ? FontOperator(fontOp.GetText()) : m.GetText(); opSpan = Span(m); first = false;
            }
            else
            {
                items.Add((op, opSpan, Chain((P.ChainContext)child)));
                op = null; first = false;
            }
        }
        if (op is not null) items.Add((op, opSpan, null));
        var term = BuildTerm(items, 0, Span(ctx));
        if (ctx.evalBar() is not { } bar) return term;
        // F|_a^b: the term evaluated between the limits, kept as (evaluated F a b).
        MathNode? lower = null, upper = null;
        for (int i = 0; i < bar.ChildCount; i++)
        {
            if (bar.GetChild(i) is Antlr4.Runtime.Tree.ITerminalNode tn && i + 1 < bar.ChildCount && bar.GetChild(i + 1) is P.ArgContext a)
            {
                if (tn.Symbol.Type == LatexLexer.SUB) lower = Arg(a); else if (tn.Symbol.Type == LatexLexer.SUP) upper = Arg(a);
            }
        }
        return new Scripted(new PostfixOperation("|", term, Join(term.Span, Span(bar.BAR().Symbol))), lower, upper, 0, Span(ctx));
    }

    private MathNode BuildTerm(List<(string? Op, SourceSpan OpSpan, List<MathNode>? Factors)> items, int from, SourceSpan whole)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        MathNode? acc = null;
        for (var idx = from; idx < items.Count; idx++)
        {
            var (op, opSpan, factors) = items[idx];
            MathNode right;
            var head = factors?.FindIndex(f => f is BigOperator { Body: null }) ?? -1;
            if (head >= 0)
            {
                // A big operator takes the rest of the term as its body, explicit products included.
                var rest = new List<(string?, SourceSpan, List<MathNode>?)> { (null, SourceSpan.None, factors![(head + 1)..]) };
                rest.AddRange(items.Skip(idx + 1));
                var bo = (BigOperator)factors[head];
                MathNode? body = rest.Count == 1 && factors.Count == head + 1 ? null : BuildTerm(rest, 0, whole);
                var applied = bo.WithBody(body, body is null ? bo.Span : Join(bo.Span, body.Span));
                var before = Grouped(factors[..head]);
                before.Add(applied);
                right = Juxt(before);
                acc = Combine(acc, op, opSpan, right);
                return acc;
            }
            right = factors is null || factors.Count == 0 ? new Empty(opSpan) : Juxt(Grouped(factors));
            acc = Combine(acc, op, opSpan, right);
        }
        return acc ?? new Empty(whole);
    }

    private static MathNode Combine(MathNode? acc, string? op, SourceSpan opSpan, MathNode right)
    {
        if (op is null) return acc is null ? right : new BinaryOperation("", acc, right, Join(acc.Span, right.Span));
        var left = acc ?? new Empty(opSpan);
        return new BinaryOperation(op, left, right, Join(left.Span, right.Span, opSpan));
    }

    private static MathNode Juxt(List<MathNode> factors) =>
        factors.Count switch
        {
            0 => new Empty(SourceSpan.None),
            1 => factors[0],
            _ => new Juxtaposition([.. factors], Join(factors[0].Span, factors[^1].Span)),
        };

    // ---------------------------------------------------------------- chains: function arguments

    private List<MathNode> Chain(P.ChainContext ctx)
    {
        var factors = new List<MathNode>();
        foreach (var f in ctx.factor()) factors.Add(Factor(f));
        // Old-style font switches ({\rm d}x): the font applies to what follows in the same chain.
        for (var i = 0; i < factors.Count; i++)
        {
            if (factors[i] is FontSwitch fs)
            {
                factors.RemoveAt(i);
                // {\rm sech}, {\rm sin}, {\rm Re}: a switch before a run of plain letters sets them as one word, read as
                // \mathrm{…} reads it (a built-in's name is the function); {\rm d}x keeps the one letter d.
                if (factors.Count - i >= 2 && factors.Skip(i).All(f => f is Symbol { Accents.Length: 0, IsCommand: false, Font: null }))
                {
                    var word = new Juxtaposition([.. factors.Skip(i)], Join(factors[i].Span, factors[^1].Span));
                    MathNode styled = fs.Font is "rm" or "mathrm" && UprightFunctionName(word) is { } fname
                        ? new FunctionCall(fname, "\\operatorname", null, null, null, false, word.Span)
                        : new Styled(fs.Font, word, word.Span);
                    factors.RemoveRange(i, factors.Count - i);
                    factors.Add(styled);
                    break;
                }
                for (var j = i; j < factors.Count; j++) factors[j] = ApplyFont(fs.Font, factors[j], factors[j].Span);
                i--;
            }
        }
        return factors;
    }

    /// <summary>Gives each argument-less named function its argument (README: "function arguments").</summary>
    private List<MathNode> Grouped(List<MathNode> factors)
    {
        var result = new List<MathNode>();
        var i = 0;
        while (i < factors.Count)
        {
            if (factors[i] is not FunctionCall { Argument: null } fn) { result.Add(factors[i]); i++; continue; }
            var j = i + 1;
            if (j < factors.Count && IsParenGroup(factors[j], out var group, out var scripts))
            {
                MathNode call = fn.WithArgument(group, true, Join(fn.Span, group.Span));
                if (scripts is not null)
                    call = new Scripted(call, scripts.Subscript, scripts.Superscript, scripts.Primes, Join(fn.Span, scripts.Span));
                result.Add(call);
                i = j + 1;
                continue;
            }
            // Without parentheses the argument is: leading numbers, one factor, then plain letters
            // (\sin 2x, \cos\omega t); a scripted, accented or bracketed factor after it is a new factor
            // (r^2\sin^2\theta\dot\phi^2 is r² (sin θ)² φ̇²), and so is a differential or another function.
            var k = j;
            while (k < factors.Count && factors[k] is Number && !IsHead(factors[k])) k++;
            if (k < factors.Count && !IsHead(factors[k]) && !IsDifferential(factors, k)) k++;
            while (k < factors.Count && k > j && IsPlainLetter(factors[k]) && !IsDifferential(factors, k)) k++;
            var arg = factors.GetRange(j, k - j);
            var argNode = arg.Count == 0 ? null : Juxt(arg);
            result.Add(fn.WithArgument(argNode, false, argNode is null ? fn.Span : Join(fn.Span, argNode.Span)));
            i = k;
        }
        return result;
    }

    private static bool IsPlainLetter(MathNode n) => n is Symbol { Accents.Length: 0, Font: null };

    private static bool IsHead(MathNode n) => n is FunctionCall { Argument: null } or BigOperator { Body: null };

    private static bool IsParenGroup(MathNode n, out Group group, out Scripted? scripts)
    {
        scripts = null;
        if (n is Scripted { Base: Group g0, Subscript: null } s) { scripts = s; n = g0; }
        if (n is Group { Open: "(" or "[" } g)
        {
            group = g;
            return true;
        }
        group = null!;
        scripts = null;
        return false;
    }

    /// <summary>A differential starts here: d, \mathrm{d} or \text{d} followed by another factor.</summary>
    private static bool IsDifferential(List<MathNode> factors, int k) =>
        k + 1 < factors.Count && IsD(factors[k]);

    internal static bool IsD(MathNode n) =>
        n is Symbol { Name: "d", Accents.Length: 0, Font: null or "mathrm" or "rm" }
        || n is TextNode { Content: "d" }
        || n is Styled { Font: "mathrm", Body: Symbol { Name: "d" } };

    // ---------------------------------------------------------------- factors

    private MathNode Factor(P.FactorContext ctx)
    {
        var node = Primary(ctx.primary());
        MathNode? sub = null, sup = null;
        var primes = 0;
        var limits = LimitsPlacement.Default;
        var start = Span(ctx);
        foreach (var post in ctx.postfix())
        {
            switch (post)
            {
                case P.SubscriptContext s:
                    if (sub is not null) throw Error(s.SUB().Symbol, "double subscript: this base already has a subscript; use braces, e.g. x_{ij}");
                    sub = Arg(s.arg());
                    break;
                case P.SuperscriptContext s:
                    if (sup is not null) throw Error(s.SUP().Symbol, "double superscript: this base already has a superscript; use braces, e.g. x^{ab}");
                    sup = Arg(s.arg());
                    // y^{\prime\prime}, y^\prime: TeX's own spelling of y'' — primes, not a power of a symbol "prime".
                    if (PrimeCount(sup) is int written) { primes += written; sup = null; }
                    break;
                case P.PrimeContext: primes++; break;
                case P.LimitsContext l:
                    limits = l.GetText() switch { "\\limits" => LimitsPlacement.Limits, "\\nolimits" => LimitsPlacement.NoLimits, _ => LimitsPlacement.Default };
                    break;
                case P.FactorialContext f:
                    node = Attach(node, sub, sup, primes, limits, Join(start, Span(f)));
                    node = new PostfixOperation("!", node, Join(start, Span(f)));
                    sub = sup = null; primes = 0;
                    break;
            }
        }
        return Attach(node, sub, sup, primes, limits, Span(ctx));
    }

    /// <summary>How many \prime a superscript is made of ({\prime\prime} → 2), or null if it has anything else.</summary>
    private static int? PrimeCount(MathNode sup) => sup switch
    {
        Symbol { Name: "prime", Accents.Length: 0 } p when p.IsCommand => 1,
        Group { Open: "{" } g => PrimeCount(g.Content),
        Juxtaposition j when j.Factors.All(f => PrimeCount(f) == 1) => j.Factors.Length,
        _ => null,
    };

    private static MathNode Attach(MathNode node, MathNode? sub, MathNode? sup, int primes, LimitsPlacement limits, SourceSpan span)
    {
        switch (node)
        {
            case BigOperator { Body: null } bo when primes == 0:
                return new BigOperator(bo.Name, bo.Command, sub ?? bo.Subscript, sup ?? bo.Superscript,
                    limits == LimitsPlacement.Default ? bo.Limits : limits, null, span);
            case FunctionCall { Argument: null } fc when primes == 0:
                // \lim_{x\to 0}, \max_i, \mathop{\text{argmin}}_\theta: an operator with a body.
                if (sub is not null && (LatexNames.LimitLike.Contains(fc.Name) || fc.Command is "\\mathop" or "\\operatorname*"))
                    return new BigOperator(fc.Name, fc.Command, sub, sup, limits, null, span);
                if (sub is null && sup is null) return node;
                return new FunctionCall(fc.Name, fc.Command, sub ?? fc.Subscript, sup ?? fc.Superscript, null, false, span);
        }
        if (sub is null && sup is null && primes == 0) return node;
        if (node is Scripted s && s.Subscript is null && s.Superscript is null)
            return new Scripted(s.Base, sub, sup, s.Primes + primes, span);
        return new Scripted(node, sub, sup, primes, span);
    }

    private MathNode Primary(P.PrimaryContext ctx)
    {
        var span = Span(ctx);
        switch (ctx)
        {
            case P.NumberPrimaryContext n: return new Number(n.number().GetText(), span);
            case P.LetterPrimaryContext l: return Letter(l.LETTER().Symbol);
            case P.SymbolPrimaryContext s: return SymbolCommand(s.SYMBOL().GetText(), span);
            case P.CommandPrimaryContext c:
                {
                    var name = c.CMD().GetText()[1..];
                    var args = c.content().Select(Content).ToImmutableArray();
                    // \sech, \arsinh: a built-in the function table knows but TeX's own \sin-like commands do not.
                    if (args.IsEmpty && Core.Function.FromLatexName(name) is not null) return new FunctionCall(name, "\\" + name, null, null, null, false, span);
                    // \lefteqn{a =}: a box that only moves its content to the left margin; the content is the formula.
                    if (name == "lefteqn" && args.Length == 1) return args[0];
                    return new Command(name, args, span);
                }
            case P.SignPrimaryContext sg:
                {
                    var signs = sg.addOp();
                    MathNode inner = new Empty(SpanAfter(signs[^1]));
                    for (var i = signs.Length - 1; i >= 0; i--) inner = new UnaryOperation(signs[i].GetText(), inner, Span(signs[i]));
                    return new Group(inner, "{", "}", false, span);
                }
            case P.BracePrimaryContext b:
                {
                    var inner = Content(b.content());
                    // {\rm sech}: a built-in's name set upright by an old-style switch is the function, as \mathrm{sech} is.
                    if (inner is FunctionCall { Argument: null, Command: "\\operatorname" } upright) return new FunctionCall(upright.Name, upright.Command, null, null, null, false, span);
                    return b.content().OVER() is not null ? inner : new Group(inner, "{", "}", false, span);
                }
            case P.ParenPrimaryContext p: return new Group(Content(p.content()), p.open.Text, p.close.Text, false, span);
            case P.SetPrimaryContext s: return new Group(Content(s.content()), s.LBRACE_ESC().GetText(), s.RBRACE_ESC().GetText(), false, span);
            case P.AbsPrimaryContext a: return new Group(Content(a.content()), a.BAR(0).GetText(), a.BAR(1).GetText(), false, span);
            case P.NormPrimaryContext n: return new Group(Content(n.content()), n.DBAR(0).GetText(), n.DBAR(1).GetText(), false, span);
            case P.AnglePrimaryContext a: return new Group(Content(a.content()), a.OPEN_CMD().GetText(), a.CLOSE_CMD().GetText(), false, span);
            case P.LeftRightPrimaryContext lr:
                return new Group(Content(lr.content()), lr.delim(0).GetText(), lr.delim(1).GetText(), true, span);
            case P.FracPrimaryContext f:
                return new Fraction(Arg(f.arg(0)), Arg(f.arg(1)), f.FRAC().GetText()[1..], span);
            case P.BinomPrimaryContext b:
                return new Binomial(Arg(b.arg(0)), Arg(b.arg(1)), b.BINOM().GetText()[1..], span);
            case P.SqrtPrimaryContext s:
                return new Root(Arg(s.arg()), s.content() is { } idx ? Content(idx) : null, span);
            case P.FontPrimaryContext f:
                {
                    var font = f.FONT().GetText()[1..];
                    var body = Arg(f.arg());
                    // \mathrm{sech}\,x, \mathrm{sin} x: a built-in's name set upright is the function, as \operatorname{sech} is;
                    // without this \mathrm{sech} x was the product of a symbol "sech" and x.
                    if (font is "mathrm" or "rm" && UprightFunctionName(body) is { } fname)
                        return new FunctionCall(fname, "\\operatorname", null, null, null, false, span);
                    return ApplyFont(font, body, span);
                }
            case P.FontSwitchPrimaryContext f: return new FontSwitch(f.GetText()[1..], span);
            case P.AccentPrimaryContext a: return ApplyAccent(a.ACCENT().GetText()[1..], Arg(a.arg()), span);
            case P.TextPrimaryContext t: return Text(t.TEXT().GetText(), span);
            case P.OperatorNamePrimaryContext o:
                {
                    var text = o.OPNAME().GetText();
                    var cmd = text.StartsWith("\\operatorname*", StringComparison.Ordinal) ? "\\operatorname*" : "\\operatorname";
                    return new FunctionCall(PlainName(BracedText(text)), cmd, null, null, null, false, span);
                }
            case P.MathOpPrimaryContext m:
                return new FunctionCall(PlainName(Arg(m.arg())), "\\mathop", null, null, null, false, span);
            case P.FunctionPrimaryContext f:
                {
                    var text = f.FUNC().GetText();
                    return new FunctionCall(text[1..], text, null, null, null, false, span);
                }
            case P.BigOpPrimaryContext b:
                {
                    var text = b.BIGOP().GetText();
                    return new BigOperator(text[1..], text, null, null, LimitsPlacement.Default, null, span);
                }
            case P.EnvironmentPrimaryContext e: return EnvironmentNode(e.environment());
            default: throw new InvalidOperationException("unhandled primary " + ctx.GetType().Name);
        }
    }

    private MathNode EnvironmentNode(P.EnvironmentContext ctx)
    {
        P.RowsContext rows;
        IToken begin, end;
        string? argument = null;
        if (ctx is P.PlainEnvironmentContext pe) { rows = pe.rows(); begin = pe.BEGIN_ENV().Symbol; end = pe.END_ENV().Symbol; }
        else
        {
            var ae = (P.ArrayEnvironmentContext)ctx;
            rows = ae.rows(); begin = ae.BEGIN_ARRAY().Symbol; end = ae.END_ENV().Symbol;
            var raw = ae.rawGroup();
            argument = source.Substring(raw.Start.StartIndex + 1, Math.Max(0, raw.Stop.StopIndex - raw.Start.StartIndex - 1));
        }
        var name = EnvName(begin.Text);
        var endName = EnvName(end.Text);
        if (name != endName)
        {
            var (l, c) = (begin.Line, begin.Column + 1);
            var where = l == end.Line ? $"column {c}" : $"line {l}, column {c}";
            throw Error(end, $"\\end{{{endName}}} does not match \\begin{{{name}}} opened at {where}");
        }
        return new LatexEnvironment(name, argument, Rows(rows, LatexNames.IsAlignmentEnvironment(name)), Span(ctx));
    }

    private static string EnvName(string token)
    {
        var open = token.IndexOf('{');
        return token[(open + 1)..^1];
    }

    /// <summary>The operator inside <c>\boldsymbol{\cdot}</c>: <c>\cdot</c>.</summary>
    private static string FontOperator(string token)
    {
        var open = token.IndexOf('{');
        return token[(open + 1)..^1].Trim();
    }

    private MathNode Arg(P.ArgContext ctx)
    {
        var span = Span(ctx);
        switch (ctx)
        {
            case P.GroupArgContext g: return Content(g.content());
            case P.SignArgContext s: return new Symbol(s.addOp().GetText(), s.addOp().GetText(), null, [], false, span);
            // z^{*}, x^{\ast}: the same one token as z^*.
            case P.StarArgContext st: return new Symbol(st.GetChild(1).GetText(), st.GetChild(1).GetText(), null, [], false, span);
            case P.CommandArgContext c:
                {
                    var inner = Arg(c.arg());
                    return c.FONT() is { } f ? ApplyFont(f.GetText()[1..], inner, span) : ApplyAccent(c.ACCENT().GetText()[1..], inner, span);
                }
            case P.TextArgContext t: return Text(t.TEXT().GetText(), span);
            case P.TokenArgContext t:
                {
                    var tok = t.Start;
                    return tok.Type switch
                    {
                        LatexLexer.LETTER => Letter(tok),
                        LatexLexer.DIGIT => new Number(tok.Text, span),
                        LatexLexer.SYMBOL => SymbolCommand(tok.Text, span),
                        LatexLexer.CMD => new Command(tok.Text[1..], [], span),
                        _ => new Symbol(tok.Text, tok.Text, null, [], false, span),
                    };
                }
            default: throw new InvalidOperationException("unhandled argument " + ctx.GetType().Name);
        }
    }

    // ---------------------------------------------------------------- leaves

    private Symbol Letter(IToken tok)
    {
        var joined = false;
        if (tok.TokenIndex > 0)
        {
            var prev = tokenAt(tok.TokenIndex - 1);
            joined = prev.Type == LatexLexer.LETTER && prev.StopIndex + 1 == tok.StartIndex;
        }
        return new Symbol(tok.Text, tok.Text, null, [], joined, Span(tok));
    }

    private static Symbol SymbolCommand(string text, SourceSpan span) =>
        new(text.StartsWith('\\') ? text[1..] : text, text, null, [], false, span);

    /// <summary>The name of a built-in function (sech, arsinh, sin, exp, ln) spelt by plain letters, or null.</summary>
    private static string? UprightFunctionName(MathNode body)
    {
        string? name = body switch
        {
            Symbol { Accents.Length: 0, IsCommand: false } s => s.Name,
            Juxtaposition j when j.Factors.All(x => x is Symbol { Accents.Length: 0, IsCommand: false }) => string.Concat(j.Factors.Select(x => ((Symbol)x).Name)),
            _ => null,
        };
        return name is { Length: > 1 } && (Core.Function.FromLatexName(name) is not null || name is "exp" or "ln") ? name : null;
    }

    private static MathNode ApplyFont(string font, MathNode body, SourceSpan span) =>
        body is Symbol s ? s.WithFont(font, span) : new Styled(font, body, span);

    private static MathNode ApplyAccent(string accent, MathNode body, SourceSpan span) =>
        body is Symbol s ? s.WithAccent(accent, span) : new Accent(accent, body, span);

    private static TextNode Text(string token, SourceSpan span)
    {
        var open = token.IndexOf('{');
        return new TextNode(token[(open + 1)..^1], token[..open].TrimEnd(), span);
    }

    private static string BracedText(string token)
    {
        var open = token.IndexOf('{');
        return token[(open + 1)..^1].Trim();
    }

    /// <summary>The letters of an operator name: \text{argmin}, \mathrm{arg\,max}, {argmin} → argmin.</summary>
    private static string PlainName(MathNode node) => node switch
    {
        TextNode t => PlainName(t.Content),
        Symbol s => s.Name,
        Juxtaposition j => string.Concat(j.Factors.Select(PlainName)),
        Styled st => PlainName(st.Body),
        Command c => c.Name + string.Concat(c.Arguments.Select(PlainName)),
        _ => SExpression.Print(node),
    };

    private static string PlainName(string text) =>
        new(text.Replace("\\,", "").Replace("\\;", "").Replace("\\!", "").Where(ch => !char.IsWhiteSpace(ch)).ToArray());

    // ---------------------------------------------------------------- spans and errors

    private ParseError Error(IToken tok, string message) =>
        ParseError.At(source, tok.Line, tok.Column + 1, message);

    private static SourceSpan Span(IToken t) => new(t.StartIndex, t.StopIndex - t.StartIndex + 1, t.Line, t.Column + 1);

    private static SourceSpan Span(ParserRuleContext ctx)
    {
        var start = ctx.Start;
        var stop = ctx.Stop;
        if (start is null || start.Type == TokenConstants.EOF) return new SourceSpan(start?.StartIndex ?? 0, 0, start?.Line ?? 1, (start?.Column ?? 0) + 1);
        if (stop is null || stop.TokenIndex < start.TokenIndex) return new SourceSpan(start.StartIndex, 0, start.Line, start.Column + 1);
        return new SourceSpan(start.StartIndex, Math.Max(0, stop.StopIndex - start.StartIndex + 1), start.Line, start.Column + 1);
    }

    private static SourceSpan SpanAfter(ParserRuleContext ctx)
    {
        var stop = ctx.Stop ?? ctx.Start;
        return new SourceSpan(stop.StopIndex + 1, 0, stop.Line, stop.Column + 1 + stop.Text.Length);
    }

    private static SourceSpan Join(params SourceSpan[] spans)
    {
        var real = spans.Where(s => s.Line > 0).ToList();
        if (real.Count == 0) return SourceSpan.None;
        var first = real.MinBy(s => s.Start);
        var end = real.Max(s => s.Start + s.Length);
        return new SourceSpan(first.Start, end - first.Start, first.Line, first.Column);
    }

    /// <summary>A font switch (\rm, \bf) inside a chain, consumed by <see cref="Chain"/>.</summary>
    private sealed class FontSwitch(string font, SourceSpan span) : MathNode(span)
    {
        public string Font { get; } = font switch { "rm" => "mathrm", "bf" => "mathbf", "it" => "mathit", "cal" => "mathcal", "sf" => "mathsf", "tt" => "mathtt", _ => font };
        public override IEnumerable<MathNode> Children => [];
    }
}
