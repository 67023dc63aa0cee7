using Symbolic.Latex.Syntax;
using SSymbol = Symbolic.Latex.Syntax.Symbol;
using SNumber = Symbolic.Latex.Syntax.Number;

namespace Symbolic.Latex;

/// <summary>
/// The metric signature used to sum ∂_μφ∂^μφ and to raise ∂^t (grammar/README.md, "Reading decisions and warnings"):
/// the one the context gives (--signature, :signature), else the one the display's Lagrangian implies, else η = diag(−1, 1, …, 1).
/// </summary>
internal sealed partial class Lowerer
{
    // The signature the display implies: ½∂_μφ∂^μφ − ½m²φ² (kinetic and mass terms of opposite signs) is +−−−;
    // −½∂_μφ∂^μφ − ½m²φ² (the same sign) is −+++. Null when the display does not say.
    private List<int>? _inferredSignature;

    /// <summary>
    /// Looks for a sum with a term c₁ ∂_μφ∂^μφ (one index up, one down) and a mass term c₂ m²φ² (φ squared, no
    /// derivative): a Lagrangian whose energy is bounded below has c₁, c₂ of opposite signs in +−−− and of the same
    /// sign in −+++. The inference is said; a signature in the context takes precedence.
    /// </summary>
    private void InferSignature(MathNode root)
    {
        if (_ctx.Signature is not null) return;
        foreach (var chain in Walk(root).OfType<BinaryOperation>().Where(b => BinaryOperation.SameLevel(b.Operator, "+")))
        {
            var (operands, ops) = chain.Spine();
            var signed = operands.Select((o, k) =>
            {
                int sign = k > 0 && ops[k - 1].Operator.Trim() == "-" ? -1 : 1;
                var term = o;
                while (term is UnaryOperation { Operator: var u } un) { if (u.Trim() == "-") sign = -sign; term = un.Operand; }
                return (Term: term, Sign: sign);
            }).ToList();
            var kineticTerm = signed.Select(x => (x.Term, x.Sign, Field: MixedContraction(x.Term))).FirstOrDefault(x => x.Field is not null);
            if (kineticTerm.Field is not { } field) continue;
            var massTerm = signed.FirstOrDefault(x => !ReferenceEquals(x.Term, kineticTerm.Term) && IsMassTerm(x.Term, field));
            if (massTerm.Term is null) continue;
            var (kinetic, mass, at) = (kineticTerm.Sign, massTerm.Sign, kineticTerm.Term);
            _inferredSignature = kinetic != mass ? [1, -1] : [-1, 1];
            Warn(at, $"the signature {SignatureText()} is inferred from the form of this Lagrangian ({(kinetic != mass ? "½∂_μφ∂^μφ − ½m²φ²: kinetic and mass (or potential) terms of opposite signs" : "−½∂_μφ∂^μφ − ½m²φ²: kinetic and mass (or potential) terms of the same sign")}); --signature or :signature sets it");
            return;
        }
    }

    private static MathNode StripSigns(MathNode n) { while (n is UnaryOperation un) n = un.Operand; return n; }

    /// <summary>The name in a product ∂_μφ ∂^μφ with the index once up and once down, or null.</summary>
    private string? MixedContraction(MathNode term)
    {
        var factors = Factors(term is Group { Open: "{" } g ? g.Content : term);
        var marks = new List<(int At, string Index, bool Up)>();
        for (int i = 0; i + 1 < factors.Count; i++)
            if (factors[i] is Scripted { Base: SSymbol { Name: "partial" } } ps && (ps.Subscript ?? ps.Superscript) is { } idx && IsGreekIndex(idx) && (ps.Subscript is null || ps.Superscript is null))
                marks.Add((i, IndexText(idx), ps.Subscript is null));
        foreach (var pair in marks.GroupBy(m => m.Index).Where(p => p.Count() == 2))
        {
            var (a, b) = (pair.First(), pair.Last());
            if (a.Up == b.Up) continue;
            if (factors[a.At + 1] is SSymbol { Accents.Length: 0 } s) return NameOf(s);
        }
        return null;
    }

    /// <summary>m²φ², ½m²φ(x)², λφ⁴: an even power of the field, no derivative anywhere in the term.</summary>
    private bool IsMassTerm(MathNode term, string? field)
    {
        var nodes = Walk(term).ToList();
        if (nodes.Any(n => n is SSymbol { Name: "partial" or "nabla" } || n is Fraction f && DerivativeMarkSafe(f))) return false;
        // m²φ², λφ⁴/4: an even power of the field (a mass term or a potential; both enter a Lagrangian with the same sign).
        return nodes.Any(n => n is Scripted { Superscript: SNumber { Text: var power } } sq && int.TryParse(power, out var k) && k >= 2 && k % 2 == 0
                              && (sq.Base is SSymbol { Accents.Length: 0 } b && (field is null ? b.Name != "m" : NameOf(b) == field)
                                  || sq.Base is Group && field is not null && nodes.OfType<SSymbol>().Any(x => NameOf(x) == field)));
    }

    private bool DerivativeMarkSafe(Fraction f)
    {
        var num = Factors(f.Numerator);
        return num.Count > 0 && DerivativeMark(num[0]) is (true, _, _) or (_, true, _);
    }

    /// <summary>The signs of η for a field of <paramref name="count"/> variables: the context's, the inferred, or diag(−1, 1, …).
    /// A signature written for four variables (+−−−) applies to any number: the first sign, then the second repeated.</summary>
    private List<int> SignsFor(int count, MathNode at)
    {
        var given = _ctx.Signature ?? _inferredSignature;
        if (given is null) return Enumerable.Range(0, count).Select(k => k == 0 ? -1 : 1).ToList();
        if (given.Count == count) return given.ToList();
        if (given.Count >= 2 && given.Skip(1).All(x => x == given[1]))
            return Enumerable.Range(0, count).Select(k => k == 0 ? given[0] : given[1]).ToList();
        throw Error(at, $"the signature has {given.Count} signs but the field has {count} variables");
    }

    /// <summary>η^{vv} for the coordinate <paramref name="name"/>: the time's sign for the time, else a space sign.</summary>
    private int RaisedSign(string name)
    {
        var signs = SignsFor(2, new Empty(default));
        return name == _ctx.Time ? signs[0] : signs[1];
    }

    private string SignatureText()
    {
        var signs = SignsFor(4, new Empty(default));
        return $"η = diag({string.Join(", ", signs)})";
    }
}
