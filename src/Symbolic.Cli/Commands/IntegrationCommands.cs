using System.CommandLine;
using Symbolic.Core;
using Symbolic.Core.Integration;
using Symbolic.Latex;
using Symbol = Symbolic.Core.Symbol;

namespace Symbolic.Cli.Commands;

/// <summary>
/// <c>symbolic integrate "E" --var x [--from a --to b]</c> and <c>symbolic dsolve "EQ"</c>: adapters that read
/// LaTeX, make one call into <see cref="Integrator"/> or the ODE solver, and print the result.
/// </summary>
public static class IntegrationCommands
{
    /// <summary>The REPL commands <c>:integrate E, x[, a, b]</c> and <c>:dsolve EQ</c>.</summary>
    public static void Register(CommandTable table)
    {
        table.Add(new ReplCommand("integrate", ":integrate EXPR, VAR[, A, B]", "an antiderivative (checked by differentiation), or the integral from A to B", call =>
        {
            var parts = call.Parts(2, 4);
            if (parts.Count == 3) throw new UsageException(":integrate takes EXPR, VAR or EXPR, VAR, A, B");
            var f = call.Read(parts[0]);
            if (call.Read(parts[1]) is not Symbol x) throw new UsageException($"the variable of integration must be a letter, not {parts[1]}");
            if (parts.Count == 4)
            {
                var d = DefiniteIntegrator.Integrate(f, x, call.Read(parts[2]), call.Read(parts[3]), call.Budget);
                call.Steps.Append(d.Steps);
                if (d.Value is null) throw new SymbolicException(d.Reason ?? "not found");
                return call.Show(d.Value);
            }
            var r = Integrator.Integrate(f, x, call.Budget);
            call.Steps.Append(r.Steps);
            if (!r.Found) throw new SymbolicException($"∫ … d{x.Name}: {r.NotFoundReason}");
            return call.Show(r.Antiderivative!);
        })
        {
            Details = """
                EXPR is integrated by VAR; the answer is differentiated back to EXPR before it is shown.
                With limits A, B: the definite integral (refused when the integrand has a pole on [A, B]).
                Example:  :integrate \frac{1}{x^3+1}, x      :integrate e^{-x}, x, 0, \infty
                """,
        });
        table.Add(new ReplCommand("dsolve", ":dsolve EQ[, y(0) = A, y'(0) = B]", "solve an ODE in y(x): first-order classes, linear with constant coefficients (any order), Cauchy–Euler, y'' = f(y), reduction of order", call =>
        {
            var r = Dsolve(call.Arguments, null, call.Session.Context, call.Budget);
            call.Steps.Append(r.Steps);
            // every branch (y = ±√…), one a line
            return new CommandOutput(string.Join("\n", r.Results.Select(b => call.Session.Show(b.Value))));
        })
        {
            Details = """
                The solution is substituted back into the equation before it is shown; C_1, C_2 are the constants.
                Initial conditions after the equation, y(a) = b and y'(a) = c, fix the constants (solved as a linear system, checked).
                Example:  :dsolve y' = x y      :dsolve y'' + y = 0      :dsolve y'' + y = 0, y(0) = 1, y'(0) = 0
                """,
        });
    }

    /// <summary>Adds <c>integrate</c> (and <c>dsolve</c>) to <paramref name="root"/>.</summary>
    public static void RegisterOneShot(RootCommand root)
    {
        var variable = new Option<string>("--var") { Description = "The variable of integration (default: the only free symbol, else x).", };
        var from = new Option<string>("--from") { Description = "Lower limit of a definite integral (LaTeX)." };
        var to = new Option<string>("--to") { Description = "Upper limit of a definite integral (LaTeX)." };
        root.Add(OneShotCommands.Create("integrate", "Integrate a LaTeX expression (an antiderivative, or a definite integral with --from/--to).",
            i => Integrate(i.Latex, i.Parsed.GetValue(variable), i.Parsed.GetValue(from), i.Parsed.GetValue(to), i.Context, i.Budget),
            variable, from, to));
        var unknown = new Option<string>("--unknown") { Description = "The unknown function, e.g. y(x) (default: the function whose derivative appears)." };
        var ics = new Option<string[]>("--ics") { Description = "Initial conditions, e.g. \"y(0) = 1, y'(0) = 0\" (repeatable); they may also follow the equation after commas." };
        root.Add(OneShotCommands.Create("dsolve", "Solve an ordinary differential equation (first order classes, linear with constant coefficients of any order, Cauchy–Euler, y'' = f(y), reduction of order), optionally with initial conditions.",
            i => Dsolve(i.Latex, i.Parsed.GetValue(unknown), i.Context, i.Budget, i.Parsed.GetValue(ics)), unknown, ics));
    }

