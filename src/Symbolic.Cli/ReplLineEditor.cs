using System.Text;

namespace Symbolic.Cli;

/// <summary>
/// The REPL's line editor, with the keys of bash/readline: Left/Right, Home/End (Ctrl-A/Ctrl-E), Backspace/Delete,
/// Up/Down through the history, Ctrl-R reverse search, Tab completion, Ctrl-U/Ctrl-K/Ctrl-W to cut, and Ctrl-D
/// on an empty line for end of input. Keys come from a function and the display goes to a writer, so tests drive
/// it with scripted keys. Long lines wrap: the redraw counts rows from the terminal width.
/// </summary>
public sealed class ReplLineEditor
{
    /// <summary>The keys, for <c>:help</c>.</summary>
    public const string KeyHelp =
        "Keys: Up/Down history, Ctrl-R search the history (again: older match), Tab completes :commands and names, " +
        "Left/Right, Home/End (Ctrl-A/Ctrl-E), Ctrl-U/Ctrl-K cut before/after the cursor, Ctrl-W cut a word, " +
        "Ctrl-L clear the screen, Ctrl-C stop a computation or drop a half-typed input, Ctrl-D on an empty line leave.";

    private readonly Func<ConsoleKeyInfo?> _readKey;
    private readonly TextWriter _out;
    private readonly Func<int> _width;
    private readonly Func<string, int, IReadOnlyList<string>> _complete;

    /// <summary>The history, oldest first; <see cref="ReadLine"/> adds each non-blank line it returns (not twice in a row).</summary>
    public List<string> History { get; } = new();

    /// <param name="readKey">The next key, or null at the end of the key source (read as Ctrl-D).</param>
    /// <param name="output">Where the prompt and the line are drawn (ANSI cursor movement).</param>
    /// <param name="width">The terminal width in columns.</param>
    /// <param name="complete">Given the line and the cursor, the candidates for the word that ends at the cursor.</param>
    public ReplLineEditor(Func<ConsoleKeyInfo?> readKey, TextWriter output, Func<int> width, Func<string, int, IReadOnlyList<string>> complete)
    {
        _readKey = readKey;
        _out = output;
        _width = width;
        _complete = complete;
    }

