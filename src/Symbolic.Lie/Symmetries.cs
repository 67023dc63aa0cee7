using Symbolic.Core;
using Symbolic.Core.Numbers;
using Symbolic.Core.Ode;
using Symbolic.Core.Polynomials;

namespace Symbolic.Lie;

/// <summary>Options of <see cref="Symmetries.Find"/>.</summary>
public sealed class SymmetryOptions
{
    /// <summary>The integrator asked for ∫ f dv (the seam to the kernel's integrator).</summary>
    public IAntiderivative Integrator { get; init; } = KernelAntiderivative.Instance;
    /// <summary>Size limit and cancellation.</summary>
    public Budget? Budget { get; init; }
    /// <summary>
    /// When the determining system is not solved completely (first-order ODEs always: their symmetries are an infinite
    /// family), also look for particular symmetries whose coefficients are polynomials of at most this degree; 0 turns it off.
    /// </summary>
    public int AnsatzDegree { get; init; } = 2;
}

/// <summary>An infinite-dimensional part of the symmetry algebra: a generator with arbitrary functions and the PDE they satisfy.</summary>
/// <param name="Generator">The generator, with the arbitrary functions as applications F1(x, t), ….</param>
/// <param name="Functions">The arbitrary functions.</param>
/// <param name="Constraint">The equations the functions satisfy (empty: arbitrary).</param>
public sealed record SymmetryFamily(Generator Generator, IReadOnlyList<Expr> Functions, IReadOnlyList<Expr> Constraint);

/// <summary>The point symmetries of a differential equation or system.</summary>
public sealed class SymmetryResult
{
    /// <summary>The equations.</summary>
    public required DifferentialEquations Equations { get; init; }
    /// <summary>The determining equations, split by the free jet coordinates (before elimination).</summary>
    public required IReadOnlyList<Expr> DeterminingEquations { get; init; }
    /// <summary>The reduced standard form of the determining system (before integration).</summary>
    public required IReadOnlyList<Expr> StandardForm { get; init; }
    /// <summary>A basis of the finite-dimensional part.</summary>
    public required IReadOnlyList<Generator> Basis { get; init; }
    /// <summary>The infinite-dimensional parts.</summary>
    public required IReadOnlyList<SymmetryFamily> Families { get; init; }
    /// <summary>
    /// The dimension proved by the standard form (its number of parametric derivatives), or null when the algebra
    /// is infinite-dimensional.
    /// </summary>
    public int? Dimension { get; init; }
    /// <summary>True when the determining system was solved completely: Basis and Families are all the point symmetries.</summary>
    public bool Complete { get; init; }
    /// <summary>When not complete: the equations left unsolved, in the unknowns still present.</summary>
    public required IReadOnlyList<Expr> Remaining { get; init; }
    /// <summary>When not complete: particular symmetries found by a polynomial ansatz (not a complete list).</summary>
    public required IReadOnlyList<Generator> Particular { get; init; }
    /// <summary>Assumptions made (parameters taken nonzero) and other remarks.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>The expressions in the parameters taken nonzero: the result holds where none of them vanishes.</summary>
    public IReadOnlyList<Expr> AssumedNonzero { get; init; } = [];
}

/// <summary>One case of a case split on the parameters: the values taken (none: the generic case) and its symmetries.</summary>
/// <param name="Values">The parameter values of this case (p = v); empty for the generic case.</param>
/// <param name="Generic">For the generic case: the expressions taken nonzero.</param>
/// <param name="Result">The symmetries in this case.</param>
public sealed record SymmetryCase(IReadOnlyList<Relation> Values, IReadOnlyList<Expr> Generic, SymmetryResult Result);

