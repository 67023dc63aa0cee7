using System.Numerics;

namespace Symbolic.Core.Integration;

/// <summary>
/// The checks that make F(b) − F(a) a true value: the places where the integrand or its antiderivative may be
/// singular (denominators, logarithm arguments, radicands, tan/sec/cot/csc arguments, powers with a symbolic
/// exponent), their zeros on [a, b] found by sign changes AND by minima of |g| (a touching zero such as
/// 1 + cos x at π has no sign change), the exact jumps of arctangent terms of F there, and a numeric
/// quadrature of the integrand as the last word.
/// </summary>
public static partial class DefiniteIntegrator
{
    /// <summary>A place where an expression may be singular: g = 0 is the danger; Strict when a zero at a limit is one too.</summary>
    private readonly record struct Watched(Expr G, bool Strict, Expr Node);

    private sealed record ContinuityResult(Expr? AtA, Expr? AtB, Expr Jumps, string? Reason);

    private static List<Watched> Watch(Expr e, Symbol x)
    {
        var watch = new List<Watched>();
        e.Any(n =>
        {
            switch (n)
            {
                case Power { Exponent: Number { Value.Sign: < 0 } } p when p.Base.Contains(x): watch.Add(new(p.Base, true, p)); break;
                case Power { Exponent: Number { Value.IsInteger: false } } p when p.Base.Contains(x): watch.Add(new(p.Base, false, p)); break;
                case Power { Exponent: not Number } p when p.Base.Contains(x) && !p.Exponent.Contains(x) && !Assume.IsNonnegative(p.Exponent):
                    watch.Add(new(p.Base, true, p)); break;
                case Call { Args: [var u] } c when c.Applies(Function.Log) && u.Contains(x): watch.Add(new(u, true, c)); break;
                case Call { Args: [var u] } c when c.Applies(Function.Tan, Function.Sec) && u.Contains(x): watch.Add(new(Expr.Cos(u), true, c)); break;
                case Call { Args: [var u] } c when c.Applies(Function.Cot, Function.Csc) && u.Contains(x): watch.Add(new(Expr.Sin(u), true, c)); break;
            }
            return false;
        });
        return watch;
    }

    private static List<Symbol> Parameters(Expr e, Symbol x) => e.FreeSymbols().Where(s => !s.Equals(x)).ToList();

    /// <summary>
    /// A reason when a singular place of the integrand or of F depends on a parameter the assumptions do not keep
    /// off [a, b]: 1/(x − a)² on [0, 1] has F(1) − F(0) = 1/(a(a − 1)), negative at a = ½ for a positive integrand.
    /// </summary>
    private static string? ParameterSingularity(Expr f, Expr F, Symbol x, Expr a, Expr b, double lo, double hi)
    {
        foreach (var w in Watch(f, x).Concat(Watch(F, x)))
        {
            var ps = Parameters(w.Node, x);
            if (ps.Count == 0) continue;
            var names = string.Join(", ", ps.Select(p => p.Name));
            if (Parameters(w.G, x).Count > 0)
            {
                // x is real on the interval, and of one sign when the interval is: x = ξ or −ξ with ξ ≥ 0 (> 0)
                var xi = Symbol.Of("ξ_interval", lo > 0 || hi < 0 ? Assumptions.Positive : lo == 0 || hi == 0 ? Assumptions.Nonnegative : Assumptions.Real);
                var g = Simplifier.Simplify(Substitution.Apply(w.G, x, hi <= 0 && lo < 0 ? -xi : xi));
                if (Assume.IsPositive(g) || Assume.IsPositive(Simplifier.Simplify(-g))) continue;
                return $"{w.Node} is singular where {w.G} = 0, which depends on {names} and is not kept off [{a}, {b}] by the assumptions; "
                     + $"F(b) − F(a) is the value only when {w.G} ≠ 0 on the interval";
            }
            var zeros = Zeros(w.G, x, lo, double.IsInfinity(hi) ? lo + 50 : hi, out _);
            if (zeros.Count > 0)
                return $"{w.Node} may be singular where {w.G} = 0 (x ≈ {zeros[0]:G6}, in the interval): that depends on {names}, which the assumptions do not decide";
        }
        return null;
    }

