using Symbolic.Core;
using System.Text;

namespace Symbolic.Latex.Printing;

/// <summary>
/// How symbol names are printed in LaTeX, from their parts (<see cref="SymbolName"/>: base, accents, upper and lower
/// index words), never from their one-line spelling.
/// </summary>
public static class SymbolNames
{
    /// <summary>The Greek letters (and variants) that print as LaTeX commands.</summary>
    public static readonly IReadOnlySet<string> Greek = new HashSet<string>
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi", "varphi",
        "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
        "ell", "hbar", "nabla", "partial",
    };

    /// <summary>The LaTeX of a name: <c>theta</c> → <c>\theta</c>, ω with upper μ and lower ν → <c>\omega^{\mu}_{\nu}</c>, <c>\hat{x}</c>.</summary>
    public static string ToLatex(SymbolName name, bool isConstant)
    {
        if (isConstant) return name.Spelling == "pi" ? "\\pi" : name.Spelling;
        var sb = new StringBuilder();
        foreach (var accent in name.Accents) sb.Append('\\').Append(accent).Append('{');
        sb.Append(Word(name.Base)).Append('}', name.Accents.Length);
        if (!name.Upper.IsEmpty) sb.Append("^{").Append(IndexList(name.Upper)).Append('}');
        if (!name.Lower.IsEmpty) sb.Append("_{").Append(IndexList(name.Lower)).Append('}');
        return sb.ToString();
    }

    private static string IndexList(IEnumerable<string> words) => string.Join(" ", words.Select(IndexWord));

    // β' (a primed index, h_β^{β'}): the Greek letter with its primes.
    private static string IndexWord(string w) => Greek.Contains(w.TrimEnd('\'')) ? "\\" + w : w;

    private static string Word(string w)
    {
        if (Greek.Contains(w.TrimEnd('\''))) return "\\" + w;   // θ, θ'
        if (w is "cdots" or "ldots" or "dots" or "vdots" or "ddots") return "\\" + w;   // an ellipsis kept as written
        if (w.Length > 1 && w.All(char.IsLetter)) return "\\mathrm{" + w + "}";
        return w;
    }

    /// <summary>A Python identifier for the SymPy printer, or null when the name needs Symbol('…').</summary>
    public static string? PythonIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return null;
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return null;
        return PythonReserved.Contains(name) ? null : name;
    }

    private static readonly HashSet<string> PythonReserved = new()
    {
        "lambda", "and", "or", "not", "if", "else", "for", "in", "is", "def", "class", "return", "import", "from", "as",
        "with", "while", "try", "except", "finally", "pass", "break", "continue", "global", "nonlocal", "yield", "del",
        "assert", "raise", "True", "False", "None", "E", "I", "N", "O", "Q", "S", "beta", "gamma", "zeta", "pi", "sqrt", "exp", "log",
    };
}
