using Symbolic.Core;
using Symbolic.Latex;

namespace Symbolic.Cli.Commands;

/// <summary>
/// Reads declarations of unknown functions, <c>\Phi(r)</c> or <c>u(x, y)</c>, for <c>:function</c>, <c>:fields</c>
/// and the one-shot <c>--functions</c>: one parser, so the three accept the same spelling.
/// </summary>
public static class Declarations
{
    /// <summary>Declares the function written in <paramref name="part"/> in <paramref name="context"/>.</summary>
    /// <returns>Its kernel name, its argument names, and the declaration as written.</returns>
    /// <exception cref="UsageException">The text is not <c>name(variable, …)</c>.</exception>
    public static (string Name, IReadOnlyList<string> Args, string Written) Function(string part, LoweringContext context, string usage)
    {
        var m = System.Text.RegularExpressions.Regex.Match(part, @"^\s*(.+?)\s*\((.*)\)\s*$");
        if (!m.Success) throw new UsageException($"usage: {usage}");
        var bare = new LoweringContext();
        string NameOf(string latex) => LatexMath.ReadOne(latex, bare) is Symbol s ? s.Name
            : throw new UsageException($"{latex} is not a name");
        var name = NameOf(m.Groups[1].Value);
        var args = InputText.SplitTopLevel(m.Groups[2].Value, ',').Where(a => a.Length > 0).Select(NameOf).ToList();
        if (args.Count == 0) throw new UsageException($"{m.Groups[1].Value}: give its variables, e.g. \\Phi(r)");
        context.Functions[name] = args;
        return (name, args, $"{m.Groups[1].Value.Trim()}({m.Groups[2].Value.Trim()})");
    }
}
