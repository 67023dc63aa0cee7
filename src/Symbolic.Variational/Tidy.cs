using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>The one place this module simplifies: the kernel's normal form, sign facts, then the shorter of it and its expansion.</summary>
internal static class Tidy
{
    public static Expr Up(Expr e, SignFacts? facts, Budget? budget)
    {
        budget?.ThrowIfCancelled();
        var s = Simplifier.Simplify(e, budget);
        if (facts is not null)
        {
            var f = facts.Apply(s);
            if (!ReferenceEquals(f, s)) s = Simplifier.Simplify(f, budget);
        }
        // The normal form is a single fraction; an article writes r θ̇² − μ/r². Show the shorter one.
        var expanded = Algebra.Expand(s, budget);
        return Simplifier.Size(expanded) < Simplifier.Size(s) + 4 ? expanded : s;
    }
}
