using System.Collections.Immutable;

namespace Symbolic.Latex.Syntax;

/// <summary>Nothing written: an empty cell, the missing side of <c>=&amp;</c>, an empty group <c>{}</c>.</summary>
public sealed class Empty : MathNode
{
    /// <summary>Creates an empty node at <paramref name="span"/>.</summary>
    public Empty(SourceSpan span) : base(span) { }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [];
}

/// <summary>A number as written, digits and at most one decimal point: <c>2</c>, <c>120</c>, <c>0.5</c>.</summary>
public sealed class Number : MathNode
{
    /// <summary>Creates a number node.</summary>
    public Number(string text, SourceSpan span) : base(span) => Text = text;
    /// <summary>The digits as written (spaces between digits removed, as TeX does).</summary>
    public string Text { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [];
}

/// <summary>
/// One identifier: a letter <c>x</c>, a Greek letter or symbol command <c>\theta</c>, <c>\partial</c>,
/// <c>\infty</c>, <c>\cdots</c>, with its font (<c>\mathbb{R}</c>, <c>\boldsymbol{x}</c>, <c>\mathrm{d}</c>)
/// and accents (<c>\hat{x}</c>, <c>\dot{x}</c>, <c>\ddot{\boldsymbol{x}}</c>) kept as decorations.
/// </summary>
/// <remarks>A run of letters such as <c>softmax</c> or <c>dt</c> is one symbol per letter, as in TeX;
/// <see cref="JoinedToPrevious"/> marks letters written with no space after the previous letter, so
/// the lowering can recognise known multi-letter names.</remarks>
public sealed class Symbol : MathNode
{
    /// <summary>Creates a symbol.</summary>
    public Symbol(string name, string text, string? font, ImmutableArray<string> accents, bool joinedToPrevious, SourceSpan span)
        : base(span)
    {
        Name = name; Text = text; Font = font; Accents = accents.IsDefault ? [] : accents; JoinedToPrevious = joinedToPrevious;
    }
    /// <summary>The letter (<c>x</c>) or the command name without backslash (<c>theta</c>, <c>partial</c>).</summary>
    public string Name { get; }
    /// <summary>As written: <c>x</c> or <c>\theta</c>.</summary>
    public string Text { get; }
    /// <summary>True for command symbols (<c>\theta</c>), false for plain letters.</summary>
    public bool IsCommand => Text.StartsWith('\\');
    /// <summary>The font command name without backslash (<c>mathbb</c>, <c>boldsymbol</c>, <c>mathrm</c>), or null.</summary>
    public string? Font { get; }
    /// <summary>Accent command names without backslash, innermost first: <c>\dot{\hat{x}}</c> gives [hat, dot].</summary>
    public ImmutableArray<string> Accents { get; }
    /// <summary>True when this plain letter follows another plain letter with no space between (a letter run).</summary>
    public bool JoinedToPrevious { get; }
    /// <summary>This symbol with a font (the innermost font wins, as in TeX).</summary>
    public Symbol WithFont(string font, SourceSpan span) => new(Name, Text, Font ?? font, Accents, JoinedToPrevious, span);
    /// <summary>This symbol with one more (outer) accent.</summary>
    public Symbol WithAccent(string accent, SourceSpan span) => new(Name, Text, Font, Accents.Add(accent), JoinedToPrevious, span);
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [];
}

/// <summary>A base with a subscript, a superscript and primes, kept separately:
/// <c>\omega^{\mu}_{\nu}</c> and <c>\omega_{\nu}^{\mu}</c> give the same node; <c>y''</c> has two primes.</summary>
public sealed class Scripted : MathNode
{
    /// <summary>Creates a scripted node.</summary>
    public Scripted(MathNode @base, MathNode? subscript, MathNode? superscript, int primes, SourceSpan span) : base(span)
    {
        Base = @base; Subscript = subscript; Superscript = superscript; Primes = primes;
        Depth = DepthOf(@base, subscript, superscript);
    }
    /// <summary>What the scripts are attached to.</summary>
    public MathNode Base { get; }
    /// <summary>The subscript, or null.</summary>
    public MathNode? Subscript { get; }
    /// <summary>The superscript, or null.</summary>
    public MathNode? Superscript { get; }
    /// <summary>Number of primes written after the base (<c>'</c>), 0 if none.</summary>
    public int Primes { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => NonNull(Base, Subscript, Superscript);
}

/// <summary>A fraction: <c>\frac{a}{b}</c>, <c>\dfrac</c>, <c>\tfrac</c>, <c>\cfrac</c>, <c>\frac12</c>, <c>{a \over b}</c>.</summary>
public sealed class Fraction : MathNode
{
    /// <summary>Creates a fraction.</summary>
    public Fraction(MathNode numerator, MathNode denominator, string command, SourceSpan span) : base(span)
    {
        Numerator = numerator; Denominator = denominator; Command = command; Depth = DepthOf(numerator, denominator);
    }
    /// <summary>The numerator.</summary>
    public MathNode Numerator { get; }
    /// <summary>The denominator.</summary>
    public MathNode Denominator { get; }
    /// <summary>The command without backslash: <c>frac</c>, <c>dfrac</c>, <c>tfrac</c>, <c>cfrac</c>, <c>over</c>, <c>atop</c>.</summary>
    public string Command { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [Numerator, Denominator];
}

/// <summary>A binomial coefficient <c>\binom{n}{k}</c> (also <c>\dbinom</c>, <c>\tbinom</c>, <c>{n \choose k}</c>).</summary>
public sealed class Binomial : MathNode
{
    /// <summary>Creates a binomial.</summary>
    public Binomial(MathNode top, MathNode bottom, string command, SourceSpan span) : base(span)
    {
        Top = top; Bottom = bottom; Command = command; Depth = DepthOf(top, bottom);
    }
    /// <summary>The upper entry (n).</summary>
    public MathNode Top { get; }
    /// <summary>The lower entry (k).</summary>
    public MathNode Bottom { get; }
    /// <summary>The command without backslash: <c>binom</c>, <c>dbinom</c>, <c>tbinom</c>, <c>choose</c>.</summary>
    public string Command { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [Top, Bottom];
}

/// <summary>A root <c>\sqrt{x}</c> or <c>\sqrt[3]{x}</c>.</summary>
public sealed class Root : MathNode
{
    /// <summary>Creates a root.</summary>
    public Root(MathNode radicand, MathNode? index, SourceSpan span) : base(span)
    {
        Radicand = radicand; Index = index; Depth = DepthOf(radicand, index);
    }
    /// <summary>What is under the root.</summary>
    public MathNode Radicand { get; }
    /// <summary>The index of <c>\sqrt[n]</c>, or null for a square root.</summary>
    public MathNode? Index { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => NonNull(Index, Radicand);
}

/// <summary>
/// A delimited group with its delimiters as written: <c>(a+b)</c>, <c>[0,1)</c>, <c>\{x\}</c>, <c>|x|</c>,
/// <c>\Vert x\Vert</c>, <c>\langle a, b\rangle</c>, <c>\left( ... \right)</c>, <c>\left\{ ... \right.</c>,
/// and a bare brace group <c>{...}</c> standing in a formula (Open "{", Close "}").
/// </summary>
public sealed class Group : MathNode
{
    /// <summary>Creates a group.</summary>
    public Group(MathNode content, string open, string close, bool sized, SourceSpan span) : base(span)
    {
        Content = content; Open = open; Close = close; Sized = sized; Depth = DepthOf(content);
    }
    /// <summary>What is inside.</summary>
    public MathNode Content { get; }
    /// <summary>The opening delimiter as written: <c>(</c>, <c>[</c>, <c>\{</c>, <c>|</c>, <c>\Vert</c>, <c>\langle</c>, <c>{</c>, or <c>.</c> after <c>\left</c>.</summary>
    public string Open { get; }
    /// <summary>The closing delimiter as written (<c>.</c> for <c>\right.</c>).</summary>
    public string Close { get; }
    /// <summary>True for <c>\left ... \right</c>.</summary>
    public bool Sized { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [Content];
}

/// <summary>Factors written side by side with no operator: <c>a^{2}bc</c>, <c>x(y-z)</c>, <c>f(x)</c>,
/// <c>r^2 d\theta</c>. Whether this is a product, a function application or a differential is for
/// the lowering to decide.</summary>
public sealed class Juxtaposition : MathNode
{
    /// <summary>Creates a juxtaposition of at least two factors.</summary>
    public Juxtaposition(ImmutableArray<MathNode> factors, SourceSpan span) : base(span)
    {
        Factors = factors; Depth = DepthOf(factors);
    }
    /// <summary>The factors in source order.</summary>
    public ImmutableArray<MathNode> Factors { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => Factors;
}

/// <summary>An explicit binary operator, left-associative: <c>+ - \pm \cdot \times / \wedge \land \otimes</c>,
/// and the separating bars <c>|</c>, <c>\mid</c>, <c>\Vert</c> of <c>p(z|x)</c> or <c>KL(p\Vert q)</c>.</summary>
public sealed class BinaryOperation : MathNode
{
    /// <summary>Creates a binary operation.</summary>
    public BinaryOperation(string @operator, MathNode left, MathNode right, SourceSpan span) : base(span)
    {
        Operator = @operator; Left = left; Right = right;
        // A chain a + b + c + … is nested on the left but is one level of the formula: its length is not its depth
        // (a sum of 10⁵ terms reads). The walks that recurse on it follow the left spine with a loop (see Spine).
        Depth = left is BinaryOperation l && SameLevel(l.Operator, @operator) ? Math.Max(left.Depth, right.Depth + 1) : DepthOf(left, right);
    }