/// <summary>
/// Point symmetries: the determining equations pr X(Δ) = 0 on Δ = 0 split by the free jet coordinates, reduced to a
/// standard form by differential elimination (which proves the dimension), then integrated (∂^k f/∂v^k = R with R free
/// of v-dependent unknowns ⇒ f = ∫^k R + Σ v^j h_j, the rest split by powers of v) until nothing is left, or what is
/// left is reported.
/// </summary>
/// <example><code>
/// var jet = new JetSpace(new[] { x }, new[] { y });
/// var r = Symmetries.Find(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), 0)));
/// r.Basis.Count;   // 8: sl(3, R)
/// </code></example>
public static class Symmetries
{
    /// <summary>The point symmetries of the system.</summary>
    public static SymmetryResult Find(DifferentialEquations equations, SymmetryOptions? options = null)
    {
        options ??= new SymmetryOptions();
        var jet = equations.Jet;
        var baseVars = jet.Base;
        var (sys, unknowns, byCall, generic) = GenericGenerator(jet, options.Budget, v => SymbolName.Of(jet.Independent.Contains(v) ? "xi" : "phi", lower: v.Name).Spelling);

        // pr X(Δ) on the solutions, split by the free jet coordinates
        var pr = generic.Prolong(equations.Order, simplify: false);
        for (int k = 0; k < equations.Leading.Count; k++)
        {
            var delta = equations.Leading[k] - equations.Solved[k];
            var condition = equations.OnSolutions(pr.Apply(delta));
            sys.Equations.AddRange(SplitByJets(sys, jet, condition, byCall));
        }
        Expr Show(Unknown u) => u.VariableCount == 0
            ? Expr.Symbol(u.Name)
            : Call.Of(Function.User(u.Name), baseVars.Where((_, i) => u.DependsOn[i]).Cast<Expr>().ToArray());
        var determining = sys.Equations.Select(e => (Expr)Relation.Equation(sys.ToExpr(e, Show), 0)).ToList();

        // the components of X as linear combinations of the unknowns
        var components = unknowns.Select(u => { var e = new LinExpr(); e.Add(sys.Key(u), sys.Ctx.One, sys.Ctx); return e; }).ToList();

        sys.StandardForm();
        var standard = sys.Equations.Select(e => (Expr)Relation.Equation(sys.ToExpr(e, Show), 0)).ToList();
        int? dimension = sys.ParametricCount();
        var notes = new List<string>();

        bool ansatzUsed = false;
        for (int step = 0; step < 500; step++)
        {
            ReduceComponents(sys, components);
            if (!IntegrateOne(sys, components, options.Integrator) && !Separate(sys) && !ConstantCoefficientOdes.Solve(sys, components)
                && !FiniteTypeByPolynomials(sys, components, notes, ref ansatzUsed)) break;
            sys.Split();
            sys.StandardForm();
        }
        ReduceComponents(sys, components);
        notes.AddRange(sys.Assumed.Select(a => $"assumed {a}"));

        // the free constants give the basis; unknown functions left give families
        var leaders = sys.Equations.Select(e => e.Leader()).ToHashSet();
        var constants = sys.Unknowns.Where(u => u.VariableCount == 0 && !leaders.Contains(sys.Key(u))).OrderBy(u => u.Index).ToList();
        var functions = sys.Unknowns.Where(u => u.VariableCount > 0).ToList();
        var remaining = sys.Equations.Where(e => e.Leader().Unknown.VariableCount > 0).ToList();
        bool mixed = remaining.Any(e => e.Terms.Keys.Any(k => k.Unknown.VariableCount == 0));
        // functions left with a finite-dimensional solution space are ODEs the integrator could not solve, not a family
        bool complete = !mixed && (functions.Count == 0 || (remaining.All(e => e.Unknowns.All(functions.Contains)) && sys.ParametricCount() is null));

        // present arbitrary functions as F1(x, t), F2(…), … in the order met
        var names = new Dictionary<Unknown, Expr>();
        int fn = 1;
        foreach (var f in functions)
        {
            var vars = baseVars.Where((_, i) => f.DependsOn[i]).Cast<Expr>().ToArray();
            names[f] = Call.Of(Function.User(functions.Count == 1 ? "F" : $"F{fn++}"), vars);
        }

        var basis = new List<Generator>();
        foreach (var c in constants)
        {
            var comps = components.Select(e => Simplifier.Simplify(ValueAt(sys, e, k => k.Unknown == c && k.Total == 0 ? sys.Ctx.One : null))).ToArray();
            basis.Add(Build(jet, comps));
        }
        var families = new List<SymmetryFamily>();
        if (complete && functions.Count > 0)
        {
            var comps = components.Select(e => Simplifier.Simplify(sys.ToExpr(Restrict(e, k => k.Unknown.VariableCount > 0), u => names[u]))).ToArray();
            var constraint = remaining.Select(e => (Expr)SolvedRelation(sys, e, u => names[u])).ToList();
            families.Add(new SymmetryFamily(Build(jet, comps), names.Values.ToList(), constraint));
        }
        // the dimension proved by the standard form is a check on the integration: a mismatch is never a silent answer
        if (dimension is int d && d != basis.Count && complete && families.Count == 0)
        {
            notes.Add($"the standard form has {d} parametric derivatives but {basis.Count} generators were integrated: the basis is not trusted");
            complete = false;
        }
        var remainingExprs = complete ? new List<Expr>() : sys.Equations.Select(e => (Expr)Relation.Equation(sys.ToExpr(e, u => names.TryGetValue(u, out var n) ? n : Expr.Symbol(u.Name)), 0)).ToList();
        var particular = new List<Generator>();
        // an under-determined family (a first-order ODE: one equation for ξ and η) is not useful alone: look for particular ones
        if (options.AnsatzDegree > 0 && (!complete || families.Any(f => f.Functions.Count > 1)))
            particular.AddRange(PolynomialAnsatz(equations, options.AnsatzDegree, options.Budget));

        return new SymmetryResult
        {
            Equations = equations,
            DeterminingEquations = determining,
            StandardForm = standard,
            Basis = basis,
            Families = families,
            Dimension = dimension,
            Complete = complete,
            Remaining = remainingExprs,
            Particular = particular,
            Notes = notes,
            AssumedNonzero = sys.NonzeroAssumed.ToList(),
        };
    }

