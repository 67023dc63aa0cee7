using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core;

/// <summary>
/// A presentation rule: a named rewrite that changes how a result is written (collected, factored, a ratio
/// cancelled) and never its value.
/// </summary>
/// <param name="Name">The name recorded as the step's rule, e.g. <c>collect-derivatives</c>.</param>
/// <param name="Summary">What the rule does, in words a reader of <c>:steps</c> understands.</param>
/// <param name="Apply">The rewrite: the new form, or the input itself when the rule has nothing to do.</param>
/// <param name="Equivalent">How the result is checked: null for "the same value" (the normal form's equality);
/// otherwise a check of its own, as for an equation divided by a nonzero constant, whose sides change.</param>
public sealed record PresentationRule(string Name, string Summary, Func<Expr, Budget?, Expr> Apply,
    Func<Expr, Expr, Budget?, bool>? Equivalent = null);

/// <summary>
/// The presentation layer between the normal form and the printers. The normal form decides equality; these
/// rules decide how a result is shown, each a named step of the <see cref="Derivation"/> so that <c>:steps</c>
/// says why a result looks the way it does. A rule's output is checked to equal its input by the normal form
/// before it is kept: presentation never changes a value.
/// </summary>
/// <example><code>
/// var steps = new Derivation();
/// Presentation.Present(Expr.Parse("-e^{-2L} sin t + sin t"), steps);   // (1 - e^{-2L}) sin t, step "pull-out-common-factors"
/// </code></example>
public static class Presentation
{
    /// <summary>Results larger than this (in nodes) are shown as the normal form leaves them.</summary>
    public const int MaxSize = 4000;

    /// <summary>Collect by the derivatives of the unknowns, each coefficient simplified on its own: u_rr + (2/r) u_r + ….</summary>
    public static readonly PresentationRule CollectDerivatives = new("collect-derivatives",
        "grouped by the derivatives of the unknowns, each coefficient simplified on its own", (e, b) => OnSides(e, x => Collect(x, b)));

    /// <summary>Integer contents of the sums in a quotient cancel: (4a + 4b)(…)/(8a + 8b) = (…)/2.</summary>
    public static readonly PresentationRule CancelConstantRatios = new("cancel-constant-ratios",
        "constant factors of the sums in a quotient cancelled", (e, _) => e.Rewrite(CancelContents));

    /// <summary>A factor common to every term of a sum is written once: (1 − e^{−2Λ}) sin θ.</summary>
    public static readonly PresentationRule PullOutCommonFactors = new("pull-out-common-factors",
        "a factor common to every term of a sum written once", (e, _) => e.Rewrite(PullOut));

    /// <summary>
    /// An equation E = 0 divided by the factors of E that are certainly nonzero — numbers, symbols assumed positive or
    /// nonzero (<c>:assume l_1 &gt; 0</c>), exponentials — and by −1 when the leading term is negative:
    /// −l₁(…) = 0 is shown (…) = 0 when l₁ &gt; 0 is assumed. A symbol without such an assumption may be zero, and is
    /// kept. The check is that the two left sides differ by a nonzero factor free of the unknowns' derivatives.
    /// </summary>
    public static readonly PresentationRule DivideOutNonzeroFactors = new("divide-out-nonzero-factors",
        "the equation … = 0 divided by its nonzero constant factors and a leading minus", (e, _) => DivideOut(e), DividedByNonzero);

    /// <summary>The rules in the order they are tried.</summary>
    public static IReadOnlyList<PresentationRule> Rules { get; } = [CancelConstantRatios, CollectDerivatives, PullOutCommonFactors, DivideOutNonzeroFactors];

    /// <summary>
    /// Applies <see cref="Rules"/> in order; each rule that changes the form (and keeps the value) is recorded in
    /// <paramref name="steps"/>. A rule stopped by the budget is skipped, so the result is always a correct form.
    /// </summary>
    public static Expr Present(Expr e, Derivation? steps = null, Budget? budget = null) => Present(e, null, steps, budget);

