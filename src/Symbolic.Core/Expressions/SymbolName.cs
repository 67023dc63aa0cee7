using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;

namespace Symbolic.Core;

/// <summary>
/// A name as it was written, in parts: a base (<c>x</c>, <c>theta</c>, <c>theta'</c>), accents from the outside in
/// (<c>\tilde{\hat{x}}</c> has <c>tilde</c>, <c>hat</c>), and upper and lower index words (<c>\omega^{\mu}_{\nu}</c> has
/// upper <c>mu</c> and lower <c>nu</c>). The reader builds names from their parts and the printers print the parts;
/// <see cref="Spelling"/>, the one-line form (<c>hat:x</c>, <c>omega^mu_nu</c>, <c>R^mu_nu rho sigma</c>), is the
/// identity of a <see cref="Symbol"/> or <see cref="Function"/> and is never read back into parts.
/// </summary>
/// <example><code>
/// var omega = SymbolName.Of("omega", upper: ["mu"], lower: ["nu"]);
/// omega.Spelling;                       // "omega^mu_nu"
/// Symbol.Of(omega).Name.Parts.Upper;    // ["mu"]
/// </code></example>
public sealed class SymbolName : IEquatable<SymbolName>
{
    // Every structured name made, by spelling: a symbol made from its spelling alone finds its parts here.
    private static readonly ConcurrentDictionary<string, SymbolName> Written = new(StringComparer.Ordinal);

    /// <summary>The letter or word the name is built on, with its primes (<c>x</c>, <c>theta</c>, <c>V'</c>).</summary>
    public string Base { get; }
    /// <summary>Accents from the outside in, without backslash (<c>hat</c>, <c>tilde</c>, <c>bar</c>).</summary>
    public ImmutableArray<string> Accents { get; }
    /// <summary>Upper index words (<c>mu</c> in ω^μ_ν).</summary>
    public ImmutableArray<string> Upper { get; }
    /// <summary>Lower index words (<c>nu</c> in ω^μ_ν; <c>nu</c>, <c>rho</c>, <c>sigma</c> in R^μ_{νρσ}).</summary>
    public ImmutableArray<string> Lower { get; }
    /// <summary>The one-line form: accents as <c>hat:</c> prefixes, then the base, <c>^</c> and the upper words, <c>_</c> and the lower words.</summary>
    public string Spelling { get; }

    private SymbolName(string @base, ImmutableArray<string> accents, ImmutableArray<string> upper, ImmutableArray<string> lower)
    {
        Base = @base;
        Accents = accents;
        Upper = upper;
        Lower = lower;
        var sb = new StringBuilder();
        foreach (var a in accents) sb.Append(a).Append(':');
        sb.Append(@base);
        if (!upper.IsEmpty) sb.Append('^').AppendJoin(' ', upper);
        if (!lower.IsEmpty) sb.Append('_').AppendJoin(' ', lower);
        Spelling = sb.ToString();
    }

    /// <summary>True when the name has no accents and no indices.</summary>
    public bool IsPlain => Accents.IsEmpty && Upper.IsEmpty && Lower.IsEmpty;

    /// <summary>A name of one part, such as <c>x</c> or <c>theta</c>.</summary>
    public static SymbolName Plain(string @base) => new(@base, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    /// <summary>A name from its parts; an index word list given as one text is split at its spaces (<c>"nu rho"</c>).</summary>
    public static SymbolName Of(string @base, IEnumerable<string>? accents = null, string? upper = null, string? lower = null) =>
        Of(@base, accents, Words(upper), Words(lower));

    /// <summary>A name from its parts.</summary>
    public static SymbolName Of(string @base, IEnumerable<string>? accents, IEnumerable<string>? upper, IEnumerable<string>? lower)
    {
        if (string.IsNullOrEmpty(@base)) throw new ArgumentException("a name needs a base", nameof(@base));
        var name = new SymbolName(@base, accents?.ToImmutableArray() ?? ImmutableArray<string>.Empty,
            upper?.ToImmutableArray() ?? ImmutableArray<string>.Empty, lower?.ToImmutableArray() ?? ImmutableArray<string>.Empty);
        return name.IsPlain ? name : Written.GetOrAdd(name.Spelling, name);
    }

    /// <summary>This name with <paramref name="lower"/> added to its lower index words (<c>u</c> → <c>u_xx</c>).</summary>
    public SymbolName AddLower(params string[] lower) => Of(Base, Accents, Upper, Lower.AddRange(lower));

    /// <summary>
    /// The parts of a name known by its spelling: the structured name that was made with this spelling, or a plain
    /// name whose base is the whole spelling.
    /// </summary>
    public static SymbolName For(string spelling) => Written.TryGetValue(spelling, out var n) ? n : Plain(spelling);

    private static IEnumerable<string>? Words(string? list) => list?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } w ? w : list is null ? null : [list];

    /// <inheritdoc/>
    public bool Equals(SymbolName? other) => other is not null && other.Spelling == Spelling;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SymbolName);
    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Spelling);
    /// <inheritdoc/>
    public override string ToString() => Spelling;
}
