using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using Symbolic.Latex.Grammar;
using Symbolic.Latex.Syntax;

namespace Symbolic.Latex;

/// <summary>
/// Reads LaTeX math into the syntax tree of <see cref="Symbolic.Latex.Syntax"/>.
/// </summary>
/// <example>
/// <code>
/// MathDocument doc = LatexReader.Parse(@"\frac{d}{dt}\left(r^2\dot{\theta}\right)=0 \tag{4}");
/// Row eq = doc.Equations[0];          // eq.Tag == "4"
/// MathNode body = eq.Body!;           // (= (juxt (frac d (juxt d t)) (left ( ) ...)) 0)
/// MathNode x2 = LatexReader.ParseExpression(@"\sin x^2");   // (\sin (^ x 2))
/// </code>
/// </example>
/// <remarks>
/// Errors are always a <see cref="ParseError"/> (line, column, source line, caret, message); nothing
/// from ANTLR escapes and nothing is written to the console. Prediction runs in SLL mode first and
/// falls back to full LL only when SLL fails after resolving a prediction conflict. Inputs nested deeper than <see cref="MaxNesting"/>
/// brackets, or giving trees deeper than <see cref="MaxDepth"/>, are refused with "nesting too deep".
/// </remarks>
public static class LatexReader
{
    /// <summary>Most brackets, braces, \left, \begin and accent/font commands open at once.</summary>
    public const int MaxNesting = 128;

    /// <summary>Deepest syntax tree returned (see <see cref="MathNode.Depth"/>).</summary>
    public const int MaxDepth = 512;

    /// <summary>The default of <see cref="MaxLength"/>: 1,000,000 characters.</summary>
    public const int DefaultMaxLength = 1_000_000;

