using System.Collections.Immutable;
using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>
/// A point transformation applied to an action. For mechanics the old coordinates are given as functions of
/// the new ones (x(t) = r(t) cos θ(t)), and velocities follow by the chain rule. For a field theory the old
/// independent variables are given in terms of the new ones (x = r cos θ); the measure picks up the Jacobian
/// |∂(x, y)/∂(r, θ)| and the first derivatives of the fields transform with the inverse metric.
/// </summary>
/// <example><code>
/// var polar = PointTransformation.OfCoordinates(new[] { r, theta },
///     (x, Call.Of(r, t) * Expr.Cos(Call.Of(theta, t))), (y, Call.Of(r, t) * Expr.Sin(Call.Of(theta, t))));
/// var transformed = polar.ApplyTo(cartesianAction);   // ∫ [½(ṙ² + r²θ̇²) + μ/r] dt
/// </code></example>
public sealed partial class PointTransformation
{
    private readonly ImmutableArray<(Function Old, Expr Expression)> _coordinates;
    private readonly ImmutableArray<(Symbol Old, Expr Expression)> _variables;

    /// <summary>The new coordinates (mechanics) — empty for a change of independent variables.</summary>
    public ImmutableArray<Function> NewCoordinates { get; }
    /// <summary>The new independent variables (fields) — empty for a change of coordinates.</summary>
    public ImmutableArray<Symbol> NewVariables { get; }
    /// <summary>Sign facts used when simplifying √ and |·| (sin θ &gt; 0 for 0 &lt; θ &lt; π).</summary>
    public SignFacts Facts { get; }
    /// <summary>
    /// Letters of the right sides declared constant (a pendulum's length ℓ in x = ℓ sin θ). The parameters of the
    /// Lagrangian itself, e and π are constants without being listed.
    /// </summary>
    public ImmutableArray<Symbol> Constants { get; }

    private PointTransformation(ImmutableArray<(Function, Expr)> coordinates, ImmutableArray<Function> newCoordinates,
        ImmutableArray<(Symbol, Expr)> variables, ImmutableArray<Symbol> newVariables, SignFacts facts, ImmutableArray<Symbol> constants = default)
    {
        _coordinates = coordinates; NewCoordinates = newCoordinates;
        _variables = variables; NewVariables = newVariables; Facts = facts;
        Constants = constants.IsDefault ? ImmutableArray<Symbol>.Empty : constants;
    }

    /// <summary>Old coordinates as expressions in the new ones: (x, r(t) cos θ(t)), (y, r(t) sin θ(t)).</summary>
    public static PointTransformation OfCoordinates(IEnumerable<Function> newCoordinates, params (Function Old, Expr Expression)[] map) =>
        new(map.ToImmutableArray(), newCoordinates.ToImmutableArray(), ImmutableArray<(Symbol, Expr)>.Empty, ImmutableArray<Symbol>.Empty, SignFacts.None);

    /// <summary>Old independent variables as expressions in the new ones: (x, r cos θ), (y, r sin θ).</summary>
    public static PointTransformation OfVariables(IEnumerable<Symbol> newVariables, params (Symbol Old, Expr Expression)[] map) =>
        new(ImmutableArray<(Function, Expr)>.Empty, ImmutableArray<Function>.Empty, map.ToImmutableArray(), newVariables.ToImmutableArray(), SignFacts.None);

    /// <summary>The same transformation knowing that <paramref name="positive"/> are &gt; 0 (e.g. sin θ).</summary>
    public PointTransformation Assuming(params Expr[] positive) =>
        new(_coordinates, NewCoordinates, _variables, NewVariables, Facts.WithPositive(positive), Constants);

    /// <summary>The same transformation with <paramref name="constants"/> declared constant (ℓ in x = ℓ sin θ).</summary>
    public PointTransformation WithConstants(params Symbol[] constants) =>
        new(_coordinates, NewCoordinates, _variables, NewVariables, Facts, Constants.AddRange(constants));

    /// <summary>Applies the transformation to <paramref name="action"/>.</summary>
    public TransformedAction ApplyTo(Action action, Budget? budget = null) =>
        _coordinates.IsEmpty ? ApplyToVariables(action, budget) : ApplyToCoordinates(action, budget);