    /// <summary>True when two operators are of the same level (<c>+ -</c>, or the explicit products), so a chain of them is flat.</summary>
    public static bool SameLevel(string a, string b) => Level(a) is { } la && la == Level(b);

    private static int? Level(string op) => op.Trim() switch
    {
        "+" or "-" or "\\pm" or "\\mp" => 1,
        "" or "\\cdot" or "*" or "\\ast" or "\\times" or "/" => 2,
        _ => null,
    };

    /// <summary>
    /// The operands and operators of the flat chain this node ends (left to right): <c>a + b - c</c> gives
    /// operands [a, b, c] and operators [+, -]. Found with a loop, so a chain of any length is safe to walk.
    /// </summary>
    public (List<MathNode> Operands, List<BinaryOperation> Operations) Spine()
    {
        var ops = new List<BinaryOperation>();
        MathNode node = this;
        while (node is BinaryOperation b && (ops.Count == 0 || SameLevel(b.Operator, ops[^1].Operator)))
        {
            ops.Add(b);
            node = b.Left;
        }
        ops.Reverse();
        var operands = new List<MathNode>(ops.Count + 1) { node };
        foreach (var b in ops) operands.Add(b.Right);
        return (operands, ops);
    }
    /// <summary>The operator as written: <c>+</c>, <c>-</c>, <c>\cdot</c>, <c>\land</c>, <c>/</c>, <c>|</c>.</summary>
    public string Operator { get; }
    /// <summary>The left operand.</summary>
    public MathNode Left { get; }
    /// <summary>The right operand (an <see cref="Empty"/> for a trailing operator, e.g. before <c>\\</c>).</summary>
    public MathNode Right { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [Left, Right];
}

/// <summary>A prefix sign: <c>-x</c>, <c>+\infty</c>, <c>\pm 1</c>.</summary>
public sealed class UnaryOperation : MathNode
{
    /// <summary>Creates a unary operation.</summary>
    public UnaryOperation(string @operator, MathNode operand, SourceSpan span) : base(span)
    {
        Operator = @operator; Operand = operand; Depth = DepthOf(operand);
    }
    /// <summary>The sign as written: <c>-</c>, <c>+</c>, <c>\pm</c>, <c>\mp</c>.</summary>
    public string Operator { get; }
    /// <summary>What the sign applies to.</summary>
    public MathNode Operand { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [Operand];
}

/// <summary>A postfix operator: the factorial <c>n!</c>.</summary>
public sealed class PostfixOperation : MathNode
{
    /// <summary>Creates a postfix operation.</summary>
    public PostfixOperation(string @operator, MathNode operand, SourceSpan span) : base(span)
    {
        Operator = @operator; Operand = operand; Depth = DepthOf(operand);
    }
    /// <summary>The operator: <c>!</c>.</summary>
    public string Operator { get; }
    /// <summary>What it applies to.</summary>
    public MathNode Operand { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [Operand];
}

/// <summary>A relation or chain of relations: <c>a=b=c</c>, <c>0&lt;x\leq 1</c>, <c>x\in\mathbb{R}^n</c>,
/// <c>K\to+\infty</c>. Operands.Length == Operators.Length + 1; a missing side (<c>=&amp;</c>) is <see cref="Empty"/>.</summary>
public sealed class Relation : MathNode
{
    /// <summary>Creates a relation chain.</summary>
    public Relation(ImmutableArray<MathNode> operands, ImmutableArray<string> operators, SourceSpan span) : base(span)
    {
        Operands = operands; Operators = operators; Depth = DepthOf(operands);
    }
    /// <summary>The related expressions, one more than <see cref="Operators"/>.</summary>
    public ImmutableArray<MathNode> Operands { get; }
    /// <summary>The relation symbols as written: <c>=</c>, <c>\neq</c>, <c>\leq</c>, <c>\to</c>, <c>\not\in</c>.</summary>
    public ImmutableArray<string> Operators { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => Operands;
}

/// <summary>Items separated by punctuation: <c>x_1,x_2,\cdots,x_n</c>, <c>a, b;</c>, an equation ending
/// in <c>.</c>. Separators.Length is Items.Length - 1, or Items.Length when the list ends with punctuation.</summary>
public sealed class Sequence : MathNode
{
    /// <summary>Creates a punctuated sequence.</summary>
    public Sequence(ImmutableArray<MathNode> items, ImmutableArray<string> separators, SourceSpan span) : base(span)
    {
        Items = items; Separators = separators; Depth = DepthOf(items);
    }
    /// <summary>The items (an <see cref="Empty"/> where nothing stands between two separators).</summary>
    public ImmutableArray<MathNode> Items { get; }
    /// <summary>The separators as written: <c>,</c> <c>;</c> <c>.</c>.</summary>
    public ImmutableArray<string> Separators { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => Items;
}

/// <summary>
/// A named function applied to its argument: <c>\sin x^2</c> (argument x²), <c>\sin^2\theta</c>
/// (Superscript 2 on the name), <c>\log(\ldots)</c>, <c>\max(x_1,\dots)</c>, <c>\operatorname{softmax}</c>.
/// </summary>
/// <remarks>Without parentheses the argument is the following factors up to the next operator,
/// relation, named function, big operator or differential (<c>d</c> followed by a factor); with a
/// parenthesised group right after the name, the argument is that group. See grammar/README.md.</remarks>
public sealed class FunctionCall : MathNode
{
    /// <summary>Creates a function application.</summary>
    public FunctionCall(string name, string command, MathNode? subscript, MathNode? superscript, MathNode? argument, bool parenthesized, SourceSpan span)
        : base(span)
    {
        Name = name; Command = command; Subscript = subscript; Superscript = superscript; Argument = argument; Parenthesized = parenthesized;
        Depth = DepthOf(subscript, superscript, argument);
    }
    /// <summary>The function name: <c>sin</c>, <c>log</c>, <c>softmax</c>.</summary>
    public string Name { get; }
    /// <summary>The command that named it: <c>\sin</c>, <c>\operatorname</c>, <c>\mathop</c>.</summary>
    public string Command { get; }
    /// <summary>A subscript on the name (<c>\log_2</c>), or null.</summary>
    public MathNode? Subscript { get; }
    /// <summary>A superscript on the name (<c>\sin^2</c>: a power of the result), or null.</summary>
    public MathNode? Superscript { get; }
    /// <summary>The argument, or null when nothing follows the name.</summary>
    public MathNode? Argument { get; }
    /// <summary>True when the argument is the parenthesised group written right after the name.</summary>
    public bool Parenthesized { get; }
    internal FunctionCall WithArgument(MathNode? argument, bool parenthesized, SourceSpan span) =>
        new(Name, Command, Subscript, Superscript, argument, parenthesized, span);
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => NonNull(Subscript, Superscript, Argument);
}

/// <summary>How a big operator's scripts are placed: as written by <c>\limits</c>/<c>\nolimits</c>, or default.</summary>
public enum LimitsPlacement
{
    /// <summary>Nothing written.</summary>
    Default,
    /// <summary><c>\limits</c>: scripts above and below.</summary>
    Limits,
    /// <summary><c>\nolimits</c>: scripts at the side.</summary>
    NoLimits,
}

/// <summary>
/// A big operator with its scripts and body: <c>\sum_{i=1}^n</c>, <c>\prod</c>, <c>\int_a^b</c>, <c>\iint</c>,
/// <c>\oint</c>, and limit-like operators written with a subscript: <c>\lim_{K\to+\infty}</c>,
/// <c>\max_i</c>, <c>\mathop{\text{argmin}}_\theta</c>, <c>\operatorname*{argmax}_x</c>.
/// </summary>
/// <remarks>The body is everything after the operator up to the next <c>+</c>, <c>-</c>, relation,
/// punctuation or closing delimiter, including explicit products (<c>\land</c>, <c>\cdot</c>). An integral's
/// differential stays inside the body as written (<c>dt</c>, <c>\mathrm{d}x</c>, <c>dz\,dx</c>).</remarks>
public sealed class BigOperator : MathNode
{
    /// <summary>Creates a big operator.</summary>
    public BigOperator(string name, string command, MathNode? subscript, MathNode? superscript, LimitsPlacement limits, MathNode? body, SourceSpan span)
        : base(span)
    {
        Name = name; Command = command; Subscript = subscript; Superscript = superscript; Limits = limits; Body = body;
        Depth = DepthOf(subscript, superscript, body);
    }
    /// <summary>The operator name: <c>sum</c>, <c>int</c>, <c>iint</c>, <c>lim</c>, <c>argmin</c>.</summary>
    public string Name { get; }
    /// <summary>The command as written: <c>\sum</c>, <c>\mathop</c>, <c>\operatorname*</c>.</summary>
    public string Command { get; }
    /// <summary>The lower limit / subscript, or null.</summary>
    public MathNode? Subscript { get; }
    /// <summary>The upper limit / superscript, or null.</summary>
    public MathNode? Superscript { get; }
    /// <summary><c>\limits</c> / <c>\nolimits</c> as written.</summary>
    public LimitsPlacement Limits { get; }
    /// <summary>What the operator applies to, or null if nothing follows.</summary>
    public MathNode? Body { get; }
    internal BigOperator WithBody(MathNode? body, SourceSpan span) => new(Name, Command, Subscript, Superscript, Limits, body, span);
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => NonNull(Subscript, Superscript, Body);
}

/// <summary>A font command applied to more than one symbol: <c>\mathrm{KL}</c>, <c>\boldsymbol{x+y}</c>.
/// (On a single symbol the font is kept on the <see cref="Symbol"/> itself.)</summary>
public sealed class Styled : MathNode
{
    /// <summary>Creates a styled node.</summary>
    public Styled(string font, MathNode body, SourceSpan span) : base(span)
    {
        Font = font; Body = body; Depth = DepthOf(body);
    }
    /// <summary>The font command without backslash: <c>mathrm</c>, <c>mathbf</c>, <c>boldsymbol</c>.</summary>
    public string Font { get; }
    /// <summary>What is styled.</summary>
    public MathNode Body { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [Body];
}

/// <summary>An accent over something that is not a single symbol: <c>\overline{z+w}</c>, <c>\dot{(x)}</c>.
/// (On a single symbol the accent is kept on the <see cref="Symbol"/> itself.)</summary>
public sealed class Accent : MathNode
{
    /// <summary>Creates an accent node.</summary>
    public Accent(string name, MathNode body, SourceSpan span) : base(span)
    {
        Name = name; Body = body; Depth = DepthOf(body);
    }
    /// <summary>The accent command without backslash: <c>dot</c>, <c>hat</c>, <c>overline</c>.</summary>
    public string Name { get; }
    /// <summary>What is accented.</summary>
    public MathNode Body { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [Body];
}

/// <summary>Text inside math: <c>\text{argmin}</c>, <c>\textrm{if }</c>, <c>\mbox{...}</c>.</summary>
public sealed class TextNode : MathNode
{
    /// <summary>Creates a text node.</summary>
    public TextNode(string content, string command, SourceSpan span) : base(span)
    {
        Content = content; Command = command;
    }
    /// <summary>The text between the braces, as written.</summary>
    public string Content { get; }
    /// <summary>The command: <c>\text</c>, <c>\textrm</c>, <c>\mbox</c>.</summary>
    public string Command { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => [];
}

/// <summary>A command the reader does not know, kept with its braced arguments: <c>\phantom{x}</c>,
/// <c>\eqref{eq:a}</c>, <c>\foo{a}{b}</c>. Never dropped.</summary>
public sealed class Command : MathNode
{
    /// <summary>Creates a generic command node.</summary>
    public Command(string name, ImmutableArray<MathNode> arguments, SourceSpan span) : base(span)
    {
        Name = name; Arguments = arguments; Depth = DepthOf(arguments);
    }
    /// <summary>The command name without backslash.</summary>
    public string Name { get; }
    /// <summary>The braced arguments that followed it, parsed as math.</summary>
    public ImmutableArray<MathNode> Arguments { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => Arguments;
}

/// <summary>An environment <c>\begin{name} ... \end{name}</c>: aligned, align, cases, pmatrix, bmatrix,
/// array{cc}, equation, ... with rows (<c>\\</c>) and cells (<c>&amp;</c>).</summary>
public sealed class LatexEnvironment : MathNode
{
    /// <summary>Creates an environment node.</summary>
    public LatexEnvironment(string name, string? argument, ImmutableArray<Row> rows, SourceSpan span) : base(span)
    {
        Name = name; Argument = argument; Rows = rows; Depth = DepthOf(rows.CastArray<MathNode>());
    }
    /// <summary>The environment name as written, star included: <c>aligned</c>, <c>align*</c>, <c>pmatrix</c>.</summary>
    public string Name { get; }
    /// <summary>The column specification of <c>array</c>-like environments as written (<c>c:ccc</c>), or null.</summary>
    public string? Argument { get; }
    /// <summary>The rows; a trailing empty row (a final <c>\\</c>) is dropped.</summary>
    public ImmutableArray<Row> Rows { get; }
    /// <summary>True for environments whose <c>&amp;</c> marks alignment, not separate entries
    /// (aligned, align, split, gathered, eqnarray, multline, flalign, alignat, equation).</summary>
    public bool IsAlignment => LatexNames.IsAlignmentEnvironment(Name);
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => Rows;
}

/// <summary>
/// One line of a display or of an environment: its cells (split at <c>&amp;</c>), its <c>\tag</c>,
/// <c>\label</c> and <c>\nonumber</c>.
/// </summary>
public sealed class Row : MathNode
{
    /// <summary>Creates a row.</summary>
    public Row(ImmutableArray<MathNode> cells, MathNode? body, string? tag, string? label, bool noNumber, SourceSpan span) : base(span)
    {
        Cells = cells; Body = body; Tag = tag; Label = label; NoNumber = noNumber; Depth = DepthOf(cells, body);
    }
    /// <summary>The cells as written (one cell when there is no <c>&amp;</c>).</summary>
    public ImmutableArray<MathNode> Cells { get; }
    /// <summary>The line read as one formula: the single cell, or for alignment rows (<c>A &amp;= B</c>)
    /// the cells read together with the alignment marks removed. Null for rows of matrices, arrays
    /// and cases, whose cells are separate entries.</summary>
    public MathNode? Body { get; }
    /// <summary>The text of <c>\tag{...}</c>, e.g. "65", or null.</summary>
    public string? Tag { get; }
    /// <summary>The text of <c>\label{...}</c>, e.g. "eq:std", or null.</summary>
    public string? Label { get; }
    /// <summary>True when <c>\nonumber</c> or <c>\notag</c> was written.</summary>
    public bool NoNumber { get; }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => Cells;
}

/// <summary>
/// The whole input: its equations (rows at the top level, split at <c>\\</c>; a top-level
/// <c>equation</c>/<c>align</c>/<c>gather</c> environment is unwrapped into its rows).
/// </summary>
/// <remarks>A system written as <c>\left\{\begin{aligned} ... \end{aligned}\right.\tag{1}</c> is one
/// equation (tag 1) whose body holds the environment; <see cref="Lines"/> lists its rows.</remarks>
public sealed class MathDocument : MathNode
{
    /// <summary>Creates a document.</summary>
    public MathDocument(ImmutableArray<Row> equations, SourceSpan span) : base(span)
    {
        Equations = equations; Depth = DepthOf(equations.CastArray<MathNode>());
    }
    /// <summary>The top-level equations, each with its tag/label.</summary>
    public ImmutableArray<Row> Equations { get; }