    /// <summary>
    /// As <see cref="Present(Expr, Derivation?, Budget?)"/>, keeping what <paramref name="input"/> wrote: its compound
    /// angles (cos(θ₁ − θ₂) stays folded rather than cos θ₁ cos θ₂ + sin θ₁ sin θ₂) — see <see cref="KeepCompoundAngles"/>.
    /// </summary>
    public static Expr Present(Expr e, Expr? input, Derivation? steps = null, Budget? budget = null)
    {
        if (Simplifier.Size(e) > MaxSize) return e;
        var current = e;
        var rules = input is null ? Rules : Rules.Prepend(KeepInputFunctions(input)).Prepend(KeepCompoundAngles(input));
        foreach (var rule in rules)
        {
            Expr next;
            try
            {
                next = rule.Apply(current, budget);
                if (next.Equals(current)) continue;
                if (!(rule.Equivalent is { } equivalent ? equivalent(current, next, budget) : Simplifier.AreEqual(current, next, budget))) continue;
            }
            catch (BudgetExceededException) { continue; }
            catch (SymbolicException) { continue; }
            steps?.Record(rule.Name, current, next, rule.Summary);
            current = next;
        }
        return current;
    }

    /// <summary>
    /// The sines and cosines of a sum or difference that <paramref name="input"/> wrote, folded back where their
    /// expansion appears in a result: l₁l₂m₂θ̇₁θ̇₂(cos θ₁ cos θ₂ + sin θ₁ sin θ₂) is shown l₁l₂m₂θ̇₁θ̇₂ cos(θ₁ − θ₂).
    /// </summary>
    public static PresentationRule KeepCompoundAngles(Expr input)
    {
        var folds = new List<(Expr Call, Sum Expansion)>();
        foreach (var node in Nodes(input))
        {
            if (node is not Call { Args: [Sum { Constant.IsZero: true, Terms.Length: 2 } arg] } c || folds.Any(f => f.Call.Equals(c))) continue;
            var (a, b) = (arg.Children[0], arg.Children[1]);
            Expr expansion;
            if (c.Function == Function.Cos) expansion = Expr.Cos(a) * Expr.Cos(b) - Expr.Sin(a) * Expr.Sin(b);
            else if (c.Function == Function.Sin) expansion = Expr.Sin(a) * Expr.Cos(b) + Expr.Cos(a) * Expr.Sin(b);
            else continue;
            if (expansion is Sum { Constant.IsZero: true, Terms.Length: 2 } sum) folds.Add((c, sum));
        }
        return new("keep-compound-angles", "the compound angles the input wrote kept as written: cos(θ₁ − θ₂)",
            (e, _) => folds.Count == 0 ? e : e.Rewrite(node => node is Sum s ? Fold(s, folds) : null));
    }

    /// <summary>
    /// The functions <paramref name="input"/> wrote, kept in a result the normal form wrote in others: sinh u and
    /// cosh u for exponentials of u (¼e^{2μ} + ¼e^{−2μ} + ½ − cos²ν is shown sinh²μ + sin²ν), tan u (cot u) for
    /// sin u/cos u (cos u/sin u), sec u (csc u) for 1/cos u (1/sin u). A sum is rewritten only when every
    /// exponential of u in it is an integer multiple of the argument written and the rewritten sum is no larger.
    /// </summary>
    public static PresentationRule KeepInputFunctions(Expr input)
    {
        var (hyperbolic, tangents, cotangents, secants, cosecants) = RewrittenFunctions(input);
        return new("keep-input-functions", "the functions the input wrote kept: sinh and cosh rather than exponentials, tan and sec rather than sin and cos",
            (e, budget) =>
            {
                if (hyperbolic.Count + tangents.Count + cotangents.Count + secants.Count + cosecants.Count == 0) return e;
                // Top down: a whole quotient first, where e^{2μ} cancels between numerator and denominator, then its parts.
                foreach (var u in hyperbolic) e = e.RewriteTopDown(node => node is Sum or Product ? Hyperbolic(node, u, budget) : null);
                foreach (var u in tangents) e = e.Rewrite(node => Quotient(node, Expr.Sin(u), Expr.Cos(u), Call.Of(Function.Tan, u)));
                foreach (var u in cotangents) e = e.Rewrite(node => Quotient(node, Expr.Cos(u), Expr.Sin(u), Call.Of(Function.Cot, u)));
                foreach (var u in secants) e = e.Rewrite(node => Quotient(node, Expr.One, Expr.Cos(u), Call.Of(Function.Sec, u)));
                foreach (var u in cosecants) e = e.Rewrite(node => Quotient(node, Expr.One, Expr.Sin(u), Call.Of(Function.Csc, u)));
                return e;
            });
    }

