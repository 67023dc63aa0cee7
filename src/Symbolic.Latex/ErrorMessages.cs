using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Symbolic.Latex.Grammar;
using P = Symbolic.Latex.Grammar.LatexParser;

namespace Symbolic.Latex;

/// <summary>Turns the parser's state at a syntax error into a sentence a person reads.</summary>
internal static class ErrorMessages
{
    private sealed record Open(string Closer, string What, IToken Opener);

    public static ParseError Describe(string source, Parser parser, IToken? tok)
    {
        tok ??= parser.CurrentToken;
        var eof = tok.Type == TokenConstants.EOF;
        var found = eof ? "found the end of the formula" : $"found '{tok.Text}'";

        ParseError At(string message)
        {
            if (eof) return ParseError.AtOffset(source, source.TrimEnd().Length, message);
            return ParseError.At(source, tok.Line, tok.Column + 1, message);
        }

        if (tok.Type == LatexLexer.ANY) return At($"unexpected character '{tok.Text}'");

        var ctx = parser.Context;
        if (ctx is P.ArgContext arg && (arg.Start is null || arg.Start.TokenIndex >= tok.TokenIndex || arg.ChildCount == 0))
            return At($"{MissingArgument(arg.Parent as ParserRuleContext)}, {found}");

        if (ctx is P.DelimContext && tok.TokenIndex > 0)
        {
            var before = ((ITokenStream)parser.InputStream).Get(tok.TokenIndex - 1).Text;
            return At($"expected a delimiter after {before} (one of ( ) [ ] \\{{ \\}} | \\| \\langle \\rangle or . for none), {found}");
        }

        var open = FindOpen(ctx) ?? Scan((ITokenStream)parser.InputStream, tok.TokenIndex);
        if (open is not null && !eof && CloserMatches(open, tok))
            return At($"expected an expression before '{tok.Text}'");
        if (open is not null && (eof || IsCloser(tok.Type) || tok.Type is LatexLexer.ROWSEP or LatexLexer.AMP))
        {
            var where = open.Opener.Line == (eof ? LastLine(source) : tok.Line)
                ? $"column {open.Opener.Column + 1}"
                : $"line {open.Opener.Line}, column {open.Opener.Column + 1}";
            return At($"expected {open.Closer} to close {open.What} opened at {where}, {found}");
        }

        if (IsCloser(tok.Type))
        {
            return tok.Type switch
            {
                LatexLexer.RIGHT => At("\\right without a matching \\left"),
                LatexLexer.END_ENV => At($"{tok.Text} without a matching \\begin"),
                _ => At($"unmatched '{tok.Text}': nothing open here for it to close"),
            };
        }

        if (tok.Type is LatexLexer.SUB or LatexLexer.SUP)
            return At($"'{tok.Text}' needs something before it to attach to (write {{}}{tok.Text} for a script on nothing)");
        if (eof) return At("unexpected end of the formula");
        return At($"unexpected '{tok.Text}' here");
    }

    private static bool CloserMatches(Open open, IToken tok) =>
        open.Closer == $"'{tok.Text}'" || (open.Closer == "\\right" && tok.Type == LatexLexer.RIGHT)
        || (open.Closer.StartsWith("\\end", StringComparison.Ordinal) && open.Closer == tok.Text);

