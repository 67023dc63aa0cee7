using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>What an action is, decided from what a person typed: a Lagrangian, ∫ L dt, or S = either.</summary>
public sealed partial class Action
{
    /// <summary>
    /// The Lagrangian and time of a Lagrangian L, an action ∫ L dt, or S = either: the integral's body and variable,
    /// else L and the symbol of <paramref name="time"/>'s name in L (or <paramref name="time"/> itself when L does not
    /// mention it). <c>IsIntegral</c> tells whether it was written as an integral.
    /// </summary>
    /// <exception cref="SymbolicException">An integral that is not a single ∫ L dt.</exception>
    public static (Expr Lagrangian, Symbol Time, bool IsIntegral) LagrangianOf(Expr value, Symbol time)
    {
        if (value is Relation { Op: RelationKind.Equal } rel) value = rel.Right;
        if (value is Call { Function: var f } integral && f.Equals(Function.Integral))
        {
            if (integral.Args.Length != 2 || integral.Args[1] is not Symbol t)
                throw new SymbolicException("the action must be a single integral \\int L\\, dt");
            return (integral.Args[0], t, true);
        }
        return (value, value.FreeSymbols().FirstOrDefault(s => s.Name == time.Name) ?? time, false);
    }

    /// <summary>The coordinates of a mechanical Lagrangian: the unknown functions applied to <paramref name="t"/> alone, by name.</summary>
    public static IReadOnlyList<Function> CoordinatesOf(Expr lagrangian, Symbol t)
    {
        var found = new SortedDictionary<string, Function>(StringComparer.Ordinal);
        void Walk(Expr x)
        {
            if (x is Call { Function.IsUser: true } c && c.Args.Length == 1 && c.Args[0].Equals(t)) found.TryAdd(c.Function.Name, c.Function);
            foreach (var k in x.Children) Walk(k);
        }
        Walk(lagrangian);
        return found.Values.ToList();
    }

    /// <summary>
    /// The action of a Lagrangian: a field action when it holds unknown functions of variables other than
    /// <paramref name="t"/> alone (u(x, y)) and no coordinates are listed, over the first such function's variables;
    /// else a mechanical one in <paramref name="coordinates"/> or in the functions of time it holds — with no
    /// coordinates at all when it holds none (<see cref="Fields"/> empty: nothing to vary).
    /// </summary>
    /// <example><code>
    /// // ½(u_x² + u_y²) with u(x, y): a field action over x, y
    /// Action.FromLagrangian(density, t).IndependentVariables;   // [x, y]
    /// </code></example>
    public static Action FromLagrangian(Expr lagrangian, Symbol t, IReadOnlyList<Function>? coordinates = null)
    {
        var fields = new SortedDictionary<string, Call>(StringComparer.Ordinal);
        void Walk(Expr x)
        {
            if (x is Call { Function.IsUser: true } c && c.Args.Length > 0 && c.Args.All(a => a is Symbol)
                && !(c.Args.Length == 1 && c.Args[0].Equals(t)))
                fields.TryAdd(c.Function.Name, c);
            foreach (var k in x.Children) Walk(k);
        }
        Walk(lagrangian);
        if (fields.Count > 0 && coordinates is null)
        {
            var first = fields.Values.First();
            return Field(lagrangian, first.Args.Cast<Symbol>(), fields.Values.Select(c => c.Function).ToArray());
        }
        return Mechanical(lagrangian, t, coordinates ?? CoordinatesOf(lagrangian, t));
    }

    /// <summary>True for a density over variables that are not just the time (fields u(x, y) or u(t, x)), or an action with nothing to vary.</summary>
    public bool IsFieldAction => !IsMechanical || Fields.Length == 0;
}