    /// <summary>True when <paramref name="input"/> has a function the normal form writes in others (sinh in exponentials, tan in sin/cos).</summary>
    public static bool WritesFunctionsTheNormalFormRewrites(Expr input)
    {
        var (h, t, c, s, k) = RewrittenFunctions(input);
        return h.Count + t.Count + c.Count + s.Count + k.Count > 0;
    }

    private static (List<Expr> Hyperbolic, List<Expr> Tangents, List<Expr> Cotangents, List<Expr> Secants, List<Expr> Cosecants) RewrittenFunctions(Expr input)
    {
        var hyperbolic = new List<Expr>();
        var tangents = new List<Expr>();
        var cotangents = new List<Expr>();
        var secants = new List<Expr>();
        var cosecants = new List<Expr>();
        foreach (var node in Nodes(input))
        {
            if (node is not Call { Args: [var u] } c || c.Function.IsUser) continue;
            var f = c.Function;
            var list = f == Function.Sinh || f == Function.Cosh || f == Function.Tanh || f == Function.Coth || f == Function.Sech || f == Function.Csch ? hyperbolic
                : f == Function.Tan ? tangents : f == Function.Cot ? cotangents : f == Function.Sec ? secants : f == Function.Csc ? cosecants : null;
            if (list is not null && !list.Contains(u)) list.Add(u);
        }
        return (hyperbolic, tangents, cotangents, secants, cosecants);
    }

    /// <summary>
    /// In a product (or a power), numeratorᵃ·denominator⁻ᵇ with a, b &gt; 0 written as quotient^{min(a, b)} times the rest:
    /// sin²u/cos u = tan u · sin u; with numerator 1, cos⁻²u = sec²u.
    /// </summary>
    private static Expr? Quotient(Expr node, Expr numerator, Expr denominator, Expr quotient)
    {
        if (node is not (Product or Power)) return null;
        var factors = FactorsOf(node).ToList();
        int Exponent(Expr b) => factors.FirstOrDefault(f => f.Base.Equals(b)).Exponent is Number { Value: { IsInteger: true } q } && BigInteger.Abs(q.Num) < 1000 ? (int)q.Num : 0;
        int down = -Exponent(denominator);
        int up = numerator.IsOne ? down : Exponent(numerator);
        int k = Math.Min(up, down);
        if (k <= 0) return null;
        var rest = factors.Where(f => !f.Base.Equals(denominator) && !f.Base.Equals(numerator)).Select(f => Power.Of(f.Base, f.Exponent)).ToList();
        if (!numerator.IsOne) rest.Add(Power.Of(numerator, Number.Of(up - k)));
        rest.Add(Power.Of(denominator, Number.Of(k - down)));
        rest.Add(Power.Of(quotient, Number.Of(k)));
        if (node is Product p) rest.Add(Number.Of(p.Coefficient));
        return Product.Of(rest);
    }