    /// <summary>The innermost opener still open before token <paramref name="upTo"/>, found by
    /// matching brackets over the tokens (used when the parser gave up in an outer rule).</summary>
    private static Open? Scan(ITokenStream tokens, int upTo)
    {
        var stack = new List<(IToken Open, int Index)>();
        for (var i = 0; i < upTo; i++)
        {
            var t = tokens.Get(i);
            switch (t.Type)
            {
                case LatexLexer.LEFT or LatexLexer.RIGHT:
                    if (t.Type == LatexLexer.LEFT) stack.Add((t, i));
                    else if (stack.Count > 0 && stack[^1].Open.Type == LatexLexer.LEFT) stack.RemoveAt(stack.Count - 1);
                    i++; // the delimiter after \left / \right
                    break;
                case LatexLexer.LBRACE or LatexLexer.LPAREN or LatexLexer.LBRACK or LatexLexer.LBRACE_ESC
                    or LatexLexer.BEGIN_ENV or LatexLexer.BEGIN_ARRAY or LatexLexer.OPEN_CMD:
                    stack.Add((t, i));
                    break;
                case LatexLexer.RBRACE or LatexLexer.RPAREN or LatexLexer.RBRACK or LatexLexer.RBRACE_ESC
                    or LatexLexer.END_ENV or LatexLexer.CLOSE_CMD:
                    if (stack.Count > 0 && Closes(stack[^1].Open.Type, t.Type)) stack.RemoveAt(stack.Count - 1);
                    break;
            }
        }
        if (stack.Count == 0) return null;
        var (open, index) = stack[^1];
        string Before(int k) => k > 0 ? tokens.Get(k - 1).Text : "";
        return open.Type switch
        {
            LatexLexer.LBRACE => new Open("'}'", BraceOwner(tokens, index), open),
            LatexLexer.LPAREN => new Open("')'", "'('", open),
            LatexLexer.LBRACK => new Open("']'", Before(index) == "\\sqrt" ? "\\sqrt[" : "'['", open),
            LatexLexer.LBRACE_ESC => new Open("'\\}'", $"'{open.Text}'", open),
            LatexLexer.LEFT => new Open("\\right", "\\left" + tokens.Get(index + 1).Text, open),
            LatexLexer.OPEN_CMD => new Open($"'{CloserOf(open.Text)}'", $"'{open.Text}'", open),
            _ => new Open($"\\end{{{EnvName(open.Text)}}}", open.Text, open),
        };
    }

    private static bool Closes(int open, int close) => (open, close) switch
    {
        (LatexLexer.LBRACE, LatexLexer.RBRACE) => true,
        (LatexLexer.LPAREN or LatexLexer.LBRACK, LatexLexer.RPAREN or LatexLexer.RBRACK) => true,
        (LatexLexer.LBRACE_ESC, LatexLexer.RBRACE_ESC) => true,
        (LatexLexer.BEGIN_ENV or LatexLexer.BEGIN_ARRAY, LatexLexer.END_ENV) => true,
        (LatexLexer.OPEN_CMD, LatexLexer.CLOSE_CMD) => true,
        _ => false,
    };

    /// <summary>How to name a '{' by what precedes it: \frac{, \frac{...}{, _{, ^{, \sqrt{, \mathrm{.</summary>
    private static string BraceOwner(ITokenStream tokens, int index)
    {
        if (index == 0) return "'{'";
        var prev = tokens.Get(index - 1);
        switch (prev.Type)
        {
            case LatexLexer.SUB: return "_{";
            case LatexLexer.SUP: return "^{";
            case LatexLexer.FRAC or LatexLexer.BINOM or LatexLexer.SQRT or LatexLexer.FONT or LatexLexer.ACCENT
                or LatexLexer.CMD or LatexLexer.MATHOP:
                return prev.Text + "{";
            case LatexLexer.RBRACE:
                // \frac{a}{ : find the '{' matching that '}' and what stands before it.
                var depth = 0;
                for (var k = index - 1; k >= 0; k--)
                {
                    var t = tokens.Get(k);
                    if (t.Type == LatexLexer.RBRACE) depth++;
                    else if (t.Type == LatexLexer.LBRACE && --depth == 0)
                    {
                        if (k > 0 && tokens.Get(k - 1).Type is LatexLexer.FRAC or LatexLexer.BINOM)
                            return tokens.Get(k - 1).Text + "{...}{";
                        break;
                    }
                }
                return "'{'";
            default: return "'{'";
        }
    }

    private static int LastLine(string source) => source.TrimEnd().Count(c => c == '\n') + 1;

    private static string MissingArgument(ParserRuleContext? parent) => parent switch
    {
        P.SubscriptContext => "expected a subscript after '_'",
        P.SuperscriptContext => "expected a superscript after '^'",
        P.FracPrimaryContext f => f.arg().Length <= 1 ? $"expected the numerator of {f.FRAC().GetText()}" : $"expected the denominator of {f.FRAC().GetText()}",
        P.BinomPrimaryContext b => $"expected {(b.arg().Length <= 1 ? "the first" : "the second")} argument of {b.BINOM().GetText()}",
        P.SqrtPrimaryContext => "expected the expression under \\sqrt",
        P.FontPrimaryContext f => $"expected an argument for {f.FONT().GetText()}",
        P.AccentPrimaryContext a => $"expected an argument for {a.ACCENT().GetText()}",
        P.CommandArgContext c => $"expected an argument for {c.GetChild(0).GetText()}",
        P.MathOpPrimaryContext => "expected an argument for \\mathop",
        _ => "expected an argument",
    };

