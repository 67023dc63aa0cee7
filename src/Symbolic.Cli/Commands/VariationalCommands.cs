using System.CommandLine;
using Symbolic.Core;
using Symbolic.Latex;
using Symbolic.Variational;
using Symbol = Symbolic.Core.Symbol;
using Action = Symbolic.Variational.Action;

namespace Symbolic.Cli.Commands;

/// <summary>
/// Commands of the Variational module: the REPL's <c>:el</c> and <c>:transform</c>, and the one-shot
/// <c>symbolic el</c>, with <c>:action</c> (the session's current action), <c>:fields</c>, <c>:energy</c> and <c>:hamiltonian</c>.
/// </summary>
public static class VariationalCommands
{
    /// <summary>Adds the Variational commands to <paramref name="table"/>.</summary>
    public static void Register(CommandTable table)
    {
        table.Add(new ReplCommand("action", ":action LATEX", "set the current action (a Lagrangian or S = \\int L dt) used by :el, :energy, :hamiltonian, :transform", SetAction)
        {
            Details = """
                The coordinates are the functions of time in L (dotted letters). A density over several variables
                uses the fields declared with :fields (e.g. :fields u(x,y), then u_x written \frac{\partial u}{\partial x}).
                Without an argument, shows the current action.
                Example:  :action S=\int \left[\frac{1}{2}\left(\dot{x}^2+\dot{y}^2\right)+\frac{\mu}{\sqrt{x^2+y^2}}\right]dt
                """,
        });
        table.Add(new ReplCommand("fields", ":fields u(x,y)[, v(x,y) …]", "declare fields, functions of several variables, for densities", DeclareFields)
        {
            Details = """
                After :fields u(x,y), u in LaTeX is u(x, y) and \frac{\partial u}{\partial x} its partial derivative,
                so :action, :el and :transform treat a density ½(u_x² + u_y²) + F u as a field action over x, y.
                :transform then changes the independent variables (x = r\cos\theta, y = r\sin\theta), the measure
                taking its Jacobian; add facts such as \sin\theta > 0 as further parts.
                Without an argument, lists the declared fields.
                """,
        });
        table.Add(new ReplCommand("energy", ":energy [L]", "energy function Σ q̇ ∂L/∂q̇ − L of the current action (or L), and whether it is conserved", Energy));
        table.Add(new ReplCommand("hamiltonian", ":hamiltonian [L]", "Legendre transform of the current action (or L): H and Hamilton's equations", Hamiltonian));
        table.Add(new ReplCommand("el", ":el [L[, q1, q2 …]]", "Euler–Lagrange equations of the Lagrangian L (default: the current action)", EulerLagrangeEquations)
        {
            Details = """
                The coordinates are the functions of time in L (dotted letters), or the letters listed after L.
                Each equation is shown solved for the highest derivative, or, for a cyclic coordinate,
                as the conservation law d/dt(∂L/∂q̇) = 0. A field is shown solved for a highest derivative; its
                divergence law Σ ∂_μ(∂L/∂u_μ) = 0 only when none can be isolated. Declared functions such as
                :function V(r) are differentiated by the chain rule (V'(r)). A last part "plain" shows each equation as E = 0 instead.
                Without L, the current action (:action); for a field action (:fields) the field equations.
                Example:  :el \frac12 m(\dot{r}^2 + r^2\dot{\theta}^2) + \frac{k}{r}
                """,
        });
        table.Add(new ReplCommand("transform", @":transform [L,] x = …, y = …[; to \theta, …]", "a point transformation of a Lagrangian or action (redefines L if it is a name; default: the current action)", Transform)
        {
            Details = """
                Each old coordinate is given in the new ones; the new coordinates become functions of time.
                When L is a defined name (L := … or S := \int … dt) it is redefined in the new coordinates, so :el L follows.
                Without L, the current action (:action) is transformed and replaced. For a field action (:fields) the
                independent variables change and the measure takes the Jacobian; a part such as \sin\theta > 0 is a fact.
                The new coordinates are the names of the right sides that are not constants of L; "; to \theta" lists them
                instead, and every other name is then a constant (\ell of a pendulum). More names than old coordinates
                without "; to" is refused, naming the choice.
                Example:  :assume r > 0
                          :transform S, x = r\cos\theta, y = r\sin\theta
                          :transform x = \ell\sin\theta, y = -\ell\cos\theta; to \theta
                """,
        });
    }