    /// <summary>
    /// A sum with exponentials of integer multiples of u written in sinh u and cosh u: e^{ku} = (cosh u + sinh u)^k,
    /// reduced by cosh²u = 1 + sinh²u (or sinh²u = cosh²u − 1, whichever is smaller) through the normal form, with
    /// cosh u standing for √(1 + sinh²u) (sinh u for √(cosh²u − 1)) as an algebraic kernel. Null when an
    /// exponential of u is not such a multiple, or the rewritten sum is larger.
    /// </summary>
    private static Expr? Hyperbolic(Expr s, Expr u, Budget? budget)
    {
        if (Simplifier.Size(s) > MaxSize / 4) return null;
        var (k0, t0) = u is Product { Coefficient.IsOne: false } pu ? (pu.Coefficient, pu.WithoutCoefficient()) : (Rational.One, u);
        bool HasExp(Expr e) => e is Power { Base: var b, Exponent: var x } && b == Expr.E && Multiple(x, t0, k0) is not null
                               || e.Children.Any(HasExp);
        if (!HasExp(s)) return null;
        var sinh = Call.Of(Function.Sinh, u);
        var cosh = Call.Of(Function.Cosh, u);
        Expr? best = null;
        foreach (bool sinhFree in new[] { false, true })
        {
            // The free one is a symbol; the other is the square root that the relation cosh² − sinh² = 1 makes of it.
            var free = Expr.Symbol(sinhFree ? "\u2062cosh" : "\u2062sinh", Assumptions.Real);
            var square = sinhFree ? Power.Of(free, Number.Of(2)) - 1 : 1 + Power.Of(free, Number.Of(2));
            var root = Expr.Sqrt(square);
            var (S, C) = sinhFree ? (root, (Expr)free) : (free, root);
            bool failed = false;
            var substituted = s.Rewrite(node =>
            {
                if (node.Equals(sinh)) return S;
                if (node.Equals(cosh)) return C;
                if (node is not Power { Base: var b, Exponent: var x } || b != Expr.E) return null;
                var m = Multiple(x, t0, k0);
                if (m is null) return null;
                var (k, rest) = m.Value;
                if (!k.IsInteger || BigInteger.Abs(k.Num) > 12) { failed = true; return null; }
                var power = k.Sign > 0 ? Power.Of(C + S, Number.Of(k)) : Power.Of(C - S, Number.Of(-k));
                return Product.Of(Expr.Exp(rest), power);
            });
            if (failed) return null;
            var context = new RationalContext(budget: budget);
            var shown = context.ToExpr(context.ToRatFun(substituted));
            shown = shown.RewriteTopDown(node =>
                node.Equals(free) ? (sinhFree ? cosh : sinh)
                : node.Equals(square) ? Power.Of(sinhFree ? sinh : cosh, Number.Of(2))
                : node is Power { Base: var b, Exponent: Number { Value: var q } } && b.Equals(square) && (2 * q).IsInteger
                    ? Power.Of(sinhFree ? sinh : cosh, Number.Of(2 * q)) : null);
            if (Nodes(shown).Any(n => n.Equals(free))) continue;
            if (best is null || Simplifier.Size(shown) < Simplifier.Size(best)) best = shown;
        }
        return best is not null && Simplifier.Size(best) <= Simplifier.Size(s) ? best : null;
    }

    /// <summary>For an exponent x = k·k₀·t₀ + rest: (k, rest); null when t₀ is not a term of x.</summary>
    private static (Rational K, Expr Remainder)? Multiple(Expr x, Expr t0, Rational k0)
    {
        foreach (var (term, c) in x is Sum s ? s.Terms.Select(t => (t.Term, t.Coefficient))
                     : x is Product { Coefficient.IsOne: false } p ? [(p.WithoutCoefficient(), p.Coefficient)] : [(x, Rational.One)])
            if (term.Equals(t0)) return (c / k0, x - Product.Of(Number.Of(c), term));
        return null;
    }

    private static IEnumerable<Expr> Nodes(Expr e)
    {
        yield return e;
        foreach (var c in e.Children)
            foreach (var n in Nodes(c)) yield return n;
    }

