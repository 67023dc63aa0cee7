using Symbolic.Core;
using Symbolic.Forms;

namespace Symbolic.Forms.Tests;

/// <summary>Symbols and metrics shared by the tests.</summary>
internal static class S
{
    public static readonly Symbol t = Expr.Symbol("t", Assumptions.Real);
    public static readonly Symbol r = Expr.Symbol("r", Assumptions.Positive);
    public static readonly Symbol theta = Expr.Symbol("theta", Assumptions.Real);
    public static readonly Symbol phi = Expr.Symbol("phi", Assumptions.Real);
    public static readonly Symbol x = Expr.Symbol("x", Assumptions.Real);
    public static readonly Symbol y = Expr.Symbol("y", Assumptions.Real);
    public static readonly Symbol z = Expr.Symbol("z", Assumptions.Real);
    public static readonly Symbol m = Expr.Symbol("m", Assumptions.Positive);
    public static readonly Symbol a = Expr.Symbol("a", Assumptions.Positive);
    public static readonly Symbol k = Expr.Symbol("k", Assumptions.Real);
    public static readonly Symbol Q = Expr.Symbol("Q", Assumptions.Real);

    public static Expr Sin(Expr e) => Expr.Sin(e);
    public static Expr Cos(Expr e) => Expr.Cos(e);
    public static Expr Fn(string name, params Expr[] args) => Call.Of(Function.User(name), args);
    public static Expr D(Expr f, Symbol v, int n = 1) => Calculus.Diff(f, v, n);

    public static Metric Sphere() => Metric.Diagonal(new[] { theta, phi }, Expr.One, Sin(theta).Pow(2));

    /// <summary>Exterior-calculus-7 eq (79): −e^{2Φ}dt² + e^{2Λ}dr² + r²dθ² + r² sin²θ dφ².</summary>
    public static Metric StaticSpherical(out Expr Phi, out Expr Lambda)
    {
        Phi = Fn("Phi", r); Lambda = Fn("Lambda", r);
        return Metric.Diagonal(new[] { t, r, theta, phi }, -Expr.Exp(2 * Phi), Expr.Exp(2 * Lambda), r.Pow(2), (r * Sin(theta)).Pow(2));
    }

    public static Metric Schwarzschild() => Metric.Diagonal(new[] { t, r, theta, phi },
        -(1 - 2 * m / r), 1 / (1 - 2 * m / r), r.Pow(2), (r * Sin(theta)).Pow(2));

    /// <summary>Kerr in Boyer–Lindquist coordinates, typed as in peers/maxima_T4_kerr.mac.</summary>
    public static Metric Kerr()
    {
        Expr sig = r.Pow(2) + a.Pow(2) * Cos(theta).Pow(2);
        Expr del = r.Pow(2) - 2 * m * r + a.Pow(2);
        var g = new Expr[4, 4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) g[i, j] = Expr.Zero;
        g[0, 0] = -(1 - 2 * m * r / sig);
        g[0, 3] = g[3, 0] = -2 * m * r * a * Sin(theta).Pow(2) / sig;
        g[1, 1] = sig / del;
        g[2, 2] = sig;
        g[3, 3] = (r.Pow(2) + a.Pow(2) + 2 * m * r * a.Pow(2) * Sin(theta).Pow(2) / sig) * Sin(theta).Pow(2);
        return Metric.FromLineElement(new[] { t, r, theta, phi }, g);
    }

    public static Metric Flrw(out Expr scale)
    {
        scale = Fn("a", t);
        return Metric.Diagonal(new[] { t, r, theta, phi }, Expr.MinusOne, scale.Pow(2) / (1 - k * r.Pow(2)), (scale * r).Pow(2), (scale * r * Sin(theta)).Pow(2));
    }

    public static Metric ReissnerNordstrom()
    {
        Expr f = 1 - 2 * m / r + Q.Pow(2) / r.Pow(2);
        return Metric.Diagonal(new[] { t, r, theta, phi }, -f, 1 / f, r.Pow(2), (r * Sin(theta)).Pow(2));
    }
}

internal static class Should
{
    /// <summary>a = b by the kernel's normal form.</summary>
    public static void BeEquivalent(Expr actual, Expr expected, string because = "")
    {
        var diff = Normal.Simplify(actual - expected);
        diff.IsZero.Should().BeTrue($"{actual} should equal {expected} {because} (difference {diff})");
    }
}

/// <summary>Tests that need the kernel's rational normal form (RationalContext) to decide zero; null once it is merged.</summary>
internal static class Pending
{
    public const string? Kernel = null;
    /// <summary>Kerr on the Christoffel route takes minutes (the Γ stage, not the inverse: see the report); re-enable when fixed.</summary>
    public const string? KerrSpeed = "Kerr Christoffel stage is too slow for the unit suite (minutes); under investigation";
}
