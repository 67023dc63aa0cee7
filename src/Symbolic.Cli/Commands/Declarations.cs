using Symbolic.Core;
using Symbolic.Latex;

namespace Symbolic.Cli.Commands;

/// <summary>
/// Reads declarations of unknown functions, <c>\Phi(r)</c> or <c>u(x, y)</c>, for <c>:function</c>, <c>:fields</c>
/// and the one-shot <c>--functions</c>: one reading (the reader's <see cref="LatexSource.ReadFunctionDeclaration"/>),
/// so the three accept the same spelling.
/// </summary>
public static class Declarations
{
    /// <summary>Declares the function written in <paramref name="part"/> in <paramref name="context"/>.</summary>
    /// <returns>Its kernel name, its argument names, and the declaration as written.</returns>
    /// <exception cref="UsageException">The text is not <c>name(variable, …)</c>.</exception>
    /// <exception cref="ParseError">The LaTeX is malformed.</exception>
    public static (string Name, IReadOnlyList<string> Args, string Written) Function(string part, LoweringContext context, string usage)
    {
        var declaration = LatexSource.ReadFunctionDeclaration(part) ?? throw new UsageException($"usage: {usage}");
        static string NameOf(LatexPart p) => p.Value is Symbol s ? s.Name : throw new UsageException($"{p.Written} is not a name");
        var name = NameOf(declaration.Name);
        var args = declaration.Arguments.Select(NameOf).ToList();
        if (args.Count == 0) throw new UsageException($"{declaration.Name.Written}: give its variables, e.g. \\Phi(r)");
        context.Functions[name] = args;
        return (name, args, $"{declaration.Name.Written}({declaration.ArgumentsWritten})");
    }
}