    private static Expr? Fold(Sum s, List<(Expr Call, Sum Expansion)> folds)
    {
        var terms = new Dictionary<Expr, Rational>();
        foreach (var (t, k) in s.Terms) terms[t] = k;
        bool changed = false;
        foreach (var (call, expansion) in folds)
        {
            var (m1, c1) = expansion.Terms[0];
            var (m2, c2) = expansion.Terms[1];
            foreach (var (y, k) in terms.ToList())
            {
                if (!terms.ContainsKey(y) || !Divides(m1, y)) continue;
                var x = Product.Of(y, Power.Of(m1, Expr.MinusOne));      // y = x·m1
                var partner = Product.Of(x, m2);
                var partnerFactor = Rational.One;
                if (partner is Product { Coefficient.IsOne: false } pp) { partnerFactor = pp.Coefficient; partner = pp.WithoutCoefficient(); }
                var needed = k / c1 * c2 * partnerFactor;   // the partner term is (k/c1)·x·c2·m2
                if (!terms.TryGetValue(partner, out var found) || found != needed) continue;
                terms.Remove(y);
                terms.Remove(partner);
                var folded = Product.Of(Number.Of(k / c1), x, call);
                var (ft, fk) = folded is Product { Coefficient.IsOne: false } fp ? (fp.WithoutCoefficient(), fp.Coefficient) : (folded, Rational.One);
                terms[ft] = terms.TryGetValue(ft, out var old) ? old + fk : fk;
                changed = true;
            }
        }
        if (!changed) return null;
        return Sum.Of(terms.Select(kv => Product.Of(Number.Of(kv.Value), kv.Key)).Prepend(Number.Of(s.Constant)));
    }

    /// <summary>True when every factor of the monomial <paramref name="m"/> appears in <paramref name="y"/> to at least its power.</summary>
    private static bool Divides(Expr m, Expr y)
    {
        var have = FactorsOf(y).ToList();
        foreach (var (b, e) in FactorsOf(m))
        {
            var match = have.FirstOrDefault(f => f.Base.Equals(b));
            if (match.Base is null || e is not Number { Value: var need } || match.Exponent is not Number { Value: var got } || got < need) return false;
        }
        return true;
    }

    private static Expr OnSides(Expr e, Func<Expr, Expr> f) =>
        e is Relation r ? Relation.Of(f(r.Left), r.Op, f(r.Right)) : f(e);

    // ---------------------------------------------------------------- divide-out-nonzero-factors

    private static Expr DivideOut(Expr e)
    {
        if (e is not Relation { Op: RelationKind.Equal } r) return e;
        var (side, zeroOnLeft) = r.Right.IsZero ? (r.Left, false) : r.Left.IsZero ? (r.Right, true) : (null, false);
        if (side is null || side.IsZero) return e;
        var kept = new List<Expr>();
        Expr rest;
        if (side is Product p)
        {
            foreach (var (b, x) in p.Factors)
                if (!(Assume.IsNonzero(b) && (x is Number { Value.Sign: > 0 } || Assume.IsPositive(b)))) kept.Add(Power.Of(b, x));
            rest = Product.Of(kept);
        }
        else rest = side;
        // A sum keeps coprime integer coefficients (2x + 4y = 0 is x + 2y = 0) and leads with a positive term.
        if (rest is Sum s)
        {
            var content = Content(s);
            // The sign that most terms have goes out (the first term's on a tie), as in pull-out-common-factors.
            int negative = s.Children.Count(t => t is Number { Value.Sign: < 0 } or Product { Coefficient.Sign: < 0 });
            if (2 * negative > s.Children.Count
                || 2 * negative == s.Children.Count && Display.Terms(s)[0] is Number { Value.Sign: < 0 } or Product { Coefficient.Sign: < 0 })
                content = -content;
            rest = s.Scale(Rational.One / content);
        }
        if (rest is Number) return e;   // a nonzero constant = 0 is kept as it is, a contradiction to be seen
        return zeroOnLeft ? Relation.Of(Expr.Zero, r.Op, rest) : Relation.Of(rest, r.Op, Expr.Zero);
    }

