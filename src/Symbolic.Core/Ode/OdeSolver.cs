using Symbolic.Core.Integration;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Ode;

/// <summary>The outcome of solving an ODE.</summary>
/// <param name="Solution">y(x) = … (explicit) or H(x, y(x)) = C₁ (implicit), or null when no method applies.</param>
/// <param name="Explicit">True when <paramref name="Solution"/> is solved for y(x).</param>
/// <param name="Method">The class the equation was recognised as (separable, linear, Bernoulli, homogeneous, exact, …).</param>
/// <param name="Verified">True when the solution was substituted back (or differentiated implicitly) and the equation holds in the normal form.</param>
/// <param name="Steps">The derivation.</param>
/// <param name="NotFoundReason">Why there is no solution, in words.</param>
public sealed record OdeSolution(Relation? Solution, bool Explicit, string? Method, bool Verified, Derivation Steps, string? NotFoundReason)
{
    /// <summary>True when a verified solution was found.</summary>
    public bool Found => Solution is not null;

    /// <summary>Where the solution holds, when that is narrower than everywhere: "ω ≠ 0", "x > 0".</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>
    /// Every branch of the general solution, the first being <see cref="Solution"/>: y = ±√(…) is two branches
    /// (y = √(…) and y = −√(…)), the quadrature of y″ = f(y) is x = C₂ ± ∫…. One element when there is one branch.
    /// </summary>
    public IReadOnlyList<Relation> Branches
    {
        get => _branches.Count > 0 ? _branches : Solution is null ? [] : [Solution];
        init => _branches = value;
    }
    private readonly IReadOnlyList<Relation> _branches = [];

    /// <summary>What the solution is, in words for the note: "explicit", "implicit solution", "2 branches".</summary>
    public string Kind => (Explicit ? "" : "implicit solution") + (Branches.Count > 1 ? (Explicit ? "" : ", ") + Branches.Count + " branches" : "");

    /// <summary>"ω ≠ 0" for an expression taken nonzero (−4ω² ≠ 0 is ω ≠ 0: constant factors and powers dropped).</summary>
    internal static string NonzeroText(Expr e)
    {
        var bases = e is Product p ? p.Factors.Select(f => f.Base).ToList() : e is Power pw ? new List<Expr> { pw.Base } : new List<Expr> { e };
        return string.Join(", ", bases.Select(b => b + " ≠ 0"));
    }
}

/// <summary>
/// Ordinary differential equations in one unknown y(x): first order separable, linear, Bernoulli,
/// homogeneous y′ = F(y/x), exact and with an integrating factor μ(x) or μ(y); second-order linear with
/// constant coefficients; autonomous y″ = f(y) by its energy integral and the quadrature x = C₂ ± ∫dy/√(2(F + C₁));
/// reduction of order when y or x is missing. Every solution is checked by
/// substitution into the equation (implicit ones by implicit differentiation) before it is returned; the
/// constants are C₁, C₂.
/// </summary>
/// <example><code>
/// var x = Expr.Symbol("x"); var y = (Call)Call.Of(Function.User("y"), x);
/// var yp = Derivative.Of(y, new[] { (x, 1) });
/// OdeSolver.Solve(Relation.Equation(yp, x * y), y).Solution;   // y(x) = C₁ e^{x²/2}
/// </code></example>
public static class OdeSolver
{
    /// <summary>The first constant of integration.</summary>
    public static readonly Symbol C1 = Symbol.Of(SymbolName.Of("C", lower: "1"));
    /// <summary>The second constant of integration.</summary>
    public static readonly Symbol C2 = Symbol.Of(SymbolName.Of("C", lower: "2"));

    /// <summary>Solves <paramref name="equation"/> for the unknown <paramref name="y"/> = y(x).</summary>
    public static OdeSolution Solve(Expr equation, Call y, Budget? budget = null)
    {
        budget ??= new Budget(maxTerms: 2_000_000);
        var steps = new Derivation();
        if (y.Args is not [Symbol x]) return new(null, false, null, false, steps, "the unknown must be a function of one variable, like y(x)");
        var eq = equation is Relation r ? r.Left - r.Right : equation;
        int order = 0;
        eq.Any(e => { if (e is Derivative d && d.Function.Equals(y)) order = Math.Max(order, d.OrderIn(x)); return false; });
        if (order == 0) return new(null, false, null, false, steps, $"the equation has no derivative of {y}; it is not a differential equation");
        // linear of order ≥ 3 (constant coefficients, Cauchy–Euler): y‴ … are beyond the Y, P, Q map below
        if (order >= 3)
        {
            try
            {
                return LinearOdes.Solve(eq, y, x, order, budget, steps)
                    ?? new(null, false, null, false, steps, "equations of order above 2 are solved only when linear with constant coefficients (characteristic roots in reach: rational, quadratic, biquadratic factors) or of Cauchy–Euler form Σ c_k x^k y⁽ᵏ⁾ = g(x)");
            }
            catch (BudgetExceededException e) { return new(null, false, null, false, steps, e.Message); }
            catch (OperationCanceledException) { return new(null, false, null, false, steps, "cancelled"); }
        }
        var Y = Symbol.Of(SymbolName.Of("Y", lower: ""));
        var P = Symbol.Of(SymbolName.Of("P", lower: ""));
        var Q = Symbol.Of(SymbolName.Of("Q", lower: ""));
        var map = new Dictionary<Expr, Expr>
        {
            [Derivative.Of(y, new[] { (x, 1) })] = P,
            [Derivative.Of(y, new[] { (x, 2) })] = Q,
            [y] = Y,
        };
        var F = Substitution.Apply(eq, map);
        if (F.Any(e => e is Derivative || e is Call { Function.IsUser: true }))
            return new(null, false, null, false, steps, "the equation involves derivatives above the second order or other unknown functions; not a class this solver knows");
        try
        {
            var solver = new Solver(x, y, Y, P, Q, budget, steps);
            var sol = order == 1 ? solver.FirstOrder(F) : order == 2 ? solver.SecondOrder(F) ?? LinearOdes.Solve(eq, y, x, order, budget, steps) ?? solver.ReducedOrder(F) : null;
            if (sol is null)
                return new(null, false, null, false, steps, order > 2
                    ? "equations of order above 2 are not solved"
                    : "not of a known class (separable, linear, Bernoulli, homogeneous, exact, integrating factor μ(x) or μ(y), constant coefficients, Cauchy–Euler, autonomous y″ = f(y), y″ = f(x, y′) without y, y″ = f(y, y′) without x)");
            return sol;
        }
        catch (BudgetExceededException e) { return new(null, false, null, false, steps, e.Message); }
        catch (OperationCanceledException) { return new(null, false, null, false, steps, "cancelled"); }
    }