    private TransformedAction ApplyToCoordinates(Action action, Budget? budget)
    {
        if (!action.IsMechanical) throw new SymbolicException("a change of coordinates qᵢ(t) needs a mechanical action ∫ L dt");
        var t = action.Time;
        CheckLetters(action);
        var d = new Derivation();
        d.Record("action", null, action.Integrand, action.ToString());
        var L = action.Lagrangian;
        var w = action.Measure;
        foreach (var (old, expression) in _coordinates)
        {
            if (!action.Fields.Contains(old)) throw new SymbolicException($"{old.Name} is not a coordinate of the action");
            d.Record("substitute", null, Relation.Equation(action.Of(old), expression), $"new coordinates for {old.Name}");
            var velocity = Tidy.Up(Calculus.TotalDerivative(expression, t), Facts, budget);
            d.Record("chain-rule", null, Relation.Equation(action.Derivative(old, (t, 1)), velocity), $"velocity of {old.Name} by the chain rule");
            L = Substitution.ApplyFunction(L, old, new[] { t }, expression);
            w = Substitution.ApplyFunction(w, old, new[] { t }, expression);
        }
        d.Record("substitute", action.Lagrangian, L, "the Lagrangian in the new coordinates");
        var simplified = Tidy.Up(L, Facts, budget);
        d.Record("simplify", L, simplified, "simplified with the coordinates' assumptions");

        var olds = _coordinates.Select(c => c.Old).ToHashSet();
        var fields = new List<Function>();
        bool inserted = false;
        foreach (var f in action.Fields)
        {
            // The new coordinates take the place of the first old one; the untouched ones keep theirs.
            if (!olds.Contains(f)) fields.Add(f);
            else if (!inserted) { fields.AddRange(NewCoordinates); inserted = true; }
        }
        var result = action.With(simplified, Tidy.Up(w, Facts, budget), action.IndependentVariables, fields.Distinct());
        d.Record("action", null, result.Integrand, result.ToString());
        return new TransformedAction(result, d, null, ImmutableArray<ImmutableArray<Expr>>.Empty);
    }