    /// <summary>Both are E = 0 and F = 0 with E/F a nonzero factor: a product of numbers and certainly nonzero factors.</summary>
    private static bool DividedByNonzero(Expr before, Expr after, Budget? budget)
    {
        static Expr? Side(Expr e) => e is Relation { Op: RelationKind.Equal } r ? (r.Right.IsZero ? r.Left : r.Left.IsZero ? r.Right : null) : null;
        if (Side(before) is not { } a || Side(after) is not { } b || b.IsZero) return false;
        var ratio = Simplifier.Simplify(a / b, budget);
        return !ratio.IsZero && Assume.IsNonzero(ratio) && !HasDerivative(ratio);
    }

    // ---------------------------------------------------------------- collect-derivatives

    private static bool IsUnknown(Expr e) => e is Derivative || e is Call { Function.IsUser: true };

    private static bool DependsOnUnknown(Expr e)
    {
        if (IsUnknown(e)) return true;
        foreach (var c in e.Children) if (DependsOnUnknown(c)) return true;
        return false;
    }

    private static bool HasDerivative(Expr e)
    {
        if (e is Derivative) return true;
        foreach (var c in e.Children) if (HasDerivative(c)) return true;
        return false;
    }

    private static Expr Collect(Expr e, Budget? budget)
    {
        if (!HasDerivative(e)) return e;
        // r² sin θ (…): factors free of the unknowns stay outside, the sum inside is collected (a quotient is expanded whole).
        if (e is Product outerProduct && outerProduct.Factors.Count(f => f.Base is Sum && f.Exponent.IsOne && HasDerivative(f.Base)) == 1
            && outerProduct.Factors.All(f => f.Base is Sum && f.Exponent.IsOne
                || !DependsOnUnknown(f.Base) && f.Exponent is Number { Value.Sign: > 0 }))
        {
            var inner = outerProduct.Factors.First(f => f.Base is Sum && f.Exponent.IsOne && HasDerivative(f.Base)).Base;
            var outer = outerProduct.FactorExprs().Where(f => !ReferenceEquals(f, inner) && !f.Equals(inner)).Prepend(Number.Of(outerProduct.Coefficient));
            var collectedInner = Collect(inner, budget);
            return ReferenceEquals(collectedInner, inner) ? e : Product.Of(outer.Append(collectedInner));
        }
        var expanded = Algebra.Expand(e, budget);
        var groups = new SortedDictionary<Expr, List<Expr>>(ExprOrder.Instance);
        foreach (var term in expanded is Sum s ? s.Children : [expanded])
        {
            var key = new List<Expr>();
            var coefficient = new List<Expr>();
            foreach (var f in term is Product p ? p.Children : [term])
                (DependsOnUnknown(f) ? key : coefficient).Add(f);
            var k = Product.Of(key);
            if (!groups.TryGetValue(k, out var list)) groups[k] = list = [];
            list.Add(Product.Of(coefficient));
        }
        if (!groups.Keys.Any(HasDerivative)) return e;
        var collected = Sum.Of(groups.Select(g => Product.Of(Simplifier.Simplify(Sum.Of(g.Value), budget), g.Key)));
        // Collected only where it reads shorter, or no longer than a little: one fraction of ten terms becomes five
        // terms of one coefficient each.
        return Simplifier.Size(collected) <= Simplifier.Size(e) + 4 ? collected : e;
    }

    // ---------------------------------------------------------------- cancel-constant-ratios

    /// <summary>The positive rational c with s/c having coprime integer coefficients.</summary>
    private static Rational Content(Sum s)
    {
        var values = s.Terms.Select(t => t.Coefficient).ToList();
        if (!s.Constant.IsZero) values.Add(s.Constant);
        System.Numerics.BigInteger num = 0, den = 1;
        foreach (var q in values)
        {
            num = System.Numerics.BigInteger.GreatestCommonDivisor(num, q.Num);
            den = den / System.Numerics.BigInteger.GreatestCommonDivisor(den, q.Den) * q.Den;
        }
        return num.IsZero ? Rational.One : Rational.Of(num, den);
    }