    /// <summary>
    /// The symmetries with a case split on the parameters: the generic case (every expression the solver divided by, or
    /// whose sign decided a root, nonzero), then each value of a parameter that makes one of them vanish, solved again
    /// with that value substituted (and split again, to <paramref name="depth"/> levels). A case whose equation loses
    /// its derivatives is left out with a note in <see cref="SymmetryCase.Result"/> of the generic case.
    /// </summary>
    /// <example><code>
    /// // y'' = a/y³: a ≠ 0 gives sl(2, R) (dimension 3), a = 0 the free particle's sl(3, R) (dimension 8)
    /// Symmetries.FindCases(DifferentialEquations.Of(jet, Relation.Equation(jet.Coordinate(0, 2), a / y.Pow(3))));
    /// </code></example>
    public static IReadOnlyList<SymmetryCase> FindCases(DifferentialEquations equations, SymmetryOptions? options = null, int depth = 2)
    {
        var cases = new List<SymmetryCase>();
        Collect(equations, [], options, depth, cases);
        return cases;
    }

    private static void Collect(DifferentialEquations equations, List<Relation> values, SymmetryOptions? options, int depth, List<SymmetryCase> cases)
    {
        var r = Find(equations, options);
        cases.Add(new SymmetryCase(values, r.AssumedNonzero, r));
        if (depth <= 0) return;
        var seen = new HashSet<Expr>();
        foreach (var e in r.AssumedNonzero)
        {
            foreach (var factor in e is Product p ? p.Factors.Select(f => f.Base) : [e])
            {
                foreach (var (param, value) in Zeros(factor, equations.Jet))
                {
                    var rel = Relation.Equation(param, value);
                    if (!seen.Add(rel)) continue;
                    DifferentialEquations special;
                    try
                    {
                        special = DifferentialEquations.Of(equations.Jet, equations.Given.Select(g => Simplifier.Simplify(Substitution.Apply(g, param, value))).ToArray());
                    }
                    catch (SymbolicException) { continue; }   // the equation degenerates (no derivative left): not a differential equation
                    Collect(special, values.Append(rel).ToList(), options, depth - 1, cases);
                }
            }
        }
    }