    private static Complex Ev(Expr g, Symbol x, double v)
    {
        try { return NumericProbe.Evaluate(g, new Dictionary<Expr, Complex> { [x] = v }); }
        catch (SymbolicException) { return new Complex(double.NaN, 0); }
        catch (ArithmeticException) { return new Complex(double.NaN, 0); }
    }

    private static bool IsAt(double c, double end, double lo, double hi) => Math.Abs(c - end) <= 1e-7 * (1 + Math.Abs(lo) + Math.Abs(hi));

    /// <summary>
    /// The zeros of g on [lo, hi], numerically: sign changes (bisected) and local minima of |g| (golden section)
    /// where |g| falls below 1e-9 of its scale, so that touching zeros are found too; points where g cannot be
    /// evaluated count as zeros (a refusal guard). notReal when g takes complex values there.
    /// </summary>
    private static List<double> Zeros(Expr g, Symbol x, double lo, double hi, out bool notReal)
    {
        const int N = 2000;
        notReal = false;
        var xs = new double[N + 1];
        var vs = new double[N + 1];
        double scale = 0;
        for (int i = 0; i <= N; i++)
        {
            xs[i] = i == N ? hi : lo + (hi - lo) * i / N;
            var v = Ev(g, x, xs[i]);
            if (Math.Abs(v.Imaginary) > 1e-9 * (1 + Math.Abs(v.Real))) notReal = true;
            vs[i] = v.Real;
            if (double.IsFinite(v.Real)) scale = Math.Max(scale, Math.Abs(v.Real));
        }
        double tol = 1e-9 * Math.Max(1, scale);
        double G(double t) { var v = Ev(g, x, t).Real; return double.IsFinite(v) ? Math.Abs(v) : 0; }
        var zeros = new List<double>();
        for (int i = 0; i <= N; i++)
        {
            if (!double.IsFinite(vs[i]) || Math.Abs(vs[i]) <= tol) { zeros.Add(xs[i]); continue; }
            if (i < N && double.IsFinite(vs[i + 1]) && Math.Abs(vs[i + 1]) > tol && Math.Sign(vs[i]) != Math.Sign(vs[i + 1]))
            {
                double l = xs[i], r = xs[i + 1], sl = Math.Sign(vs[i]);
                for (int k = 0; k < 60; k++)
                {
                    var m = (l + r) / 2;
                    if (Math.Sign(Ev(g, x, m).Real) == sl) l = m; else r = m;
                }
                zeros.Add((l + r) / 2);
                continue;
            }
            if (i > 0 && i < N && Math.Abs(vs[i]) <= Math.Abs(vs[i - 1]) && Math.Abs(vs[i]) <= Math.Abs(vs[i + 1]))
            {
                double l = xs[i - 1], r = xs[i + 1];
                const double phi = 0.6180339887498949;
                double c1 = r - phi * (r - l), c2 = l + phi * (r - l), g1 = G(c1), g2 = G(c2);
                for (int k = 0; k < 80 && r - l > 1e-15 * (1 + Math.Abs(l)); k++)
                {
                    if (g1 < g2) { r = c2; c2 = c1; g2 = g1; c1 = r - phi * (r - l); g1 = G(c1); }
                    else { l = c1; c1 = c2; g1 = g2; c2 = l + phi * (r - l); g2 = G(c2); }
                }
                var xm = (l + r) / 2;
                if (G(xm) <= tol) zeros.Add(xm);
            }
        }
        zeros.Sort();
        var distinct = new List<double>();
        foreach (var z in zeros)
            if (distinct.Count == 0 || z - distinct[^1] > 2.5 * (hi - lo) / N) distinct.Add(z);
        return distinct;
    }

