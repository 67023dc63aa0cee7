using System.Text;

namespace Symbolic.Latex.Printing;

/// <summary>
/// How symbol names are spelled. A kernel symbol's name is the LaTeX it came from without backslashes or
/// braces: <c>theta</c>, <c>x</c>, <c>A_CD</c>, <c>omega^mu_nu</c> (base, then optional <c>^upper</c> and
/// <c>_lower</c> parts; index lists are separated by spaces, e.g. <c>R^mu_nu rho sigma</c>).
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

    /// <summary>Splits a name into base, upper and lower index strings.</summary>
    public static (string Base, string? Upper, string? Lower) Split(string name)
    {
        int cut = name.IndexOfAny(new[] { '^', '_' }, 1);
        if (cut < 0) return (name, null, null);
        string baseName = name[..cut];
        string? upper = null, lower = null;
        int i = cut;
        while (i < name.Length)
        {
            char kind = name[i];
            int next = name.IndexOfAny(new[] { '^', '_' }, i + 1);
            var part = next < 0 ? name[(i + 1)..] : name[(i + 1)..next];
            if (kind == '^') upper = part; else lower = part;
            if (next < 0) break;
            i = next;
        }
        return (baseName, upper, lower);
    }

    /// <summary>The LaTeX of a name: <c>theta</c> → <c>\theta</c>, <c>omega^mu_nu</c> → <c>\omega^{\mu}_{\nu}</c>.</summary>
    public static string ToLatex(string name, bool isConstant)
    {
        if (isConstant) return name == "pi" ? "\\pi" : name;
        var (b, up, low) = Split(name);
        var sb = new StringBuilder(Word(b));
        if (up is not null) sb.Append("^{").Append(IndexList(up)).Append('}');
        if (low is not null) sb.Append("_{").Append(IndexList(low)).Append('}');
        return sb.ToString();
    }

    private static string IndexList(string s) => string.Join(" ", s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(IndexWord));

    // β' (a primed index, h_β^{β'}): the Greek letter with its primes.
    private static string IndexWord(string w) => Greek.Contains(w.TrimEnd('\'')) ? "\\" + w : w;

    private static string Word(string w)
    {
        int colon = w.IndexOf(':');
        if (colon > 0) return "\\" + w[..colon] + "{" + Word(w[(colon + 1)..]) + "}";   // hat:x → \hat{x}
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
