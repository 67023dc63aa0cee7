using Antlr4.Runtime;
using Antlr4.Runtime.Tree;

namespace Symbolic.Latex.Grammar;

/// <summary>
/// The base of every generated parse-tree context (the grammar's <c>contextSuperClass</c> option). Its child accessors
/// hide the runtime's virtual generic ones, which the generated <c>row()</c>, <c>content()</c>, … call: a virtual
/// generic method is resolved at run time in a native (AOT) build, by the type loader building each instantiation
/// the first time it is met, ≈ 5% of a one-line <c>symbolic eval</c>. These are plain generic methods, compiled
/// ahead of time, with the runtime's semantics (the i-th child of type T, or all of them, in order).
/// </summary>
public class LatexRuleContext : ParserRuleContext
{
    /// <summary>A context not yet attached to a parent (labelled alternatives copy into it).</summary>
    public LatexRuleContext() { }

    /// <summary>A context under <paramref name="parent"/>, entered from ATN state <paramref name="invokingStateNumber"/>.</summary>
    public LatexRuleContext(ParserRuleContext parent, int invokingStateNumber) : base(parent, invokingStateNumber) { }

    /// <summary>The <paramref name="i"/>-th child context of type <typeparamref name="T"/>, or null.</summary>
    public new T? GetRuleContext<T>(int i) where T : ParserRuleContext
    {
        if (children is null || i < 0 || i >= children.Count) return null;
        int j = -1;
        foreach (var o in children)
            if (o is T t && ++j == i) return t;
        return null;
    }

    /// <summary>Every child context of type <typeparamref name="T"/>, in order.</summary>
    public new T[] GetRuleContexts<T>() where T : ParserRuleContext
    {
        if (children is null) return [];
        List<T>? contexts = null;
        foreach (var o in children)
            if (o is T t) (contexts ??= []).Add(t);
        return contexts is null ? [] : contexts.ToArray();
    }
}
