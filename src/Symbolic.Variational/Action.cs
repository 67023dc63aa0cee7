using System.Collections.Immutable;
using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>
/// An action S = ∫ L w dt (mechanics: coordinates qᵢ(t)) or S = ∫ L w dx dy … (a density over several
/// independent variables with fields u(x, y, …)). The weight w is the measure of the integral (1 in
/// Cartesian coordinates, r after x = r cos θ, y = r sin θ); the Euler–Lagrange operator acts on L·w.
/// </summary>
/// <example><code>
/// var t = Expr.Symbol("t", Assumptions.Real);
/// var x = Function.User("x");
/// var xdot = Derivative.Of(Call.Of(x, t), new[] { (t, 1) });
/// var S = Action.Mechanical(Expr.Half * xdot.Pow(2) - Call.Of(x, t).Pow(2) / 2, t, x);
/// </code></example>
public sealed partial class Action
{
    /// <summary>The Lagrangian (density) L, without the measure.</summary>
    public Expr Lagrangian { get; }
    /// <summary>The weight w of the measure (1 unless a change of variables brought a Jacobian).</summary>
    public Expr Measure { get; }
    /// <summary>The independent variables: (t) for mechanics, (x, y, …) for a field theory.</summary>
    public ImmutableArray<Symbol> IndependentVariables { get; }
    /// <summary>The coordinates qᵢ or fields u, as unknown-function heads.</summary>
    public ImmutableArray<Function> Fields { get; }

    private Action(Expr lagrangian, Expr measure, ImmutableArray<Symbol> vars, ImmutableArray<Function> fields)
    {
        if (vars.IsDefaultOrEmpty) throw new SymbolicException("an action needs at least one independent variable");
        if (vars.Distinct().Count() != vars.Length) throw new SymbolicException("the independent variables must be distinct");
        if (fields.Select(f => f.Name).Distinct().Count() != fields.Length) throw new SymbolicException("the coordinates must be distinct");
        foreach (var f in fields)
            if (!f.IsUser) throw new SymbolicException($"{f.Name} is a built-in function, not a coordinate");
        Lagrangian = lagrangian;
        Measure = measure;
        IndependentVariables = vars;
        Fields = fields;
        CheckArguments(lagrangian);
        CheckArguments(measure);
    }

    /// <summary>∫ L dt with coordinates q₁(t), …, qₙ(t).</summary>
    public static Action Mechanical(Expr lagrangian, Symbol t, params Function[] coordinates) =>
        new(lagrangian, Expr.One, ImmutableArray.Create(t), coordinates.ToImmutableArray());

    /// <summary>∫ L dt with coordinates q₁(t), …, qₙ(t).</summary>
    public static Action Mechanical(Expr lagrangian, Symbol t, IEnumerable<Function> coordinates) =>
        new(lagrangian, Expr.One, ImmutableArray.Create(t), coordinates.ToImmutableArray());

    /// <summary>∫ L dx dy … with fields u(x, y, …).</summary>
    public static Action Field(Expr density, IEnumerable<Symbol> independentVariables, params Function[] fields) =>
        new(density, Expr.One, independentVariables.ToImmutableArray(), fields.ToImmutableArray());

    /// <summary>The same action with the measure weight <paramref name="measure"/> (∫ L w dx …).</summary>
    public Action WithMeasure(Expr measure) => new(Lagrangian, measure, IndependentVariables, Fields);

    /// <summary>The same action with another Lagrangian.</summary>
    public Action WithLagrangian(Expr lagrangian) => new(lagrangian, Measure, IndependentVariables, Fields);

    internal Action With(Expr lagrangian, Expr measure, IEnumerable<Symbol> vars, IEnumerable<Function> fields) =>
        new(lagrangian, measure, vars.ToImmutableArray(), fields.ToImmutableArray());

    /// <summary>True for ∫ L dt (one independent variable).</summary>
    public bool IsMechanical => IndependentVariables.Length == 1;

    /// <summary>The time t of a mechanical action (the first independent variable).</summary>
    public Symbol Time => IndependentVariables[0];

    /// <summary>L·w, what the Euler–Lagrange operator differentiates.</summary>
    public Expr Integrand => Measure.IsOne ? Lagrangian : Lagrangian * Measure;

    /// <summary>The application q(t) or u(x, y, …) of a coordinate.</summary>
    public Call Of(Function field) => (Call)Call.Of(field, IndependentVariables.Cast<Expr>().ToArray());

    /// <summary>The derivative ∂ⁿq/∂t^n, or ∂u/∂x… of a field.</summary>
    public Expr Derivative(Function field, params (Symbol Variable, int Order)[] orders) => Core.Derivative.Of(Of(field), orders);

    /// <summary>True when L depends on the independent variable <paramref name="v"/> explicitly (not through the fields).</summary>
    public bool DependsExplicitlyOn(Symbol v) => Jet.Explicit(Integrand, this).Contains(v);

    private void CheckArguments(Expr e)
    {
        foreach (var f in Fields)
        {
            var bad = Jet.Applications(e, f).FirstOrDefault(c => !c.Args.SequenceEqual(IndependentVariables.Cast<Expr>()));
            if (bad is not null)
                throw new SymbolicException(
                    $"{bad} is not {f.Name}({string.Join(", ", IndependentVariables.Select(v => v.Name))}): every coordinate must be applied to the independent variables");
        }
    }

    /// <summary><c>S = ∫ [L]·w dt</c> in the text form.</summary>
    public override string ToString()
    {
        var d = string.Join(" ", IndependentVariables.Select(v => "d" + v.Name));
        return Measure.IsOne ? $"S = ∫ [{Lagrangian}] {d}" : $"S = ∫ [{Lagrangian}] * {Measure} {d}";
    }
}
