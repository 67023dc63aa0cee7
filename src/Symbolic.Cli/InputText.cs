using System.Text;
using System.Text.RegularExpressions;

namespace Symbolic.Cli;

/// <summary>Small text utilities for REPL input: comments, balance for multi-line input, top-level splitting.</summary>
public static partial class InputText
{
    /// <summary>Removes a LaTeX comment: an unescaped <c>%</c> and the rest of the line.</summary>
    /// <example><code>InputText.StripComment(@"x^2 % the square") == "x^2 "</code></example>
    public static string StripComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\') { i++; continue; }   // \% is a percent sign, \\ a line break
            if (line[i] == '%') return line[..i];
        }
        return line;
    }

    /// <summary>
    /// How many groups are still open: unescaped <c>{</c> minus <c>}</c>, plus <c>\begin</c> minus <c>\end</c>.
    /// Positive means the input continues on the next line.
    /// </summary>
    /// <example><code>InputText.OpenGroups(@"\begin{aligned} x &amp;= 1") == 1</code></example>
    public static int OpenGroups(string text)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                // \{ and \} are delimiters, not groups; \begin and \end open and close environments.
                if (Matches(text, i + 1, "begin") && !IsLetterAt(text, i + 6)) depth++;
                else if (Matches(text, i + 1, "end") && !IsLetterAt(text, i + 4)) depth--;
                i++;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}') depth--;
        }
        return depth;
    }

    /// <summary>The offset of the first <c>{</c> or <c>\begin</c> in <paramref name="text"/> that is never closed, or -1.</summary>
    public static int UnclosedGroupOffset(string text)
    {
        var open = new Stack<int>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                if (Matches(text, i + 1, "begin") && !IsLetterAt(text, i + 6)) open.Push(i);
                else if (Matches(text, i + 1, "end") && !IsLetterAt(text, i + 4) && open.Count > 0) open.Pop();
                i++;
                continue;
            }
            if (c == '{') open.Push(i);
            else if (c == '}' && open.Count > 0) open.Pop();
        }
        return open.Count == 0 ? -1 : open.Last();
    }

    private static bool Matches(string s, int at, string word) => string.CompareOrdinal(s, at, word, 0, word.Length) == 0 && at + word.Length <= s.Length;
    private static bool IsLetterAt(string s, int at) => at < s.Length && char.IsAsciiLetter(s[at]);

    /// <summary>
    /// Splits at <paramref name="separator"/> where no brace, parenthesis or bracket is open, so that
    /// <c>f(a, b), x = 1</c> splits into <c>f(a, b)</c> and <c>x = 1</c>. Parts are trimmed.
    /// </summary>
    public static IReadOnlyList<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }
            if (c is '{' or '(' or '[') depth++;
            else if (c is '}' or ')' or ']') depth = Math.Max(0, depth - 1);
            if (c == separator && depth == 0)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        parts.Add(current.ToString().Trim());
        return parts;
    }

    /// <summary>An assignment <c>NAME := VALUE</c>: the name's LaTeX and the value's LaTeX, or null.</summary>
    public static (string Name, string Value)? Assignment(string line)
    {
        var m = AssignmentPattern().Match(line);
        return m.Success ? (m.Groups[1].Value.Trim(), m.Groups[2].Value) : null;
    }

    [GeneratedRegex(@"^\s*([^:=]+?)\s*:=(.*)$", RegexOptions.Singleline)]
    private static partial Regex AssignmentPattern();
}
