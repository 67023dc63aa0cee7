using System.CommandLine;
using Symbolic.Core;
using Symbolic.Latex;
using Symbolic.Variational;
using Symbol = Symbolic.Core.Symbol;
using Action = Symbolic.Variational.Action;

namespace Symbolic.Cli.Commands;

/// <summary>
/// Commands of the Variational module (issue 4): the REPL's <c>:el</c> and <c>:transform</c>, and the one-shot
/// <c>symbolic el</c>. <c>:action</c>, <c>:energy</c> and <c>:hamiltonian</c> would follow the same pattern.
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
        table.Add(new ReplCommand("transform", @":transform L, x = …, y = …", "a point transformation of a Lagrangian or action (redefines L if it is a name)", Transform)
        {
            Details = """
                Each old coordinate is given in the new ones; the new coordinates become functions of time.
                When L is a defined name (L := … or S := \int … dt) it is redefined in the new coordinates, so :el L follows.
                Example:  :assume r > 0
                          :transform S, x = r\cos\theta, y = r\sin\theta
                """,
        });
    }

    /// <summary>The held total derivative d/dt(q) of a conservation law, printed as such in every format.</summary>
    public static readonly Function TotalDerivative = Function.Named("Derivative");

    /// <summary>Adds <c>symbolic el</c> to <paramref name="root"/>.</summary>
    public static void RegisterOneShot(RootCommand root)
    {
        var coords = new Option<string>("--coords") { Description = "The generalized coordinates, e.g. x,y (default: the dotted letters)." };
        var transform = new Option<string>("--transform") { Description = @"A point transformation, old coordinates in the new ones: ""x=r\cos\theta, y=r\sin\theta""." };
        var to = new Option<string>("--to") { Description = @"The new coordinates of --transform in order, e.g. r,\theta (default: the letters of its right sides)." };
        root.Add(OneShotCommands.Create("el", @"Euler–Lagrange equations of a Lagrangian L or an action S = \int L dt", input =>
            EulerLagrangeOneShot(input.Latex, input.Parsed.GetValue(coords), input.Parsed.GetValue(transform), input.Parsed.GetValue(to), input.Context, input.Budget),
            coords, transform, to));
    }

    /// <summary>
    /// The Euler–Lagrange equations of <paramref name="latex"/> (a Lagrangian, or S = \int L dt), after the point
    /// transformation <paramref name="transform"/> if given; one result per equation.
    /// </summary>
    public static OneShotResult EulerLagrangeOneShot(string latex, string? coords, string? transform, string? newCoords, LoweringContext context, Budget budget)
    {
        var (value, t, _) = LagrangianOf(LatexMath.ReadOne(latex, context), context);
        var found = CoordinatesOf(value, t);
        List<Function> coordinates;
        if (string.IsNullOrWhiteSpace(coords)) coordinates = found;
        else coordinates = InputText.SplitTopLevel(coords, ',').Where(p => p.Length > 0)
            .Select(p => LatexName(p, context))
            .Select(n => found.FirstOrDefault(q => q.Name == n) ?? Function.User(n, AssumptionsOf(context, n))).ToList();
        if (coordinates.Count == 0)
            throw new UsageException("no coordinates: L has no functions of time (write \\dot{q}, or list them with --coords)");
        var steps = new Derivation();
        var action = Action.Mechanical(value, t, coordinates);
        if (!string.IsNullOrWhiteSpace(transform))
        {
            var transformed = PointTransformation(transform, newCoords, action, context).ApplyTo(action, budget);
            steps.Append(transformed.Derivation);
            action = transformed.Action;
        }
        var result = EulerLagrange.Derive(action, budget: budget);
        steps.Append(result.Derivation);
        var lines = result.Equations.Select(e => new LoweredEquation(null, e.Form switch
        {
            EquationForm.Conservation => Relation.Equation(Call.Of(TotalDerivative, e.Conservation!.Quantity, e.Conservation.Variables[0]), Expr.Zero),
            EquationForm.Solved => e.Solved!,
            EquationForm.Identity => Relation.Equation(Expr.Zero, Expr.Zero),
            _ => e.Plain,
        })).ToList();
        return new OneShotResult(lines, steps);
    }

    /// <summary>
    /// The Lagrangian and time of a Lagrangian L, an action \\int L dt, or S = either: the integral's body and
    /// variable, else L and the context's time letter. <c>IsAction</c> tells whether it was an integral.
    /// </summary>
    public static (Expr Lagrangian, Symbol Time, bool IsAction) LagrangianOf(Expr value, LoweringContext context)
    {
        if (value is Relation { Op: RelationKind.Equal } rel) value = rel.Right;
        if (value is Call { Function: var f } integral && f.Equals(Function.Integral))
        {
            if (integral.Args.Length != 2 || integral.Args[1] is not Symbol time)
                throw new SymbolicException("the action must be a single integral \\int L\\, dt");
            return (integral.Args[0], time, true);
        }
        var t = value.FreeSymbols().FirstOrDefault(s => s.Name == context.Time)
            ?? Symbol.Of(context.Time, AssumptionsOf(context, context.Time));
        return (value, t, false);
    }

    /// <summary>The assumptions the lowering gives a letter (as <c>--assume</c> set them, else real).</summary>
    private static Assumptions AssumptionsOf(LoweringContext context, string name) =>
        context.Assumptions.TryGetValue(name, out var a) ? a : Assumptions.Real;

    private static string LatexName(string latex, LoweringContext context) => LatexMath.ReadOne(latex, context) switch
    {
        Symbol s => s.Name,
        Call { Function.IsUser: true } c => c.Function.Name,
        _ => throw new UsageException($"{latex} is not a coordinate name"),
    };

    /// <summary>
    /// Reads "x=r\cos\theta, y=r\sin\theta": each old coordinate of <paramref name="action"/> as an expression
    /// in new coordinates, which become functions of time (with their <c>--assume</c> assumptions).
    /// </summary>
    public static PointTransformation PointTransformation(string text, string? newCoords, Action action, LoweringContext context)
    {
        var t = action.Time;
        var pairs = new List<(Function Old, Expr Expression)>();
        var newNames = new List<string>();
        foreach (var part in InputText.SplitTopLevel(text, ',').Where(p => p.Length > 0))
        {
            if (LatexMath.ReadOne(part, context) is not Relation { Op: RelationKind.Equal } eq)
                throw new UsageException($"--transform: {part} is not an equation old = expression");
            var oldName = eq.Left switch
            {
                Symbol s => s.Name,
                Call { Function.IsUser: true } c => c.Function.Name,
                _ => throw new UsageException($"--transform: the left of {part} must be a coordinate"),
            };
            var old = action.Fields.FirstOrDefault(f => f.Name == oldName)
                ?? throw new SymbolicException($"--transform: {oldName} is not a coordinate of the Lagrangian");
            foreach (var s in eq.Right.FreeSymbols())
                if (s.Name != t.Name && !s.IsConstant && !newNames.Contains(s.Name)) newNames.Add(s.Name);
            pairs.Add((old, eq.Right));
        }
        if (!string.IsNullOrWhiteSpace(newCoords))
            newNames = InputText.SplitTopLevel(newCoords, ',').Where(p => p.Length > 0).Select(p => LatexName(p, context)).ToList();
        var functions = newNames.Select(n => Function.User(n, AssumptionsOf(context, n))).ToList();
        // The new coordinates are functions of time: r becomes r(t) on the right sides.
        var toCalls = new Dictionary<Expr, Expr>();
        foreach (var (n, f) in newNames.Zip(functions, (n, f) => (n, f)))
            foreach (var s in pairs.SelectMany(p => p.Expression.FreeSymbols()).Where(s => s.Name == n).Distinct())
                toCalls[s] = Call.Of(f, t);
        var map = pairs.Select(p => (p.Old, Substitution.Apply(p.Expression, toCalls))).ToArray();
        return Symbolic.Variational.PointTransformation.OfCoordinates(functions, map);
    }

    private static CommandOutput Transform(CommandCall call)
    {
        var parts = call.Parts(2);
        var session = call.Session;
        var (lagrangian, t, isAction) = LagrangianOf(call.Read(parts[0]), session.Context);
        var coordinates = CoordinatesOf(lagrangian, t);
        if (coordinates.Count == 0)
            throw new UsageException("no coordinates: L has no functions of time (write \\dot{q})");
        var action = Action.Mechanical(lagrangian, t, coordinates);
        var transformed = PointTransformation(string.Join(",", parts.Skip(1)), null, action, session.Context).ApplyTo(action, call.Budget);
        call.Steps.Append(transformed.Derivation);
        var result = transformed.Action.Integrand;
        var value = isAction ? Call.Of(Function.Integral, result, t) : result;
        var bare = session.Context.Clone();
        bare.Definitions.Clear();
        if (LatexMath.ReadOne(parts[0], bare) is Symbol name && session.Context.Definitions.ContainsKey(name.Name))
        {
            session.Context.Definitions[name.Name] = value;
            return CommandCall.Message($"{session.Show(name)} := {session.Show(value)}");
        }
        return call.Show(value);
    }

    private static CommandOutput EulerLagrangeEquations(CommandCall call)
    {
        var parts = call.Parts(1);
        var session = call.Session;
        // An action S = \\int L dt gives its integrand; the time symbol is as the lowering made it (it may carry assumptions).
        var (lagrangian, t, _) = LagrangianOf(call.Read(parts[0]), session.Context);
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