    /// <summary>Adds <c>symbolic el</c> to <paramref name="root"/>.</summary>
    public static void RegisterOneShot(RootCommand root)
    {
        var coords = new Option<string>("--coords") { Description = "The generalized coordinates, e.g. x,y (default: the dotted letters)." };
        var transform = new Option<string>("--transform") { Description = @"A point transformation, old coordinates in the new ones: ""x=r\cos\theta, y=r\sin\theta""." };
        var to = new Option<string>("--to") { Description = @"The new coordinates of --transform in order, e.g. r,\theta (default: the letters of its right sides)." };
        var constants = new Option<string>("--constants") { Description = @"Letters of --transform's right sides that are constants, e.g. \ell in x=\ell\sin\theta." };
        root.Add(OneShotCommands.Create("el", @"Euler–Lagrange equations of a Lagrangian L or an action S = \int L dt", input =>
            EulerLagrangeOneShot(input.Latex, input.Parsed.GetValue(coords), input.Parsed.GetValue(transform), input.Parsed.GetValue(to), input.Context, input.Budget,
                input.Parsed.GetValue(constants)),
            coords, transform, to, constants));
    }

    /// <summary>
    /// The Euler–Lagrange equations of <paramref name="latex"/> (a Lagrangian, or S = \int L dt), after the point
    /// transformation <paramref name="transform"/> if given; one result per equation.
    /// </summary>
    public static OneShotResult EulerLagrangeOneShot(string latex, string? coords, string? transform, string? newCoords, LoweringContext context, Budget budget,
        string? constants = null)
    {
        var (value, t, _) = Action.LagrangianOf(LatexMath.ReadOne(latex, context), TimeOf(context));
        var found = Action.CoordinatesOf(value, t);
        IReadOnlyList<Function> coordinates;
        if (string.IsNullOrWhiteSpace(coords)) coordinates = found;
        else coordinates = InputText.SplitTopLevel(coords, ',').Where(p => p.Length > 0)
            .Select(p => LatexName(p, context))
            .Select(n => found.FirstOrDefault(q => q.Name == n) ?? Function.User(n, AssumptionsOf(context, n))).ToList();
        if (coordinates.Count == 0 && !(string.IsNullOrWhiteSpace(coords) && Action.FromLagrangian(value, t) is { IsFieldAction: true, Fields.Length: > 0 }))
            throw new UsageException("no coordinates: L has no functions of time (write \\dot{q}, list them with --coords, or declare fields with --functions \"u(x,t)\")");
        var steps = new Derivation();
        // A density of functions of several variables (--functions u(x,t), or a field ∂_μφ declared): the field equations,
        // as :fields then :el gives them — never "no functions of time".
        var action = string.IsNullOrWhiteSpace(coords) && string.IsNullOrWhiteSpace(transform) && Action.FromLagrangian(value, t) is { IsFieldAction: true, Fields.Length: > 0 } field
            ? field
            : Action.Mechanical(value, t, coordinates);
        if (!string.IsNullOrWhiteSpace(transform))
        {
            var transformed = PointTransformation(transform, newCoords, action, context, constants).ApplyTo(action, budget);
            steps.Append(transformed.Derivation);
            action = transformed.Action;
        }
        var result = EulerLagrange.Derive(action, budget: budget);
        steps.Append(result.Derivation);
        var lines = result.Equations.Select(e => new LoweredEquation(null, e.Form switch
        {
            EquationForm.Conservation => e.Conservation!.Held,
            EquationForm.Solved => e.Solved!,
            EquationForm.Identity => Relation.Equation(Expr.Zero, Expr.Zero),
            _ => e.Plain,
        })).ToList();
        return new OneShotResult(lines, steps) { Verified = result.Equations.Select(e => (bool?)e.Verified).ToList() };
    }

    /// <summary>The time symbol the lowering gives <see cref="LoweringContext.Time"/>, with its assumptions.</summary>
    private static Symbol TimeOf(LoweringContext context) => Symbol.Of(context.Time, AssumptionsOf(context, context.Time));

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
    public static PointTransformation PointTransformation(string text, string? newCoords, Action action, LoweringContext context, string? constants = null)
    {
        var constantNames = string.IsNullOrWhiteSpace(constants) ? new List<string>()
            : InputText.SplitTopLevel(constants, ',').Where(p => p.Length > 0).Select(p => LatexName(p, context)).ToList();
        var pairs = CoordinateEquations(text, action, context);
        var newNames = string.IsNullOrWhiteSpace(newCoords) ? null
            : InputText.SplitTopLevel(newCoords, ',').Where(p => p.Length > 0).Select(p => LatexName(p, context)).ToList();
        return Symbolic.Variational.PointTransformation.FromEquations(action, pairs, newNames, constantNames, n => AssumptionsOf(context, n));
    }

