using Symbolic.Core;
using Symbolic.Latex.Syntax;
using KSymbol = Symbolic.Core.Symbol;
using SSymbol = Symbolic.Latex.Syntax.Symbol;

namespace Symbolic.Latex;

// What the source says besides its value: the variables of its differentials, and the order in which names are written.
internal sealed partial class Lowerer
{
    // The variables whose differentials the display writes (d t, d\theta, dr^2), when LoweringContext.FunctionsOfDifferentials is on.
    private HashSet<string>? _differentialNames;

    private void CollectDifferentials(MathNode root)
    {
        if (!_ctx.FunctionsOfDifferentials) return;
        _differentialNames = new();
        foreach (var node in Walk(root))
            if (node is Juxtaposition j)
                for (int i = 0; i + 1 < j.Factors.Length; i++)
                    if (IsDifferentialMark(j.Factors[i]) && DifferentialName(j.Factors[i + 1]) is { } name) _differentialNames.Add(name);
    }

    private string? DifferentialName(MathNode n) => n switch
    {
        SSymbol { Accents.Length: 0 } s => NameOf(s),
        Scripted { Base: SSymbol { Accents.Length: 0 } b, Subscript: null, Primes: 0 } => NameOf(b),                 // dr^2
        Scripted { Base: SSymbol { Accents.Length: 0 } b, Subscript: { } sub, Superscript: null, Primes: 0 } when IsSimpleIndex(sub) => Spell(b, lower: sub),
        _ => null,
    };

    /// <summary>
    /// a(t), \Phi(r) in a display whose differentials include dt, dr: a plain name, not itself such a variable, applied to
    /// variables that all have differentials (<see cref="LoweringContext.FunctionsOfDifferentials"/>).
    /// </summary>
    private bool IsAppliedToDifferentials(MathNode head, MathNode content)
    {
        if (_differentialNames is not { } variables || head is not SSymbol { Accents.Length: 0 } h) return false;
        var name = NameOf(h);
        if (variables.Contains(name) || _ctx.Definitions.ContainsKey(name)) return false;
        var items = content is Sequence seq ? seq.Items.Where(i => i is not Empty).ToList() : [content];
        return items.Count > 0 && items.All(a => a is SSymbol { Accents.Length: 0 } s && variables.Contains(NameOf(s)));
    }

    /// <summary>The symbols and differentials d(x) under <paramref name="root"/>, each once, in the order they are first written.</summary>
    public IReadOnlyList<Expr> Appearances(MathNode root)
    {
        var found = new List<(int Offset, Expr Value)>();
        foreach (var node in Walk(root))
        {
            if (node is SSymbol s && Quietly(() => Lower(s)) is KSymbol symbol) found.Add((s.Span.Start, symbol));
            if (node is not Juxtaposition j) continue;
            for (int i = 0; i + 1 < j.Factors.Length; i++)
                if (IsDifferentialMark(j.Factors[i]) && Differentiable(j.Factors[i + 1])
                    && Quietly(() => JuxtapositionOf([j.Factors[i], j.Factors[i + 1]])) is { } value)
                {
                    var differential = value is Power { Base: var b } ? b : value;
                    if (differential is Call c && c.Function.Equals(Function.D)) found.Add((j.Factors[i].Span.Start, differential));
                }
        }
        // OrderBy is stable: a differential and its variable written at one offset keep the walk's order.
        return found.OrderBy(f => f.Offset).Select(f => f.Value).Distinct().ToList();
    }

    // A piece that does not lower on its own (an operator name without its argument) has no name to report.
    private static Expr? Quietly(Func<Expr> lower)
    {
        try { return lower(); }
        catch (ParseError) { return null; }
    }
}
