using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Symbolic.Core;
using Symbolic.Latex;
using Symbolic.Latex.Printing;
using Symbolic.Lie;
using Symbol = Symbolic.Core.Symbol;

namespace Symbolic.Cli.Commands;

/// <summary>
/// The adapters of the Lie module: LaTeX as the reader lowers it (y'', \dot x, \frac{\partial u}{\partial t}, and u_t,
/// u_{xx} for a declared u(x, t)) turned into jet coordinates, one library call, and the result printed.
/// REPL: <c>:symmetries</c>, <c>:generator</c>, <c>:prolong</c>, <c>:apply</c>, <c>:algebra</c>, <c>:noether</c>;
/// one-shot: <c>symbolic symmetries "EQ" [--functions "u(x,t)"] [--format json]</c>.
/// </summary>
public static class LieCommands
{
    private sealed class State
    {
        public SymmetryResult? Symmetries;
        public Generator? Generator;
        public int ProlongOrder;
    }

    private static readonly ConditionalWeakTable<Session, State> States = new();

    private static State Of(Session s) => States.GetOrCreateValue(s);

    /// <summary>Adds the REPL commands.</summary>
    public static void Register(CommandTable table)
    {
        table.Add(new ReplCommand("symmetries", ":symmetries EQ[, EQ…]", "the point-symmetry algebra of a differential equation or system (solved, dimension proved)", SymmetriesCommand)
        {
            Details = """
                The equation is written as the articles write it: y''+yy''=0 (y a function of x), \ddot x = …,
                \frac{\partial u}{\partial t}=\frac{\partial^2 u}{\partial x^2}, or u_t = u_{xx} after :function u(x,t).
                Prints a basis X_1, … of the finite-dimensional part, each infinite family with the PDE its
                arbitrary function satisfies, and the name of the algebra; :algebra shows the commutator table.
                """,
        });
        table.Add(new ReplCommand("generator", ":generator X = COEF\\frac{\\partial}{\\partial v} + …", "set the current generator (a vector field typed as the articles write it)", GeneratorCommand)
        {
            Details = """
                Example (2478):  :generator X=\frac{x}{c^2}\frac{\partial}{\partial t}+t\frac{\partial}{\partial x}
                The independent variable is the time variable (t) when ∂_t appears, else the first variable of a
                declared function; the others are dependent. Then :prolong 2 and :apply \ddot{x}.
                """,
        });
        table.Add(new ReplCommand("prolong", ":prolong [n]", "the n-th prolongation of the current generator (default 1)", Prolong));
        table.Add(new ReplCommand("apply", ":apply EXPR", "the prolonged current generator applied to EXPR (prolonged as far as EXPR needs)", ApplyCommand));
        table.Add(new ReplCommand("invariants", ":invariants [n]", "invariants of the current generator prolonged to order n (default 0), from its characteristics", InvariantsCommand));
        table.Add(new ReplCommand("canonical", ":canonical", "canonical coordinates (r, s) of the current generator: X(r) = 0, X(s) = 1, so X = ∂_s", CanonicalCommand));
        table.Add(new ReplCommand("reduce", ":reduce [i]", "reduce the last :symmetries equation by the current generator (or by X_i of its basis): an ODE's order by one, to quadrature when solved; a PDE to the similarity ODE", ReduceCommand));
        table.Add(new ReplCommand("noether", ":noether [L]", "Noether: is the current generator a variational symmetry of L, and its conserved charge; without L, the L(q̇) it leaves invariant", NoetherCommand)
        {
            Details = ":noether L tests pr X(L) + L D_t ξ = D_t B and prints B and I = Σ(φ − q̇ξ)∂L/∂q̇ + ξL − B, or why X is not variational.\n" +
                      ":noether alone solves the invariance condition for a Lagrangian of the velocity, L(q̇).",
        });
        table.Add(new ReplCommand("algebra", ":algebra", "commutator table [X_i, X_j] of the last :symmetries basis, and the algebra's name", AlgebraCommand));
    }

