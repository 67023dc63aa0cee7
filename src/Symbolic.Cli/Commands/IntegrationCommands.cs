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
        table.Add(new ReplCommand("dsolve", ":dsolve EQ", "solve an ODE in y(x): first-order classes, linear with constant coefficients (any order), Cauchy–Euler, y'' = f(y)", call =>
        {
            var r = Dsolve(call.Arguments, null, call.Session.Context, call.Budget);
            call.Steps.Append(r.Steps);
            return call.Show(r.Results[0].Value);
        })
        {
            Details = """
                The solution is substituted back into the equation before it is shown; C_1, C_2 are the constants.
                Example:  :dsolve y' = x y      :dsolve y'' + y = 0
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
        root.Add(OneShotCommands.Create("dsolve", "Solve an ordinary differential equation (first order classes, linear with constant coefficients of any order, Cauchy–Euler, y'' = f(y)).",
            i => Dsolve(i.Latex, i.Parsed.GetValue(unknown), i.Context, i.Budget), unknown));
    }

    /// <summary>Reads an ODE and solves it; the result is y(x) = … or an implicit H(x, y) = C₁.</summary>
    public static OneShotResult Dsolve(string latex, string? unknownText, LoweringContext context, Budget budget)
    {
        var e = LatexMath.ReadOne(latex, context);
        if (e is not Relation { Op: RelationKind.Equal }) throw new SymbolicException("dsolve takes an equation, e.g. y' = x y");
        Call? y = null;
        if (unknownText is not null)
            y = LatexMath.ReadOne(unknownText, context) as Call ?? throw new UsageException("--unknown takes a function applied to its variable, e.g. y(x)");
        else
            e.Any(n => { if (n is Derivative d && y is null) y = d.Function; return false; });
        if (y is null) throw new SymbolicException("the equation has no derivative of an unknown function (write y' or \\frac{dy}{dx})");
        var r = Symbolic.Core.Ode.OdeSolver.Solve(e, y, budget);
        if (!r.Found) throw new SymbolicException($"{e}: {r.NotFoundReason}");
        return new OneShotResult(new[] { new LoweredEquation(null, r.Solution!) }, r.Steps) { Note = r.Method + (r.Explicit ? "" : ", implicit solution") + (r.Conditions.Count == 0 ? "" : "; assuming " + string.Join(", ", r.Conditions)) };
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
