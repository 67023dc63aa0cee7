using Symbolic.Core;

namespace Symbolic.Latex;

/// <summary>
/// What the letters of a formula mean: the time variable, declared unknown functions and their
/// arguments, assumptions, and definitions made earlier (REPL assignments). Lowering never guesses
/// beyond the written policy (grammar/README.md); this context overrides it.
/// </summary>
/// <example><code>
/// var ctx = new LoweringContext();
/// ctx.Functions["u"] = new[] { "x", "y" };
/// ctx.Assumptions["r"] = Assumptions.Positive;
/// LatexMath.ReadOne(@"\frac{\partial^2 u}{\partial x^2}", ctx);
/// </code></example>
public sealed class LoweringContext
{
    /// <summary>The time variable: dotted letters are functions of it (default t).</summary>
    public string Time { get; set; } = "t";
    /// <summary>The independent variable of primed functions y', y'' (default x).</summary>
    public string PrimeVariable { get; set; } = "x";
    /// <summary>Declared unknown functions and their argument names: "u" → ["x", "y"].</summary>
    public IDictionary<string, IReadOnlyList<string>> Functions { get; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Assumptions by name; they apply to the symbol of that name or to the function of that name.</summary>
    public IDictionary<string, Assumptions> Assumptions { get; } = new Dictionary<string, Assumptions>();
    /// <summary>Names defined earlier (L := …): a letter with a definition stands for it.</summary>
    public IDictionary<string, Expr> Definitions { get; } = new Dictionary<string, Expr>();
    /// <summary>Read <c>d</c> followed by a letter as a differential (default true).</summary>
    public bool DifferentialD { get; set; } = true;
    /// <summary>
    /// Read <c>\partial_x</c> with nothing after it to differentiate as the operator ∂/∂x, as
    /// <c>\frac{\partial}{\partial x}</c> alone is read (default false: it is refused). A vector field is written so:
    /// <c>X = \partial_t</c>, <c>X = y\partial_x - x\partial_y</c>; the <c>:generator</c> command reads with it on.
    /// </summary>
    public bool PartialOperatorsAlone { get; set; }
    /// <summary>
    /// Read a name applied to variables whose differentials the display writes as an unknown function of them
    /// (default false): in the line element <c>ds^2 = -dt^2 + a(t)^2 dx^2</c>, <c>a(t)</c> is the scale factor a of t,
    /// not the product a·t. Only plain names applied to such variables are affected.
    /// </summary>
    public bool FunctionsOfDifferentials { get; set; }
    /// <summary>
    /// Names known to depend on time (coordinates): dotted anywhere in what this context has read, or
    /// added by the caller (the coordinates of the current action). Inside <c>\frac{d}{dt}(…)</c> such a
    /// name is a function of time even where it is written without a dot (<c>\frac{d}{dt}(r^2\dot	heta)</c>).
    /// The reader adds every dotted name it meets.
    /// </summary>
    public ISet<string> Coordinates { get; private init; } = new HashSet<string>();
    /// <summary>
    /// The signs of the metric η used to sum repeated Greek indices (<c>\partial_\mu\phi\partial^\mu\phi</c>)
    /// over a field's variables, in the order of its declared arguments; null: η = diag(−1, 1, …, 1), the first
    /// variable timelike. Every such sum is reported as a warning naming the signature.
    /// </summary>
    public IReadOnlyList<int>? Signature { get; set; }

    /// <summary>
    /// Reads a signature as the CLI takes it: <c>+---</c> (the particle physicists', η = diag(1, −1, −1, −1)) or <c>-+++</c>
    /// (η = diag(−1, 1, 1, 1)), one sign per variable, the first for time; Unicode minus signs are accepted. A signature of
    /// one sign for time and one repeated sign for space applies to a field of any number of variables.
    /// </summary>
    /// <exception cref="ArgumentException">Anything but a string of at least two signs.</exception>
    public static IReadOnlyList<int> ParseSignature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var signs = text.Trim().Where(ch => !char.IsWhiteSpace(ch) && ch != ',').Select(ch => ch switch
        {
            '+' => 1,
            '-' or '−' => -1,
            _ => throw new ArgumentException($"a signature is written with signs, +--- or -+++ (found '{ch}' in {text})"),
        }).ToList();
        if (signs.Count < 2) throw new ArgumentException($"a signature needs a sign for time and for space, +--- or -+++ (found {text})");
        return signs;
    }
    /// <summary>
    /// Where the reader reports its reading decisions (see <see cref="ReadWarning"/>). Clones share this
    /// list, so a command that reads through a copy of the session's context still reports; the caller clears it.
    /// </summary>
    public IList<ReadWarning> Warnings { get; private init; } = new List<ReadWarning>();
    /// <summary>
    /// Letters that are plain symbols here although the reader would otherwise give them a meaning: with <c>"e"</c> in
    /// the set, <c>e</c> is a symbol (the charge in <c>\frac{e^2}{4\pi\epsilon_0 r}</c>) and <c>e^{x}</c> a power, not
    /// Euler's number and the exponential (<c>:symbol e</c>, <c>--symbols e</c>). Today only <c>e</c> has such a meaning.
    /// </summary>
    public ISet<string> PlainSymbols { get; private init; } = new HashSet<string>();

    /// <summary>An independent copy.</summary>
    public LoweringContext Clone()
    {
        var c = new LoweringContext
        {
            Time = Time, PrimeVariable = PrimeVariable, DifferentialD = DifferentialD, Signature = Signature,
            FunctionsOfDifferentials = FunctionsOfDifferentials, PartialOperatorsAlone = PartialOperatorsAlone,
            Warnings = Warnings, Coordinates = new HashSet<string>(Coordinates), PlainSymbols = new HashSet<string>(PlainSymbols),
        };
        foreach (var kv in Functions) c.Functions[kv.Key] = kv.Value;
        foreach (var kv in Assumptions) c.Assumptions[kv.Key] = kv.Value;
        foreach (var kv in Definitions) c.Definitions[kv.Key] = kv.Value;
        return c;
    }

    internal Assumptions AssumptionsOf(string name, Assumptions fallback) =>
        Assumptions.TryGetValue(name, out var a) ? a : fallback;
}

/// <summary>One equation or expression read from LaTeX, with its <c>\tag</c> (or label) if written.</summary>
/// <param name="Label">The tag text ("4") or label, or null.</param>
/// <param name="Value">An expression, or a <see cref="Relation"/> for an equation.</param>
public sealed record LoweredEquation(string? Label, Expr Value)
{
    /// <summary>Where the equation starts in the source (0-based character offset), so that a later refusal
    /// (simplification, a module) can point at it: <see cref="ParseError.AtOffset"/>.</summary>
    public int Offset { get; init; }
}
