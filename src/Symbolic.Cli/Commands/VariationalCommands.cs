using Symbolic.Core;
using Symbolic.Variational;
using Action = Symbolic.Variational.Action;

namespace Symbolic.Cli.Commands;

/// <summary>
/// REPL commands of the Variational module (issue 4). Only <c>:el</c> is wired so far; <c>:action</c>,
/// <c>:transform</c>, <c>:energy</c>, <c>:hamiltonian</c> and <c>symbolic el</c> follow the same pattern.
/// </summary>
public static class VariationalCommands
{
    /// <summary>Adds the Variational commands to <paramref name="table"/>.</summary>
    public static void Register(CommandTable table)
    {
        table.Add(new ReplCommand("el", ":el L[, q1, q2 …]", "Euler–Lagrange equations of the Lagrangian L", EulerLagrangeEquations)
        {
            Details = """
                The coordinates are the functions of time in L (dotted letters), or the letters listed after L.
                Each equation is shown solved for the highest derivative, or, for a cyclic coordinate,
                as the conservation law d/dt(∂L/∂q̇) = 0.
                Example:  :el \frac12 m(\dot{r}^2 + r^2\dot{\theta}^2) + \frac{k}{r}
                """,
        });
    }

    private static CommandOutput EulerLagrangeEquations(CommandCall call)
    {
        var parts = call.Parts(1);
        var session = call.Session;
        var lagrangian = call.Read(parts[0]);
        // The time symbol as the lowering made it (it may carry assumptions, e.g. real).
        var t = lagrangian.FreeSymbols().FirstOrDefault(s => s.Name == session.Context.Time)
            ?? Symbol.Of(session.Context.Time, session.Context.Assumptions.TryGetValue(session.Context.Time, out var ta) ? ta : Assumptions.Real);
        var coordinates = parts.Count > 1
            ? parts.Skip(1).Select(p => Function.User(p.Trim().TrimStart('\\'))).ToList()
            : CoordinatesOf(lagrangian, t);
        if (coordinates.Count == 0)
            throw new UsageException("no coordinates: L has no functions of time (write \\dot{q}, or list them: :el L, q)");
        var result = EulerLagrange.Derive(Action.Mechanical(lagrangian, t, coordinates), budget: call.Budget);
        call.Steps.Append(result.Derivation);
        var lines = result.Equations.Select(e => e.Form switch
        {
            EquationForm.Conservation => ConservationText(e.Conservation!, session),
            EquationForm.Solved => session.Show(e.Solved!),
            EquationForm.Identity => session.Show(Relation.Equation(Expr.Zero, Expr.Zero)),
            _ => session.Show(e.Plain),
        }).Concat(result.Notes.Select(n => "note: " + n));
        return CommandCall.Message(string.Join("\n", lines));
    }

    private static string ConservationText(ConservationLaw law, Session session) => session.Format switch
    {
        OutputFormat.Latex => $"\\frac{{d}}{{d{session.Show(law.Variables[0])}}}\\left({session.Show(law.Quantity)}\\right) = 0",
        OutputFormat.Sympy => $"Eq(Derivative({session.Show(law.Quantity)}, {session.Show(law.Variables[0])}), 0)",
        _ => $"d/d{session.Show(law.Variables[0])}({session.Show(law.Quantity)}) = 0",
    };

    private static List<Function> CoordinatesOf(Expr e, Symbol t)
    {
        var found = new SortedDictionary<string, Function>(StringComparer.Ordinal);
        void Walk(Expr x)
        {
            if (x is Call { Function.IsUser: true } c && c.Args.Length == 1 && c.Args[0].Equals(t)) found.TryAdd(c.Function.Name, c.Function);
            foreach (var k in x.Children) Walk(k);
        }
        Walk(e);
        return found.Values.ToList();
    }
}