    /// <summary>Reads "x=r\cos\theta, y=r\sin\theta" as (old coordinate of <paramref name="action"/>, expression) pairs.</summary>
    private static List<(Function Old, Expr Expression)> CoordinateEquations(string text, Action action, LoweringContext context)
    {
        var pairs = new List<(Function Old, Expr Expression)>();
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
            pairs.Add((old, eq.Right));
        }
        return pairs;
    }

    /// <summary>
    /// The REPL's mechanical transformation: with <c>; to θ</c> the listed names are the new coordinates and every other
    /// name on a right side is a constant (ℓ in x = ℓ sin θ); without it the names of the right sides that are not
    /// constants of the Lagrangian are the new coordinates, refused (naming <c>; to …</c>) when they outnumber the old ones.
    /// </summary>
    private static PointTransformation MechanicalTransformation(IReadOnlyList<string> maps, IReadOnlyList<string>? newNames, Action action, LoweringContext context)
    {
        var pairs = CoordinateEquations(string.Join(",", maps), action, context);
        var onRight = NamesOnRight(maps, pairs.Select(p => p.Expression), action.Time.Name, context);
        if (newNames is not null)
            return Symbolic.Variational.PointTransformation.FromEquations(action, pairs, newNames, onRight.Except(newNames).ToList(), n => AssumptionsOf(context, n));
        var ofLagrangian = action.Integrand.FreeSymbols().Select(s => s.Name).ToHashSet();
        var candidates = onRight.Where(n => !ofLagrangian.Contains(n)).ToList();
        if (candidates.Count > pairs.Count) throw ChooseNewNames(candidates, pairs.Select(p => p.Old.Name).ToList(), "coordinates", context);
        return Symbolic.Variational.PointTransformation.FromEquations(action, pairs, candidates.Count == onRight.Count ? null : candidates, null, n => AssumptionsOf(context, n));
    }

    /// <summary>The names written on the right sides (not the time, not π or e), in the order they are first written.</summary>
    private static List<string> NamesOnRight(IReadOnlyList<string> maps, IEnumerable<Expr> rights, string time, LoweringContext context)
    {
        var names = rights.SelectMany(e => e.FreeSymbols()).Where(s => !s.IsConstant && s.Name != time).Select(s => s.Name).ToHashSet();
        var written = maps.SelectMany(p => LatexSource.FirstAppearances(p, context))
            .Select(e => e switch { Symbol s => s.Name, Call { Function.IsUser: true } c => c.Function.Name, _ => null })
            .OfType<string>().Distinct().ToList();
        return written.Where(names.Contains).Concat(names.Where(n => !written.Contains(n)).Order(StringComparer.Ordinal)).ToList();
    }

    /// <summary>The refusal when more names than old coordinates (or variables) are written and none is said to be constant.</summary>
    private static UsageException ChooseNewNames(IReadOnlyList<string> candidates, IReadOnlyList<string> olds, string what, LoweringContext context)
    {
        string Latex(string n) => Formats.Print(Symbol.Of(n), OutputFormat.Latex, context);
        var example = string.Join(", ", candidates.Skip(candidates.Count - olds.Count).Select(Latex));
        return new UsageException($":transform: the right sides are written in {candidates.Count} names ({string.Join(", ", candidates.Select(Latex))}) for "
            + $"{olds.Count} {what} ({string.Join(", ", olds.Select(Latex))}): say which are the new {what}, e.g. :transform …; to {example} (the other names are then constants)");
    }

    private static CommandOutput Transform(CommandCall call)
    {
        var session = call.Session;
        if (call.Arguments.Length == 0) throw new UsageException($"usage: {call.Command.Usage}");
        var (all, newNames) = TransformArguments(call);
        // ":transform x = …, y = …" (no Lagrangian) transforms the current action; "S = \int L dt, x = …" names its own.
        bool onCurrent = !all[0].Contains(":=") && LatexMath.ReadOne(all[0], session.Context) is Relation { Op: RelationKind.Equal, Right: var first }
                         && !(first is Call integral && integral.Function.Equals(Function.Integral));
        if (onCurrent)
        {
            var current = session.CurrentAction ?? throw new UsageException("no action: set one with :action LATEX, or name it: :transform L, x = …");
            var done = ApplyTransformation(current, all, newNames, session, call);
            session.CurrentAction = done;
            // After a change of variables the fields are functions of the new ones: u means u(r, θ) from now on.
            if (done.IsFieldAction)
                foreach (var field in done.Fields.Where(f => session.Context.Functions.ContainsKey(f.Name)))
                    session.Context.Functions[field.Name] = done.IndependentVariables.Select(v => v.Name).ToList();
            var written = TransformInput(all, session);
            return CommandCall.Message("action: " + ShowAction(done, session.CurrentActionIsIntegral, session, v => call.Present(v, written)));
        }
        if (all.Count < 2) throw new UsageException($"usage: {call.Command.Usage}");
        var parts = all;
        var (lagrangian, t, isAction) = Action.LagrangianOf(call.Read(parts[0]), TimeOf(session.Context));
        var action = ActionOf(lagrangian, t, null);
        var transformedAction = ApplyTransformation(action, parts.Skip(1).ToList(), newNames, session, call);
        var result = call.Present(transformedAction.Integrand, TransformInput(parts, session));
        var value = isAction && transformedAction.IsMechanical ? Call.Of(Function.Integral, result, t) : result;
        var bare = session.Context.Clone();
        bare.Definitions.Clear();
        if (LatexMath.ReadOne(parts[0], bare) is Symbol name && session.Context.Definitions.ContainsKey(name.Name))
        {
            session.Context.Definitions[name.Name] = value;
            return CommandCall.Message($"{session.Show(name)} := {session.Show(value)}");
        }
        return call.Show(value);
    }

    /// <summary>A change of coordinates (mechanical) or of independent variables (fields); parts "EXPR > 0" are sign facts.</summary>
    /// <summary>":transform x = …, y = …; to \theta": the comma-separated parts before the semicolon, and the names after "to" (null without).</summary>
    private static (IReadOnlyList<string> Parts, IReadOnlyList<string>? NewNames) TransformArguments(CommandCall call)
    {
        var halves = InputText.SplitTopLevel(call.Arguments, ';');
        var parts = InputText.SplitTopLevel(halves[0], ',');
        if (parts.Count == 0 || parts.Any(p => p.Length == 0) || halves.Count > 2) throw new UsageException($"usage: {call.Command.Usage}");
        if (halves.Count == 1) return (parts, null);
        var rest = halves[1].Trim();
        if (!(rest.StartsWith("to", StringComparison.Ordinal) && rest.Length > 2 && (char.IsWhiteSpace(rest[2]) || rest[2] == '\\')))
            throw new UsageException(@"after ; write to and the new coordinates, e.g. :transform x = \ell\sin\theta, y = -\ell\cos\theta; to \theta");
        var names = InputText.SplitTopLevel(rest[2..], ',').Select(p => p.Trim()).ToList();
        if (names.Count == 0 || names.Any(p => p.Length == 0)) throw new UsageException(@"; to: list the new coordinates, e.g. ; to \theta");
        return (parts, names.Select(n => LatexName(n, call.Session.Context)).ToList());
    }

    /// <summary>The equations of a transformation as written, for the presentation to keep their functions (sinh, cosh, tan).</summary>
    private static Expr TransformInput(IReadOnlyList<string> parts, Session session) =>
        Call.Of(Function.Tuple, parts.Select(p => LatexMath.ReadOne(p, session.Context)).ToArray());

    private static Action ApplyTransformation(Action action, IReadOnlyList<string> parts, IReadOnlyList<string>? newNames, Session session, CommandCall call)
    {
        var maps = new List<string>();
        var positive = new List<Expr>();
        foreach (var part in parts)
        {
            if (LatexMath.ReadOne(part, session.Context) is Relation { Op: RelationKind.Greater } fact && fact.Right.IsZero)
                positive.Add(fact.Left);
            else maps.Add(part);
        }
        if (maps.Count == 0) throw new UsageException($"usage: {call.Command.Usage}");
        PointTransformation map = !action.IsFieldAction
            ? MechanicalTransformation(maps, newNames, action, session.Context)
            : VariableTransformation(maps, newNames, action, session.Context);
        if (positive.Count > 0) map = map.Assuming(positive.ToArray());
        var transformed = map.ApplyTo(action, call.Budget);
        call.Steps.Append(transformed.Derivation);
        return transformed.Action;
    }

    /// <summary>Reads "x = r\cos\theta, y = r\sin\theta" as old independent variables in new ones (for fields).</summary>
    private static PointTransformation VariableTransformation(IReadOnlyList<string> parts, IReadOnlyList<string>? newNames, Action action, LoweringContext context)
    {
        var pairs = new List<(Symbol Old, Expr Expression)>();
        foreach (var part in parts)
        {
            if (LatexMath.ReadOne(part, context) is not Relation { Op: RelationKind.Equal, Left: Symbol oldSymbol } eq)
                throw new UsageException($":transform: {part} is not an equation variable = expression");
            var old = action.IndependentVariables.FirstOrDefault(v => v.Name == oldSymbol.Name)
                ?? throw new SymbolicException($":transform: {oldSymbol.Name} is not a variable of the action");
            pairs.Add((old, eq.Right));
        }
        var onRight = NamesOnRight(parts, pairs.Select(p => p.Expression), "", context);
        if (newNames is not null)
        {
            // ; to \mu, \nu: these, in the order listed, are the new variables; the other names (a) are constants.
            var symbols = pairs.SelectMany(p => p.Expression.FreeSymbols()).Where(s => !s.IsConstant).DistinctBy(s => s.Name).ToDictionary(s => s.Name);
            var absent = newNames.Where(n => !symbols.ContainsKey(n)).ToList();
            if (absent.Count > 0) throw new UsageException($":transform: the new variable{(absent.Count == 1 ? "" : "s")} {string.Join(", ", absent)} {(absent.Count == 1 ? "appears" : "appear")} on no right side");
            return Symbolic.Variational.PointTransformation.OfVariables(newNames.Select(n => symbols[n]), pairs.ToArray());
        }
        if (onRight.Count > action.IndependentVariables.Length)
            throw ChooseNewNames(onRight, action.IndependentVariables.Select(v => v.Name).ToList(), "variables", context);
        // The new variables in the order they are written (ξ before η): the order fixes the Jacobian's sign.
        return Symbolic.Variational.PointTransformation.FromVariableEquations(pairs, parts.SelectMany(p => LatexSource.FirstAppearances(p, context)).ToList());
    }

    /// <summary>The action of a Lagrangian (<see cref="Action.FromLagrangian"/>); one with nothing to vary is bad usage.</summary>
    private static Action ActionOf(Expr lagrangian, Symbol t, IReadOnlyList<Function>? listed)
    {
        var action = Action.FromLagrangian(lagrangian, t, listed);
        if (action.Fields.Length == 0)
            throw new UsageException("no coordinates: L has no functions of time (write \\dot{q}, or list them: :el L, q)");
        return action;
    }

    /// <summary>The action the command works on: its argument (a Lagrangian or action), else the session's current action.</summary>
    private static Action Target(CommandCall call, IReadOnlyList<string>? parts = null)
    {
        var session = call.Session;
        if (call.Arguments.Length == 0)
            return session.CurrentAction
                ?? throw new UsageException($"no action: set one with :action LATEX, or give it: {call.Command.Usage}");
        parts ??= call.Parts(1, 1);
        var (lagrangian, t, _) = Action.LagrangianOf(call.Read(parts[0]), TimeOf(session.Context));
        var listed = parts.Count > 1 ? parts.Skip(1).Select(p => Function.User(p.Trim().TrimStart('\\'))).ToList() : null;
        return ActionOf(lagrangian, t, listed);
    }

    private static string ShowAction(Action action, bool integral, Session session, Func<Expr, Expr>? present = null)
    {
        var integrand = present is null ? action.Integrand : present(action.Integrand);
        return integral && action.IsMechanical && !action.IsFieldAction
            ? session.Show(Call.Of(Function.Integral, integrand, action.Time))
            : session.Show(integrand);
    }

    private static CommandOutput SetAction(CommandCall call)
    {
        var session = call.Session;
        if (call.Arguments.Length == 0)
            return CommandCall.Message(session.CurrentAction is null
                ? "no action yet (:action LATEX sets one)"
                : "action: " + ShowAction(session.CurrentAction, session.CurrentActionIsIntegral, session));
        var (lagrangian, t, isAction) = Action.LagrangianOf(call.Read(call.Arguments), TimeOf(session.Context));
        var action = ActionOf(lagrangian, t, null);
        session.CurrentAction = action;
        session.CurrentActionIsIntegral = isAction;
        var over = action.IsFieldAction
            ? $"fields {string.Join(", ", action.Fields.Select(f => f.Name))} of {string.Join(", ", action.IndependentVariables.Select(v => session.Show(v)))}"
            : $"coordinates {string.Join(", ", action.Fields.Select(f => session.Show(Symbol.Of(f.Name))))}";
        return CommandCall.Message($"action: {ShowAction(action, isAction, session)}   ({over})");
    }

    private static CommandOutput DeclareFields(CommandCall call)
    {
        var context = call.Session.Context;
        if (call.Arguments.Length == 0)
            return CommandCall.Message(context.Functions.Count == 0 ? "no fields declared (:fields u(x,y) declares one)"
                : "fields: " + string.Join(", ", context.Functions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}({string.Join(", ", kv.Value)})")));
        var shown = new List<string>();
        foreach (var part in call.Parts(1))
        {
            var (name, args, _) = Declarations.Function(part, context, call.Command.Usage);
            shown.Add($"{name}({string.Join(", ", args)})");
        }
        return CommandCall.Message("fields: " + string.Join(", ", shown));
    }

    private static CommandOutput Energy(CommandCall call)
    {
        var session = call.Session;
        var action = Target(call);
        if (action.IsFieldAction) throw new UsageException(":energy needs a mechanical action ∫ L dt (coordinates q(t))");
        var energy = Conservation.Energy(action, budget: call.Budget);
        call.Steps.Append(energy.Derivation);
        var h = Symbol.Of("h");
        return CommandCall.Message($"{session.Show(Relation.Equation(h, call.Present(energy.Value, action.Integrand)))}\n{(energy.IsConserved ? "conserved" : "not conserved")}: {energy.Note}");
    }

    private static CommandOutput Hamiltonian(CommandCall call)
    {
        var session = call.Session;
        var action = Target(call);
        if (action.IsFieldAction) throw new UsageException(":hamiltonian needs a mechanical action ∫ L dt (coordinates q(t))");
        HamiltonianResult result;
        try { result = Legendre.Transform(action, budget: call.Budget); }
        catch (SingularLagrangianException singular) when (singular.Constraints.Length > 0)
        {
            // The module decides; the command only prints the constraints in the session's format.
            throw new SymbolicException(singular.Message[..singular.Message.IndexOf("; primary constraints", StringComparison.Ordinal)]
                + "; primary constraints: " + string.Join(", ", singular.Constraints.Select(c => session.Show(c.Left) + (session.Format == OutputFormat.Latex ? @" \approx 0" : " ≈ 0"))));
        }
        call.Steps.Append(result.Derivation);
        var lines = new List<string>();
        lines.AddRange(result.MomentumDefinitions.Select(session.Show));
        lines.Add(session.Show(Relation.Equation(Symbol.Of("H"), result.Hamiltonian)));
        lines.AddRange(result.Equations.Select(session.Show));
        return CommandCall.Message(string.Join("\n", lines));
    }

    private static CommandOutput EulerLagrangeEquations(CommandCall call)
    {
        var session = call.Session;
        var parts = call.Arguments.Length == 0 ? [] : call.Parts(1).ToList();
        // A last part "plain" asks for the unsolved form E = 0 (for coupled equations such as a double pendulum).
        bool plain = parts.Count > 0 && parts[^1].Trim() == "plain";
        if (plain) parts.RemoveAt(parts.Count - 1);
        var action = parts.Count == 0
            ? session.CurrentAction ?? throw new UsageException($"no action: set one with :action LATEX, or give it: {call.Command.Usage}")
            : Target(call, parts);
        var result = EulerLagrange.Derive(action, budget: call.Budget);
        call.Steps.Append(result.Derivation);
        // The action is the input whose functions (cos(θ₁ − θ₂), sinh μ) the equations keep.
        var lines = result.Equations.Select(e => plain ? session.Show(call.Present(e.Plain, action.Integrand)) : e.Form switch
        {
            EquationForm.Conservation => session.Show(e.Conservation!.Held),
            EquationForm.Solved => session.Show(call.Present(e.Solved!, action.Integrand)),
            EquationForm.Identity => session.Show(Relation.Equation(Expr.Zero, Expr.Zero)),
            _ => session.Show(e.Plain),
        }).Concat(result.Notes.Select(n => "note: " + n))
            .Concat(result.Equations.Where(e => !e.Verified).Select(e => $"note: the equation of {e.Coordinate.Name} is not verified: substituted back it was not proved to vanish"));
        return CommandCall.Message(string.Join("\n", lines));
    }
}