    // A letter on a right side that is neither a new coordinate q(t), the time, nor a constant would be read as a
    // constant silently (x = r cos θ with only r new: motion along one ray); a new coordinate that appears on no
    // right side drops out of the action (0 = 0). Both are refused, naming the letters.
    private void CheckLetters(Action action)
    {
        var t = action.Time;
        var known = new HashSet<string>(action.Integrand.FreeSymbols().Select(s => s.Name)) { t.Name };
        foreach (var c in Constants) known.Add(c.Name);
        var stray = _coordinates.SelectMany(c => c.Expression.FreeSymbols())
            .Where(s => !s.IsConstant && !known.Contains(s.Name)).Select(s => s.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        var newNames = string.Join(", ", NewCoordinates.Select(f => f.Name));
        if (stray.Count > 0)
            throw new SymbolicException(
                $"the transformation uses {string.Join(", ", stray)}, {(stray.Count == 1 ? "which is" : "which are")} neither a new coordinate"
                + (NewCoordinates.IsEmpty ? "" : $" ({newNames})") + " nor a constant of the Lagrangian: list "
                + (stray.Count == 1 ? "it" : "them") + " among the new coordinates, or declare " + (stray.Count == 1 ? "it" : "them") + " constant");
        var unused = NewCoordinates.Where(f => !_coordinates.Any(c => Jet.Applications(c.Expression, f).Any())).Select(f => f.Name).ToList();
        if (unused.Count > 0)
            throw new SymbolicException(
                $"the new coordinate{(unused.Count == 1 ? "" : "s")} {string.Join(", ", unused)} {(unused.Count == 1 ? "appears" : "appear")} on no right side of the transformation");
    }

    private TransformedAction ApplyToVariables(Action action, Budget? budget)
    {
        var X = action.IndependentVariables;
        var map = _variables.ToDictionary(v => v.Old, v => v.Expression);
        if (X.Length != NewVariables.Length || X.Any(x => !map.ContainsKey(x)))
            throw new SymbolicException($"the change of variables must give each of {string.Join(", ", X.Select(x => x.Name))} in terms of {NewVariables.Length} new variables");
        int n = X.Length;
        var d = new Derivation();
        d.Record("action", null, action.Integrand, action.ToString());
        foreach (var x in X) d.Record("substitute", null, Relation.Equation(x, map[x]), $"new variables for {x.Name}");

        // J[k, i] = ∂x_k/∂ξ_i
        var J = new Expr[n, n];
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
                J[k, i] = Tidy.Up(Calculus.Diff(map[X[k]], NewVariables[i]), Facts, budget);

        var det = Tidy.Up(Algebra.Determinant(J, n), Facts, budget);
        var absDet = Facts.IsPositive(det) ? det : Facts.IsPositive(Tidy.Up(-det, Facts, budget)) ? Tidy.Up(-det, Facts, budget) : Expr.Abs(det);
        var oldMeasure = string.Join(" ", X.Select(x => "d" + x.Name));
        var newMeasure = string.Join(" ", NewVariables.Select(x => "d" + x.Name));
        d.Record("jacobian", null, Relation.Equation(Expr.Symbol("det J"), det), $"{oldMeasure} = {absDet} {newMeasure}");

        // g_ij = Σ_k J_ki J_kj: the line element ds² = Σ g_ij dξ_i dξ_j.
        var g = new Expr[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                budget?.ThrowIfCancelled();
                g[i, j] = g[j, i] = Tidy.Up(Sum.Of(Enumerable.Range(0, n).Select(k => J[k, i] * J[k, j])), Facts, budget);
            }
        var ds2 = Sum.Of(from i in Enumerable.Range(0, n) from j in Enumerable.Range(0, n)
                         select g[i, j] * Call.Of(Function.D, NewVariables[i]) * Call.Of(Function.D, NewVariables[j]));
        d.Record("line-element", null, Relation.Equation(Call.Of(Function.D, Expr.Symbol("s")).Pow(2), ds2), "ds² = Σ g_ij dξ^i dξ^j");

        var ginv = Inverse(g, n, budget);
        // ∂ξ_j/∂x_k = Σ_i g^{ji} ∂x_k/∂ξ_i
        var dxi = new Expr[n, n];
        for (int j = 0; j < n; j++)
            for (int k = 0; k < n; k++)
                dxi[j, k] = Tidy.Up(Sum.Of(Enumerable.Range(0, n).Select(i => ginv[j, i] * J[k, i])), Facts, budget);

        var newArgs = NewVariables.Cast<Expr>().ToArray();
        Expr Rewrite(Expr e) => e.RewriteTopDown(node =>
        {
            switch (node)
            {
                case Derivative der when action.Fields.Contains(der.Function.Function):
                {
                    if (der.TotalOrder != 1)
                        throw new SymbolicException($"{der}: only first derivatives of the fields are transformed (the density of a first-order action)");
                    int k = X.IndexOf(der.Variables[0].Variable);
                    var u = Call.Of(der.Function.Function, newArgs);
                    return Sum.Of(Enumerable.Range(0, n).Select(j => Derivative.Of(u, new[] { (NewVariables[j], 1) }) * dxi[j, k]));
                }
                case Call c when action.Fields.Contains(c.Function): return Call.Of(c.Function, newArgs);
                case Symbol s when map.TryGetValue(s, out var expression): return expression;
                default: return null;
            }
        });
        foreach (var f in action.Fields)
            for (int k = 0; k < n; k++)
            {
                var u = Call.Of(f, newArgs);
                var chain = Sum.Of(Enumerable.Range(0, n).Select(j => Derivative.Of(u, new[] { (NewVariables[j], 1) }) * dxi[j, k]));
                d.Record("chain-rule", null, Relation.Equation(action.Derivative(f, (X[k], 1)), chain), $"∂{f.Name}/∂{X[k].Name} by the chain rule");
            }

        var L = Rewrite(action.Lagrangian);
        d.Record("substitute", action.Lagrangian, L, "the density in the new variables");
        var simplified = Tidy.Up(L, Facts, budget);
        d.Record("simplify", L, simplified, "simplified with the variables' assumptions");
        var measure = Tidy.Up(Rewrite(action.Measure) * absDet, Facts, budget);
        d.Record("measure", action.Measure, measure, $"{oldMeasure} = {measure} {newMeasure}");
        var result = action.With(simplified, measure, NewVariables, action.Fields);
        d.Record("action", null, result.Integrand, result.ToString());
        var metric = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => g[i, j]).ToImmutableArray()).ToImmutableArray();
        return new TransformedAction(result, d, det, metric);
    }

    private Expr[,] Inverse(Expr[,] g, int n, Budget? budget)
    {
        var inv = new Expr[n, n];
        bool diagonal = true;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j && !g[i, j].IsZero) diagonal = false;
        if (diagonal)
        {
            // Orthogonal coordinates (the article's case): g^{ii} = 1/g_ii.
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) inv[i, j] = i == j ? Tidy.Up(Expr.One / g[i, i], Facts, budget) : Expr.Zero;
            return inv;
        }
        var unknowns = Enumerable.Range(0, n).Select(i => (Expr)Expr.Symbol($"\u2022a{i}")).ToList();
        for (int col = 0; col < n; col++)
        {
            var eqs = Enumerable.Range(0, n).Select(i => Sum.Of(Enumerable.Range(0, n).Select(j => g[i, j] * unknowns[j])) - (i == col ? Expr.One : Expr.Zero)).ToList();
            var sol = LinearSolver.Solve(eqs, unknowns, budget);
            for (int i = 0; i < n; i++) inv[i, col] = Tidy.Up(sol[unknowns[i]], Facts, budget);
        }
        return inv;
    }
}

/// <summary>An action after a point transformation, with the steps that produced it.</summary>
public sealed class TransformedAction
{
    /// <summary>The transformed action (new coordinates or variables, and the new measure).</summary>
    public Action Action { get; }
    /// <summary>The steps: the substitution, the chain rule, the Jacobian and line element, the simplification.</summary>
    public Derivation Derivation { get; }
    /// <summary>det ∂(x, y, …)/∂(ξ, η, …) for a change of independent variables; null for a change of coordinates.</summary>
    public Expr? Jacobian { get; }
    /// <summary>The metric g_ij of the line element ds² = g_ij dξ^i dξ^j (empty for a change of coordinates).</summary>
    public ImmutableArray<ImmutableArray<Expr>> Metric { get; }

    internal TransformedAction(Action action, Derivation derivation, Expr? jacobian, ImmutableArray<ImmutableArray<Expr>> metric)
    {
        Action = action; Derivation = derivation; Jacobian = jacobian; Metric = metric;
    }

    /// <inheritdoc/>
    public override string ToString() => Action.ToString();
}