    /// <summary>
    /// The values of a parameter p making f vanish: f linear in p (f = a p + b with a, b free of p), or f (up to a factor
    /// of the variables, like y^{n−3}) a polynomial in p alone with rational coefficients, by its rational roots.
    /// </summary>
    private static IEnumerable<(Symbol Param, Expr Value)> Zeros(Expr f, JetSpace jet)
    {
        foreach (var p in f.FreeSymbols().Where(s => !s.IsConstant && !jet.Base.Contains(s)).OrderBy(s => s.Name))
        {
            var a = Simplifier.Simplify(Calculus.Diff(f, p));
            if (a.IsZero) continue;
            if (!a.Contains(p))
            {
                var b = Simplifier.Simplify(Substitution.Apply(f, p, Expr.Zero));
                if (Assume.IsPositive(p) && b.IsZero) continue;   // p > 0 by assumption: p = 0 is not a case
                yield return (p, Simplifier.Simplify(-b / a));
                yield break;
            }
            foreach (var r in RationalZeros(f, p, jet))
                if (!(Assume.IsPositive(p) && r.Sign <= 0)) yield return (p, Number.Of(r));
            yield break;
        }
    }

    private static List<Rational> RationalZeros(Expr f, Symbol p, JetSpace jet)
    {
        try
        {
            var num = Algebra.Numerator(Algebra.Together(f));
            // a factor of the variables common to every term (y^{n−3}·(…)) is taken out
            var first = num is Sum s ? s.Terms[0].Term : num;
            var common = Product.Of((first is Product fp ? fp.FactorExprs() : new[] { first }).Where(e => e.FreeSymbols().Any(jet.Base.Contains)));
            var q = Simplifier.Simplify(Algebra.Expand(num / common));
            if (q.FreeSymbols().Any(v => !v.Equals(p) && !v.IsConstant)) return [];
            var coefficients = new List<Rational>();
            Expr d = q;
            for (int k = 0; k <= 16 && !d.IsZero; k++)
            {
                if (Simplifier.Simplify(Substitution.Apply(d, p, Expr.Zero)) is not Number { Value: var c }) return [];
                coefficients.Add(c / Factorial(k));
                d = Simplifier.Simplify(Calculus.Diff(d, p));
            }
            return d.IsZero ? CharacteristicRoots.RationalRoots(coefficients) : [];
        }
        catch (SymbolicException) { return []; }
    }

    private static Rational Factorial(int k)
    {
        var r = Rational.One;
        for (int i = 2; i <= k; i++) r *= Rational.Of(i);
        return r;
    }

    /// <summary>True when pr X(Δ) vanishes on the solutions of the system: X is a point symmetry.</summary>
    public static bool IsSymmetry(Generator x, DifferentialEquations equations) => Residuals(x, equations).All(r => Simplifier.IsZero(r));

    /// <summary>pr X(Δ_k) on the solutions, for each equation.</summary>
    public static IReadOnlyList<Expr> Residuals(Generator x, DifferentialEquations equations)
    {
        var pr = x.Prolong(equations.Order);
        return equations.Leading.Select((l, k) => equations.OnSolutions(pr.Apply(l - equations.Solved[k]))).ToList();
    }

    private static Generator Build(JetSpace jet, Expr[] comps) =>
        new(jet, comps.Take(jet.Independent.Count).ToArray(), comps.Skip(jet.Independent.Count).ToArray());

    private static Relation SolvedRelation(LinearPdeSystem sys, LinExpr e, Func<Unknown, Expr> show)
    {
        var leader = e.Leader();
        var lead = new LinExpr();
        lead.Add(leader, sys.Ctx.One, sys.Ctx);
        var rest = Restrict(e, k => !k.Equals(leader));
        var restExpr = sys.ToExpr(rest, show);
        return Relation.Equation(sys.ToExpr(lead, show), Simplifier.Simplify(-restExpr));
    }