    private static Expr? CancelContents(Expr node)
    {
        if (node is not Product p) return null;
        bool hasSumUp = false, hasSumDown = false;
        foreach (var (b, x) in p.Factors)
            if (b is Sum && x is Number { Value.IsInteger: true } n)
            {
                if (n.Value.Sign > 0) hasSumUp = true; else hasSumDown = true;
            }
        if (!(hasSumDown && (hasSumUp || !p.Coefficient.IsOne))) return null;
        var factors = new List<Expr> { Number.Of(p.Coefficient) };
        bool changed = false;
        foreach (var (b, x) in p.Factors)
        {
            if (b is Sum s && x is Number { Value: { IsInteger: true } k } && Content(s) is var c && !c.IsOne)
            {
                var primitive = s.Scale(Rational.One / c);
                int power = (int)k.Num;
                factors.Add(Number.Of(c.Pow(power)));
                factors.Add(Power.Of(primitive, x));
                changed = true;
            }
            else factors.Add(x.IsOne ? b : Power.Of(b, x));
        }
        return changed ? Product.Of(factors) : null;
    }

    // ---------------------------------------------------------------- pull-out-common-factors

    private static IEnumerable<(Expr Base, Expr Exponent)> FactorsOf(Expr term) => term switch
    {
        Product p => p.Factors,
        Power pw => [(pw.Base, pw.Exponent)],
        Number => [],
        _ => [(term, Expr.One)],
    };

    private static Expr? PullOut(Expr node)
    {
        if (node is not Sum s || !s.Constant.IsZero || s.Terms.Length < 2) return null;
        var terms = s.Children;
        var common = new List<(Expr Base, Expr Exponent)>();
        foreach (var (b, x) in FactorsOf(terms[0]))
        {
            Expr? shared = x;
            foreach (var t in terms.Skip(1))
            {
                var match = FactorsOf(t).Where(f => f.Base.Equals(b)).Select(f => f.Exponent).FirstOrDefault();
                shared = match is null ? null : Shared(shared!, match);
                if (shared is null) break;
            }
            if (shared is not null) common.Add((b, shared));
        }
        if (common.Count == 0) return null;
        // The integer content too, once something else is pulled out: 4Fη² + 4Fξ² = 4F(η² + ξ²).
        var content = Content(s);
        // −e^{−2Λ}(Φ″ + Φ′² − Φ′Λ′): a sign shared by most terms goes out too, as the articles write it.
        if (2 * s.Terms.Count(t => t.Coefficient.Sign < 0) > s.Terms.Length) content = -content;
        var factor = Product.Of(common.Select(c => Power.Of(c.Base, c.Exponent)).Prepend(Number.Of(content)));
        var inverse = Power.Of(factor, Expr.MinusOne);
        var rest = Sum.Of(terms.Select(t => Product.Of(t, inverse)));
        if (rest is not Sum) return null;
        var result = Product.Of(factor, rest);
        return Simplifier.Size(result) <= Simplifier.Size(node) ? result : null;
    }

    /// <summary>
    /// The part of two exponents of one base that both terms share: the smaller of two integers of one sign
    /// (r² and r³ share r², 1/r and 1/r² share 1/r), or the exponent itself when equal (e^{−2Λ}).
    /// </summary>
    private static Expr? Shared(Expr a, Expr b)
    {
        if (a.Equals(b)) return a;
        if (a is Number { Value: { IsInteger: true } qa } && b is Number { Value: { IsInteger: true } qb } && qa.Sign == qb.Sign)
            return qa.Sign > 0 ? (qa < qb ? a : b) : (qa > qb ? a : b);
        return null;
    }
}
