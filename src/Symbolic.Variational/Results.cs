using System.Collections.Immutable;
using Symbolic.Core;

namespace Symbolic.Variational;

/// <summary>
/// A conservation law Σ_μ ∂_μ J^μ = 0; for mechanics d/dt(Q) = 0 with Q the one component (the momentum
/// of a cyclic coordinate, r²θ̇ for the Kepler problem). The derivative is kept unevaluated: that is the form
/// an article writes, and <see cref="Evaluated"/> gives the expanded equation.
/// </summary>
/// <example><code>law.ToString();   // d/dt(r(t)^2*diff(theta(t), t)) = 0</code></example>
public sealed class ConservationLaw
{
    /// <summary>The independent variables μ, one per current component.</summary>
    public ImmutableArray<Symbol> Variables { get; }
    /// <summary>The components J^μ.</summary>
    public ImmutableArray<Expr> Current { get; }

    /// <summary>The conserved quantity Q of d/dt(Q) = 0 (the first component of the current).</summary>
    public Expr Quantity => Current[0];

    internal ConservationLaw(IEnumerable<Symbol> variables, IEnumerable<Expr> current)
    {
        Variables = variables.ToImmutableArray();
        Current = current.ToImmutableArray();
    }

    /// <summary>The law with every derivative carried out: Σ_μ D_μ J^μ = 0.</summary>
    public Relation Evaluated => Relation.Equation(Sum.Of(Variables.Select((v, i) => Calculus.TotalDerivative(Current[i], v))), Expr.Zero);

    /// <summary>
    /// The law as written, Σ_μ d/dμ(J^μ) = 0 with each total derivative held (<see cref="Function.TotalDerivative"/>),
    /// over the variables whose component is nonzero; 0 = 0 when every component is zero.
    /// </summary>
    public Relation Held => Relation.Equation(
        Sum.Of(Variables.Select((v, i) => Current[i].IsZero ? Expr.Zero : Call.Of(Function.TotalDerivative, Current[i], v))), Expr.Zero);

    /// <summary><c>d/dt(Q) = 0</c>, or <c>d/dx(Jx) + d/dy(Jy) = 0</c>.</summary>
    public override string ToString()
    {
        var parts = Variables.Select((v, i) => (v, c: Current[i])).Where(p => !p.c.IsZero)
            .Select(p => $"{(Variables.Length == 1 ? "d" : "∂")}/{(Variables.Length == 1 ? "d" : "∂")}{p.v.Name}({p.c})");
        var lhs = string.Join(" + ", parts);
        return (lhs.Length == 0 ? "0" : lhs) + " = 0";
    }
}

/// <summary>How an Euler–Lagrange equation is best shown.</summary>
public enum EquationForm
{
    /// <summary>Solved for the highest derivative: r̈ = r θ̇² − μ/r².</summary>
    Solved,
    /// <summary>
    /// A conservation law: d/dt(r² θ̇) = 0 for a cyclic coordinate of a mechanical action; for a field whose
    /// highest derivative cannot be isolated, the divergence Σ_μ ∂_μ J^μ = 0 over all independent variables.
    /// </summary>
    Conservation,
    /// <summary>Only the plain form E = 0 (the highest derivative enters nonlinearly, or there is none).</summary>
    Plain,
    /// <summary>The equation vanishes identically (0 = 0).</summary>
    Identity,
}

/// <summary>The Euler–Lagrange equation of one coordinate or field.</summary>
public sealed class FieldEquation
{
    /// <summary>The coordinate q (or field u) whose variation gives this equation.</summary>
    public Function Coordinate { get; }
    /// <summary>
    /// The Euler–Lagrange expression E = ∂(Lw)/∂q − d/dt ∂(Lw)/∂q̇ + … (simplified); the equation is E = 0.
    /// </summary>
    public Expr Expression { get; }
    /// <summary>E divided by the measure weight w (the "per unit volume" form, Δu − F for a Poisson action); E when w = 1.</summary>
    public Expr Reduced { get; }
    /// <summary>E = 0.</summary>
    public Relation Plain => Relation.Equation(Expression, Expr.Zero);
    /// <summary>The highest derivative that <see cref="Solved"/> isolates, when the equation is linear in it.</summary>
    public Expr? HighestDerivative { get; }
    /// <summary>highest derivative = right side (r̈ = r θ̇² − μ/r²), or null when it cannot be isolated linearly.</summary>
    public Relation? Solved { get; }
    /// <summary>d/dt(∂L/∂q̇) = 0 when q is cyclic (∂L/∂q = 0); Σ ∂_μ(∂L/∂u_μ) = 0 for a field.</summary>
    public ConservationLaw? Conservation { get; }