    private static bool IsCloser(int type) => type is LatexLexer.RBRACE or LatexLexer.RPAREN or LatexLexer.RBRACK
        or LatexLexer.RBRACE_ESC or LatexLexer.RIGHT or LatexLexer.END_ENV or LatexLexer.CLOSE_CMD;

    /// <summary>The innermost construct still waiting for its closing token.</summary>
    private static Open? FindOpen(RuleContext? ctx)
    {
        for (; ctx is not null; ctx = ctx.Parent)
        {
            switch (ctx)
            {
                case P.GroupArgContext g when g.RBRACE() is null && g.LBRACE() is not null:
                    return new Open("'}'", ArgOwner(g), g.LBRACE().Symbol);
                case P.BracePrimaryContext b when b.RBRACE() is null:
                    return new Open("'}'", "'{'", b.LBRACE().Symbol);
                case P.CommandPrimaryContext c when c.LBRACE().Length > c.RBRACE().Length:
                    return new Open("'}'", c.CMD().GetText() + "{", c.LBRACE()[^1].Symbol);
                case P.ParenPrimaryContext p when p.close is null:
                    return new Open(p.open.Type == LatexLexer.LPAREN ? "')'" : "']'", $"'{p.open.Text}'", p.open);
                case P.SetPrimaryContext s when s.RBRACE_ESC() is null:
                    return new Open("'\\}'", $"'{s.LBRACE_ESC().GetText()}'", s.LBRACE_ESC().Symbol);
                case P.AbsPrimaryContext a when a.BAR().Length < 2:
                    return new Open($"'{a.BAR(0).GetText()}'", $"'{a.BAR(0).GetText()}'", a.BAR(0).Symbol);
                case P.NormPrimaryContext n when n.DBAR().Length < 2:
                    return new Open($"'{n.DBAR(0).GetText()}'", $"'{n.DBAR(0).GetText()}'", n.DBAR(0).Symbol);
                case P.AnglePrimaryContext a when a.CLOSE_CMD() is null:
                    return new Open($"'{CloserOf(a.OPEN_CMD().GetText())}'", $"'{a.OPEN_CMD().GetText()}'", a.OPEN_CMD().Symbol);
                case P.LeftRightPrimaryContext lr when lr.RIGHT() is null:
                    return new Open("\\right", "\\left" + (lr.delim().Length > 0 ? lr.delim(0).GetText() : ""), lr.LEFT().Symbol);
                case P.SqrtPrimaryContext s when s.LBRACK() is not null && s.RBRACK() is null:
                    return new Open("']'", "\\sqrt[", s.LBRACK().Symbol);
                case P.PlainEnvironmentContext e when e.END_ENV() is null:
                    return new Open($"\\end{{{EnvName(e.BEGIN_ENV().GetText())}}}", e.BEGIN_ENV().GetText(), e.BEGIN_ENV().Symbol);
                case P.ArrayEnvironmentContext e when e.END_ENV() is null:
                    return new Open($"\\end{{{EnvName(e.BEGIN_ARRAY().GetText())}}}", e.BEGIN_ARRAY().GetText(), e.BEGIN_ARRAY().Symbol);
                case P.RawGroupContext r when r.RBRACE() is null:
                    return new Open("'}'", "'{'", r.LBRACE().Symbol);
            }
        }
        return null;
    }

    private static string ArgOwner(P.GroupArgContext g) => g.Parent switch
    {
        P.FracPrimaryContext f => f.arg(0) == g ? f.FRAC().GetText() + "{" : f.FRAC().GetText() + "{...}{",
        P.BinomPrimaryContext b => b.arg(0) == g ? b.BINOM().GetText() + "{" : b.BINOM().GetText() + "{...}{",
        P.SqrtPrimaryContext => "\\sqrt{",
        P.SubscriptContext => "_{",
        P.SuperscriptContext => "^{",
        P.FontPrimaryContext f => f.FONT().GetText() + "{",
        P.AccentPrimaryContext a => a.ACCENT().GetText() + "{",
        P.CommandArgContext c => c.GetChild(0).GetText() + "{",
        P.MathOpPrimaryContext => "\\mathop{",
        _ => "'{'",
    };

    private static string CloserOf(string open) => open switch
    {
        "\\langle" => "\\rangle",
        "\\lvert" => "\\rvert",
        "\\lVert" => "\\rVert",
        "\\lfloor" => "\\rfloor",
        "\\lceil" => "\\rceil",
        "\\lbrack" => "\\rbrack",
        _ => "closing delimiter",
    };

    private static string EnvName(string token) => token[(token.IndexOf('{') + 1)..^1];
}
