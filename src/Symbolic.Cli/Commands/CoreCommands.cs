using System.Text;
using Symbolic.Core;
using Symbolic.Latex;

namespace Symbolic.Cli.Commands;

/// <summary>
/// The kernel's REPL commands: help, simplify, expand, together, subs, diff, assume, defs, format, quit.
/// A module's commands follow the same pattern in their own file (e.g. Commands/VariationalCommands.cs with
/// <c>public static void Register(CommandTable table)</c>), called from <see cref="CommandTable.CreateDefault"/>.
/// </summary>
public static class CoreCommands
{
    /// <summary>The most times <c>:diff E, x^n</c> differentiates.</summary>
    public const int MaxDiffOrder = 10_000;

    /// <summary>Adds the core commands to <paramref name="table"/>.</summary>
    public static void Register(CommandTable table)
    {
        table.Add(new ReplCommand("help", ":help [COMMAND]", "list the commands, or explain one", Help)
        {
            Aliases = ["h", "?"],
        });
        table.Add(new ReplCommand("simplify", ":simplify EXPR", "simplify (the same as typing EXPR alone)", Simplify));
        table.Add(new ReplCommand("expand", ":expand EXPR", "multiply out products and integer powers", Expand));
        table.Add(new ReplCommand("together", ":together EXPR", "put over a common denominator, in lowest terms", Together));
        table.Add(new ReplCommand("subs", ":subs EXPR, LHS = RHS[, LHS = RHS …]", "substitute, all at once, then simplify", Subs)
        {
            Details = """
                Each LHS = RHS replaces LHS by RHS everywhere in EXPR, simultaneously (x = y, y = x swaps).
                LHS can be a letter, a derivative \dot{x}, or a sum that occurs in EXPR (x + y).
                A substituted function of time brings its derivatives: :subs \dot{x}^2, x = r\cos\theta needs
                x, r, \theta as functions of t; write them dotted or declare them.
                Commas inside braces or parentheses do not separate.
                Example:  :subs x^2 + y^2, x = r\cos\theta, y = r\sin\theta     gives r^{2}
                """,
        });
        table.Add(new ReplCommand("diff", ":diff EXPR, VAR[, VAR …]", "differentiate by each VAR in turn, then simplify", Diff)
        {
            Details = """
                VAR is a letter (x, t, \theta), a power of one for a higher derivative (x^2: twice by x),
                or a velocity \dot{x} (the partial derivative the Euler–Lagrange equations use).
                Example:  :diff \frac12 m\dot{x}^2, \dot{x}     gives m \dot{x}
                """,
        });
        table.Add(new ReplCommand("assume", ":assume NAME > 0[, …]", "declare a sign: > 0, >= 0, != 0, or NAME \\in \\mathbb{R}", Assume)
        {
            Details = """
                r > 0 (positive), r \geq 0 (nonnegative), r \neq 0 (nonzero), r \in \mathbb{R} (real),
                n \in \mathbb{Z} (integer). It applies to the letter r and to the function r(t).
                With no argument, lists the assumptions. Example: :assume r > 0 makes \sqrt{r^2} simplify to r.
                """,
        });
        table.Add(new ReplCommand("symbol", ":symbol e", "make a letter a plain symbol: e is then a symbol (a charge), not Euler's number", PlainSymbols)
        {
            Details = """
                By default e is Euler's number and e^{x} the exponential. After :symbol e, the letter e is an ordinary
                symbol for the rest of the session: \frac{e^2}{4\pi\epsilon_0 r} keeps e as the charge (write \exp(x) for
                the exponential). With no argument, lists the letters declared so. One-shot commands take --symbols e.
                """,
        });
        table.Add(new ReplCommand("signature", ":signature [+---|-+++]", "set (or show) the metric signature used to sum \\partial_\\mu\\phi\\partial^\\mu\\phi", Signature)
        {
            Details = """
                A repeated Greek index, one up and one down, is summed with η. +--- is η = diag(1, -1, -1, -1), the particle
                physicists' (½∂_μφ∂^μφ − ½m²φ² is then the Klein–Gordon Lagrangian); -+++ is η = diag(-1, 1, 1, 1). Without it
                the reader infers the signature from a Lagrangian of the form ½∂φ∂φ − ½m²φ² and says so, else uses -+++.
                One-shot commands take --signature. ":signature none" returns to the inference.
                """,
        });
                table.Add(new ReplCommand("defs", ":defs", "list the names assigned with NAME := EXPR", Defs) { Aliases = ["vars"] });
        table.Add(new ReplCommand("steps", ":steps", "show the steps of the last computation", Steps));
        table.Add(new ReplCommand("export", ":export FILE", "write this session as a page (.html, typeset offline), .tex or .md", Export));
        table.Add(new ReplCommand("format", ":format [latex|text|sympy]", "set (or show) the output format", Format));
        table.Add(new ReplCommand("quit", ":quit", "leave the REPL", _ => new CommandOutput("", Quit: true)) { Aliases = ["q", "exit"] });
    }