    /// <summary>True for a field u(x, y, …) of a density over several independent variables.</summary>
    public bool IsField { get; }

    /// <summary>
    /// The self-check: <see cref="Expression"/> equals Σ_J (−D)_J ∂(Lw)/∂u_J recomputed term by term without
    /// simplification, the <see cref="Solved"/> form substituted back into it vanishes, and the divergence of the
    /// <see cref="Conservation"/> law is −E — each proved by the kernel's exact zero test. False means "not proved",
    /// never "wrong": a result that fails is still returned, marked.
    /// </summary>
    public bool Verified { get; private init; }

    internal FieldEquation WithVerified(bool verified) =>
        new(Coordinate, Expression, Reduced, HighestDerivative, Solved, Conservation, IsField) { Verified = verified };

    internal FieldEquation(Function coordinate, Expr expression, Expr reduced, Expr? highest, Relation? solved, ConservationLaw? conservation, bool isField = false)
    {
        Coordinate = coordinate; Expression = expression; Reduced = reduced;
        HighestDerivative = highest; Solved = solved; Conservation = conservation; IsField = isField;
    }

    internal FieldEquation WithSolution(Expr highest, Relation solved) => new(Coordinate, Expression, Reduced, highest, solved, Conservation, IsField);

    /// <summary>True when the equation is 0 = 0.</summary>
    public bool IsIdentity => Expression.IsZero;

    /// <summary>
    /// The form an article shows. Mechanics: a conservation law for a cyclic coordinate, else solved, else plain.
    /// A field: solved for a highest derivative (u_xx = −u_yy), else the divergence form, else plain — "a cyclic
    /// coordinate is conserved" is a statement about one independent variable and never stands for a field equation.
    /// </summary>
    public EquationForm Form =>
        IsIdentity ? EquationForm.Identity :
        IsField && Solved is not null ? EquationForm.Solved :
        Conservation is not null ? EquationForm.Conservation :
        Solved is not null ? EquationForm.Solved : EquationForm.Plain;

    /// <summary>The presented form as text (see <see cref="Form"/>).</summary>
    public override string ToString() => Form switch
    {
        EquationForm.Identity => "0 = 0",
        EquationForm.Conservation => Conservation!.ToString(),
        EquationForm.Solved => Solved!.ToString(),
        _ => Plain.ToString(),
    };
}

/// <summary>The Euler–Lagrange equations of an action, with the derivation that produced them.</summary>
public sealed class EulerLagrangeResult
{
    /// <summary>The varied action.</summary>
    public Action Action { get; }
    /// <summary>One equation per coordinate, in the action's order.</summary>
    public ImmutableArray<FieldEquation> Equations { get; }
    /// <summary>Remarks for a person: identically vanishing equations, algebraic constraints, absent coordinates.</summary>
    public ImmutableArray<string> Notes { get; }
    /// <summary>The steps: the action, each partial derivative, each total derivative, the equations.</summary>
    public Derivation Derivation { get; }

    internal EulerLagrangeResult(Action action, IEnumerable<FieldEquation> equations, IEnumerable<string> notes, Derivation derivation)
    {
        Action = action; Equations = equations.ToImmutableArray(); Notes = notes.ToImmutableArray(); Derivation = derivation;
    }

    /// <summary>The equation of the coordinate named <paramref name="name"/>.</summary>
    public FieldEquation this[string name] =>
        Equations.FirstOrDefault(e => e.Coordinate.Name == name) ?? throw new KeyNotFoundException($"no coordinate {name}");

    /// <summary>The equations in their presented forms, one a line, then the notes.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine, Equations.Select(e => e.ToString()).Concat(Notes.Select(n => "note: " + n)));
}