    private static LinExpr Restrict(LinExpr e, Func<DKey, bool> keep)
    {
        var r = new LinExpr();
        foreach (var (k, c) in e.Terms) if (keep(k)) r.Terms[k] = c;
        return r;
    }

    private static Expr ValueAt(LinearPdeSystem sys, LinExpr e, Func<DKey, RatFun?> value)
    {
        var acc = sys.Ctx.Zero;
        foreach (var (k, c) in e.Terms)
        {
            var v = value(k);
            if (v is not null) acc = sys.Ctx.Add(acc, sys.Ctx.Mul(c, v));
        }
        return sys.Ctx.ToExpr(acc);
    }

    private static void ReduceComponents(LinearPdeSystem sys, List<LinExpr> components)
    {
        // order-0 leaders (f = …) are substituted into the generator; higher leaders do not occur in it
        foreach (var eq in sys.Equations)
        {
            var leader = eq.Leader();
            if (leader.Total != 0) continue;
            var value = Restrict(eq, k => !k.Equals(leader));
            var neg = new LinExpr();
            neg.AddScaled(value, sys.Ctx.Constant(-1), sys.Ctx);
            for (int i = 0; i < components.Count; i++)
            {
                if (!components[i].Terms.TryGetValue(leader, out var c)) continue;
                var r = components[i].Clone();
                r.Terms.Remove(leader);
                r.AddScaled(neg, c, sys.Ctx);
                components[i] = r;
            }
        }
    }