    private static CommandOutput Help(CommandCall call)
    {
        var table = call.Session.Commands;
        if (call.Arguments.Length > 0)
        {
            var name = call.Arguments.TrimStart(':');
            var c = table.Find(name) ?? throw new UsageException($"unknown command :{name} (:help lists the commands)");
            var sb = new StringBuilder().Append(c.Usage).Append('\n').Append("  ").Append(c.Summary);
            if (c.Details is not null) sb.Append('\n').Append(Indent(c.Details.TrimEnd()));
            if (c.Aliases.Count > 0) sb.Append("\n  also: ").Append(string.Join(", ", c.Aliases.Select(a => ":" + a)));
            return CommandCall.Message(sb.ToString());
        }
        var width = table.All.Max(c => c.Usage.Length);
        var lines = new List<string>
        {
            "Type LaTeX to simplify it, NAME := LATEX to name a value, or a command:",
            "",
        };
        lines.AddRange(table.All.Select(c => $"  {c.Usage.PadRight(width)}  {c.Summary}"));
        lines.Add("");
        lines.Add("A line with an open brace or \\begin continues on the next line (an empty line or a :command ends it with the error). % starts a comment.");
        lines.Add("Ctrl-C stops a long computation; :help COMMAND explains one command.");
        lines.Add(ReplLineEditor.KeyHelp);
        return CommandCall.Message(string.Join("\n", lines));
    }

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "  " + l));

    private static Expr Simplified(CommandCall call, Expr value)
    {
        var r = Simplifier.Run(value, call.Budget);
        if (!r.Complete)
        {
            if (r.StopReason?.Kind == StopKind.Cancelled) throw new OperationCanceledException();
            throw new SymbolicException($"simplification stopped: {r.StopReason}");
        }
        return r.Value;
    }

    private static Expr One(CommandCall call)
    {
        if (call.Arguments.Length == 0) throw new UsageException($"usage: {call.Command.Usage}");
        return call.Steps.Record("read", null, call.Read(call.Arguments));
    }

    private static CommandOutput Simplify(CommandCall call)
    {
        var e = One(call);
        return call.Result(Simplified(call, e), e);
    }

    private static CommandOutput Expand(CommandCall call)
    {
        var e = One(call);
        return call.Result(Algebra.Expand(e, call.Budget), e);
    }

    private static CommandOutput Together(CommandCall call)
    {
        var e = One(call);
        return call.Result(Algebra.Together(e, call.Budget), e);
    }

    private static CommandOutput Subs(CommandCall call)
    {
        var parts = call.Parts(2);
        var e = call.Steps.Record("read", null, call.Read(parts[0]));
        var map = new Dictionary<Expr, Expr>();
        foreach (var part in parts.Skip(1))
        {
            if (call.Read(part) is not Relation { Op: RelationKind.Equal } rule)
                throw new UsageException($"expected LHS = RHS, got '{part}'; usage: {call.Command.Usage}");
            if (!map.TryAdd(rule.Left, rule.Right))
                throw new UsageException($"{part}: the left side is substituted twice");
        }
        var substituted = call.Steps.Record("subs", e, Substitution.Apply(e, map));
        return call.Show(call.Steps.Record("simplify", substituted, Simplified(call, substituted)));
    }

    private static CommandOutput Diff(CommandCall call)
    {
        var parts = call.Parts(2);
        var e = call.Steps.Record("read", null, call.Read(parts[0]));
        var result = e;
        foreach (var part in parts.Skip(1))
        {
            var (variable, order) = call.Read(part) switch
            {
                Power { Exponent: Number { Value: { IsInteger: true } k } } p when k.Sign > 0 && k.Num > MaxDiffOrder && p.Base is Symbol or Derivative or Call
                    => throw new UsageException($"usage: :diff EXPR, VAR^n differentiates n times; n = {k.Num} is more than {MaxDiffOrder:N0}"),
                Power { Exponent: Number { Value: { IsInteger: true } k } } p when k.Sign > 0 && p.Base is Symbol or Derivative or Call
                    => (p.Base, (int)k.Num),
                var v => (v, 1),
            };
            result = call.Steps.Record("diff", result, Calculus.Diff(result, variable, order));
        }
        return call.Show(call.Steps.Record("simplify", result, Simplified(call, result)));
    }

    private static CommandOutput Signature(CommandCall call)
    {
        var context = call.Session.Context;
        static string Show(IReadOnlyList<int> s) => $"η = diag({string.Join(", ", s)})";
        if (call.Arguments.Length == 0)
            return CommandCall.Message(context.Signature is { } s0 ? "signature: " + Show(s0) : "signature: not set (inferred from ½∂φ∂φ − ½m²φ², else η = diag(-1, 1, 1, 1))");
        var text = call.Arguments.Trim();
        if (text is "none" or "auto") { context.Signature = null; return CommandCall.Message("signature: not set (inferred, else η = diag(-1, 1, 1, 1))"); }
        try { context.Signature = LoweringContext.ParseSignature(text); }
        catch (ArgumentException e) { throw new UsageException(":signature: " + e.Message); }
        return CommandCall.Message("signature: " + Show(context.Signature));
    }

        private static CommandOutput PlainSymbols(CommandCall call)
    {
        var context = call.Session.Context;
        if (call.Arguments.Length == 0)
            return CommandCall.Message(context.PlainSymbols.Count == 0 ? "no letters declared plain symbols (e is Euler's number)"
                : "plain symbols: " + string.Join(", ", context.PlainSymbols.Order(StringComparer.Ordinal)));
        return CommandCall.Message(string.Join("\n", call.Parts(1).Select(p => Declarations.PlainSymbol(p, context, ":symbol e"))));
    }

    private static CommandOutput Assume(CommandCall call)
    {
        var session = call.Session;
        if (call.Arguments.Length == 0)
        {
            var known = session.Context.Assumptions.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => $"{kv.Key}: {kv.Value}").ToList();
            return CommandCall.Message(known.Count == 0 ? "no assumptions" : string.Join("\n", known));
        }
        var said = new List<string>();
        foreach (var part in call.Parts(1))
        {
            var (name, assumption) = ParseAssumption(part, session.Context);
            session.Assume(name, assumption);
            said.Add($"{name}: {session.Context.Assumptions[name]}");
        }
        return CommandCall.Message("assuming " + string.Join(", ", said));
    }

    /// <summary>
    /// Reads one assumption as <c>:assume</c> and <c>--assume</c> take it: <c>r &gt; 0</c>, <c>r \geq 0</c>,
    /// <c>r \neq 0</c>, <c>r \in \mathbb{R}</c>, <c>n \in \mathbb{Z}</c>. The name is read under
    /// <paramref name="context"/> without its definitions.
    /// </summary>
    /// <exception cref="UsageException">Not one of those forms.</exception>
    public static (string Name, Assumptions Assumption) ParseAssumption(string text, LoweringContext context)
    {
        var bare = context.Clone();
        bare.Definitions.Clear();
        // != and >= are how people type ≠ and ≥ in a shell; in LaTeX "x!" would be a factorial.
        text = text.Replace("!=", @"\neq ").Replace(">=", @"\geq ");
        if (LatexSource.ReadMembership(text, bare) is { } member)
        {
            var a = member.Set switch { "R" => Assumptions.Real, "Z" => Assumptions.Integer, _ => throw new UsageException($"unknown set \\mathbb{{{member.Set}}}: use R or Z") };
            return (NameOf(member.Element), a);
        }
        if (LatexMath.ReadOne(text, bare) is not Relation { Right: Number { Value.IsZero: true } } r)
            throw new UsageException($"expected NAME > 0, NAME >= 0, NAME != 0 or NAME \\in \\mathbb{{R}}, got '{text}'");
        var assumption = r.Op switch
        {
            RelationKind.Greater => Assumptions.Positive,
            RelationKind.GreaterOrEqual => Assumptions.Nonnegative,
            RelationKind.NotEqual => Assumptions.Nonzero,
            _ => throw new UsageException($"'{text}': only > 0, >= 0 and != 0 can be assumed (write -r > 0 as a new name)"),
        };
        return (NameOf(r.Left, text), assumption);
    }

    private static string NameOf(Expr e, string? text = null) => e switch
    {
        Symbol { IsConstant: false } s => s.Name,
        Call { Function.IsUser: true } c => c.Function.Name,
        Derivative d => d.Function.Function.Name,
        _ => throw new UsageException($"an assumption is about a name, not about {e}{GreekHint(text)}"),
    };

    /// <summary>"rho > 0" reads as the product h·o·r: suggest \rho when the letters typed first spell a Greek letter's name.</summary>
    private static string GreekHint(string? text)
    {
        var word = new string((text ?? "").TrimStart().TakeWhile(char.IsAsciiLetter).ToArray());
        return word.Length >= 2 && Symbolic.Latex.Printing.SymbolNames.Greek.Contains(word) ? $" (for the Greek letter write \\{word})" : "";
    }

    private static CommandOutput Defs(CommandCall call)
    {
        var s = call.Session;
        if (s.Context.Definitions.Count == 0) return CommandCall.Message("nothing is defined (NAME := LATEX defines a name)");
        return CommandCall.Message(string.Join("\n", s.Context.Definitions.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{s.Show(Symbol.Of(kv.Key))} := {s.Show(kv.Value)}")));
    }

    private static CommandOutput Steps(CommandCall call)
    {
        var s = call.Session;
        if (s.LastSteps.Count == 0) return CommandCall.Message("no steps yet");
        return CommandCall.Message(string.Join("\n", s.LastSteps.Select((st, i) =>
            $"{i + 1}. {st.Rule}: {s.Show(st.After)}{(st.Note is null ? "" : "   (" + st.Note + ")")}")));
    }

    private static CommandOutput Export(CommandCall call)
    {
        var path = call.Arguments;
        if (path.Length == 0) throw new UsageException($"usage: {call.Command.Usage}");
        var format = Rendering.Documents.Parse(Path.GetExtension(path))
            ?? throw new UsageException($"{path}: give a file ending in .html, .tex or .md; usage: {call.Command.Usage}");
        var s = call.Session;
        try { File.WriteAllText(path, Rendering.Documents.Write(format, Path.GetFileName(path), s.History, s.Latex)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
        return CommandCall.Message($"exported {s.History.Count} input{(s.History.Count == 1 ? "" : "s")} to {path}");
    }

    private static CommandOutput Format(CommandCall call)
    {
        var s = call.Session;
        if (call.Arguments.Length == 0) return CommandCall.Message($"format: {Formats.Name(s.Format)}");
        s.Format = Formats.Parse(call.Arguments) ?? throw new UsageException($"unknown format '{call.Arguments}'; usage: {call.Command.Usage}");
        return CommandCall.Message($"format: {Formats.Name(s.Format)}");
    }
}