    /// <summary>Every line: the equations, with an equation whose body is an alignment or cases
    /// environment (possibly inside <c>\left\{ ... \right.</c>) replaced by that environment's rows.
    /// A tag written after such an environment stays on the equation in <see cref="Equations"/>.</summary>
    public IEnumerable<Row> Lines()
    {
        foreach (var eq in Equations)
        {
            var body = eq.Body;
            while (body is Group { Sized: true } g) body = g.Content;
            if (body is LatexEnvironment env && (env.IsAlignment || env.Name.StartsWith("cases", StringComparison.Ordinal)))
                foreach (var r in env.Rows) yield return r;
            else
                yield return eq;
        }
    }
    /// <inheritdoc/>
    public override IEnumerable<MathNode> Children => Equations;
}

/// <summary>Names the reader treats specially.</summary>
internal static class LatexNames
{
    internal static readonly HashSet<string> AlignmentEnvironments =
        ["aligned", "align", "align*", "alignat", "alignat*", "alignedat", "split", "gathered", "gather",
         "gather*", "eqnarray", "eqnarray*", "multline", "multline*", "flalign", "flalign*", "equation",
         "equation*", "displaymath", "math"];

    internal static readonly HashSet<string> DisplayEnvironments =
        ["equation", "equation*", "align", "align*", "gather", "gather*", "eqnarray", "eqnarray*",
         "multline", "multline*", "flalign", "flalign*", "alignat", "alignat*", "displaymath", "math"];

    internal static readonly HashSet<string> LimitLike =
        ["lim", "limsup", "liminf", "max", "min", "sup", "inf", "argmax", "argmin", "injlim", "projlim", "det", "Pr", "gcd"];

    internal static bool IsAlignmentEnvironment(string name) => AlignmentEnvironments.Contains(name);
}