    /// <summary>
    /// Integrates one equation ∂^k f/∂v^k + Σ c_m ∂^{J_m} g_m = 0 whose other unknowns g_m do not depend on v:
    /// f = −∫^k Σ c_m ∂^{J_m} g_m dv^k + Σ_{j&lt;k} v^j h_j. Returns false when no equation has that shape.
    /// </summary>
    private static bool IntegrateOne(LinearPdeSystem sys, List<LinExpr> components, IAntiderivative integrator)
    {
        var candidates = new List<(LinExpr Eq, DKey Leader, int V)>();
        foreach (var eq in sys.Equations)
        {
            var leader = eq.Leader();
            if (leader.Total == 0) continue;
            var nz = Enumerable.Range(0, leader.Orders.Length).Where(i => leader.Orders[i] > 0).ToArray();
            if (nz.Length != 1) continue;
            int v = nz[0];
            var f = leader.Unknown;
            // f = ∫^k R dv + … must be a function of f's own variables: R may involve only unknowns of f's other
            // variables, with coefficients in f's variables
            bool InFVars(DKey key, RatFun c) =>
                Enumerable.Range(0, f.DependsOn.Length).All(i => f.DependsOn[i] || (!key.Unknown.DependsOn[i] && !sys.CoefficientDependsOn(c, i)));
            bool fits = eq.Terms.All(kv => kv.Key.Equals(leader) ||
                (!kv.Key.Unknown.DependsOn[v] && InFVars(kv.Key, kv.Value)) ||
                (leader.Total == 1 && kv.Key.Unknown == f && kv.Key.Total == 0 && InFVars(kv.Key, kv.Value)));
            if (!fits) continue;
            candidates.Add((eq, leader, v));
        }
        foreach (var (eq, leader, v) in candidates.OrderBy(c => c.Eq.Terms.Count).ThenByDescending(c => c.Leader.Unknown.VariableCount).ThenBy(c => c.Leader.Total))
        {
            var f = leader.Unknown;
            int k = leader.Orders[v];
            var sv = sys.Variables[v];
            var self = sys.Key(f);
            // f' + a f + Σ c_m g_m = 0 ⇒ f = e^{−A}(h − ∫ e^{A} Σ c_m g_m dv), A = ∫ a dv (a = 0: plain k-fold integration)
            Expr weight = Expr.One, inverse = Expr.One;
            if (eq.Terms.TryGetValue(self, out var a))
            {
                var big = integrator.Integrate(sys.Ctx.ToExpr(a), sv);
                if (big is null) continue;
                weight = ExpOf(big);
                inverse = ExpOf(-big);
            }
            var value = new LinExpr();
            bool ok = true;
            foreach (var (key, c) in eq.Terms)
            {
                if (key.Equals(leader) || key.Equals(self)) continue;
                Expr integrand = Simplifier.Simplify(-weight * sys.Ctx.ToExpr(c));
                for (int i = 0; i < k && ok; i++)
                {
                    var next = integrator.Integrate(integrand, sv);
                    if (next is null) ok = false; else integrand = next;
                }
                if (!ok) break;
                value.Add(key, sys.Coef(inverse * integrand), sys.Ctx);
            }
            if (!ok) continue;
            var dep = (bool[])f.DependsOn.Clone();
            dep[v] = false;
            for (int j = 0; j < k; j++)
            {
                var h = dep.Any(b => b) ? sys.NewUnknown($"F_{f.Index}_{j}", (bool[])dep.Clone()) : sys.NewConstant();
                value.Add(sys.Key(h), sys.Coef(inverse * sv.Pow(j)), sys.Ctx);
            }
            sys.Substitute(f, value, components);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The last resort for a finite-type remainder none of the rules integrates (Kepler's coupled ξ_x = (xξ + yη)/r², …):
    /// every unknown function becomes a polynomial of degree ≤ 2 in its variables with new constants, and the splitting
    /// decides them. Sound because the count is checked afterwards: the standard form proved the dimension, and a basis
    /// smaller than it (the solutions are not all polynomials) is reported as not trusted, never as the whole algebra.
    /// </summary>
    private static bool FiniteTypeByPolynomials(LinearPdeSystem sys, List<LinExpr> components, List<string> notes, ref bool used)
    {
        if (used) return false;
        var functions = sys.Unknowns.Where(u => u.VariableCount > 0).ToList();
        if (functions.Count == 0 || sys.ParametricCount() is null) return false;
        used = true;
        foreach (var f in functions)
        {
            var value = new LinExpr();
            foreach (var m in Prolongation.MultiIndices(sys.Variables.Count, 2))
            {
                if (m.Where((o, i) => o > 0 && !f.DependsOn[i]).Any()) continue;
                Expr mono = Product.Of(m.Select((o, i) => sys.Variables[i].Pow(o)));
                value.Add(sys.Key(sys.NewConstant()), sys.Coef(mono), sys.Ctx);
            }
            sys.Substitute(f, value, components);
        }
        notes.Add("the finite-type remainder of the determining system was solved by polynomials of degree ≤ 2, complete only when they fill the proved dimension");
        return true;
    }

    /// <summary>e^A with the logarithms of A taken out as powers: e^{k log v + B} = v^k e^B.</summary>
    internal static Expr ExpOf(Expr a)
    {
        a = Algebra.Expand(a);
        var powers = new List<Expr>();
        var rest = new List<Expr>();
        foreach (var t in a is Sum s ? s.Children : new[] { a })
        {
            if (t is Call l && l.Function.Equals(Function.Log)) { powers.Add(l.Args[0]); continue; }
            if (t is Product { Factors.Length: 1 } p && p.Factors[0] is ({ } b, { IsOne: true }) && b is Call l2 && l2.Function.Equals(Function.Log))
            {
                powers.Add(l2.Args[0].Pow(Number.Of(p.Coefficient)));
                continue;
            }
            rest.Add(t);
        }
        var e = Product.Of(powers.Append(rest.Count == 0 ? Expr.One : Expr.Exp(Sum.Of(rest))));
        return Simplifier.Simplify(e);
    }

    /// <summary>
    /// An equation whose unknowns do not all depend on a variable w (−c₁x + F′(t)/2 + G′(x) = 0) has the consequence
    /// ∂_w of it, free of the terms that do not involve w; it is added when it does not reduce to zero.
    /// Returns false when no equation gives a new consequence.
    /// </summary>
    private static bool Separate(LinearPdeSystem sys)
    {
        foreach (var eq in sys.Equations.ToList())
        {
            for (int w = 0; w < sys.Variables.Count; w++)
            {
                bool some = eq.Terms.Keys.Any(k => k.Unknown.DependsOn[w]);
                bool killed = eq.Terms.Any(kv => !kv.Key.Unknown.DependsOn[w] && !sys.CoefficientDependsOn(kv.Value, w));
                if (!some || !killed) continue;
                var d = sys.ReduceByStandardForm(sys.Derivative(eq, w));
                if (d.IsZero) continue;
                sys.Equations.Add(d);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Splits pr X(Δ) (on the solutions) by the monomials in the free jet coordinates of order ≥ 1: each coefficient
    /// is a linear equation in the derivatives of ξ, φ.
    /// </summary>
    private static List<LinExpr> SplitByJets(LinearPdeSystem sys, JetSpace jet, Expr condition, Dictionary<Function, Unknown> byCall)
    {
        var ctx = new RationalContext(useRelations: true, sys.Budget);
        var f = ctx.ToRatFun(Simplifier.Prepare(condition));
        var num = f.Numerator;
        int n = ctx.VariableCount;
        var jetVars = new List<int>();
        var unknownKeys = new Dictionary<int, DKey>();
        for (int i = 0; i < n; i++)
        {
            var kernel = ctx.Kernel(i);
            if (jet.TryDecode(kernel, out var jv) && jv.Order >= 1) { jetVars.Add(i); continue; }
            var key = KeyOf(sys, kernel, byCall);
            if (key is not null) { unknownKeys[i] = key; continue; }
            if (kernel is Symbol) continue;
            if (jet.CoordinatesIn(kernel, 1).Count > 0)
                throw new SymbolicException($"the equation is not polynomial in the derivatives: {kernel} appears (only equations polynomial in the free derivatives after clearing denominators are split)");
            if (kernel.Any(x => x is Call c && byCall.ContainsKey(c.Function)))
                throw new SymbolicException($"the determining equations are not linear: {kernel} appears");
        }
        var groups = new Dictionary<string, Dictionary<DKey, List<(int[], System.Numerics.BigInteger)>>>();
        foreach (var (exps, coef) in num.Terms)
        {
            var gkey = string.Join(",", jetVars.Select(i => i < exps.Length ? exps[i] : 0));
            DKey? unknown = null;
            var rest = (int[])exps.Clone();
            foreach (var i in jetVars) if (i < rest.Length) rest[i] = 0;
            foreach (var (i, key) in unknownKeys)
            {
                if (i >= exps.Length || exps[i] == 0) continue;
                if (unknown is not null || exps[i] != 1) throw new SymbolicException("the determining equations are not linear in ξ, φ");
                unknown = key;
                rest[i] = 0;
            }
            if (unknown is null) throw new SymbolicException("pr X(Δ) has a term free of ξ and φ: the equation is not written in jet coordinates");
            if (!groups.TryGetValue(gkey, out var g)) groups[gkey] = g = new();
            if (!g.TryGetValue(unknown, out var list)) g[unknown] = list = new();
            list.Add((rest, coef));
        }
        var result = new List<LinExpr>();
        foreach (var g in groups.Values)
        {
            var e = new LinExpr();
            foreach (var (key, terms) in g)
                e.Add(key, sys.Coef(ctx.ToExpr(Poly.FromTerms(n, terms))), sys.Ctx);
            if (!e.IsZero) result.Add(e);
        }
        return result;
    }

    private static DKey? KeyOf(LinearPdeSystem sys, Expr kernel, Dictionary<Function, Unknown> byCall)
    {
        Call? call = kernel as Call ?? (kernel as Core.Derivative)?.Function;
        if (call is null || !byCall.TryGetValue(call.Function, out var u)) return null;
        var orders = new int[sys.Variables.Count];
        if (kernel is Core.Derivative d)
            foreach (var (v, o) in d.Variables) orders[IndexOf(sys.Variables, v)] += o;
        return new DKey(u, orders);
    }

    private static int IndexOf(IReadOnlyList<Symbol> vars, Symbol v)
    {
        for (int i = 0; i < vars.Count; i++) if (vars[i].Equals(v)) return i;
        throw new SymbolicException($"{v} is not a variable of the determining system");
    }

    /// <summary>
    /// Particular symmetries with polynomial coefficients of degree ≤ d: the determining system with ξ, φ replaced by
    /// polynomials with unknown constant coefficients, split by the variables and solved exactly.
    /// </summary>
    /// <summary>
    /// A generator whose components are unknown functions of all the base variables (named by <paramref name="name"/>),
    /// the linear PDE system they live in, and the map from each component's head to its unknown.
    /// </summary>
    private static (LinearPdeSystem Sys, List<Unknown> Unknowns, Dictionary<Function, Unknown> ByCall, Generator Generic) GenericGenerator(
        JetSpace jet, Budget? budget, Func<Symbol, string> name)
    {
        var baseVars = jet.Base;
        var sys = new LinearPdeSystem(baseVars, budget);
        var all = Enumerable.Repeat(true, baseVars.Count).ToArray();
        var unknowns = baseVars.Select(v => sys.NewUnknown(name(v), (bool[])all.Clone())).ToList();
        var calls = unknowns.Select(u => Call.Of(Function.User(u.Name), baseVars.Cast<Expr>().ToArray())).ToList();
        var byCall = new Dictionary<Function, Unknown>();
        for (int i = 0; i < unknowns.Count; i++) byCall[((Call)calls[i]).Function] = unknowns[i];
        var generic = new Generator(jet, calls.Take(jet.Independent.Count).ToArray(), calls.Skip(jet.Independent.Count).ToArray());
        return (sys, unknowns, byCall, generic);
    }

    private static IReadOnlyList<Generator> PolynomialAnsatz(DifferentialEquations equations, int degree, Budget? budget)
    {
        var jet = equations.Jet;
        var baseVars = jet.Base;
        var (sys, unknowns, byCall, generic) = GenericGenerator(jet, budget, v => SymbolName.Of("a", lower: v.Name).Spelling);
        var pr = generic.Prolong(equations.Order, simplify: false);
        for (int k = 0; k < equations.Leading.Count; k++)
            sys.Equations.AddRange(SplitByJets(sys, jet, equations.OnSolutions(pr.Apply(equations.Leading[k] - equations.Solved[k])), byCall));
        var components = unknowns.Select(u => { var e = new LinExpr(); e.Add(sys.Key(u), sys.Ctx.One, sys.Ctx); return e; }).ToList();
        foreach (var u in unknowns)
        {
            var value = new LinExpr();
            foreach (var m in Prolongation.MultiIndices(baseVars.Count, degree))
            {
                Expr mono = Product.Of(m.Select((o, i) => baseVars[i].Pow(o)));
                value.Add(sys.Key(sys.NewConstant()), sys.Coef(mono), sys.Ctx);
            }
            sys.Substitute(u, value, components);
        }
        sys.Split();
        sys.StandardForm();
        ReduceComponents(sys, components);
        var leaders = sys.Equations.Select(e => e.Leader()).ToHashSet();
        var constants = sys.Unknowns.Where(u => !leaders.Contains(sys.Key(u))).OrderBy(u => u.Index).ToList();
        var result = new List<Generator>();
        foreach (var c in constants)
        {
            var comps = components.Select(e => Simplifier.Simplify(ValueAt(sys, e, k => k.Unknown == c ? sys.Ctx.One : null))).ToArray();
            var g = Build(jet, comps);
            // a generator whose characteristic vanishes on the solutions moves points along them: trivial, left out
            bool trivial = Enumerable.Range(0, jet.Dependent.Count).All(a => Simplifier.IsZero(equations.OnSolutions(g.Characteristic(a))));
            if (!trivial && IsSymmetry(g, equations)) result.Add(g);
        }
        return result;
    }
}