    private static List<(Expr Coefficient, Expr Core)> Terms(Expr F, Symbol x)
    {
        var terms = F is Sum s ? s.Terms.Select(t => Number.Of(t.Coefficient) * t.Term).Prepend(Number.Of(s.Constant)).ToList() : new List<Expr> { F };
        return terms.Select(t => t is Product p
            ? (Product.Of(p.FactorExprs().Where(q => !q.Contains(x)).Prepend(Number.Of(p.Coefficient))), Product.Of(p.FactorExprs().Where(q => q.Contains(x))))
            : t.Contains(x) ? (Expr.One, t) : (t, Expr.One)).ToList();
    }

    /// <summary>
    /// F(a), F(b) (one-sided where F is singular at a limit) and the sum of the jumps F(c⁺) − F(c⁻) inside; the
    /// jumps come from terms k·atan(g) with g → ±∞ at c (k·π per sign flip), and each is checked numerically.
    /// </summary>
    private static ContinuityResult Continuity(Expr F, Symbol x, Expr a, Expr b, double lo, double hi, bool upperInfinite)
    {
        var points = new List<double>();
        foreach (var w in Watch(F, x))
        {
            if (Parameters(w.G, x).Count > 0) continue;
            var zs = Zeros(w.G, x, lo, hi, out var notReal);
            if (notReal) return new(null, null, Expr.Zero, $"{w.G} in the antiderivative {F} is not real on the interval");
            // a radicand may vanish at a limit (√(1 − x²) on [−1, 1]): F is continuous there
            points.AddRange(w.Strict ? zs : zs.Where(c => !IsAt(c, lo, lo, hi) && (upperInfinite || !IsAt(c, hi, lo, hi))));
        }
        points.Sort();
        bool singularAtA = false, singularAtB = false;
        Expr jumps = Expr.Zero;
        double last = double.NegativeInfinity;
        foreach (var c in points)
        {
            if (IsAt(c, lo, lo, hi)) { singularAtA = true; continue; }
            if (!upperInfinite && IsAt(c, hi, lo, hi)) { singularAtB = true; continue; }
            if (c - last < 1e-6 * (1 + Math.Abs(c))) continue;
            last = c;
            var h = 1e-6 * (1 + Math.Abs(c));
            Expr jump = Expr.Zero;
            foreach (var (k, core) in Terms(F, x))
            {
                if (core is not Call { Args: [var g] } at || !at.Applies(Function.Atan)) continue;
                var gm = Ev(g, x, c - h).Real;
                var gp = Ev(g, x, c + h).Real;
                if (Math.Abs(gm) > 1e3 && Math.Abs(gp) > 1e3 && Math.Sign(gm) != Math.Sign(gp))
                    jump += k * Number.Of(Math.Sign(gp) - Math.Sign(gm)) * Expr.Pi / 2;
            }
            jump = Simplifier.Simplify(jump);
            var fm = Ev(F, x, c - h);
            var fp = Ev(F, x, c + h);
            var jn = Numeric(jump) ?? double.NaN;
            var seen = (fp - fm).Real;
            if (!double.IsFinite(seen) || !double.IsFinite(jn) || Math.Abs(seen - jn) > 1e-3 * (1 + Math.Abs(jn)))
                return new(null, null, Expr.Zero, $"the antiderivative {F} is not continuous at x ≈ {c:G6} (inside the interval) and its jump there is not known");
            jumps += jump;
        }
        var atA = singularAtA ? OneSided(F, x, a, lo, +1) : Substitution.Apply(F, x, a);
        if (atA is null) return new(null, null, Expr.Zero, $"the antiderivative {F} is singular at the lower limit {a}; the integral is improper there");
        Expr? atB = null;
        if (!upperInfinite)
        {
            atB = singularAtB ? OneSided(F, x, b, hi, -1) : Substitution.Apply(F, x, b);
            if (atB is null) return new(null, null, Expr.Zero, $"the antiderivative {F} is singular at the upper limit {b}; the integral is improper there");
        }
        return new(atA, atB, Simplifier.Simplify(jumps), null);
    }

