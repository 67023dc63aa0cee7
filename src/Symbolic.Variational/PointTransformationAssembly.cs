using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>Point transformations assembled from the equations a person writes (x = r cos θ, y = r sin θ).</summary>
public sealed partial class PointTransformation
{
    /// <summary>
    /// A change of coordinates of a mechanical action from equations old = expression: the new coordinates are
    /// <paramref name="newCoordinates"/>, or the letters of the right sides in order (not the time, a constant, or a
    /// name in <paramref name="constants"/>); each becomes a function of the action's time, with the assumptions
    /// <paramref name="assumptions"/> gives its name (default real). The letters in <paramref name="constants"/> are declared constant.
    /// </summary>
    /// <example><code>
    /// // x = r cos θ, y = r sin θ on ∫ ½(ẋ² + ẏ²) dt: r(t), θ(t)
    /// PointTransformation.FromEquations(action, [(x, r * Expr.Cos(theta)), (y, r * Expr.Sin(theta))]);
    /// </code></example>
    public static PointTransformation FromEquations(Action action, IReadOnlyList<(Function Old, Expr Expression)> equations,
        IReadOnlyList<string>? newCoordinates = null, IReadOnlyCollection<string>? constants = null, Func<string, Assumptions>? assumptions = null)
    {
        var t = action.Time;
        constants ??= [];
        var newNames = newCoordinates?.ToList() ?? [];
        if (newCoordinates is null)
            foreach (var (_, expression) in equations)
                foreach (var s in expression.FreeSymbols())
                    if (s.Name != t.Name && !s.IsConstant && !newNames.Contains(s.Name) && !constants.Contains(s.Name)) newNames.Add(s.Name);
        var functions = newNames.Select(n => Function.User(n, assumptions?.Invoke(n) ?? Assumptions.Real)).ToList();
        // The new coordinates are functions of time: r becomes r(t) on the right sides.
        var toCalls = new Dictionary<Expr, Expr>();
        foreach (var (n, f) in newNames.Zip(functions, (n, f) => (n, f)))
            foreach (var s in equations.SelectMany(p => p.Expression.FreeSymbols()).Where(s => s.Name == n).Distinct())
                toCalls[s] = Call.Of(f, t);
        var map = equations.Select(p => (p.Old, Substitution.Apply(p.Expression, toCalls))).ToArray();
        var declared = equations.SelectMany(p => p.Expression.FreeSymbols()).Where(s => constants.Contains(s.Name)).Distinct().ToArray();
        // Whether every letter is a new coordinate or a constant is decided when applied (a stray letter is refused).
        return OfCoordinates(functions, map).WithConstants(declared);
    }

    /// <summary>
    /// A change of independent variables of a field action from equations old = expression: the new variables are the
    /// letters of the right sides that are not constants, in the order they are written (<paramref name="appearances"/>,
    /// the reader's first appearances; null: as found), equation by equation — the order fixes the Jacobian's sign.
    /// </summary>
    public static PointTransformation FromVariableEquations(IReadOnlyList<(Symbol Old, Expr Expression)> equations, IReadOnlyList<Expr>? appearances = null)
    {
        var written = appearances?.OfType<Symbol>().Select(s => s.Name).ToList();
        int Position(Symbol s) => written is null ? 0 : written.IndexOf(s.Name) is var i and >= 0 ? i : int.MaxValue;
        var news = new List<Symbol>();
        foreach (var (_, expression) in equations)
            foreach (var s in expression.FreeSymbols().Where(s => !s.IsConstant).OrderBy(Position))
                if (!news.Any(n => n.Name == s.Name)) news.Add(s);
        return OfVariables(news, equations.ToArray());
    }
}