    /// <summary>
    /// The particular solution through the initial conditions y⁽ᵏ⁾(a) = b (order k, point a, value b): the conditions
    /// are a linear system for C₁ … Cₙ (n = the number of conditions), solved exactly; the result is substituted back
    /// into the equation and into each condition before it is returned. Each branch of <paramref name="general"/> is tried.
    /// </summary>
    /// <example><code>
    /// var g = OdeSolver.Solve(Relation.Equation(ypp + y, 0), y);
    /// OdeSolver.WithInitialConditions(g, Relation.Equation(ypp + y, 0), y, new[] { (0, Expr.Zero, Expr.One), (1, Expr.Zero, Expr.Zero) }).Solution;  // y(x) = cos x
    /// </code></example>
    public static OdeSolution WithInitialConditions(OdeSolution general, Expr equation, Call y, IReadOnlyList<(int Order, Expr At, Expr Value)> conditions, Budget? budget = null)
    {
        if (!general.Found || conditions.Count == 0) return general;
        var steps = general.Steps;
        if (y.Args is not [Symbol x]) return general;
        if (!general.Explicit)
            return new(null, false, general.Method, false, steps, "initial conditions are applied only to an explicit solution y(x) = …; this one is implicit: " + general.Solution);
        var constants = Enumerable.Range(1, conditions.Count).Select(i => (Expr)Symbol.Of(SymbolName.Of("C", lower: i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        static Expr Nth(Expr f, Symbol v, int k) { for (int i = 0; i < k; i++) f = Calculus.Diff(f, v); return f; }
        var eq = equation is Relation r ? r.Left - r.Right : equation;
        int order = 0;
        eq.Any(e => { if (e is Derivative d && d.Function.Equals(y)) order = Math.Max(order, d.OrderIn(x)); return false; });
        string failure = "no branch of the general solution meets them";
        foreach (var branch in general.Branches)
        {
            var f = branch.Right;
            try
            {
                var eqs = conditions.Select(c => (Expr)Relation.Equation(Simplifier.Simplify(Substitution.Apply(Nth(f, x, c.Order), x, c.At)), c.Value)).ToList();
                if (!LinearSolver.TrySolve(eqs, constants, out var values, out var why, budget)) { failure = why; continue; }
                var particular = Simplifier.Simplify(ExpOfLogs(Substitution.Apply(f, values)));
                var map = new Dictionary<Expr, Expr>();
                for (int k = order; k >= 1; k--) map[Derivative.Of(y, new[] { (x, k) })] = Nth(particular, x, k);
                map[y] = particular;
                if (!Simplifier.IsZero(Substitution.Apply(eq, map), budget)) { failure = "the particular solution did not satisfy the equation"; continue; }
                if (conditions.Any(c => !Simplifier.IsZero(Substitution.Apply(Nth(particular, x, c.Order), x, c.At) - c.Value, budget)))
                { failure = "the particular solution did not satisfy the conditions"; continue; }
                var rel = Relation.Equation(y, particular);
                steps.Record("initial-conditions", null, rel, "the constants solved from " + string.Join(", ", conditions.Select(c => $"y{new string('\'', c.Order)}({c.At}) = {c.Value}")) + "; substituted back into the equation and the conditions: they hold");
                return new OdeSolution(rel, true, general.Method, true, steps, null) { Conditions = general.Conditions };
            }
            catch (SymbolicException e) when (e is not BudgetExceededException) { failure = e.Message; }
        }
        return new(null, false, general.Method, false, steps, "the initial conditions could not be met: " + failure + " (general solution " + general.Solution + ")");
    }

    /// <summary>e^{k log A + r} = A^k e^r (the principal power is defined so).</summary>
    internal static Expr ExpOfLogs(Expr e) => Solver.ExpOfLogs(e);

    private sealed class Solver(Symbol x, Call y, Symbol Y, Symbol P, Symbol Q, Budget budget, Derivation steps)
    {
        private Expr? Integrate(Expr f, Symbol v)
        {
            var r = Integrator.Integrate(f, v, budget);
            if (r.Found) steps.Append(r.Steps.Where(s => s.Rule == "verify"));
            return r.Antiderivative;
        }

        private static bool Zero(Expr e) => Simplifier.IsZero(e);
        private static Expr S(Expr e) => Simplifier.Simplify(ExpOfLogs(e));

        /// <summary>e^{k log A + r} = A^k e^r (the principal power is defined so), which the normal form does not do for non-integer k.</summary>
        internal static Expr ExpOfLogs(Expr e) => e.Rewrite(node =>
        {
            if (node is not Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: var ex }) return null;
            var terms = ex is Sum s ? s.Children.ToList() : new List<Expr> { ex };
            var powers = new List<Expr>();
            var rest = new List<Expr>();
            foreach (var t in terms)
            {
                if (Function.Log.Matches(t, out var a)) powers.Add(a);
                else if (t is Product { Factors: [(var lb, var one)] } p && one.IsOne && Function.Log.Matches(lb, out var a2)) powers.Add(a2.Pow(Number.Of(p.Coefficient)));
                else rest.Add(t);
            }
            if (powers.Count == 0) return null;
            return Product.Of(powers) * Expr.Exp(Sum.Of(rest));
        });
        private static Expr D(Expr e, Symbol v) => Calculus.Diff(e, v);

        public OdeSolution? FirstOrder(Expr F)
        {
            if (!Zero(D(D(F, P), P)))
                return null;
            var N = S(D(F, P));
            if (Zero(N)) return null;
            var M = S(F - N * P);
            var G = S(-M / N);   // y′ = G(x, Y)
            steps.Record("solve-for-derivative", null, Relation.Equation(Derivative.Of(y, new[] { (x, 1) }), Substitution.Apply(G, Y, y)));
            return Separable(G) ?? Linear(G) ?? Bernoulli(G) ?? SymbolicBernoulli(G) ?? Homogeneous(G) ?? Exact(M, N) ?? Riccati(G);
        }

        // ---- Riccati y′ = q0 + q1 Y + q2 Y² with a particular solution y_p = c xᵏ found by its constant c
        private OdeSolution? Riccati(Expr G)
        {
            var q2 = S(D(D(G, Y), Y) / 2);
            if (q2.IsZero || q2.Contains(Y)) return null;
            var q1 = S(Substitution.Apply(D(G, Y), Y, Expr.Zero));
            var q0 = S(Substitution.Apply(G, Y, Expr.Zero));
            if (q1.Contains(Y) || q0.Contains(Y) || !Zero(G - q0 - q1 * Y - q2 * Y * Y)) return null;
            foreach (var yp in ParticularCandidates(G))
            {
                if (!VerifyExplicit(yp, G)) continue;
                // y = y_p + 1/v: v′ = −(q1 + 2 q2 y_p) v − q2, a linear equation
                var a = S(q1 + 2 * q2 * yp);
                var big = Integrate(a, x);
                if (big is null) continue;
                var mu = S(Expr.Exp(big));
                var inner = Integrate(S(-q2 * mu), x);
                if (inner is null) continue;
                var sol = S(yp + mu / (inner + C1));
                steps.Record("riccati-particular", null, Relation.Equation(y, yp), "a particular solution c·xᵏ of the Riccati equation, checked by substitution");
                if (Done("riccati", Y, sol, true, G) is { } done) return done;
            }
            return null;
        }

        /// <summary>Particular solutions c·xᵏ (k = −2 … 2): the residual, a polynomial of degree ≤ 2 in c, must vanish identically in x.</summary>
        private IEnumerable<Expr> ParticularCandidates(Expr G)
        {
            var c = Symbol.Of(SymbolName.Of("c", lower: ""));
            foreach (var k in new[] { -1, 0, 1, -2, 2 })
            {
                Expr[] coefficients;
                try
                {
                    var form = c * x.Pow(k);
                    var num = Algebra.Numerator(S(Algebra.Together(D(form, x) - Substitution.Apply(G, Y, form))));
                    var a2 = S(D(D(num, c), c) / 2);
                    var a1 = S(Substitution.Apply(D(num, c), c, Expr.Zero));
                    var a0 = S(Substitution.Apply(num, c, Expr.Zero));
                    var lead = !a2.IsZero ? a2 : !a1.IsZero ? a1 : a0;
                    if (lead.IsZero || !Zero(D(D(D(num, c), c), c))) continue;
                    coefficients = new[] { S(a2 / lead), S(a1 / lead), S(a0 / lead) };
                }
                catch (SymbolicException) { continue; }
                if (coefficients.Any(e => e.Contains(x))) continue;
                var (b2, b1, b0) = (coefficients[0], coefficients[1], coefficients[2]);
                var roots = new List<Expr>();
                if (b2.IsZero) { if (!b1.IsZero) roots.Add(S(-b0 / b1)); }
                else
                {
                    var disc = S(b1 * b1 - 4 * b2 * b0);
                    if (disc is Number { Value.Sign: < 0 }) continue;
                    roots.Add(S((-b1 + Expr.Sqrt(disc)) / (2 * b2)));
                    if (!disc.IsZero) roots.Add(S((-b1 - Expr.Sqrt(disc)) / (2 * b2)));
                }
                foreach (var r in roots) yield return S(r * x.Pow(k));
            }
        }

        // bothSigns: an even root was taken (Y² = R gives Y = √R): −rhs is checked too and, when it holds, is the second branch
        private OdeSolution? Done(string method, Expr lhs, Expr rhs, bool isExplicit, Expr G, bool bothSigns = false)
        {
            var rel = Relation.Equation(Substitution.Apply(lhs, Y, y), Substitution.Apply(rhs, Y, y));
            bool ok = isExplicit ? VerifyExplicit(rhs, G) : VerifyImplicit(lhs - rhs, G);
            if (!ok) return null;
            steps.Record(method, null, rel, isExplicit ? "substituted back into the equation: it holds" : "implicit solution; differentiated implicitly, it gives the equation");
            if (isExplicit && bothSigns && S(-rhs) is var neg && VerifyExplicit(neg, G))
            {
                var other = Relation.Equation(Substitution.Apply(lhs, Y, y), Substitution.Apply(neg, Y, y));
                steps.Record(method, null, other, "the other sign of the root: substituted back, it holds too");
                return new OdeSolution(rel, isExplicit, method, true, steps, null) { Branches = [rel, other] };
            }
            return new OdeSolution(rel, isExplicit, method, true, steps, null);
        }

        /// <summary>True when Y = R^{1/k} takes an even root (the numerator of k is even): −R^{1/k} is a root too.</summary>
        private static bool EvenRoot(Expr k) => k is Number { Value: var kv } && kv.Num.IsEven;

        private bool VerifyExplicit(Expr sol, Expr G)
        {
            try { return Zero(D(sol, x) - Substitution.Apply(G, Y, sol)); }
            catch (SymbolicException) { return false; }
        }

        private bool VerifyImplicit(Expr H, Expr G)
        {
            // H(x, Y) = C: H_x + H_Y·G = 0.
            try { return Zero(S(D(H, x) + D(H, Y) * G)); }
            catch (SymbolicException) { return false; }
        }

        // ---- separable: y′ = g(x) h(Y)
        private OdeSolution? Separable(Expr G)
        {
            if (!G.Contains(Y))
            {
                var I = Integrate(G, x);
                return I is null ? null : Done("separable", Y, I + C1, true, G);
            }
            foreach (var x0 in new Expr[] { 0, 1, 2, 3 })
            {
                Expr h;
                try { h = S(Substitution.Apply(G, x, x0)); } catch (Exception e) when (e is SymbolicException or DivideByZeroException) { continue; }
                if (h.IsZero || h.Contains(x)) continue;
                // keep only the factors that depend on Y: log Y, not (c² − 1)/3 · log Y
                if (h is Product hp) h = Product.Of(hp.FactorExprs().Where(f => f.Contains(Y)));
                var g = S(G / h);
                if (g.Contains(Y)) return null;
                var left = Integrate(S(1 / h), Y);
                var right = Integrate(g, x);
                if (left is null || right is null) return null;
                var inverted = Invert(left, right, out var even);
                if (inverted is not null && Done("separable", Y, inverted, true, G, even) is { } ex) return ex;
                return Done("separable", Exponentiated(left - right, out var isProduct), isProduct ? C1 : C1, false, G);
            }
            return null;
        }

        /// <summary>Y from H(Y) = R + C₁ for simple H; null otherwise.</summary>
        private Expr? Invert(Expr H, Expr R, out bool evenRoot)
        {
            var rhs = R + C1;
            evenRoot = H is Product { Factors: [(var yb, var yk)] } && yb.Equals(Y) && EvenRoot(yk) || H is Power { Base: var pb, Exponent: var pk } && pb.Equals(Y) && EvenRoot(pk);
            switch (H)
            {
                case Symbol s when s.Equals(Y): return rhs;
                case Product { Factors: [(var b, var k)] } p when b.Equals(Y) && k is Number kn:
                    return S((rhs / Number.Of(p.Coefficient)).Pow(1 / k));
                case Product { Factors: [(var lb, var one)] } p when one.IsOne && Function.Log.Matches(lb, out var u) && Linear(u, out var a, out var b0):
                    // k log(aY + b) = R + C: Y = (C₁ e^{R/k} − b)/a, with the constant renamed
                    return S((C1 * Expr.Exp(R / Number.Of(p.Coefficient)) - b0) / a);
                case Call c when Function.Log.Matches(c, out var u) && Linear(u, out var a, out var b0):
                    return S((C1 * Expr.Exp(R) - b0) / a);
                case Call c when Function.Atan.Matches(c, out var u) && u.Equals(Y):
                    return Expr.Tan(rhs);
                case Power { Base: var b, Exponent: var k } when b.Equals(Y) && k is Number:
                    return S(rhs.Pow(1 / k));
            }
            return null;
        }

        private bool Linear(Expr u, out Expr a, out Expr b)
        {
            a = S(D(u, Y)); b = S(u - a * Y);
            return !a.Contains(Y) && !b.Contains(Y) && !a.Contains(x) && !b.Contains(x) && !a.IsZero;
        }

        /// <summary>Σ kᵢ log Aᵢ = C becomes ∏ Aᵢ^{kᵢ} = C (the first integral as articles write it).</summary>
        private static Expr Exponentiated(Expr H, out bool changed)
        {
            changed = false;
            var terms = H is Sum s ? s.Terms.Select(t => (t.Term, t.Coefficient)).ToList() : new List<(Expr, Rational)> { (H, Rational.One) };
            if (H is Sum s2 && !s2.Constant.IsZero) return H;
            var factors = new List<Expr>();
            foreach (var (t, k) in terms)
            {
                if (Function.Log.Matches(t, out var a)) factors.Add(a.Pow(Number.Of(k)));
                else if (t is Product { Factors: [(var lb, var one)] } p && one.IsOne && Function.Log.Matches(lb, out var a2)) factors.Add(a2.Pow(Number.Of(k * p.Coefficient)));
                else return H;
            }
            changed = true;
            return Product.Of(factors);
        }

        // ---- linear: y′ + p(x) Y = q(x)
        private OdeSolution? Linear(Expr G)
        {
            var a = S(D(G, Y));
            if (a.Contains(Y)) return null;
            var q = S(G - a * Y);
            if (q.Contains(Y)) return null;
            var ia = Integrate(-a, x);
            if (ia is null) return null;
            var mu = S(Expr.Exp(ia));
            var iq = Integrate(S(mu * q), x);
            if (iq is null) return null;
            return Done("linear", Y, S((iq + C1) / mu), true, G);
        }

        // ---- Bernoulli: y′ = a(x) Y + b(x) Yⁿ
        private OdeSolution? Bernoulli(Expr G)
        {
            var ex = Algebra.Expand(G);
            if (ex is not Sum s) return null;
            Rational? n = null;
            foreach (var t in s.Children)
            {
                var k = ExponentOfY(t);
                if (k is null) return null;
                if (k.Value == Rational.One) continue;
                if (n is not null && n.Value != k.Value) return null;
                n = k;
            }
            if (n is null || n.Value.IsZero) return null;
            // v = Y^{1−n}: v′ = (1 − n)(a v + b)
            var V = Symbol.Of(SymbolName.Of("V", lower: ""));
            var m = Rational.One - n.Value;
            var Gv = S(Number.Of(m) * Substitution.Apply(G, Y, V.Pow(Number.Of(1 / m))) * V.Pow(Number.Of(-n.Value / m)));
            var inner = new Solver(x, y, V, P, Q, budget, steps).Linear(Gv);
            if (inner?.Solution is not Relation { Right: var vx }) return null;
            var vsol = Substitution.Apply(vx, y, V);
            return Done("bernoulli", Y, S(vsol.Pow(Number.Of(1 / m))), true, G, m.Num.IsEven);
        }

        // ---- Bernoulli with a symbolic exponent: y′ = a(x) Y + b(x) Yⁿ, n free of x and Y
        private OdeSolution? SymbolicBernoulli(Expr G)
        {
            if (Algebra.Expand(G) is not Sum s) return null;
            Expr? n = null;
            var a = new List<Expr>();
            var b = new List<Expr>();
            foreach (var t in s.Children)
            {
                Expr? k = t.Equals(Y) ? Expr.One
                    : t is Power { Base: var pb, Exponent: var pe } && pb.Equals(Y) ? pe
                    : t is Product p ? p.Factors.Where(f => f.Base.Equals(Y)).Select(f => f.Exponent).FirstOrDefault() : null;
                if (k is null) return null;
                var coefficient = S(t / Y.Pow(k));
                if (coefficient.Contains(Y)) return null;
                if (k.IsOne) { a.Add(coefficient); continue; }
                if (k is Number || k.Contains(x) || k.Contains(Y)) return null;
                if (n is not null && !Zero(n - k)) return null;
                n = k;
                b.Add(coefficient);
            }
            if (n is null) return null;
            var A = S(Sum.Of(a)); var B = S(Sum.Of(b)); var m = S(1 - n);
            // v = Y^{1−n}: v′ = (1 − n)(a v + b), linear
            var V = Symbol.Of(SymbolName.Of("V", lower: ""));
            var inner = new Solver(x, y, V, P, Q, budget, steps).Linear(S(m * A * V + m * B));
            if (inner?.Solution is not Relation { Right: var vx }) return null;
            var sol = S(vx.Pow(1 / m));
            // y = v^{1/(1−n)} with v′ = (1 − n)(a v + b) (checked above): y′ − a y − b yⁿ by the chain rule, v > 0 where the powers are principal
            var vp = Symbol.Of(SymbolName.Of("v", lower: ""), Assumptions.Positive);
            // the exponents are brought to one rational form (−1 + 1/(1 − n) and n/(1 − n) are the same exponent)
            var residual = S(S(vp.Pow(1 / m - 1) * (A * vp + B) - A * vp.Pow(1 / m) - B * vp.Pow(1 / m).Pow(n)).Rewrite(node =>
                node is Power { Base: var pb, Exponent: var pe } && pb.Equals(vp) && pe is not Number ? vp.Pow(S(Algebra.Together(pe))) : null));
            if (!Zero(residual)) return null;
            var rel = Relation.Equation(y, sol);
            steps.Record("bernoulli", null, rel, "v = y^{1−n} solves the linear equation v′ = (1 − n)(a v + b) (checked by substitution); y = v^{1/(1−n)} satisfies y′ = a y + b yⁿ by the chain rule where v > 0");
            return new OdeSolution(rel, true, "bernoulli", true, steps, null) { Conditions = [n + " ≠ 1", "y^{1−n} > 0 (the principal power)"] };
        }

        private Rational? ExponentOfY(Expr t)
        {
            if (!t.Contains(Y)) return Rational.Zero;
            if (t.Equals(Y)) return Rational.One;
            if (t is Power { Base: var pb, Exponent: Number { Value: var pk } } && pb.Equals(Y)) return pk;
            if (t is Product p)
            {
                Rational? k = null;
                foreach (var (b, e) in p.Factors)
                {
                    if (!b.Contains(Y) && !e.Contains(Y)) continue;
                    if (!b.Equals(Y) || e is not Number ne) return null;
                    k = ne.Value;
                }
                return k;
            }
            return null;
        }

        // ---- homogeneous: y′ = F(Y/x)
        private OdeSolution? Homogeneous(Expr G)
        {
            var lam = Symbol.Of(SymbolName.Of("lambda", lower: ""), Assumptions.Positive);
            if (!Zero(Substitution.Apply(G, new Dictionary<Expr, Expr> { [x] = lam * x, [Y] = lam * Y }) - G)) return null;
            var v = Symbol.Of(SymbolName.Of("v", lower: ""));
            var Fv = S(Substitution.Apply(G, Y, v * x));
            if (Fv.Contains(x)) return null;
            var den = S(Fv - v);
            if (den.IsZero) return null;
            var left = Integrate(S(1 / den), v);
            if (left is null) return null;
            var H = S(Substitution.Apply(left, v, Y / x) - Expr.Log(x));
            return Done("homogeneous", H, C1, false, G);
        }

        // ---- exact: M dx + N dY = 0, or with μ(x), μ(Y)
        private OdeSolution? Exact(Expr M, Expr N)
        {
            var G = S(-M / N);
            foreach (var (mu, name) in Factors(M, N))
            {
                var m = S(mu * M); var n = S(mu * N);
                if (!Zero(D(m, Y) - D(n, x))) continue;
                var phi = Integrate(m, x);
                if (phi is null) continue;
                var rest = S(n - D(phi, Y));
                if (rest.Contains(x)) continue;
                var h = rest.IsZero ? Expr.Zero : Integrate(rest, Y);
                if (h is null) continue;
                if (Done(name, S(phi + h), C1, false, G) is { } sol) return sol;
            }
            return null;
        }

        private IEnumerable<(Expr Mu, string Name)> Factors(Expr M, Expr N)
        {
            yield return (Expr.One, "exact");
            var fx = S((D(M, Y) - D(N, x)) / N);
            if (!fx.Contains(Y) && Integrate(fx, x) is { } ix) yield return (S(Expr.Exp(ix)), "integrating-factor-x");
            var fy = S((D(N, x) - D(M, Y)) / M);
            if (!fy.Contains(x) && Integrate(fy, Y) is { } iy) yield return (S(Expr.Exp(iy)), "integrating-factor-y");
        }

        // ---- second order
        public OdeSolution? SecondOrder(Expr F)
        {
            if (!Zero(D(D(F, Q), Q))) return null;
            var a = S(D(F, Q));
            var rest = S(F - a * Q);
            var G = S(-rest / a);   // y″ = G(x, Y, P)
            return ConstantCoefficients(G) ?? Autonomous(G);
        }

        private OdeSolution? ConstantCoefficients(Expr G)
        {
            var c1 = S(D(G, P)); var c0 = S(D(G, Y));
            if (c1.FreeSymbols().Contains(x) || c0.FreeSymbols().Contains(x) || c1.Contains(Y) || c1.Contains(P) || c0.Contains(Y) || c0.Contains(P)) return null;
            // y″ = c1 y′ + c0 y + g(x): g = 0 homogeneous; otherwise a particular solution by variation of parameters
            var g = S(G - c1 * P - c0 * Y);
            if (g.Contains(Y) || g.Contains(P)) return null;
            // r² − c1 r − c0 = 0: the basis y1, y2 of the homogeneous equation
            var disc = S(c1.Pow(2) + 4 * c0);
            Expr y1, y2;
            var assumed = new List<Expr>();
            if (disc.IsZero)
            {
                var r = S(c1 / 2);
                y1 = Expr.Exp(r * x);
                y2 = x * Expr.Exp(r * x);
            }
            else if (disc is Number { Value.Sign: < 0 } dn)
            {
                var alpha = S(c1 / 2);
                var beta = S(Expr.Sqrt(Number.Of(-dn.Value)) / 2);
                y1 = Expr.Exp(alpha * x) * Expr.Cos(beta * x);
                y2 = Expr.Exp(alpha * x) * Expr.Sin(beta * x);
            }
            else if (!(disc is Number) && CharacteristicRoots.Roots(new[] { S(-c0), S(-c1), Expr.One }, assumed.Add) is [{ Im.IsZero: false } pair])
            {
                // a discriminant negative by the assumptions (−4ω² with ω real): the real form e^{αx}(C₁ cos βx + C₂ sin βx)
                y1 = Expr.Exp(pair.Re * x) * Expr.Cos(pair.Im * x);
                y2 = Expr.Exp(pair.Re * x) * Expr.Sin(pair.Im * x);
            }
            else
            {
                assumed.Clear();
                // a perfect square such as 4a² gives the roots (c1 ± 2a)/2 (the sign of the root does not matter: both are taken),
                // whereas √(4a²) = 2|a| cannot be rationalised; the two roots differ only while the discriminant is nonzero
                var sq = FormalSquareRoot(disc) ?? Expr.Sqrt(disc);
                if (disc is not Number) assumed.Add(disc);
                y1 = Expr.Exp(S((c1 + sq) / 2) * x);
                y2 = Expr.Exp(S((c1 - sq) / 2) * x);
            }
            y1 = S(y1); y2 = S(y2);
            Expr sol = C1 * y1 + C2 * y2;
            string method = "constant-coefficients";
            if (!g.IsZero)
            {
                // y_p = −y1 ∫ y2 g / W dx + y2 ∫ y1 g / W dx with W = y1 y2′ − y1′ y2 (constant coefficients: W ≠ 0)
                var w = S(Algebra.Together(y1 * D(y2, x) - D(y1, x) * y2));
                if (w.IsZero) return null;
                var i1 = Integrate(S(Algebra.Together(-y2 * g / w)), x);
                if (i1 is null) return null;
                var i2 = Integrate(S(Algebra.Together(y1 * g / w)), x);
                if (i2 is null) return null;
                sol += LinearOdes.TidyParticular(y1 * i1 + y2 * i2, new[] { y1, y2 }, x);
                method = "variation-of-parameters";
            }
            sol = S(sol);
            bool ok;
            try { ok = Zero(D(D(sol, x), x) - Substitution.Apply(G, new Dictionary<Expr, Expr> { [Y] = sol, [P] = D(sol, x) })); }
            catch (SymbolicException) { ok = false; }
            if (!ok) return null;
            var rel = Relation.Equation(y, sol);
            steps.Record(method, null, rel, "characteristic equation r² − (" + c1 + ") r − (" + c0 + ") = 0" +
                (g.IsZero ? "" : "; particular solution by variation of parameters for the right side " + g) +
                (assumed.Count == 0 ? "" : "; assumed " + string.Join(", ", assumed.Select(OdeSolution.NonzeroText))));
            return new OdeSolution(rel, true, method, true, steps, null) { Conditions = assumed.Select(OdeSolution.NonzeroText).ToList() };
        }

        /// <summary>√d when d is a square of polynomial factors (4a² → 2a, up to sign); null otherwise.</summary>
        private static Expr? FormalSquareRoot(Expr d)
        {
            if (d is Power { Base: var b, Exponent: Number { Value: var k } } && k.IsInteger && k.Num.IsEven) return b.Pow(Number.Of(k / 2));
            if (d is not Product p || p.Coefficient.Sign <= 0) return null;
            var parts = new List<Expr> { Expr.Sqrt(Number.Of(p.Coefficient)) };
            foreach (var (fb, fe) in p.Factors)
            {
                if (fe is not Number { Value: var fk } || !fk.IsInteger || !fk.Num.IsEven) return null;
                parts.Add(fb.Pow(Number.Of(fk / 2)));
            }
            return Product.Of(parts);
        }

        private OdeSolution? Autonomous(Expr G)
        {
            if (G.Contains(x) || G.Contains(P)) return null;
            var V = Integrate(G, Y);
            if (V is null) return null;
            // the energy integral ½ y′² − ∫f dy = C₁ (a first integral, checked by differentiation along solutions)
            var H = Expr.Half * P.Pow(2) - V;
            var dH = S(D(H, Y) * P + D(H, P) * G);
            if (!dH.IsZero) return null;
            var energy = Relation.Equation(Substitution.Apply(H, new Dictionary<Expr, Expr> { [P] = Derivative.Of(y, new[] { (x, 1) }), [Y] = y }), C1);
            steps.Record("energy-integral", null, energy, "y″ = f(y): multiply by y′ and integrate once (the order is reduced to 1); its derivative along solutions vanishes");
            // y′ = ±√(2(F(y) + C₁)), separable: ∫ dy/√(2(F(y) + C₁)) = C₂ ± x
            var integrand = S(1 / Expr.Sqrt(S(2 * (V + C1))));
            Expr? T = null;
            try
            {
                T = Integrate(integrand, Y);
                // T′² = 1/(2(F + C₁)): T′ is ±the integrand, so the branches C₂ ± x are the same pair
                if (T is not null && !Zero(S(D(T, Y).Pow(2) * 2 * (V + C1) - 1))) T = null;
            }
            catch (SymbolicException) { T = null; }
            string how;
            if (T is not null)
            {
                T = Substitution.Apply(T, Y, y);
                how = "the quadrature ∫ dy/√(2(F(y) + C₁)) found by the integrator (its derivative squared is 1/(2(F + C₁)), checked)";
            }
            else
            {
                // no elementary antiderivative found (elliptic for y″ = y³): the integral is kept, in a dummy letter named as the unknown
                var dummy = Expr.Symbol(y.Function.Name);
                T = Call.Of(Function.Integral, Substitution.Apply(integrand, Y, dummy), dummy);
                how = "the quadrature ∫ dy/√(2(F(y) + C₁)) is left unevaluated (the integrator finds no antiderivative); it is the solution by the fundamental theorem";
            }
            var plus = Relation.Equation(T, C2 + x);
            var minus = Relation.Equation(T, C2 - x);
            steps.Record("autonomous-quadrature", null, plus, "y′ = ±√(2(F(y) + C₁)) separated: " + how + "; the other branch is " + minus);
            return new OdeSolution(plus, false, "energy-integral-quadrature", true, steps, null) { Branches = [plus, minus] };
        }

        // ---- reduction of order: y″ = G(x, y′) without y (u = y′), y″ = G(y, y′) without x (y′ = w(y), y″ = w dw/dy)
        public OdeSolution? ReducedOrder(Expr F)
        {
            if (!Zero(D(D(F, Q), Q))) return null;
            var a = S(D(F, Q));
            if (a.IsZero) return null;
            var G = S(-S(F - a * Q) / a);
            if (G.Contains(Q) || !G.Contains(P)) return null;
            return MissingY(G) ?? MissingX(G);
        }

        private bool VerifySecondOrder(Expr sol, Expr G)
        {
            try { return Zero(D(D(sol, x), x) - Substitution.Apply(G, new Dictionary<Expr, Expr> { [Y] = sol, [P] = D(sol, x) })); }
            catch (SymbolicException) { return false; }
        }

        private OdeSolution? MissingY(Expr G)
        {
            if (G.Contains(Y)) return null;
            var U = Symbol.Of(SymbolName.Of("U", lower: ""));
            var P2 = Symbol.Of(SymbolName.Of("P", lower: "2"));
            var u = (Call)Call.Of(Function.User("u"), x);
            steps.Record("reduction-of-order", null, Relation.Equation(Derivative.Of(u, new[] { (x, 1) }), Substitution.Apply(G, P, u)), "y is missing: u = y′ solves a first-order equation");
            var inner = new Solver(x, u, U, P2, Q, budget, steps).FirstOrder(S(P2 - Substitution.Apply(G, P, U)));
            if (inner is null || !inner.Explicit) return null;
            var branches = new List<Relation>();
            foreach (var rel in inner.Branches)
            {
                var I = Integrate(rel.Right, x);
                if (I is null) continue;
                var sol = S(I + C2);
                if (VerifySecondOrder(sol, G)) branches.Add(Relation.Equation(y, sol));
            }
            if (branches.Count == 0) return null;
            steps.Record("reduction-of-order", null, branches[0], "y = ∫ u dx + C₂, substituted back into the equation: it holds");
            return new OdeSolution(branches[0], true, "reduction-of-order", true, steps, null) { Branches = branches };
        }

        private OdeSolution? MissingX(Expr G)
        {
            if (G.Contains(x)) return null;
            var s = Expr.Symbol(y.Function.Name);   // y as the independent variable
            var W = Symbol.Of(SymbolName.Of("W", lower: ""));
            var P2 = Symbol.Of(SymbolName.Of("P", lower: "2"));
            var w = (Call)Call.Of(Function.User("w"), s);
            var Gw = S(Substitution.Apply(G, new Dictionary<Expr, Expr> { [Y] = s, [P] = W }) / W);
            steps.Record("reduction-of-order", null, Relation.Equation(Derivative.Of(w, new[] { (s, 1) }), Substitution.Apply(Gw, W, w)), "x is missing: y′ = w(y), y″ = w dw/dy");
            var inner = new Solver(s, w, W, P2, Q, budget, steps).FirstOrder(S(P2 - Gw));
            if (inner is null || !inner.Explicit) return null;
            var K = Symbol.Of(SymbolName.Of("K", lower: ""));
            var branches = new List<Relation>();
            foreach (var rel in inner.Branches)
            {
                var g = Substitution.Apply(rel.Right, new Dictionary<Expr, Expr> { [s] = Y, [C1] = K });
                var outer = new Solver(x, y, Y, P, Q, budget, steps).FirstOrder(S(P - g));
                if (outer is null || !outer.Explicit) continue;
                foreach (var o in outer.Branches)
                {
                    var sol = S(Substitution.Apply(o.Right, new Dictionary<Expr, Expr> { [C1] = C2 }));
                    sol = S(Substitution.Apply(sol, K, C1));
                    if (VerifySecondOrder(sol, G)) branches.Add(Relation.Equation(y, sol));
                }
            }
            if (branches.Count == 0) return null;
            steps.Record("reduction-of-order", null, branches[0], "y′ = w(y) integrated once more; substituted back into the equation: it holds");
            return new OdeSolution(branches[0], true, "reduction-of-order", true, steps, null) { Branches = branches };
        }
    }
}
