using Symbolic.Core.Integration;
using Symbolic.Core.Numbers;

namespace Symbolic.Core.Ode;

/// <summary>
/// Linear ODEs a_n y⁽ⁿ⁾ + … + a₁ y′ + a₀ y = g(x) of any order in two classes: constant coefficients (the
/// characteristic polynomial's exact roots give the real basis x^j e^{αx}, x^j e^{αx} cos βx, x^j e^{αx} sin βx) and
/// Cauchy–Euler a_k = c_k x^k (x = e^t makes it constant-coefficient: the indicial polynomial Σ c_k r(r−1)…(r−k+1)
/// gives x^α (log x)^j, x^α (log x)^j cos(β log x), … for x &gt; 0). A right side is handled by variation of parameters
/// with the Wronskian. The solution is substituted into the equation before it is returned.
/// </summary>
internal static class LinearOdes
{
    private static Expr S(Expr e) => Simplifier.Simplify(e);

    /// <summary>The solution, or null when the equation is not linear of these classes or a step is out of reach.</summary>
    public static OdeSolution? Solve(Expr eq, Call y, Symbol x, int order, Budget budget, Derivation steps)
    {
        if (order > 8) return null;
        // y⁽ᵏ⁾ → Y_k
        var ys = Enumerable.Range(0, order + 1).Select(k => Symbol.Of(SymbolName.Of($"Y{k}", lower: ""))).ToArray();
        var map = new Dictionary<Expr, Expr> { [y] = ys[0] };
        for (int k = 1; k <= order; k++) map[Derivative.Of(y, new[] { (x, k) })] = ys[k];
        var F = Substitution.Apply(eq, map);
        if (F.Any(e => e is Derivative || e is Call { Function.IsUser: true })) return null;
        var a = new Expr[order + 1];
        Expr rest = F;
        for (int k = 0; k <= order; k++)
        {
            a[k] = S(Calculus.Diff(F, ys[k]));
            if (ys.Any(a[k].Contains)) return null;   // not linear
            rest -= a[k] * ys[k];
        }
        rest = S(rest);
        if (ys.Any(rest.Contains) || a[order].IsZero) return null;
        var g = S(-rest / a[order]);   // y⁽ⁿ⁾ + Σ (a_k/a_n) y⁽ᵏ⁾ = g
        var monic = a.Select(c => S(c / a[order])).ToArray();

        var assumed = new List<Expr>();
        List<Expr>? basis;
        string method, why;
        string? refusal;
        if (monic.All(c => !c.FreeSymbols().Contains(x)))
        {
            basis = CharacteristicRoots.Basis(monic, x, assumed.Add, out refusal);
            method = "constant-coefficients";
            why = "characteristic polynomial " + Polynomial(monic, Symbol.Of("r"));
        }
        else
        {
            // Cauchy–Euler: a_k / a_n = c_k x^{k−n}
            var c = monic.Select((m, k) => S(m * x.Pow(order - k))).ToArray();
            if (c.Any(ck => ck.FreeSymbols().Contains(x))) return null;
            // indicial polynomial Σ c_k r(r−1)…(r−k+1), as coefficients in r
            var p = new Expr[order + 1];
            for (int i = 0; i <= order; i++) p[i] = Expr.Zero;
            for (int k = 0; k <= order; k++)
            {
                var falling = FallingFactorial(k);
                for (int i = 0; i < falling.Length; i++) p[i] += c[k] * Number.Of(falling[i]);
            }
            p = p.Select(S).ToArray();
            var t = Symbol.Of(SymbolName.Of("t", lower: ""));
            var inT = CharacteristicRoots.Basis(p, t, assumed.Add, out refusal);
            refusal = refusal?.Replace("the characteristic polynomial", "the indicial polynomial", StringComparison.Ordinal);
            basis = inT?.Select(b => S(PowersOfX(S(Substitution.Apply(b, t, Expr.Log(x))), x))).ToList();
            method = "euler";
            why = "x = eᵗ: indicial polynomial " + Polynomial(p, Symbol.Of("r"));
        }
        if (basis is null || basis.Count != order)
            return refusal is null ? null : new OdeSolution(null, false, null, false, steps, refusal);
        var constants = Enumerable.Range(1, order).Select(i => (Expr)Symbol.Of(SymbolName.Of("C", lower: i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
        Expr sol = Sum.Of(basis.Select((b, i) => constants[i] * b));
        if (!g.IsZero)
        {
            var particular = VariationOfParameters(basis, g, x, budget, steps);
            if (particular is null) return null;
            sol += TidyParticular(particular, basis, x);
            method = method == "euler" ? "euler-variation-of-parameters" : "variation-of-parameters";
            why += "; particular solution by variation of parameters for the right side " + g;
        }
        sol = S(sol);
        // substituted back into the equation
        Expr check = Expr.Zero, d = sol;
        for (int k = 0; k <= order; k++) { check += a[k] * d; d = Calculus.Diff(d, x); }
        bool ok;
        try { ok = Simplifier.IsZero(Algebra.Together(check + rest)); }
        catch (SymbolicException) { ok = false; }
        if (!ok) return null;
        var conditions = assumed.Select(OdeSolution.NonzeroText).ToList();
        if (method.StartsWith("euler", StringComparison.Ordinal)) conditions.Add($"{x} > 0");
        if (conditions.Count > 0) why += "; assumed " + string.Join(", ", conditions);
        var rel = Relation.Equation(y, sol);
        steps.Record(method, null, rel, why + "; substituted back into the equation: it holds");
        return new OdeSolution(rel, true, method, true, steps, null) { Conditions = conditions };
    }

    /// <summary>e^{c log x} = x^c for any c free of x (2 + √6 included; x &gt; 0), so the basis reads x^{2+√6} and integrates.</summary>
    private static Expr PowersOfX(Expr e, Symbol x) => e.Rewrite(node =>
    {
        if (node is not Power { Base: Symbol { Name: "e", IsConstant: true }, Exponent: var ex }) return null;
        var c = S(ex / Expr.Log(x));
        return c.FreeSymbols().Contains(x) ? null : x.Pow(c);
    });

    /// <summary>r(r−1)…(r−k+1) as coefficients of r⁰ … r^k.</summary>
    private static Rational[] FallingFactorial(int k)
    {
        var c = new Rational[k + 1];
        for (int i = 0; i <= k; i++) c[i] = Rational.Zero;
        c[0] = Rational.One;
        for (int j = 0; j < k; j++)
        {
            // multiply by (r − j)
            for (int i = j + 1; i >= 1; i--) c[i] = c[i - 1] - Rational.Of(j) * c[i];
            c[0] = -Rational.Of(j) * c[0];
        }
        return c;
    }

    private static Expr Polynomial(IReadOnlyList<Expr> p, Symbol r) => S(Sum.Of(p.Select((c, i) => c * r.Pow(i))));

    /// <summary>
    /// y_p = Σ u_i y_i with u_i′ = W_i g / W: W the Wronskian of the basis, W_i with column i replaced by (0, …, 0, 1).
    /// </summary>
    private static Expr? VariationOfParameters(List<Expr> basis, Expr g, Symbol x, Budget budget, Derivation steps)
    {
        int n = basis.Count;
        var rows = new Expr[n, n];
        for (int j = 0; j < n; j++)
        {
            var d = basis[j];
            for (int i = 0; i < n; i++) { rows[i, j] = d; d = S(Calculus.Diff(d, x)); }
        }
        var w = S(Algebra.Together(Algebra.Determinant(rows, n)));
        if (w.IsZero) return null;
        Expr result = Expr.Zero;
        for (int i = 0; i < n; i++)
        {
            var wi = (Expr[,])rows.Clone();
            for (int r = 0; r < n; r++) wi[r, i] = r == n - 1 ? Expr.One : Expr.Zero;
            var integrand = S(OdeSolver.ExpOfLogs(S(Algebra.Together(Algebra.Determinant(wi, n) * g / w))));
            var integral = Integrator.Integrate(integrand, x, budget);
            if (!integral.Found || integral.Antiderivative is null) return null;
            steps.Append(integral.Steps.Where(s => s.Rule == "verify"));
            result += basis[i] * integral.Antiderivative;
        }
        return S(result);
    }

    /// <summary>
    /// A particular solution written plainly: products of sines and cosines of linear arguments turned into sums
    /// (cos 3x cos 6x + sin 3x sin 6x is cos 3x), and terms that are constant multiples of a basis function dropped (the
    /// constants C₁, C₂, … absorb them): y″ + 9y = cos 3x gives x sin(3x)/6, not cos(3x) cos(6x)/36 + … . The caller
    /// substitutes the whole solution back into the equation, so this rewriting is checked.
    /// </summary>
    internal static Expr TidyParticular(Expr particular, IReadOnlyList<Expr> basis, Symbol x)
    {
        static IEnumerable<Expr> Terms(Expr e) => e is Sum s
            ? s.Terms.Select(t => Number.Of(t.Coefficient) * t.Term).Append(Number.Of(s.Constant))
            : new[] { e };
        bool LinearTrig(Expr b) => b is Call { Args: [var u] } c && c.Applies(Function.Sin, Function.Cos)
            && u.FreeSymbols().Contains(x) && !S(Calculus.Diff(u, x)).FreeSymbols().Contains(x);
        Expr ProductToSum(Expr t)
        {
            if (t is not Product p) return t;
            Expr acc = Expr.One;
            var others = new List<Expr> { Number.Of(p.Coefficient) };
            int count = 0;
            foreach (var (b, e) in p.Factors)
            {
                if (LinearTrig(b) && e is Number { Value: { IsInteger: true, Sign: > 0 } } ne && ne.Value.Num <= 12)
                    for (int i = 0; i < (int)ne.Value.Num; i++) { acc = IntegrationSearch.MultiplyTrig(acc, b); count++; }
                else others.Add(e.IsOne ? b : Power.Of(b, e));
            }
            return count < 2 ? t : Algebra.Expand(Product.Of(others) * acc);
        }
        var expanded = S(Algebra.Expand(Sum.Of(Terms(Algebra.Expand(S(particular))).Select(ProductToSum))));
        var kept = Terms(expanded).Where(t => !t.IsZero && !basis.Any(b =>
        {
            var q = S(t / b);
            return !q.FreeSymbols().Contains(x);
        }));
        return S(Sum.Of(kept));
    }

}