    /// <summary>
    /// The longest input read (default <see cref="DefaultMaxLength"/> characters): a longer one is refused at
    /// once, before it is lexed, with its length and the limit. Process-wide, like <c>Expr.MaxDepth</c>.
    /// </summary>
    public static int MaxLength
    {
        get => maxLength;
        set => maxLength = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "the length limit must be at least 1");
    }

    private static volatile int maxLength = DefaultMaxLength;

    /// <summary>Reads a display: one or more equations (split at top-level <c>\\</c>; a top-level
    /// equation/align environment is unwrapped), each with its tag and label.</summary>
    /// <param name="latex">The LaTeX source, without <c>$$</c> delimiters.</param>
    /// <exception cref="ParseError">The input is not well-formed LaTeX math.</exception>
    public static MathDocument Parse(string latex)
    {
        ArgumentNullException.ThrowIfNull(latex);
        CheckLength(latex);
        try
        {
            var tokens = Lex(WithoutDisplayDelimiters(latex));
            CheckNesting(latex, tokens);
            var tree = Run(latex, tokens, p => p.math());
            var builder = new SyntaxBuilder(latex, list => Reparse(latex, list)).WithTokens(tokens);
            var doc = builder.Document(tree);
            if (doc.Depth > MaxDepth) throw TooDeep(latex, doc);
            return doc;
        }
        catch (InsufficientExecutionStackException)
        {
            throw ParseError.At(latex, 1, 1, "nesting too deep: the formula is nested more deeply than this reader supports");
        }
        catch (RecognitionException e)
        {
            throw ParseError.AtOffset(latex, e.OffendingToken?.StartIndex ?? 0, "could not read the formula here");
        }
        catch (ParseCanceledException)
        {
            throw ParseError.At(latex, 1, 1, "could not read the formula");
        }
    }

    /// <summary>
    /// \[ … \] and \( … \) around the whole input are the delimiters of display and inline math, not part of the
    /// formula: blanked (same length, so positions stay right) rather than read as the commands \[ and \].
    /// </summary>
    private static string WithoutDisplayDelimiters(string latex)
    {
        var t = latex.Trim();
        if (t.Length < 4 || !((t.StartsWith(@"\[") && t.EndsWith(@"\]")) || (t.StartsWith(@"\(") && t.EndsWith(@"\)")))) return latex;
        int start = latex.IndexOf(t[0..2], StringComparison.Ordinal), end = latex.LastIndexOf(t[^2..], StringComparison.Ordinal);
        var chars = latex.ToCharArray();
        chars[start] = chars[start + 1] = ' ';
        chars[end] = chars[end + 1] = ' ';
        return new string(chars);
    }

    /// <summary>Reads a single formula and returns its body: the one equation's single cell (or its
    /// merged alignment line). For several equations, returns the whole <see cref="MathDocument"/>.</summary>
    /// <param name="latex">The LaTeX source.</param>
    /// <exception cref="ParseError">The input is not well-formed LaTeX math.</exception>
    public static MathNode ParseExpression(string latex)
    {
        var doc = Parse(latex);
        return doc.Equations.Length == 1 && doc.Equations[0].Body is { } body ? body : doc;
    }

    private static CommonTokenStream Lex(string latex)
    {
        var lexer = new LatexLexer(new AntlrInputStream(latex));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(new LexerErrors(latex));
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        PairBars(tokens.GetTokens());
        return tokens;
    }

    /// <summary>
    /// Plain bars <c>|</c> (<c>\vert</c>) that surely pair, retyped as the opening and closing delimiters of a group (the
    /// text stays <c>|</c>, so the group is |…|): a bar where an operand starts opens; a bar after an operand closes the
    /// last open bar of the same nesting level when an operator, a relation, a sign, a script, another bar or the end
    /// follows it. <c>|-2|\cdot|3|</c>, <c>|-2|/|4|</c> and <c>|x y| - |x||y|</c> were paired across the operator before
    /// (the bar before \cdot read as a separator). Any other bar is left to the grammar (separators <c>p(z|x)</c>,
    /// evaluation bars, <c>|a|b|c|</c>).
    /// </summary>
    private static void PairBars(IList<IToken> tokens)
    {
        var levels = new Stack<Stack<CommonToken>>();
        levels.Push(new Stack<CommonToken>());
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            switch (t.Type)
            {
                case LatexLexer.LBRACE or LatexLexer.LPAREN or LatexLexer.LBRACK or LatexLexer.LBRACE_ESC or LatexLexer.OPEN_CMD
                    or LatexLexer.BEGIN_ENV or LatexLexer.BEGIN_ARRAY:
                    levels.Push(new Stack<CommonToken>());
                    continue;
                case LatexLexer.LEFT:
                    levels.Push(new Stack<CommonToken>());
                    i++;   // its delimiter
                    continue;
                case LatexLexer.RBRACE or LatexLexer.RPAREN or LatexLexer.RBRACK or LatexLexer.RBRACE_ESC or LatexLexer.CLOSE_CMD
                    or LatexLexer.END_ENV:
                    if (levels.Count > 1) levels.Pop(); else levels.Peek().Clear();
                    continue;
                case LatexLexer.RIGHT:
                    if (levels.Count > 1) levels.Pop(); else levels.Peek().Clear();
                    i++;
                    continue;
                case LatexLexer.MIDDLE:
                    i++;
                    continue;
                case LatexLexer.AMP or LatexLexer.ROWSEP:
                    levels.Peek().Clear();
                    continue;
                case LatexLexer.BAR:
                    break;
                default:
                    continue;
            }
            if (t is not CommonToken bar) continue;
            var open = levels.Peek();
            var before = i > 0 ? tokens[i - 1].Type : TokenConstants.EOF;
            bool afterOperand = before is LatexLexer.DIGIT or LatexLexer.LETTER or LatexLexer.SYMBOL or LatexLexer.CMD or LatexLexer.RPAREN
                or LatexLexer.RBRACK or LatexLexer.RBRACE or LatexLexer.RBRACE_ESC or LatexLexer.PRIME or LatexLexer.BANG or LatexLexer.TEXT
                or LatexLexer.CLOSE_CMD;
            bool afterClosedBar = before == LatexLexer.CLOSE_CMD && tokens[i - 1].Text is "|" or "\\vert";
            if (afterOperand && open.Count > 0)
            {
                var next = i + 1 < tokens.Count ? tokens[i + 1].Type : TokenConstants.EOF;
                bool closes = next is TokenConstants.EOF or LatexLexer.MULOP or LatexLexer.STAR or LatexLexer.FONT_OP or LatexLexer.PLUS
                    or LatexLexer.MINUS or LatexLexer.PM or LatexLexer.REL or LatexLexer.LT or LatexLexer.GT or LatexLexer.NOT
                    or LatexLexer.COLON or LatexLexer.COMMA or LatexLexer.SEMI or LatexLexer.DOT or LatexLexer.BAR or LatexLexer.SUP
                    or LatexLexer.SUB or LatexLexer.PRIME or LatexLexer.BANG or LatexLexer.RBRACE or LatexLexer.RPAREN
                    or LatexLexer.RBRACK or LatexLexer.RBRACE_ESC or LatexLexer.CLOSE_CMD or LatexLexer.RIGHT or LatexLexer.AMP
                    or LatexLexer.ROWSEP or LatexLexer.END_ENV or LatexLexer.TAG or LatexLexer.LABEL or LatexLexer.NONUMBER;
                var opener = open.Pop();
                if (!closes) continue;   // |a|b|c|: the grammar decides
                opener.Type = LatexLexer.OPEN_CMD;
                bar.Type = LatexLexer.CLOSE_CMD;
                continue;
            }
            if (!afterOperand || afterClosedBar) open.Push(bar);
        }
    }

    /// <summary>Parses in SLL mode first. SLL predicts exactly as full LL except at a prediction
    /// conflict, which LL settles with the whole context and SLL by taking the lowest alternative. So
    /// when the SLL run fails without having met a conflict, LL would make the same decisions and
    /// fail at the same token: the error is found again in SLL (with the error listener, to describe
    /// it), and only inputs whose SLL run met a conflict are parsed again in LL. Before, every broken
    /// input was retried in LL, which is slow while the DFA is cold (full-context predictions are
    /// never cached). The error listener throws at the first error, so DefaultErrorStrategy never
    /// recovers: a run either succeeds without error or throws.</summary>
    private static T Run<T>(string latex, ITokenStream tokens, Func<LatexParser, T> rule)
    {
        var parser = new GuardedParser(tokens);
        parser.RemoveErrorListeners();
        parser.ErrorHandler = new BailErrorStrategy();
        var prediction = parser.Tracker;
        prediction.PredictionMode = PredictionMode.SLL;
        try
        {
            return rule(parser);
        }
        catch (ParseCanceledException)
        {
            var conflict = prediction.ResolvedConflict;
            tokens.Seek(0);
            parser.Reset();
            parser.AddErrorListener(new ParserErrors(latex));
            parser.ErrorHandler = new DefaultErrorStrategy();
            if (!conflict)
            {
                // Same decisions as LL, so the same error: find it again in SLL only to describe it.
                try
                {
                    return rule(parser);
                }
                catch (ParseError) when (!prediction.ResolvedConflict)
                {
                    throw;
                }
                catch (ParseError)
                {
                    tokens.Seek(0);
                    parser.Reset();
                }
            }
            prediction.PredictionMode = PredictionMode.LL;
            return rule(parser);
        }
    }

    /// <summary>Reads an alignment row's tokens without its '&amp;' marks; null if they do not form one formula.</summary>
    private static LatexParser.AlignedRowContext? Reparse(string latex, IList<IToken> list)
    {
        var eof = new CommonToken(TokenConstants.EOF) { StartIndex = list.Count > 0 ? list[^1].StopIndex + 1 : 0, StopIndex = -1 };
        var withEof = new List<IToken>(list) { eof };
        var stream = new CommonTokenStream(new ListTokenSource(withEof));
        try
        {
            return Run(latex, stream, p => p.alignedRow());
        }
        catch (ParseError)
        {
            return null;
        }
    }

    /// <summary>Refuses input longer than <see cref="MaxLength"/> before any work is done. The error points at
    /// line 1, column 1 with a short excerpt: the source line of a megabyte input is not worth echoing.</summary>
    private static void CheckLength(string latex)
    {
        var limit = MaxLength;
        if (latex.Length <= limit) return;
        var firstLine = latex.AsSpan(0, Math.Min(latex.Length, 60));
        var nl = firstLine.IndexOfAny('\r', '\n');
        var excerpt = (nl >= 0 ? firstLine[..nl] : firstLine).ToString() + (nl < 0 ? "…" : "");
        throw new ParseError(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the input is too long: it has {latex.Length:N0} characters; the limit is {limit:N0} " +
            $"(raise LatexReader.MaxLength to read longer input)"), 1, 1, excerpt);
    }

    private static void CheckNesting(string latex, CommonTokenStream tokens)
    {
        var depth = 0;
        var run = 0;
        foreach (var t in tokens.GetTokens())
        {
            switch (t.Type)
            {
                case LatexLexer.LBRACE or LatexLexer.LPAREN or LatexLexer.LBRACK or LatexLexer.LBRACE_ESC
                    or LatexLexer.LEFT or LatexLexer.BEGIN_ENV or LatexLexer.BEGIN_ARRAY or LatexLexer.OPEN_CMD:
                    depth++;
                    break;
                case LatexLexer.RBRACE or LatexLexer.RPAREN or LatexLexer.RBRACK or LatexLexer.RBRACE_ESC
                    or LatexLexer.RIGHT or LatexLexer.END_ENV or LatexLexer.CLOSE_CMD:
                    depth = Math.Max(0, depth - 1);
                    break;
            }
            // \hat\hat\hat x nests without braces.
            run = t.Type is LatexLexer.ACCENT or LatexLexer.FONT or LatexLexer.FRAC or LatexLexer.SQRT or LatexLexer.BINOM or LatexLexer.BIGOP ? run + 1 : 0;
            if (depth + run > MaxNesting)
                throw ParseError.At(latex, t.Line, t.Column + 1,
                    $"nesting too deep: more than {MaxNesting} brackets, braces or environments are open here");
        }
    }

    private static ParseError TooDeep(string latex, MathNode root)
    {
        var node = root;
        for (var i = 0; i < MaxDepth && node.Children.Any(); i++)
            node = node.Children.MaxBy(c => c.Depth)!;
        return ParseError.AtOffset(latex, node.Span.Start,
            $"nesting too deep: the formula nests more than {MaxDepth} levels (operators, scripts and groups)");
    }

    /// <summary>The generated parser with a guard against running out of stack on deep input.</summary>
    private sealed class GuardedParser : LatexParser
    {
        public GuardedParser(ITokenStream input) : base(input)
        {
            Tracker = new ConflictTracker(this, _ATN, decisionToDFA, sharedContextCache);
            Interpreter = Tracker;
        }

        public ConflictTracker Tracker { get; }

        public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            base.EnterRule(localctx, state, ruleIndex);
        }
    }

    /// <summary>The prediction simulator, noting whether an SLL prediction met a conflict (a DFA
    /// state that full LL would resolve with the whole context, but SLL resolves to its lowest alternative).</summary>
    private sealed class ConflictTracker(Parser parser, ATN atn, Antlr4.Runtime.Dfa.DFA[] decisionToDFA, PredictionContextCache cache)
        : ParserATNSimulator(parser, atn, decisionToDFA, cache)
    {
        public bool ResolvedConflict { get; private set; }

        public override void Reset()
        {
            base.Reset();
            ResolvedConflict = false;
        }

        protected override Antlr4.Runtime.Dfa.DFAState GetExistingTargetState(Antlr4.Runtime.Dfa.DFAState previousD, int t) =>
            Note(base.GetExistingTargetState(previousD, t));

        protected override Antlr4.Runtime.Dfa.DFAState ComputeTargetState(Antlr4.Runtime.Dfa.DFA dfa, Antlr4.Runtime.Dfa.DFAState previousD, int t) =>
            Note(base.ComputeTargetState(dfa, previousD, t));

        private Antlr4.Runtime.Dfa.DFAState Note(Antlr4.Runtime.Dfa.DFAState d)
        {
            if (d is { requiresFullContext: true }) ResolvedConflict = true;
            return d;
        }
    }

    private sealed class LexerErrors(string latex) : IAntlrErrorListener<int>
    {
        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            throw ParseError.At(latex, line, charPositionInLine + 1, "unreadable character");
    }

    private sealed class ParserErrors(string latex) : BaseErrorListener
    {
        public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            throw ErrorMessages.Describe(latex, (Parser)recognizer, offendingSymbol);
    }
}
