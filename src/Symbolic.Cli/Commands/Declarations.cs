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

    /// <summary>The letters the reader gives a meaning of their own, which <c>:symbol</c> and <c>--symbols</c> can take away.</summary>
    public static readonly IReadOnlyDictionary<string, string> LettersWithMeaning = new Dictionary<string, string> { ["e"] = "Euler's number (e^{x} the exponential)" };

    /// <summary>
    /// Makes the letter written in <paramref name="part"/> a plain symbol in <paramref name="context"/> (<c>:symbol e</c>,
    /// <c>--symbols e</c>): <c>e</c> is then a symbol such as the charge, not Euler's number.
    /// </summary>
    /// <returns>What was done, in words.</returns>
    /// <exception cref="UsageException">The text is not one letter or name.</exception>
    public static string PlainSymbol(string part, LoweringContext context, string usage)
    {
        var name = part.Trim();
        if (name.StartsWith('\\')) name = name[1..];
        if (name.Length == 0 || !name.All(char.IsLetter)) throw new UsageException($"{part.Trim()} is not a letter or a name; usage: {usage}");
        if (!LettersWithMeaning.TryGetValue(name, out var meaning))
            return $"{name} is a plain symbol already (only {string.Join(", ", LettersWithMeaning.Keys)} has another meaning)";
        context.PlainSymbols.Add(name);
        return $"{name} is a plain symbol now, not {meaning}";
    }
}
