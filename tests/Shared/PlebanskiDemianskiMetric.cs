using Symbolic.Core;
using Symbolic.Forms;

namespace Symbolic.TestSupport;

/// <summary>
/// The Plebański–Demiański metric in the Griffiths–Podolský form (ω = 1, coordinates τ, r, p, σ), one definition linked
/// into the Forms tests, the oracle tests and the benchmarks.
/// </summary>
internal static class PlebanskiDemianskiMetric
{
    public static readonly Symbol Tau = Real("tau"), R = Real("r"), P = Real("p"), Sigma = Real("sigma");

    public static Symbol Real(string name) => Expr.Symbol(name, Assumptions.Real);

    /// <summary>
    /// ds² = [(P − Q)/W] dτ² + 2[(Qp² + Pr²)/W] dτ dσ + [(Pr⁴ − Qp⁴)/W] dσ² + ρ²/(QΩ²) dr² + ρ²/(PΩ²) dp², with Ω = 1 − αpr,
    /// ρ² = r² + p², W = ρ²Ω², P = k + 2np − εp² + 2αmp³ − (α²(k + q²) + Λ/3)p⁴, Q = k + q² − 2mr + εr² − 2αnr³ − (α²k + Λ/3)r⁴.
    /// </summary>
    public static Metric Of(Expr m, Expr n, Expr eps, Expr k, Expr q, Expr alpha, Expr lambda)
    {
        Expr pp = k + 2 * n * P - eps * P.Pow(2) + 2 * alpha * m * P.Pow(3) - (alpha.Pow(2) * (k + q.Pow(2)) + lambda / 3) * P.Pow(4);
        Expr qq = k + q.Pow(2) - 2 * m * R + eps * R.Pow(2) - 2 * alpha * n * R.Pow(3) - (alpha.Pow(2) * k + lambda / 3) * R.Pow(4);
        Expr omega2 = (1 - alpha * P * R).Pow(2), rho2 = R.Pow(2) + P.Pow(2), w = rho2 * omega2;
        var g = new Expr[4, 4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) g[i, j] = Expr.Zero;
        g[0, 0] = (pp - qq) / w;
        g[0, 3] = g[3, 0] = (qq * P.Pow(2) + pp * R.Pow(2)) / w;
        g[3, 3] = (pp * R.Pow(4) - qq * P.Pow(4)) / w;
        g[1, 1] = rho2 / (qq * omega2);
        g[2, 2] = rho2 / (pp * omega2);
        return Metric.FromLineElement(new[] { Tau, R, P, Sigma }, g);
    }
}