    private static readonly System.Text.RegularExpressions.Regex InitialCondition =
        new(@"^\s*\\?(?<name>[A-Za-z]+)\s*(?<primes>'*)\s*\((?<at>[^()]*)\)\s*=\s*(?<value>.+?)\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>"y(0) = 1" or "y'(0) = 0" as (derivative order, point, value texts), or null when the text is not of that form.</summary>
    private static (string Name, int Order, string At, string Value)? ReadInitialCondition(string text) =>
        InitialCondition.Match(text) is { Success: true } m ? (m.Groups["name"].Value, m.Groups["primes"].Value.Length, m.Groups["at"].Value, m.Groups["value"].Value) : null;

    /// <summary>Reads an ODE and solves it; the result is y(x) = … or an implicit H(x, y) = C₁.</summary>
    public static OneShotResult Dsolve(string latex, string? unknownText, LoweringContext context, Budget budget, IReadOnlyList<string>? icsTexts = null)
    {
        // "EQ, y(0) = 1, y'(0) = 0": the parts after the first comma are initial conditions when every one reads as such
        var parts = InputText.SplitTopLevel(latex, ',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var icTexts = (icsTexts ?? []).SelectMany(t => InputText.SplitTopLevel(t, ',')).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var equationText = latex;
        if (parts.Count > 1 && parts.Skip(1).All(p => ReadInitialCondition(p) is not null))
        {
            equationText = parts[0];
            icTexts.InsertRange(0, parts.Skip(1));
        }
        Call? y = null;
        if (unknownText is not null)
        {
            // declared first, so that y in the equation is read as y(x) and not as a constant
            var (name, args, _) = Declarations.Function(unknownText, context, "--unknown \"y(x)\"");
            if (args.Count != 1) throw new UsageException($"--unknown takes a function of one variable, e.g. y(x), not {unknownText}");
            y = LatexMath.ReadOne(unknownText, context) as Call ?? throw new UsageException("--unknown takes a function applied to its variable, e.g. y(x)");
        }
        var warningsBefore = context.Warnings.Count;
        var e = LatexMath.ReadOne(equationText, context);
        if (e is not Relation { Op: RelationKind.Equal }) throw new SymbolicException("dsolve takes an equation, e.g. y' = x y");
        if (y is null) e.Any(n => { if (n is Derivative d && y is null) y = d.Function; return false; });
        if (y is null && !context.Functions.ContainsKey("y") && e.FreeSymbols().Any(s => s.Name == "y"))
        {
            // \frac{d}{dx}(xy) = x: nothing said that y depends on x, so the reader took y as a constant; dsolve's unknown is y(x)
            while (context.Warnings.Count > warningsBefore) context.Warnings.RemoveAt(context.Warnings.Count - 1);
            context.Functions["y"] = [context.PrimeVariable];
            e = LatexMath.ReadOne(equationText, context);
            e.Any(n => { if (n is Derivative d && y is null) y = d.Function; return false; });
            if (y is not null)
                context.Warnings.Add(new ReadWarning(1, equationText.IndexOf('y') + 1, equationText, $"y is read as the unknown function y({context.PrimeVariable}) (say another with --unknown)"));
        }
        if (y is null) throw new SymbolicException("the equation has no derivative of an unknown function (write y' or \\frac{dy}{dx})");
        var unknown = y;
        if (unknown.Args is [var x0])
        {
            // y(1 − y) with y the unknown y(x): a function of itself is not an ODE, so it is the product y·(1 − y)
            bool rewritten = false;
            e = e.Rewrite(n =>
            {
                if (n is not Call { Function: { IsUser: true } f, Args: [var arg] } || f.Name != unknown.Function.Name || arg.Equals(x0) || !arg.Contains(unknown)) return null;
                rewritten = true;
                return unknown * arg;
            });
            if (rewritten)
            {
                var at = equationText.IndexOf(unknown.Function.Name + "(", StringComparison.Ordinal);
                context.Warnings.Add(new ReadWarning(1, Math.Max(at, 0) + 1, equationText,
                    $"{unknown.Function.Name}(…) around an expression in {unknown.Function.Name} itself is read as a product: {unknown.Function.Name} is the unknown {unknown}"));
            }
        }
        var ics = new List<(int, Expr, Expr)>();
        foreach (var text in icTexts)
        {
            var ic = ReadInitialCondition(text) ?? throw new UsageException($"an initial condition is written y(a) = b or y'(a) = b, not {text}");
            if (ic.Name != unknown.Function.Name) throw new UsageException($"the initial condition {text} is not about the unknown {unknown}");
            ics.Add((ic.Order, LatexMath.ReadOne(ic.At, context), LatexMath.ReadOne(ic.Value, context)));
        }
        var r = Symbolic.Core.Ode.OdeSolver.Solve(e, unknown, budget);
        if (!r.Found) throw new SymbolicException($"{e}: {r.NotFoundReason}");
        if (ics.Count > 0)
        {
            r = Symbolic.Core.Ode.OdeSolver.WithInitialConditions(r, e, unknown, ics, budget);
            if (!r.Found) throw new SymbolicException($"{e}: {r.NotFoundReason}");
        }
        var note = r.Method + (r.Kind.Length == 0 ? "" : ", " + r.Kind) + (r.Conditions.Count == 0 ? "" : "; assuming " + string.Join(", ", r.Conditions));
        return new OneShotResult(r.Branches.Select(b => new LoweredEquation(null, b)).ToList(), r.Steps) { Note = note };
    }

    /// <summary>Reads the integrand (a bare expression, or \int … dx) and integrates it.</summary>
    public static OneShotResult Integrate(string latex, string? variableName, string? from, string? to, LoweringContext context, Budget budget)
    {
        var e = LatexMath.ReadOne(latex, context);
        if ((from is null) != (to is null)) throw new UsageException("--from and --to go together");
        Symbol x;
        Expr integrand;
        if (e is Call { Function: var fn, Args: [var body, Symbol v] } && fn.Equals(Function.Integral))
        {
            integrand = body; x = v;
            if (variableName is not null && variableName != v.Name)
                throw new SymbolicException($"the integral is over d{v.Name} but --var says {variableName}");
        }
        else if (e is Call { Function: var lf, Args: [Call { Function: var fi, Args: [var b2, Symbol v2] }, var lo, var hi] } && lf.Equals(Function.Limits) && fi.Equals(Function.Integral))
        {
            integrand = b2; x = v2;
            return Definite(integrand, x, lo, hi, budget);
        }
        else
        {
            integrand = e;
            // Without --var: the only free symbol, else the integrand's own x (as the reader made it, with its assumptions:
            // a fresh Symbol.Of("x") is another symbol, and ∫ 1/(x²+a²) came out as x/(x²+a²)), else the question is asked back.
            var free = e.FreeSymbols();
            x = variableName is not null ? (Symbol)LatexMath.ReadOne(variableName, context) is var s ? s : throw new UsageException("--var takes a symbol")
                : free is { Count: 1 } one ? one[0]
                : free.FirstOrDefault(f => f.Name == "x") is { } own ? own
                : free.Count == 0 ? (Symbol)LatexMath.ReadOne("x", context)
                : throw new UsageException($"the integrand has several symbols ({string.Join(", ", free.Select(f => f.Name))}) and no x: say which is the variable with --var");
        }
        if (from is not null) return Definite(integrand, x, LatexMath.ReadOne(from, context), LatexMath.ReadOne(to!, context), budget);
        var r = Integrator.Integrate(integrand, x, budget);
        if (!r.Found) throw new SymbolicException($"∫ {integrand} d{x.Name}: {r.NotFoundReason}");
        return new OneShotResult(new[] { new LoweredEquation(null, r.Antiderivative!) }, r.Steps) { Note = r.Reading };
    }

    private static OneShotResult Definite(Expr f, Symbol x, Expr a, Expr b, Budget budget)
    {
        var r = DefiniteIntegrator.Integrate(f, x, a, b, budget);
        if (r.Value is null) throw new SymbolicException($"∫ {f} d{x.Name} from {a} to {b}: {r.Reason}");
        return new OneShotResult(new[] { new LoweredEquation(null, r.Value) }, r.Steps);
    }
}