    /// <summary>F(c⁺) (side +1) or F(c⁻) (side −1) at a limit c where some term of F is singular: k·atan(g) with g → ±∞ is ±k·π/2; null when another term is singular there.</summary>
    private static Expr? OneSided(Expr F, Symbol x, Expr cExpr, double c, int side)
    {
        var h = 1e-6 * (1 + Math.Abs(c));
        var parts = new List<Expr>();
        foreach (var (k, core) in Terms(F, x))
        {
            if (core is Call { Args: [var g] } at && at.Applies(Function.Atan))
            {
                var g1 = Ev(g, x, c + side * h).Real;
                if (Math.Abs(g1) > 1e3)
                {
                    if (Math.Abs(Ev(g, x, c + side * h / 10).Real) < Math.Abs(g1)) return null;   // not growing: not a pole of g
                    parts.Add(k * Number.Of(Math.Sign(g1)) * Expr.Pi / 2);
                    continue;
                }
            }
            if (Watch(core, x).Any(w => w.Strict && Ev(w.G, x, c).Magnitude is var m && (!double.IsFinite(m) || m < 1e-9))) return null;
            parts.Add(k * Substitution.Apply(core, x, cExpr));
        }
        return Sum.Of(parts);
    }

    /// <summary>
    /// The last word on a finite interval with a numeric integrand: adaptive Simpson quadrature; a reason when it
    /// converged and disagrees with the value (a jump of F that was not found). Null when it agrees or did not converge.
    /// </summary>
    private static string? QuadratureDisagrees(Expr f, Symbol x, double lo, double hi, Expr value)
    {
        if (Parameters(f, x).Count > 0 || Numeric(value) is not { } v) return null;
        int evals = 0;
        bool failed = false;
        double Fx(double t)
        {
            evals++;
            var z = Ev(f, x, t);
            if (!double.IsFinite(z.Real) || Math.Abs(z.Imaginary) > 1e-9 * (1 + Math.Abs(z.Real))) failed = true;
            return z.Real;
        }
        double Adapt(double l, double r, double fl, double fmid, double fr, double whole, double eps, int depth)
        {
            double m = (l + r) / 2, lm = (l + m) / 2, rm = (m + r) / 2, flm = Fx(lm), frm = Fx(rm);
            double left = (m - l) / 6 * (fl + 4 * flm + fmid), right = (r - m) / 6 * (fmid + 4 * frm + fr);
            if (failed || evals > 60_000 || depth <= 0) { failed = true; return left + right; }
            if (Math.Abs(left + right - whole) <= 15 * eps) return left + right + (left + right - whole) / 15;
            return Adapt(l, m, fl, flm, fmid, left, eps / 2, depth - 1) + Adapt(m, r, fmid, frm, fr, right, eps / 2, depth - 1);
        }
        const int panels = 64;
        double total = 0;
        for (int i = 0; i < panels && !failed; i++)
        {
            double l = lo + (hi - lo) * i / panels, r = lo + (hi - lo) * (i + 1) / panels, m = (l + r) / 2;
            double fl = Fx(l), fmid = Fx(m), fr = Fx(r);
            total += Adapt(l, r, fl, fmid, fr, (r - l) / 6 * (fl + 4 * fmid + fr), 1e-11, 40);
        }
        if (failed || !double.IsFinite(total)) return null;
        if (Math.Abs(total - v) <= 1e-6 * (1 + Math.Abs(total))) return null;
        return $"F(b) − F(a) = {value} ≈ {v:G10} disagrees with the numeric integral ≈ {total:G10}: the antiderivative is not continuous on the interval";
    }
}