    /// <summary>Adds <c>symbolic symmetries</c>.</summary>
    public static void RegisterOneShot(RootCommand root)
    {
        var latex = new Argument<string>("equation") { Description = "The equation(s), comma separated (quote for the shell)." };
        var format = new Option<string>("--format", "-f") { Description = "latex, text, sympy or json.", DefaultValueFactory = _ => "latex" };
        format.AcceptOnlyFromAmong(OneShotCommands.FormatNames);
        var functions = new Option<string[]>("--functions") { Description = @"Dependent variables as functions: ""u(x,t)"" (repeatable).", AllowMultipleArgumentsPerToken = false };
        var time = new Option<string>("--time") { Description = "The time variable of dotted letters.", DefaultValueFactory = _ => "t" };
        var symbols = new Option<string[]>("--symbols") { Description = @"Letters that are plain symbols, as :symbol takes them: ""e"" (not Euler's number).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("symmetries", "The point-symmetry algebra of a differential equation or system.") { latex, format, functions, time, symbols };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            try
            {
                var context = new LoweringContext { Time = parsed.GetValue(time) ?? "t" };
                foreach (var text in parsed.GetValue(functions) ?? [])
                    foreach (var part in InputText.SplitTopLevel(text, ',').Where(p => p.Length > 0))
                        Declarations.Function(part, context, @"--functions ""u(x,t)""");
                foreach (var text in parsed.GetValue(symbols) ?? [])
                    foreach (var part in InputText.SplitTopLevel(text, ',').Where(p => p.Length > 0))
                        Declarations.PlainSymbol(part, context, "--symbols e");
                var f = parsed.GetValue(format) ?? "latex";
                var cases = ComputeCases(parsed.GetValue(latex) ?? "", context, new Budget(), f == "json" ? 0 : 2);
                var result = cases[0].Result;
                var shown = f == "json" ? Json(result, context) : Render(result, Formats.Parse(f) ?? OutputFormat.Latex, context);
                if (cases.Count > 1) shown += "\n" + RenderCases(cases, Formats.Parse(f) ?? OutputFormat.Latex, context);
                output.WriteLine(shown);
                return Program.Success;
            }
            catch (ParseError e) { error.WriteLine(e.Render()); return Program.MathError; }
            catch (UsageException e) { error.WriteLine($"symbolic symmetries: {e.Message}"); return Program.BadUsage; }
            catch (SymbolicException e) { error.WriteLine("error: " + e.Message); return Program.MathError; }
        });
        root.Add(command);
    }

    // ------------------------------------------------------------------ reading

    /// <summary>Reads the equations and finds their symmetries.</summary>
    public static SymmetryResult Compute(string latex, LoweringContext context, Budget budget) => ComputeCases(latex, context, budget, depth: 0)[0].Result;

    /// <summary>Reads the equations and finds their symmetries, split into cases on the parameters (the generic case first).</summary>
    public static IReadOnlyList<SymmetryCase> ComputeCases(string latex, LoweringContext context, Budget budget, int depth = 2)
    {
        var parts = InputText.SplitTopLevel(latex, ',').Where(p => p.Trim().Length > 0).ToList();
        if (parts.Count == 0) throw new UsageException("give an equation, e.g. y''=0");
        var read = parts.Select(p => LatexMath.ReadOne(p, context)).ToList();
        var (jet, equations) = ToJet(read, context);
        return Symmetries.FindCases(DifferentialEquations.Of(jet, equations.ToArray()), new SymmetryOptions { Budget = budget }, depth);
    }

    /// <summary>The special cases of a case split (after the generic one), each with its generators and algebra.</summary>
    public static string RenderCases(IReadOnlyList<SymmetryCase> cases, OutputFormat f, LoweringContext ctx)
    {
        var comment = f == OutputFormat.Sympy ? "# " : "% ";
        var lines = new List<string>();
        foreach (var c in cases.Skip(1))
        {
            lines.Add(comment + "case " + string.Join(", ", c.Values.Select(v => Formats.Print(v, OutputFormat.Text, ctx))) + ":");
            lines.AddRange(Render(c.Result, f, ctx).Split('\n'));
        }
        return string.Join("\n", lines);
    }

    /// <summary>
    /// The jet space of the equations (dependent variables: the functions differentiated; independent: their arguments)
    /// and the equations in its coordinates. A declared u(x, t) makes u_t, u_{xx} its derivatives (the reader reads them so), hence jet coordinates.
    /// </summary>
    public static (JetSpace Jet, List<Expr> Equations) ToJet(IReadOnlyList<Expr> read, LoweringContext context)
    {
        var dependent = new List<string>();
        IReadOnlyList<Expr>? args = null;
        void Note(Call c)
        {
            if (!dependent.Contains(c.Function.Name)) dependent.Add(c.Function.Name);
            if (args is null) args = c.Args;
            else if (!args.SequenceEqual(c.Args))
                throw new SymbolicException($"the unknown functions have different variables: {c} and ({string.Join(", ", args)})");
        }
        foreach (var e in read)
            e.Rewrite(node =>
            {
                if (node is Derivative d && d.Function.Function.IsUser) Note(d.Function);
                return null;
            });
        if (args is null || dependent.Count == 0)
            throw new SymbolicException("no derivative of an unknown function in the equation: write y'', \\ddot x, \\frac{\\partial u}{\\partial t}, or declare u(x,t) for u_t");
        var independent = args.Select(a => a as Symbol ?? throw new SymbolicException($"the unknown functions are applied to {a}, not to variables")).ToList();
        var depSymbols = dependent.Select(n => Expr.Symbol(n, Assumptions.Real)).ToList();
        var jet = new JetSpace(independent, depSymbols);
        var result = new List<Expr>();
        foreach (var e in read)
        {
            var x = e;
            // a bare letter u, when u is a dependent variable written without arguments, is u itself
            x = x.Rewrite(node => node is Symbol s && dependent.Contains(s.Name) && !depSymbols.Contains(s) ? depSymbols[dependent.IndexOf(s.Name)] : null);
            x = jet.FromDerivatives(x);
            var stray = x.Any(n => n is Call c && c.Function.IsUser) ? x.FirstOrDefault(n => n is Call { Function.IsUser: true }) : null;
            if (stray is not null) throw new SymbolicException($"{stray} is an unknown function that is not a dependent variable of ({string.Join(", ", independent)})");
            result.Add(x);
        }
        return (jet, result);
    }

    private static Expr? FirstOrDefault(this Expr e, Func<Expr, bool> p)
    {
        if (p(e)) return e;
        foreach (var c in e.Children) { var r = c.FirstOrDefault(p); if (r is not null) return r; }
        return null;
    }

    // ------------------------------------------------------------------ printing

    /// <summary>The context with the jet's dependent variables declared as functions of its independent ones, so y(x) prints as y.</summary>
    private static LoweringContext WithJet(LoweringContext ctx, JetSpace jet)
    {
        var c = ctx.Clone();
        foreach (var u in jet.Dependent) c.Functions[u.Name] = jet.Independent.Select(x => x.Name).ToArray();
        return c;
    }

    private static string Coef(Expr c, OutputFormat f, LoweringContext ctx, JetSpace jet)
    {
        var shown = Formats.Print(jet.ToDerivatives(c), f, WithJet(ctx, jet));
        return c is Sum ? $"\\left({shown}\\right)" : shown;
    }

    /// <summary>X = Σ c ∂_v in LaTeX (\frac{\partial}{\partial v}) or text (∂_v).</summary>
    public static string Print(Generator g, OutputFormat f, LoweringContext ctx, IEnumerable<(Symbol, Expr)>? extra = null)
    {
        var parts = new List<string>();
        foreach (var (v, c) in g.Jet.Base.Zip(g.Components).Concat(extra ?? []))
        {
            if (c.IsZero) continue;
            var name = f == OutputFormat.Latex ? Formats.Print(g.Jet.ToDerivatives(v), f, WithJet(ctx, g.Jet)) : v.Name;
            var op = f == OutputFormat.Latex ? $"\\frac{{\\partial}}{{\\partial {name}}}" : $"∂_{name}";
            if (c.IsOne) { parts.Add(op); continue; }
            if (c is Number { Value.Sign: < 0 } || c is Product { Coefficient.Sign: < 0 })
            {
                var neg = -c;
                parts.Add("-" + (neg.IsOne ? op : (f == OutputFormat.Latex ? Coef(neg, f, ctx, g.Jet) + " " : Paren(Formats.Print(neg, f, ctx), neg) + "*") + op));
                continue;
            }
            parts.Add(f == OutputFormat.Latex ? $"{Coef(c, f, ctx, g.Jet)} {op}" : $"{Paren(Formats.Print(c, f, ctx), c)}*{op}");
        }
        if (parts.Count == 0) return "0";
        var sb = new StringBuilder(parts[0]);
        foreach (var p in parts.Skip(1)) sb.Append(p.StartsWith('-') ? " - " + p[1..] : " + " + p);
        return sb.ToString();
    }

    private static string Paren(string s, Expr e) => e is Sum ? $"({s})" : s;

    private static string Components(Generator g) =>
        "{" + string.Join(", ", g.Jet.Base.Zip(g.Components).Select(p => $"'{p.First.Name}': {SympyPrinter.Print(p.Second)}")) + "}";

    /// <summary>The result as lines: generators, families, algebra name, and what is left unsolved.</summary>
    public static string Render(SymmetryResult r, OutputFormat f, LoweringContext ctx)
    {
        var lines = new List<string>();
        string Label(int i) => f == OutputFormat.Latex ? $"X_{{{i}}}" : $"X{i}";
        for (int i = 0; i < r.Basis.Count; i++)
            lines.Add(f == OutputFormat.Sympy ? $"X{i + 1} = {Components(r.Basis[i])}" : $"{Label(i + 1)} = {Print(r.Basis[i], f, ctx)}");
        foreach (var (fam, k) in r.Families.Select((x, k) => (x, k)))
        {
            var name = r.Families.Count == 1 ? (f == OutputFormat.Latex ? "X_{F}" : "XF") : (f == OutputFormat.Latex ? $"X_{{F{k + 1}}}" : $"XF{k + 1}");
            var body = f == OutputFormat.Sympy ? Components(fam.Generator) : Print(fam.Generator, f, ctx);
            var constraint = fam.Constraint.Count == 0 ? "arbitrary" : string.Join(", ", fam.Constraint.Select(c => Formats.Print(c, f, ctx)));
            lines.Add(f == OutputFormat.Sympy ? $"{name} = {body}  # {constraint}" : $"{name} = {body}, \\quad {constraint}".Replace("\\quad", f == OutputFormat.Latex ? "\\quad" : "where"));
        }
        var comment = f == OutputFormat.Sympy ? "# " : "% ";
        lines.Insert(0, comment + Summary(r));
        if (!r.Complete)
        {
            lines.Add(comment + "the determining system was not solved completely; the equations left:");
            lines.AddRange(r.Remaining.Select(e => comment + "  " + Formats.Print(e, OutputFormat.Text, ctx)));
        }
        if (r.Particular.Count > 0)
        {
            lines.Add(comment + $"particular symmetries (polynomial ansatz, not a complete list):");
            for (int i = 0; i < r.Particular.Count; i++)
                lines.Add(f == OutputFormat.Sympy ? $"P{i + 1} = {Components(r.Particular[i])}" : $"{(f == OutputFormat.Latex ? $"P_{{{i + 1}}}" : $"P{i + 1}")} = {Print(r.Particular[i], f, ctx)}");
        }
        foreach (var n in r.Notes) lines.Add(comment + n);
        return string.Join("\n", lines);
    }

    private static string Summary(SymmetryResult r)
    {
        var jet = r.Equations.Jet;
        var eqs = string.Join(", ", r.Equations.Given.Select(g => TextPrinter.Print(jet.ToDerivatives(g))));
        var dim = r.Dimension is int d ? $"dimension {d} (proved by the standard form of {r.StandardForm.Count} determining equations)"
            : r.Families.Count > 0 ? $"infinite-dimensional: {r.Basis.Count} generators and {r.Families.Count} famil{(r.Families.Count == 1 ? "y" : "ies")}"
            : "dimension not determined";
        var name = "";
        if (r.Complete && r.Basis.Count > 0 && r.Families.Count == 0)
        {
            name = LieAlgebra.TryOf(r.Basis, out var algebra, out var reason) ? ", " + algebra.Name : $" (the algebra is not named: {reason})";
        }
        return $"point symmetries of {eqs}: {dim}{name}";
    }

    /// <summary>The JSON document: generator[i], family[i] (with constraint), algebra, and steps.</summary>
    public static string Json(SymmetryResult r, LoweringContext ctx)
    {
        var results = new List<Dictionary<string, object?>>();
        Dictionary<string, object?> Entry(string label, Generator g) => new()
        {
            ["label"] = label,
            ["latex"] = Print(g, OutputFormat.Latex, ctx),
            ["text"] = Print(g, OutputFormat.Text, ctx),
            ["sympy"] = Components(g),
            ["components"] = g.Jet.Base.Zip(g.Components).ToDictionary(p => p.First.Name, p => SympyPrinter.Print(p.Second)),
        };
        for (int i = 0; i < r.Basis.Count; i++) results.Add(Entry($"generator[{i + 1}]", r.Basis[i]));
        for (int i = 0; i < r.Families.Count; i++)
        {
            var fam = r.Families[i];
            var entry = Entry($"family[{i + 1}]", fam.Generator);
            entry["functions"] = fam.Functions.Select(SympyPrinter.Print).ToList();
            entry["constraint"] = fam.Constraint.Select(SympyPrinter.Print).ToList();
            results.Add(entry);
        }
        for (int i = 0; i < r.Particular.Count; i++) results.Add(Entry($"particular[{i + 1}]", r.Particular[i]));
        if (r.Complete && r.Basis.Count > 0)
        {
            if (LieAlgebra.TryOf(r.Basis, out var a, out var reason))
            {
                var table = new List<string>();
                for (int i = 0; i < a.Dimension; i++)
                    for (int j = i + 1; j < a.Dimension; j++)
                        if (a.Bracket(i, j).Any(c => !c.IsZero)) table.Add($"[X{i + 1}, X{j + 1}] = {a.BracketText(i, j)}");
                results.Add(new()
                {
                    ["label"] = "algebra",
                    ["latex"] = "\\text{" + a.Name + "}",
                    ["text"] = a.Name,
                    ["sympy"] = "'" + a.Name + "'",
                    ["name"] = a.Name,
                    ["dimension"] = a.Dimension,
                    ["commutators"] = table,
                });
            }
            else results.Add(new() { ["label"] = "algebra", ["reason"] = reason });
        }
        var steps = new List<Dictionary<string, string>>
        {
            new() { ["rule"] = "note", ["latex"] = "\\text{" + Summary(r) + "}" },
        };
        steps.AddRange(r.DeterminingEquations.Select(e => new Dictionary<string, string> { ["rule"] = "determining-equation", ["latex"] = LatexPrinter.Print(e) }));
        steps.AddRange(r.StandardForm.Select(e => new Dictionary<string, string> { ["rule"] = "standard-form", ["latex"] = LatexPrinter.Print(e) }));
        steps.AddRange(r.Remaining.Select(e => new Dictionary<string, string> { ["rule"] = "unsolved", ["latex"] = LatexPrinter.Print(e) }));
        steps.AddRange(r.Notes.Select(n => new Dictionary<string, string> { ["rule"] = "note", ["latex"] = "\\text{" + n + "}" }));
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["complete"] = r.Complete, ["dimension"] = (object?)r.Dimension ?? "infinite", ["results"] = results, ["steps"] = steps }, CliJson.AsWritten.DictionaryStringObject);
    }

    // ------------------------------------------------------------------ REPL handlers

    private static CommandOutput SymmetriesCommand(CommandCall call)
    {
        if (call.Arguments.Length == 0) throw new UsageException($"usage: {call.Command.Usage}");
        var cases = ComputeCases(call.Arguments, call.Session.Context, call.Budget);
        var r = cases[0].Result;
        Of(call.Session).Symmetries = r;
        foreach (var e in r.StandardForm) call.Steps.Record("standard-form", null, e);
        var text = Render(r, call.Session.Format, call.Session.Context);
        if (cases.Count > 1) text += "\n" + RenderCases(cases, call.Session.Format, call.Session.Context);
        return CommandCall.Message(text);
    }

    private static CommandOutput AlgebraCommand(CommandCall call)
    {
        var r = Of(call.Session).Symmetries ?? throw new UsageException("no symmetries yet: run :symmetries EQ first");
        if (r.Basis.Count == 0) return CommandCall.Message("the finite-dimensional part is empty");
        var a = LieAlgebra.Of(r.Basis);
        var lines = new List<string> { (call.Session.Format == OutputFormat.Sympy ? "# " : "% ") + $"{a.Name}; [X_i, X_j] for i < j, zero brackets omitted" };
        for (int i = 0; i < a.Dimension; i++)
            for (int j = i + 1; j < a.Dimension; j++)
            {
                if (!a.Bracket(i, j).Any(c => !c.IsZero)) continue;
                lines.Add(call.Session.Format == OutputFormat.Latex
                    ? $"[X_{{{i + 1}}}, X_{{{j + 1}}}] = {BracketLatex(a.Bracket(i, j))}"
                    : $"[X{i + 1}, X{j + 1}] = {a.BracketText(i, j)}");
            }
        if (lines.Count == 1) lines.Add("all brackets vanish");
        return CommandCall.Message(string.Join("\n", lines));
    }

    /// <summary>Σ c_k X_k in LaTeX, written as <see cref="LieAlgebra.BracketText"/> writes it: <c>-\frac{1}{2} X_{3} + 2 X_{1}</c>.</summary>
    private static string BracketLatex(IReadOnlyList<Symbolic.Core.Numbers.Rational> coefficients)
    {
        var parts = new List<string>();
        for (int k = 0; k < coefficients.Count; k++)
        {
            var c = coefficients[k];
            if (c.IsZero) continue;
            var mag = c.Abs();
            var coef = mag.IsOne ? "" : mag.IsInteger ? $"{mag} " : $"\\frac{{{mag.Num}}}{{{mag.Den}}} ";
            parts.Add((c.Sign < 0 ? "- " : "+ ") + coef + $"X_{{{k + 1}}}");
        }
        if (parts.Count == 0) return "0";
        var s = string.Join(" ", parts).TrimStart('+', ' ');
        return s.StartsWith("- ", StringComparison.Ordinal) ? "-" + s[2..] : s;
    }

    private static CommandOutput GeneratorCommand(CommandCall call)
    {
        var text = call.Arguments;
        if (text.Length == 0)
        {
            var g = Of(call.Session).Generator ?? throw new UsageException("no generator yet: :generator X = …");
            return CommandCall.Message("X = " + Print(g, call.Session.Format, call.Session.Context));
        }
        var state0 = Of(call.Session);
        Generator gen;
        try { gen = ReadGenerator(ReadVectorField(call, text), call.Session.Context, state0.Generator?.Jet); }
        catch (SymbolicException e) when (e is not ParseError)
        {
            // say where: the first term (as typed) that is not c·∂_v on its own, else the whole right side
            var terms = TopLevelTerms(text);
            foreach (var (start, term) in terms)
            {
                try { TermComponent(ReadVectorField(call, term)); }
                catch (SymbolicException te) when (te is not ParseError) { throw new ParseError(te.Message, 1, start + 1, text); }
            }
            throw new ParseError(e.Message, 1, (terms.Count > 0 ? terms[0].Start : 0) + 1, text);
        }
        var state = Of(call.Session);
        state.Generator = gen;
        state.ProlongOrder = 0;
        return CommandCall.Message("X = " + Print(gen, call.Session.Format, call.Session.Context));
    }

    /// <summary>
    /// A vector field Σ c_v \frac{\partial}{\partial v} as the reader lowers it (the operator partial(v, 1) as a factor of
    /// each term) turned into a <see cref="Generator"/>. The independent variable is the time variable when ∂ by it
    /// appears (else the first ∂ variable), the rest are dependent.
    /// </summary>
    public static Generator ReadGenerator(Expr value, LoweringContext context, JetSpace? previous = null)
    {
        var comps = new Dictionary<string, Expr>();
        var order = new List<string>();
        if (value.IsZero) throw new SymbolicException("the generator is zero: a generator is Σ c \\frac{\\partial}{\\partial v} with some c ≠ 0");
        foreach (var (v, coefficient) in TermComponents(value))
        {
            if (!comps.ContainsKey(v)) { comps[v] = Expr.Zero; order.Add(v); }
            comps[v] += coefficient;
        }
        Assumptions Assumed(string n) => context.Assumptions.TryGetValue(n, out var a) ? a : Assumptions.None;
        JetSpace jet;
        if (previous is not null && order.All(n => previous.Base.Any(b => b.Name == n)))
            jet = previous;   // the same variables as the generator before (∂_t alone after the boost)
        else
        {
            var independent = new List<string>();
            var declared = context.Functions.FirstOrDefault(kv => order.Contains(kv.Key));
            if (declared.Key is not null) independent.AddRange(declared.Value);
            else if (order.Contains(context.Time)) independent.Add(context.Time);
            else independent.Add(order[0]);
            var dependent = order.Where(v => !independent.Contains(v)).ToList();
            if (dependent.Count == 0)
            {
                // ∂_t alone: the unknowns are the declared functions of these variables (:function x(t), :function y(t))
                var of = context.Functions.Where(kv => independent.All(kv.Value.Contains)).ToList();
                if (of.Count > 0)
                {
                    independent = of[0].Value.ToList();
                    dependent = of.Where(kv => kv.Value.SequenceEqual(independent)).Select(kv => kv.Key).ToList();
                }
            }
            if (dependent.Count == 0) throw new SymbolicException("the generator names no dependent variable: declare the unknowns first (:function x(t)) or give ∂ by at least one of them (X = ξ\\frac{\\partial}{\\partial t} + φ\\frac{\\partial}{\\partial x})");
            jet = new JetSpace(independent.Select(n => Expr.Symbol(n, Assumed(n))).ToList(), dependent.Select(n => Expr.Symbol(n, Assumptions.Real)).ToList());
        }
        var byName = jet.Base.ToDictionary(b => b.Name);
        Expr Fix(Expr e) => jet.FromDerivatives(e.Rewrite(n => n is Symbol sy && byName.TryGetValue(sy.Name, out var b) && !b.Equals(sy) ? b : null));
        var fixedExpr = jet.Base.Select(b => comps.TryGetValue(b.Name, out var c) ? Fix(Simplifier.Simplify(c)) : Expr.Zero).ToArray();
        int ni = jet.Independent.Count;
        return new Generator(jet, fixedExpr[..ni], fixedExpr[ni..]);
    }

    /// <summary>The generator's text read with <c>\\partial_x</c> alone as the operator ∂/∂x; the right side of X = ….</summary>
    private static Expr ReadVectorField(CommandCall call, string text)
    {
        var ctx = call.Session.Context;
        bool was = ctx.PartialOperatorsAlone;
        ctx.PartialOperatorsAlone = true;
        try
        {
            var value = call.Read(text);
            return value is Relation { Op: RelationKind.Equal } rel ? rel.Right : value;
        }
        finally { ctx.PartialOperatorsAlone = was; }
    }

    /// <summary>Each term c·∂_v of a vector field as (v, c); a term that is not one is refused, saying why.</summary>
    private static IEnumerable<(string Variable, Expr Coefficient)> TermComponents(Expr value)
    {
        foreach (var term in value is Sum s ? s.Children : new[] { value })
            yield return TermComponent(term);
    }

    private static (string Variable, Expr Coefficient) TermComponent(Expr term)
    {
        if (term is Sum)
        {
            (string, Expr) last = default;
            foreach (var t in TermComponents(term)) last = t;
            return last;
        }
        string? v = null;
        var rest = new List<Expr>();
        foreach (var f in term is Product p ? p.Children : new[] { term })
        {
            if (v is null && f is Call { Function: var head, Args: [var by, Number { Value.IsOne: true }] } && head.Equals(Function.PartialOperator))
            {
                // ∂ by a letter, or by a declared function's letter (the reader makes u into u(x, t))
                v = by switch { Symbol sv => sv.Name, Call { Function.IsUser: true } uc => uc.Function.Name, _ => null };
                if (v is not null) continue;
            }
            if (f.Any(n => n is Call c && c.Function.Equals(Function.PartialOperator)))
                throw new SymbolicException("this term is not c·\\frac{\\partial}{\\partial v}, so the generator is not a vector field (a second-order operator, a product of derivatives, or ∂ by an expression)");
            rest.Add(f);
        }
        if (v is null) throw new SymbolicException("this term has no \\frac{\\partial}{\\partial v} (or \\partial_v): a generator is a vector field Σ c \\frac{\\partial}{\\partial v}");
        return (v, Product.Of(rest));
    }

    /// <summary>The terms of the right side of X = … as typed, split at + and − outside braces, with their offsets.</summary>
    internal static List<(int Start, string Text)> TopLevelTerms(string text)
    {
        int begin = 0, depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '{' or '(' or '[') depth++;
            else if (c is '}' or ')' or ']') depth--;
            else if (c == '=' && depth == 0) { begin = i + 1; break; }
        }
        var terms = new List<(int, string)>();
        depth = 0;
        int start = begin;
        for (int i = begin; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '{' or '(' or '[') depth++;
            else if (c is '}' or ')' or ']') depth--;
            else if ((c == '+' || c == '-') && depth == 0 && i > start && text[start..i].Trim().Length > 0 && text[i - 1] is not ('^' or '_'))
            {
                terms.Add((start, text[start..i]));
                start = i;
            }
        }
        if (text[start..].Trim().Length > 0) terms.Add((start, text[start..]));
        // skip leading blanks and a leading sign, so the caret is under the term itself
        return terms.Select(t =>
        {
            int k = 0;
            while (k < t.Item2.Length && (char.IsWhiteSpace(t.Item2[k]) || t.Item2[k] is '+' or '-')) k++;
            return (t.Item1 + k, t.Item2[k..]);
        }).Where(t => t.Item2.Length > 0).ToList();
    }

    private static CommandOutput Prolong(CommandCall call)
    {
        var state = Of(call.Session);
        var g = state.Generator ?? throw new UsageException("no generator yet: :generator X = …");
        int n = 1;
        if (call.Arguments.Length > 0 && (!int.TryParse(call.Arguments, out n) || n < 0 || n > 8))
            throw new UsageException("usage: :prolong [n] with n from 0 to 8");
        var pr = g.Prolong(n);
        state.ProlongOrder = n;
        var extra = pr.Prolonged.Select(p => (p.Coordinate, p.Coefficient));
        var f = call.Session.Format;
        var head = f == OutputFormat.Latex ? $"X^{{({n})}}" : $"X^({n})";
        return CommandCall.Message($"{head} = {Print(g, f, call.Session.Context, extra)}");
    }

    private static Expr ReadOnJet(CommandCall call, Generator g, string latex)
    {
        var read = call.Read(latex);
        return g.Jet.FromDerivatives(read.Rewrite(n => n is Symbol s && g.Jet.Dependent.Any(d => d.Name == s.Name) && !g.Jet.Dependent.Contains(s) ? g.Jet.Dependent.First(d => d.Name == s.Name) : null));
    }

    private static CommandOutput InvariantsCommand(CommandCall call)
    {
        var g = Of(call.Session).Generator ?? throw new UsageException("no generator yet: :generator X = …");
        int n = 0;
        if (call.Arguments.Length > 0 && (!int.TryParse(call.Arguments, out n) || n < 0 || n > 6)) throw new UsageException("usage: :invariants [n] with n from 0 to 6");
        var field = g.Jet.Base.Zip(g.Components).Select(p => (p.First, p.Second)).ToList();
        if (n > 0) field.AddRange(g.Prolong(n).Prolonged.Select(p => (p.Coordinate, p.Coefficient)));
        var inv = Invariants.Of(field);
        int expected = field.Count - 1;
        var lines = inv.Select((e, i) => call.Session.Format == OutputFormat.Latex ? $"I_{{{i + 1}}} = {call.Session.Show(g.Jet.ToDerivatives(e))}" : $"I{i + 1} = {call.Session.Show(g.Jet.ToDerivatives(e))}").ToList();
        var comment = call.Session.Format == OutputFormat.Sympy ? "# " : "% ";
        lines.Insert(0, comment + $"{inv.Count} of {expected} independent invariants found from the characteristics" + (inv.Count < expected ? " (the others are beyond the shapes integrated)" : ""));
        return CommandCall.Message(string.Join("\n", lines));
    }

    private static CommandOutput CanonicalCommand(CommandCall call)
    {
        var g = Of(call.Session).Generator ?? throw new UsageException("no generator yet: :generator X = …");
        if (g.Jet.Independent.Count != 1 || g.Jet.Dependent.Count != 1)
            throw new UsageException("canonical coordinates (r, s) are for one independent and one dependent variable");
        var rs = Invariants.Canonical(g);
        var comment = call.Session.Format == OutputFormat.Sympy ? "# " : "% ";
        if (rs is not var (r, s)) return CommandCall.Message(comment + "the characteristics of X are beyond the shapes integrated: no canonical coordinates found");
        return CommandCall.Message(comment + "X(r) = 0 and X(s) = 1 (checked), so X = ∂_s\nr = " + call.Session.Show(r) + "\ns = " + call.Session.Show(s));
    }

    private static CommandOutput ReduceCommand(CommandCall call)
    {
        var state = Of(call.Session);
        var r = state.Symmetries ?? throw new UsageException("no equation yet: run :symmetries EQ first");
        Generator g;
        if (call.Arguments.Length > 0)
        {
            if (!int.TryParse(call.Arguments, out var i) || i < 1 || i > r.Basis.Count)
                throw new UsageException($"usage: :reduce [i] with i from 1 to {r.Basis.Count} (X_i of the last :symmetries)");
            g = r.Basis[i - 1];
        }
        else g = state.Generator ?? throw new UsageException("no generator: :generator X = … or :reduce i");
        var jet = r.Equations.Jet;
        if (!g.Jet.Base.Select(b => b.Name).SequenceEqual(jet.Base.Select(b => b.Name)))
            throw new UsageException($"the generator's variables ({string.Join(", ", g.Jet.Base)}) are not the equation's ({string.Join(", ", jet.Base)})");
        g = new Generator(jet, g.Xi.Select(c => Rename(c, jet)).ToArray(), g.Phi.Select(c => Rename(c, jet)).ToArray());
        var comment = call.Session.Format == OutputFormat.Sympy ? "# " : "% ";
        string Show(Expr e) => call.Session.Show(jet.ToDerivatives(e));
        var lines = new List<string>();
        if (jet.Independent.Count == 1)
        {
            var red = Reduction.ReduceOrder(r.Equations, g, budget: call.Budget);
            lines.Add(comment + $"canonical coordinates r = {TextPrinter.Print(red.R)}, s = {TextPrinter.Print(red.S)}; w = ds/dr satisfies an equation of order {r.Equations.Order - 1}");
            lines.Add("r = " + Show(red.R));
            lines.Add("s = " + Show(red.S));
            lines.Add(Show(red.Reduced));
            if (red.WSolution is not null) lines.Add(Show(red.WSolution));
            if (red.Solution is not null)
            {
                lines.Add(comment + "by quadrature s = ∫ w dr + C" + (red.Verified ? " (checked in the equation by implicit differentiation)" : " (not verified)"));
                lines.Add(Show(red.Solution));
            }
            else lines.Add(comment + (red.WSolution is null ? "the reduced equation was not solved here" : "the quadrature s = ∫ w dr + C was not found in closed form"));
            call.Steps.Record("reduction-of-order", null, red.Reduced);
        }
        else
        {
            var red = Reduction.Similarity(r.Equations, g);
            lines.Add(comment + "similarity variable and form from the invariants of X; the ODE for G");
            lines.Add(call.Session.Show(red.Form));
            lines.Add(call.Session.Show(red.Reduced));
            call.Steps.Record("similarity-reduction", null, red.Reduced);
        }
        return CommandCall.Message(string.Join("\n", lines));
    }

    /// <summary>The generator's variables replaced by the equation's symbols of the same name (assumptions may differ).</summary>
    private static Expr Rename(Expr e, JetSpace jet)
    {
        var byName = jet.Base.ToDictionary(b => b.Name);
        return e.Rewrite(n => n is Symbol s && byName.TryGetValue(s.Name, out var b) && !b.Equals(s) ? b : null);
    }

    private static CommandOutput NoetherCommand(CommandCall call)
    {
        var g = Of(call.Session).Generator ?? throw new UsageException("no generator yet: :generator X = …");
        string Show(Expr e) => call.Session.Show(g.Jet.ToDerivatives(e));
        var comment = call.Session.Format == OutputFormat.Sympy ? "# " : "% ";
        if (call.Arguments.Length == 0)
        {
            var found = Noether.FindInvariantLagrangian(g);
            call.Steps.Record("invariant-lagrangian", null, g.Jet.ToDerivatives(found.Lagrangian));
            return CommandCall.Message(comment + "the Lagrangian of the velocity invariant up to a total derivative, up to a constant factor" +
                (found.NullLagrangiansToo ? " (plus the total derivatives α + βq̇)" : "") + "\nL = " + Show(found.Lagrangian));
        }
        var l = ReadOnJet(call, g, call.Arguments);
        if (l is Relation { Op: RelationKind.Equal } rel) l = rel.Right;
        var r = Noether.Test(g, l);
        if (!r.IsVariational) return CommandCall.Message(comment + "not a variational symmetry: " + r.Reason);
        call.Steps.Record("noether-charge", null, g.Jet.ToDerivatives(r.Charge!));
        return CommandCall.Message(comment + "variational: pr X(L) + L D_t ξ = D_t B" + (r.Verified ? "; D_t I = 0 on the motions (checked by Noether's identity)" : "") +
            "\nB = " + Show(r.Gauge!) + "\nI = " + Show(r.Charge!));
    }

    private static CommandOutput ApplyCommand(CommandCall call)
    {
        var state = Of(call.Session);
        var g = state.Generator ?? throw new UsageException("no generator yet: :generator X = …");
        if (call.Arguments.Length == 0) throw new UsageException($"usage: {call.Command.Usage}");
        var read = call.Read(call.Arguments);
        var e = g.Jet.FromDerivatives(read.Rewrite(n => n is Symbol s && g.Jet.Dependent.Any(d => d.Name == s.Name) && !g.Jet.Dependent.Contains(s) ? g.Jet.Dependent.First(d => d.Name == s.Name) : null));
        if (e is Relation) throw new UsageException(":apply takes an expression, not an equation");
        var order = g.Jet.CoordinatesIn(e).Select(s => { g.Jet.TryDecode(s, out var v); return v.Order; }).DefaultIfEmpty(0).Max();
        var value = Simplifier.Simplify(g.Prolong(order).Apply(e), call.Budget);
        return call.Result(g.Jet.ToDerivatives(value));
    }
}
