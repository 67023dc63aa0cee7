using System.Collections;

namespace Symbolic.Core;

/// <summary>One step of a derivation: the rule or procedure applied, the expression before and after, and a note.</summary>
/// <param name="Rule">The rule or procedure name, e.g. "euler-lagrange", "substitute", "simplify".</param>
/// <param name="Before">The expression the step starts from (null for a step that introduces a result).</param>
/// <param name="After">The expression the step produces.</param>
/// <param name="Note">An optional remark for a person reading the derivation.</param>
public sealed record Step(string Rule, Expr? Before, Expr After, string? Note = null);

/// <summary>
/// A derivation: the ordered steps of a computation, recorded as the work happens. Every module returns
/// its results together with one.
/// </summary>
/// <example><code>
/// var d = new Derivation();
/// var e2 = d.Record("expand", e, Expand(e));
/// foreach (var s in d) Console.WriteLine($"{s.Rule}: {s.After}");
/// </code></example>
public sealed class Derivation : IReadOnlyList<Step>
{
    private readonly List<Step> _steps = new();

    /// <summary>Appends a step and returns its result, so that recording reads inline.</summary>
    public Expr Record(string rule, Expr? before, Expr after, string? note = null)
    {
        _steps.Add(new Step(rule, before, after, note));
        return after;
    }

    /// <summary>Appends the steps of a sub-derivation.</summary>
    public void Append(IEnumerable<Step> steps) => _steps.AddRange(steps);

    /// <summary>The final expression, or null for an empty derivation.</summary>
    public Expr? Result => _steps.Count == 0 ? null : _steps[^1].After;

    /// <inheritdoc/>
    public int Count => _steps.Count;
    /// <inheritdoc/>
    public Step this[int index] => _steps[index];
    /// <inheritdoc/>
    public IEnumerator<Step> GetEnumerator() => _steps.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One line per step: <c>rule: before ⟶ after</c>.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine, _steps.Select(s => s.Before is null ? $"{s.Rule}: {s.After}" : $"{s.Rule}: {s.Before} -> {s.After}"));
}