    /// <summary>The word that Tab completes: the run of letters, digits, _ and \ (and a leading :) that ends at <paramref name="cursor"/>.</summary>
    public static string WordBefore(string line, int cursor)
    {
        int start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(line[start - 1]) || line[start - 1] is '_' or '{' or '}')) start--;
        while (start < cursor && (char.IsDigit(line[start]) || line[start] is '{' or '}')) start++;   // 2\omega: the name starts after the digits
        if (start > 0 && line[start - 1] is '\\' or ':') start--;
        return line[start..cursor];
    }

    /// <summary>Reads one line. Returns null for Ctrl-D on an empty line (or the end of the keys).</summary>
    public string? ReadLine(string prompt)
    {
        var buffer = new StringBuilder();
        int cursor = 0, rowsAboveCursor = 0;
        int historyIndex = History.Count;
        string draft = "";
        string? search = null;     // Ctrl-R: the text searched for
        int searchFrom = 0;        // Ctrl-R: the history index below which the next match is looked for
        string? searchMatch = null;
        bool tabbedOnce = false;

        void Draw()
        {
            var width = Math.Max(10, _width());
            var shownPrompt = search is null ? prompt : $"(reverse-i-search)'{search}': ";
            var text = search is null ? buffer.ToString() : searchMatch ?? "";
            int caret = search is null ? cursor : text.Length;
            var sb = new StringBuilder();
            if (rowsAboveCursor > 0) sb.Append("\u001b[").Append(rowsAboveCursor).Append('A');
            sb.Append('\r').Append("\u001b[J").Append(shownPrompt).Append(text);
            int end = shownPrompt.Length + text.Length, at = shownPrompt.Length + caret;
            // A line that ends exactly at the margin leaves the terminal's cursor there: move it to the next row.
            if (end > 0 && end % width == 0) sb.Append("\r\n");
            int endRow = end / width, atRow = at / width;
            if (endRow > atRow) sb.Append("\u001b[").Append(endRow - atRow).Append('A');
            sb.Append('\r');
            if (at % width > 0) sb.Append("\u001b[").Append(at % width).Append('C');
            rowsAboveCursor = atRow;
            _out.Write(sb.ToString());
            _out.Flush();
        }

        void Set(string text)
        {
            buffer.Clear().Append(text);
            cursor = buffer.Length;
        }

        string Finish(string line)
        {
            // Put the cursor after the whole line before the newline, so the output starts below it.
            search = null;
            Set(line);
            Draw();
            _out.Write("\r\n");
            _out.Flush();
            if (!string.IsNullOrWhiteSpace(line) && (History.Count == 0 || History[^1] != line)) History.Add(line);
            return line;
        }

        void Search(int below, string? other = null)
        {
            searchMatch = null;
            for (int i = Math.Min(below, History.Count) - 1; i >= 0; i--)
            {
                if (search!.Length > 0 && History[i].Contains(search, StringComparison.Ordinal) && History[i] != other)
                {
                    searchMatch = History[i];
                    searchFrom = i;
                    return;
                }
            }
        }

        Draw();
        while (true)
        {
            var next = _readKey();
            if (next is not { } key)
            {
                if (buffer.Length == 0 && search is null) { _out.Write("\r\n"); return null; }
                return Finish(search is null ? buffer.ToString() : searchMatch ?? "");
            }
            bool ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;

            if (search is not null)
            {
                if (ctrl && key.Key == ConsoleKey.R)
                {
                    // Again: the next older line that differs from this match (or stay on it when there is none).
                    var current = searchMatch;
                    int from = searchFrom;
                    Search(searchFrom, current);
                    if (searchMatch is null) { searchMatch = current; searchFrom = from; }
                    Draw();
                    continue;
                }
                if (key.Key == ConsoleKey.Backspace) { if (search.Length > 0) search = search[..^1]; Search(History.Count); Draw(); continue; }
                if (!ctrl && key.KeyChar >= ' ' && key.Key is not (ConsoleKey.Enter or ConsoleKey.Escape))
                {
                    search += key.KeyChar;
                    Search(Math.Min(searchFrom + 1, History.Count));
                    if (searchMatch is null) Search(History.Count);
                    Draw();
                    continue;
                }
                if (ctrl && key.Key is ConsoleKey.G or ConsoleKey.C) { search = null; Draw(); continue; }   // give up: back to what was typed
                // Any other key takes the match into the line and then acts as usual (Enter runs it).
                var match = searchMatch;
                search = null;
                if (match is not null) { Set(match); historyIndex = History.Count; }
                if (key.Key == ConsoleKey.Escape) { Draw(); continue; }
            }

            if (key.Key != ConsoleKey.Tab) tabbedOnce = false;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return Finish(buffer.ToString());
                case ConsoleKey.D when ctrl:
                    if (buffer.Length == 0) { _out.Write("\r\n"); _out.Flush(); return null; }
                    if (cursor < buffer.Length) buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.R when ctrl:
                    search = "";
                    searchFrom = History.Count;
                    searchMatch = null;
                    break;
                case ConsoleKey.UpArrow:
                case ConsoleKey.P when ctrl:
                    if (historyIndex > 0)
                    {
                        if (historyIndex == History.Count) draft = buffer.ToString();
                        historyIndex--;
                        Set(History[historyIndex]);
                    }
                    break;
                case ConsoleKey.DownArrow:
                case ConsoleKey.N when ctrl:
                    if (historyIndex < History.Count)
                    {
                        historyIndex++;
                        Set(historyIndex == History.Count ? draft : History[historyIndex]);
                    }
                    break;
                case ConsoleKey.LeftArrow:
                case ConsoleKey.B when ctrl:
                    if (cursor > 0) cursor--;
                    break;
                case ConsoleKey.RightArrow:
                case ConsoleKey.F when ctrl:
                    if (cursor < buffer.Length) cursor++;
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when ctrl:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when ctrl:
                    cursor = buffer.Length;
                    break;
                case ConsoleKey.Backspace:
                    if (cursor > 0) buffer.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete:
                    if (cursor < buffer.Length) buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.U when ctrl:
                    buffer.Remove(0, cursor);
                    cursor = 0;
                    break;
                case ConsoleKey.K when ctrl:
                    buffer.Remove(cursor, buffer.Length - cursor);
                    break;
                case ConsoleKey.W when ctrl:
                {
                    int start = cursor;
                    while (start > 0 && buffer[start - 1] == ' ') start--;
                    while (start > 0 && buffer[start - 1] != ' ') start--;
                    buffer.Remove(start, cursor - start);
                    cursor = start;
                    break;
                }
                case ConsoleKey.L when ctrl:
                    _out.Write("\u001b[H\u001b[2J");
                    rowsAboveCursor = 0;
                    break;
                case ConsoleKey.Tab:
                {
                    var line = buffer.ToString();
                    var word = WordBefore(line, cursor);
                    var candidates = word.Length == 0 ? [] : _complete(line, cursor).Where(c => c.StartsWith(word, StringComparison.Ordinal)).Distinct().ToList();
                    if (candidates.Count == 0) break;
                    var common = candidates.Aggregate((a, b) => a[..Enumerable.Range(0, Math.Min(a.Length, b.Length)).TakeWhile(i => a[i] == b[i]).Count()]);
                    var insert = common[word.Length..] + (candidates.Count == 1 && word.StartsWith(':') ? " " : "");
                    if (insert.Length > 0)
                    {
                        buffer.Insert(cursor, insert);
                        cursor += insert.Length;
                        tabbedOnce = false;
                    }
                    else if (candidates.Count > 1)
                    {
                        if (tabbedOnce)
                        {
                            // Second Tab with nothing more to add: list the candidates below the line, then redraw it.
                            Finish0();
                            _out.Write(string.Join("  ", candidates) + "\r\n");
                            rowsAboveCursor = 0;
                        }
                        tabbedOnce = !tabbedOnce;
                    }
                    break;
                }
                default:
                    if (!ctrl && key.KeyChar >= ' ')
                    {
                        buffer.Insert(cursor++, key.KeyChar);
                    }
                    break;
            }
            Draw();
        }

        void Finish0()
        {
            // Moves below the line being edited without returning it.
            var keep = cursor;
            cursor = buffer.Length;
            Draw();
            cursor = keep;
            _out.Write("\r\n");
        }
    }
}
