using Symbolic.Core;
using Symbolic.Core.Numbers;

namespace Symbolic.Forms;

/// <summary>
/// Curvature of a metric: Christoffel symbols, connection and curvature forms, Riemann (frame and
/// coordinates), Ricci, scalar, Einstein and Kretschmann. All arithmetic runs on the kernel's rational
/// normal form; expressions are built only for the output, so zero components are exactly the zero ones.
/// </summary>
/// <example><code>
/// var result = Curvature.Compute(Metric.Diagonal(new[] { theta, phi }, 1, Expr.Sin(theta).Pow(2)));
/// result["connection[1,2]"];      // −cos θ·d(φ)
/// result["riemann[theta,phi,theta,phi]"];  // sin²θ
/// </code></example>
public static partial class Curvature
{
    /// <summary>The conventions every result follows (printed with the results).</summary>
    public const string ConventionsText =
        "Conventions: Γ^μ_{αβ} = ½ g^{μν}(∂_β g_{αν} + ∂_α g_{νβ} − ∂_ν g_{αβ}); " +
        "R^μ_{νβγ} = ∂_β Γ^μ_{νγ} − ∂_γ Γ^μ_{νβ} + Γ^μ_{αβ} Γ^α_{νγ} − Γ^μ_{αγ} Γ^α_{νβ} (riemann-geometry-5 eq 49); " +
        "coframe ω^μ = h^μ_α dx^α, ds² = η_μν ω^μ ω^ν; dω^μ + ω^μ_ν∧ω^ν = 0, ω_μν = η_μα ω^α_ν = −ω_νμ; " +
        "with dω^μ = −½ C^μ_{νρ} ω^ν∧ω^ρ and ω_μν = Γ̂_{μνρ} ω^ρ: Γ̂_{μνρ} = −½(C_{μνρ} + C_{νρμ} − C_{ρμν}), C_{μνρ} = η_μα C^α_{νρ}; " +
        "𝓡^μ_ν = dω^μ_ν + ω^μ_α∧ω^α_ν = Σ_{β<γ} R̂^μ_{νβγ} ω^β∧ω^γ (exterior-calculus-7 eq 68); " +
        "R^μ_{νβγ}: (h⁻¹)^μ_μ' 𝓡^μ'_ν' h^ν'_ν = Σ_{β<γ} R^μ_{νβγ} dx^β∧dx^γ (eq 69); " +
        "R_{νγ} = R^μ_{νμγ}; R = g^{νγ} R_{νγ}; G_{μν} = R_{μν} − ½ g_{μν} R; K = R_{abcd} R^{abcd}. " +
        "Labels: coordinate indices by name (riemann[t,r,t,r] = R^t_{rtr}, christoffel[r,t,t] = Γ^r_{tt}), frame indices 1-based " +
        "(connection[1,2] = ω^1_2, curvature[1,2] = 𝓡^1_2, frame_riemann[1,2,1,2] = R̂^1_{212}); only independent nonzero components " +
        "(β<γ; ω^μ_ν and 𝓡^μ_ν for μ<ν; symmetric tensors for μ≤ν).";

    /// <summary>Computes the requested curvature quantities of <paramref name="metric"/>.</summary>
    public static CurvatureResult Compute(Metric metric, CurvatureOptions? options = null)
    {
        options ??= new CurvatureOptions();
        // denominators kept factored: a sum's common denominator is not re-found by a gcd of expanded polynomials
        var field = new FactoredField(options.Budget);
        return Compute(metric, options, field);
    }

    internal static CurvatureResult Compute<T>(Metric metric, CurvatureOptions options, ICoefficientField<T> field) where T : class
    {
        var engine = new CurvatureEngine<T>(metric, options, field);
        var result = options.Route == CurvatureRoute.Christoffel ? engine.Christoffel() : engine.Cartan();
        // always on: each result carries the check of the identity it must satisfy
        return new CurvatureResult(result.Metric, result.Route, result.Coframe,
            SelfCheck.Mark(result.Metric, result.Coframe, result.Components), result.Derivation);
    }
}

internal sealed class CurvatureEngine<T> where T : class
{
    private readonly Metric _metric;
    private readonly CurvatureOptions _opt;
    private readonly ICoefficientField<T> _f;
    private readonly int _n;
    private readonly IReadOnlyList<Symbol> _x;
    private readonly List<CurvatureComponent> _out = new();
    private readonly Derivation _steps = new();
    private readonly T _half;

    public CurvatureEngine(Metric metric, CurvatureOptions opt, ICoefficientField<T> f)
    {
        _metric = metric; _opt = opt; _f = f;
        _n = metric.Dimension;
        _x = metric.Chart.Coordinates;
        _half = f.Constant(Rational.Of(1, 2));
    }

    private bool Want(CurvatureQuantities q) => (_opt.What & q) != 0;
    private bool Z(T a) => _f.IsZero(a);
    private T Add(T a, T b) => Z(a) ? b : Z(b) ? a : _f.Add(a, b);
    private T Sub(T a, T b) => Z(b) ? a : Z(a) ? _f.Neg(b) : _f.Sub(a, b);
    private T Mul(T a, T b) => Z(a) || Z(b) ? _f.Zero : _f.Mul(a, b);
    private T Sgn(int s, T a) => s > 0 ? a : _f.Neg(a);
    private string X(int i) => _x[i].Name;

    private void Emit(string label, CurvatureQuantities q, T value)
    {
        if (Z(value) || !Want(q)) return;
        var e = _f.ToExpr(value);
        _out.Add(new CurvatureComponent(label, q, e));
        Record(q.ToString().ToLowerInvariant(), label, e);
    }

    private void EmitForm(string label, CurvatureQuantities q, Dictionary<int, T> form, int degree)
    {
        if (form.Count == 0 || !Want(q)) return;
        var f = ToForm(form, degree);
        var e = f.ToExpr();
        _out.Add(new CurvatureComponent(label, q, e, f));
        Record(q == CurvatureQuantities.Connection ? "first-structure-equation" : "second-structure-equation", label, e);
    }

    private Form ToForm(Dictionary<int, T> form, int degree) =>
        new(_metric.Chart, degree, form.ToDictionary(kv => kv.Key, kv => _f.ToExpr(kv.Value)));

    private void Record(string rule, string name, Expr value) => Record(rule, SymbolName.Plain(name), value);

    private void Record(string rule, SymbolName name, Expr value)
    {
        if (_opt.RecordSteps) _steps.Record(rule, null, Relation.Equation(Symbol.Of(name), value));
    }

    private CurvatureResult Result(Coframe? coframe)
    {
        return new CurvatureResult(_metric, _opt.Route, coframe, _out, _steps);
    }

    // ---------------------------------------------------------------- the Christoffel route

    public CurvatureResult Christoffel()
    {
        int n = _n;
        var g = _metric.Lift(_f);
        var ginv = FormOps.Inverse(_f, g);
        if (_opt.RecordSteps) _steps.Record("metric", null, Relation.Equation(Symbol.Of("g"), Matrix(g)));
        if (_opt.RecordSteps) _steps.Record("inverse-metric", null, Relation.Equation(Symbol.Of(SymbolName.Of("g", upper: "-1")), Matrix(ginv)));
        // ∂_k g_ij, once.
        var dg = new T[n][,];
        for (int k = 0; k < n; k++)
        {
            dg[k] = new T[n, n];
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++)
                    dg[k][i, j] = dg[k][j, i] = Z(g[i, j]) ? _f.Zero : _f.Diff(g[i, j], _x[k]);
            _f.Check();
        }
        // Γ_{σ,αβ} = ½(∂_β g_{ασ} + ∂_α g_{σβ} − ∂_σ g_{αβ}) and Γ^μ_{αβ} = g^{μσ} Γ_{σ,αβ}, α ≤ β.
        var g1 = new T[n, n, n];
        var gam = new T[n, n, n];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < n; a++)
                for (int b = a; b < n; b++)
                {
                    var v = Sub(Add(dg[b][a, s], dg[a][s, b]), dg[s][a, b]);
                    g1[s, a, b] = g1[s, b, a] = Z(v) ? v : _f.Mul(_half, v);
                }
        for (int m = 0; m < n; m++)
            for (int a = 0; a < n; a++)
                for (int b = a; b < n; b++)
                {
                    T v = _f.Zero;
                    for (int s = 0; s < n; s++) v = Add(v, Mul(ginv[m, s], g1[s, a, b]));
                    gam[m, a, b] = gam[m, b, a] = v;
                    Emit($"christoffel[{X(m)},{X(a)},{X(b)}]", CurvatureQuantities.Christoffel, v);
                }
        _f.Check();

        bool needRiemann = Want(CurvatureQuantities.Riemann | CurvatureQuantities.Kretschmann);
        T[,] ricci;
        T[,,,]? low = null;
        if (needRiemann)
        {
            low = LoweredRiemann(g, dg, g1, gam);
            if (Want(CurvatureQuantities.Riemann))
                for (int m = 0; m < n; m++)
                    for (int v = 0; v < n; v++)
                        for (int b = 0; b < n; b++)
                            for (int c = b + 1; c < n; c++)
                            {
                                T r = _f.Zero;
                                for (int l = 0; l < n; l++) r = Add(r, Mul(ginv[m, l], low[l, v, b, c]));
                                Emit($"riemann[{X(m)},{X(v)},{X(b)},{X(c)}]", CurvatureQuantities.Riemann, r);
                            }
            ricci = new T[n, n];
            for (int v = 0; v < n; v++)
                for (int c = v; c < n; c++)
                {
                    T r = _f.Zero;
                    for (int m = 0; m < n; m++)
                        for (int l = 0; l < n; l++) r = Add(r, Mul(ginv[m, l], low[l, v, m, c]));
                    ricci[v, c] = ricci[c, v] = r;
                }
        }
        else ricci = RicciFromChristoffel(gam);
        Finish(g, ginv, ricci, low, null);
        return Result(null);
    }

    private Expr Matrix(T[,] m)
    {
        // A readable record of a matrix: the nonzero entries as a sum of entry·E(i,j) is not helpful, so list rows.
        var rows = new List<Expr>();
        for (int i = 0; i < m.GetLength(0); i++)
            rows.Add(Call.Of(Function.User("row"), Enumerable.Range(0, m.GetLength(1)).Select(j => _f.ToExpr(m[i, j])).ToArray()));
        return Call.Of(Function.User("matrix"), rows.ToArray());
    }

    /// <summary>
    /// R_{μνβγ} = ½(∂_ν∂_β g_{μγ} + ∂_μ∂_γ g_{νβ} − ∂_ν∂_γ g_{μβ} − ∂_μ∂_β g_{νγ}) + Γ_{σ,νβ}Γ^σ_{μγ} − Γ_{σ,νγ}Γ^σ_{μβ}
    /// for the independent pairs (μ&lt;ν) ≤ (β&lt;γ) only, the rest filled in by the symmetries.
    /// </summary>
    private T[,,,] LoweredRiemann(T[,] g, T[][,] dg, T[,,] g1, T[,,] gam)
    {
        int n = _n;
        var ddg = new Dictionary<(int, int, int, int), T>();
        T DD(int k, int l, int i, int j)
        {
            if (k > l) (k, l) = (l, k);
            if (i > j) (i, j) = (j, i);
            if (ddg.TryGetValue((k, l, i, j), out var v)) return v;
            v = Z(dg[k][i, j]) ? _f.Zero : _f.Diff(dg[k][i, j], _x[l]);
            ddg[(k, l, i, j)] = v;
            return v;
        }
        var pairs = new List<(int, int)>();
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) pairs.Add((a, b));
        var r = new T[n, n, n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) for (int l = 0; l < n; l++) r[i, j, k, l] = _f.Zero;
        for (int p = 0; p < pairs.Count; p++)
            for (int q = p; q < pairs.Count; q++)
            {
                var (m, v) = pairs[p];
                var (b, c) = pairs[q];
                var s2 = Sub(Sub(Add(DD(v, b, m, c), DD(m, c, v, b)), DD(v, c, m, b)), DD(m, b, v, c));
                T val = Z(s2) ? s2 : _f.Mul(_half, s2);
                for (int s = 0; s < n; s++)
                {
                    val = Add(val, Mul(g1[s, v, b], gam[s, m, c]));
                    val = Sub(val, Mul(g1[s, v, c], gam[s, m, b]));
                }
                Set(r, m, v, b, c, val);
                _f.Check();
            }
        return r;
    }

    private void Set(T[,,,] r, int m, int v, int b, int c, T val)
    {
        var neg = Z(val) ? val : _f.Neg(val);
        r[m, v, b, c] = val; r[v, m, b, c] = neg; r[m, v, c, b] = neg; r[v, m, c, b] = val;
        r[b, c, m, v] = val; r[c, b, m, v] = neg; r[b, c, v, m] = neg; r[c, b, v, m] = val;
    }

    /// <summary>R_{νγ} = ∂_μ Γ^μ_{νγ} − ∂_γ Γ^μ_{νμ} + Γ^μ_{μλ} Γ^λ_{νγ} − Γ^μ_{γλ} Γ^λ_{νμ}: Ricci without the Riemann tensor.</summary>
    private T[,] RicciFromChristoffel(T[,,] gam)
    {
        int n = _n;
        var trace = new T[n];   // Γ^μ_{νμ}
        for (int v = 0; v < n; v++)
        {
            T s = _f.Zero;
            for (int m = 0; m < n; m++) s = Add(s, gam[m, v, m]);
            trace[v] = s;
        }
        var ric = new T[n, n];
        for (int v = 0; v < n; v++)
            for (int c = v; c < n; c++)
            {
                T r = _f.Zero;
                for (int m = 0; m < n; m++) if (!Z(gam[m, v, c])) r = Add(r, _f.Diff(gam[m, v, c], _x[m]));
                if (!Z(trace[v])) r = Sub(r, _f.Diff(trace[v], _x[c]));
                for (int l = 0; l < n; l++)
                {
                    r = Add(r, Mul(trace[l], gam[l, v, c]));
                    for (int m = 0; m < n; m++) r = Sub(r, Mul(gam[m, c, l], gam[l, v, m]));
                }
                ric[v, c] = ric[c, v] = r;
                _f.Check();
            }
        return ric;
    }

    /// <summary>Ricci, scalar, Einstein (coordinates) and Kretschmann from the lowered Riemann tensor (coordinates or frame).</summary>
    private void Finish(T[,] g, T[,] ginv, T[,] ricci, T[,,,]? lowRiemann, T[]? frameNinv)
    {
        int n = _n;
        for (int v = 0; v < n; v++)
            for (int c = v; c < n; c++) Emit($"ricci[{X(v)},{X(c)}]", CurvatureQuantities.Ricci, ricci[v, c]);
        T scalar = _f.Zero;
        if (Want(CurvatureQuantities.Scalar | CurvatureQuantities.Einstein))
        {
            for (int v = 0; v < n; v++)
                for (int c = 0; c < n; c++) scalar = Add(scalar, Mul(ginv[v, c], ricci[v, c]));
            Emit("scalar", CurvatureQuantities.Scalar, scalar);
            for (int v = 0; v < n; v++)
                for (int c = v; c < n; c++)
                    Emit($"einstein[{X(v)},{X(c)}]", CurvatureQuantities.Einstein, Sub(ricci[v, c], Mul(_f.Mul(_half, g[v, c]), scalar)));
        }
        if (Want(CurvatureQuantities.Kretschmann) && lowRiemann is not null)
            Emit("kretschmann", CurvatureQuantities.Kretschmann, frameNinv is null ? Kretschmann(ginv, lowRiemann) : FrameKretschmann(frameNinv, lowRiemann));
    }

    /// <summary>
    /// K = R_{abcd} R^{abcd} = 4 tr(R G R G) over bivectors A = (a&lt;b): R_{AB} = R_{abcd}, G^{AB} = g^{ac}g^{bd} − g^{ad}g^{bc}.
    /// </summary>
    private T Kretschmann(T[,] ginv, T[,,,] r)
    {
        int n = _n;
        var pairs = new List<(int, int)>();
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) pairs.Add((a, b));
        int p = pairs.Count;
        var G = new T[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
            {
                var (a, b) = pairs[i]; var (c, d) = pairs[j];
                G[i, j] = Sub(Mul(ginv[a, c], ginv[b, d]), Mul(ginv[a, d], ginv[b, c]));
            }
        var M = new T[p, p];   // M = R·G
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
            {
                T s = _f.Zero;
                for (int k = 0; k < p; k++) s = Add(s, Mul(r[pairs[i].Item1, pairs[i].Item2, pairs[k].Item1, pairs[k].Item2], G[k, j]));
                M[i, j] = s;
            }
        T k2 = _f.Zero;
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) k2 = Add(k2, Mul(M[i, j], M[j, i]));
        _f.Check();
        return Z(k2) ? k2 : _f.Mul(_f.Constant(4), k2);
    }

    /// <summary>
    /// K = R_{abcd}R^{abcd} = 4 Σ_{a&lt;b, c&lt;d} R_{abcd}² N^a N^b N^c N^d in a frame whose metric is diag(N_a)
    /// (<paramref name="ninv"/> holds N^a = 1/N_a; ±1 for an orthonormal frame).
    /// </summary>
    private T FrameKretschmann(T[] ninv, T[,,,] r)
    {
        int n = _n;
        var pairs = new List<(int, int)>();
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) pairs.Add((a, b));
        var w = pairs.Select(p => Mul(ninv[p.Item1], ninv[p.Item2])).ToArray();
        T k = _f.Zero;
        // R_{ABCD} = R_{CDAB}: each off-diagonal pair of bivectors counted twice.
        for (int i = 0; i < pairs.Count; i++)
            for (int j = i; j < pairs.Count; j++)
            {
                var v = r[pairs[i].Item1, pairs[i].Item2, pairs[j].Item1, pairs[j].Item2];
                if (Z(v)) continue;
                var term = Mul(_f.Mul(v, v), Mul(w[i], w[j]));
                k = Add(k, i == j ? term : _f.Mul(_f.Constant(2), term));
            }
        _f.Check();
        return Z(k) ? k : _f.Mul(_f.Constant(4), k);
    }

    // ---------------------------------------------------------------- the Cartan route

    /// <remarks>
    /// The structure equations are solved in the frame θ^a = K^a_α dx^α of the coframe ω^a = s_a θ^a, whose metric is
    /// ds² = Σ_a N_a (θ^a)² with N_a = η_a s_a² (<see cref="Coframe.Direction"/>): where the coframe's square roots sit
    /// in s (a completed square √|D_k|(dx^k + …), a diagonal √(1 − 2m/r) dt), K and N are rational and so is every
    /// step below. With dθ^a = ½ D^a_{bc} θ^b∧θ^c, D_{abc} = N_a D^a_{bc}, ∂_c = e^α_c ∂_α, and Ω_ab = Γ_{abc} θ^c:
    /// Γ_{abc} = ½(D_{abc} + D_{bca} − D_{cab}) + ½(δ_ab ∂_c N_a + δ_ac ∂_b N_a − δ_bc ∂_a N_b) is the solution of
    /// dθ^a + Ω^a_b∧θ^b = 0 and dN_ab = Ω_ab + Ω_ba (Ω^a_b = Ω_ab/N_a); R^a_b = dΩ^a_b + Ω^a_c∧Ω^c_b. In the orthonormal
    /// frame ω^a_b = (s_a/s_b) Ω^a_b, 𝓡^a_b = (s_a/s_b) R^a_b and R̂^a_{bcd} = s_a/(s_b s_c s_d) R^a_{bcd}: the roots enter
    /// only those printed components. The coordinate Riemann tensor K⁻¹RK, Ricci, the scalar and the Kretschmann
    /// scalar do not need them at all.
    /// </remarks>
    public CurvatureResult Cartan()
    {
        int n = _n;
        var coframe = _opt.Coframe ?? Coframe.Orthonormal(_metric);
        if (!coframe.Metric.Chart.Equals(_metric.Chart)) throw new SymbolicException("the coframe belongs to a metric on another chart");
        var K = new T[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) K[i, j] = coframe.Direction[i, j].IsZero ? _f.Zero : _f.FromExpr(coframe.Direction[i, j]);
        var N = new T[n];
        var ninv = new T[n];
        for (int i = 0; i < n; i++) { N[i] = _f.FromExpr(coframe.Norm[i]); ninv[i] = _f.Div(_f.One, N[i]); }
        var e = FormOps.Inverse(_f, K);   // dx^α = e^α_a θ^a
        // s_a, 1/s_a only when a frame component is written out; null for s_a = 1.
        var scale = new T?[n];
        var scaleInv = new T?[n];
        for (int i = 0; i < n; i++)
            if (!coframe.Scale[i].IsOne) { scale[i] = _f.FromExpr(coframe.Scale[i]); scaleInv[i] = _f.Div(_f.One, scale[i]!); }
        T? Times(T? a, T? b) => a is null ? b : b is null ? a : _f.Mul(a, b);
        T? Ratio(int a, int b) => Times(scale[a], scaleInv[b]);                                    // s_a/s_b
        Dictionary<int, T> Scaled(Dictionary<int, T> form, T? k) => k is null ? form : FormOps.Scale(_f, form, k);

        var theta = new Dictionary<int, T>[n];
        for (int m = 0; m < n; m++)
        {
            theta[m] = new Dictionary<int, T>();
            for (int a = 0; a < n; a++) if (!Z(K[m, a])) theta[m][1 << a] = K[m, a];
            // the coframe as it was given or completed (ω² = dr/√(1 − 2m/r)), not its normal form
            if (_opt.RecordSteps) Record("coframe", SymbolName.Of("omega", upper: $"{m + 1}"), coframe.Forms[m].ToExpr());
        }
        var dtheta = new Dictionary<int, T>[n];
        for (int m = 0; m < n; m++)
        {
            dtheta[m] = FormOps.D(_f, theta[m], _x);
            if (_opt.RecordSteps)   // dω = d(s θ)
                Record("exterior-derivative", SymbolName.Of("d omega", upper: $"{m + 1}"), ToForm(scale[m] is null ? dtheta[m] : FormOps.D(_f, Scaled(theta[m], scale[m]), _x), 2).ToExpr());
        }
        // dθ^a = ½ D^a_{bc} θ^b∧θ^c, lowered D_{abc} = N_a D^a_{bc}.
        var Dl = new T[n, n, n];
        for (int m = 0; m < n; m++)
        {
            var comps = FrameComponents(dtheta[m], e);
            for (int v = 0; v < n; v++) for (int r = 0; r < n; r++) Dl[m, v, r] = Mul(N[m], comps[v, r]);
        }
        // dN_a as a coordinate 1-form and its frame components ∂_c N_a = e^α_c ∂_α N_a.
        var dN = new Dictionary<int, T>[n];
        var dNf = new T[n, n];
        for (int a = 0; a < n; a++)
        {
            dN[a] = FormOps.D(_f, new Dictionary<int, T> { [0] = N[a] }, _x);
            for (int c = 0; c < n; c++)
            {
                T v = _f.Zero;
                foreach (var (mask, k) in dN[a]) v = Add(v, Mul(e[FormOps.Indices(mask)[0], c], k));
                dNf[a, c] = v;
            }
        }
        var conn = new Dictionary<int, T>[n, n];   // Ω^a_b as coordinate 1-forms
        for (int a = 0; a < n; a++) conn[a, a] = FormOps.Scale(_f, dN[a], Mul(_half, ninv[a]));   // Ω^a_a = ½ dN_a/N_a
        for (int m = 0; m < n; m++)
            for (int v = m + 1; v < n; v++)
            {
                var low = new Dictionary<int, T>();   // Ω_mv = Γ_{mvr} θ^r
                for (int r = 0; r < n; r++)
                {
                    var s = Sub(Add(Dl[m, v, r], Dl[v, r, m]), Dl[r, m, v]);
                    if (r == m) s = Add(s, dNf[m, v]);
                    if (r == v) s = Sub(s, dNf[v, m]);
                    if (Z(s)) continue;
                    var coef = _f.Mul(_half, s);
                    foreach (var (mask, c) in theta[r]) FormOps.AddTo(_f, low, mask, _f.Mul(coef, c));
                }
                conn[m, v] = FormOps.Scale(_f, low, ninv[m]);             // Ω^m_v = Ω_mv/N_m
                conn[v, m] = FormOps.Scale(_f, low, _f.Neg(ninv[v]));     // Ω^v_m = Ω_vm/N_v = −Ω_mv/N_v
                if (Want(CurvatureQuantities.Connection))
                    EmitForm($"connection[{m + 1},{v + 1}]", CurvatureQuantities.Connection, Scaled(conn[m, v], Ratio(m, v)), 1);
                _f.Check();
            }
        // R^a_b = dΩ^a_b + Ω^a_c∧Ω^c_b for a < b; R^b_a = −(N_a/N_b) R^a_b (R_ab = N_a R^a_b is antisymmetric).
        var curv = new Dictionary<int, T>[n, n];
        for (int m = 0; m < n; m++) curv[m, m] = new Dictionary<int, T>();
        for (int m = 0; m < n; m++)
            for (int v = m + 1; v < n; v++)
            {
                var c = FormOps.D(_f, conn[m, v], _x);
                for (int a = 0; a < n; a++)
                {
                    if (conn[m, a].Count == 0 || conn[a, v].Count == 0) continue;
                    foreach (var (mask, k) in FormOps.Wedge(_f, conn[m, a], conn[a, v])) FormOps.AddTo(_f, c, mask, k);
                }
                curv[m, v] = c;
                curv[v, m] = FormOps.Scale(_f, c, _f.Neg(Mul(N[m], ninv[v])));
                if (Want(CurvatureQuantities.CurvatureForms))
                    EmitForm($"curvature[{m + 1},{v + 1}]", CurvatureQuantities.CurvatureForms, Scaled(c, Ratio(m, v)), 2);
                _f.Check();
            }
        // R^a_{bcd} in the frame θ (R^a_b = Σ_{c<d} R^a_{bcd} θ^c∧θ^d), lowered R_{abcd} = N_a R^a_{bcd};
        // the orthonormal R̂^a_{bcd} = s_a/(s_b s_c s_d) R^a_{bcd} (eq 68).
        var low4 = new T[n, n, n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) for (int l = 0; l < n; l++) low4[i, j, k, l] = _f.Zero;
        for (int m = 0; m < n; m++)
            for (int v = m + 1; v < n; v++)
            {
                var comps = FrameComponents(curv[m, v], e);
                for (int b = 0; b < n; b++)
                    for (int c = b + 1; c < n; c++)
                    {
                        var up = comps[b, c];
                        if (Z(up)) continue;
                        if (Want(CurvatureQuantities.FrameRiemann))
                        {
                            var k = Times(Times(Ratio(m, v), scaleInv[b]), scaleInv[c]);
                            Emit($"frame_riemann[{m + 1},{v + 1},{b + 1},{c + 1}]", CurvatureQuantities.FrameRiemann, k is null ? up : _f.Mul(k, up));
                        }
                        var lowered = Mul(N[m], up);
                        var neg = _f.Neg(lowered);
                        low4[m, v, b, c] = lowered; low4[v, m, b, c] = neg;
                        low4[m, v, c, b] = neg; low4[v, m, c, b] = lowered;
                    }
                _f.Check();
            }
        // Coordinate components (eq 69): (h⁻¹)^μ_a 𝓡^a_b h^b_ν = (K⁻¹)^μ_a R^a_b K^b_ν, read in dx^β∧dx^γ.
        if (Want(CurvatureQuantities.Riemann))
            for (int mu = 0; mu < n; mu++)
                for (int nu = 0; nu < n; nu++)
                {
                    var acc = new Dictionary<int, T>();
                    for (int a = 0; a < n; a++)
                    {
                        if (Z(e[mu, a])) continue;
                        for (int b = 0; b < n; b++)
                        {
                            if (Z(K[b, nu]) || curv[a, b].Count == 0) continue;
                            var k = _f.Mul(e[mu, a], K[b, nu]);
                            foreach (var (mask, c) in curv[a, b]) FormOps.AddTo(_f, acc, mask, _f.Mul(k, c));
                        }
                    }
                    foreach (var mask in acc.Keys.OrderBy(x => x, Comparer<int>.Create(FormOps.CompareMasks)))
                    {
                        var ix = FormOps.Indices(mask);
                        Emit($"riemann[{X(mu)},{X(nu)},{X(ix[0])},{X(ix[1])}]", CurvatureQuantities.Riemann, acc[mask]);
                    }
                    _f.Check();
                }
        // Ricci in the frame θ, R_{bd} = R^a_{bad} = N^a R_{abad}, then in coordinates R_{αβ} = K^b_α K^d_β R_{bd}.
        var fr = new T[n, n];
        for (int v = 0; v < n; v++)
            for (int c = v; c < n; c++)
            {
                T s = _f.Zero;
                for (int m = 0; m < n; m++) s = Add(s, Mul(ninv[m], low4[m, v, m, c]));
                fr[v, c] = fr[c, v] = s;
            }
        if (Want(CurvatureQuantities.Weyl) && n >= 3) Weyl(low4, fr, N, ninv, K);
        var ricci = new T[n, n];
        for (int a = 0; a < n; a++)
            for (int b = a; b < n; b++)
            {
                T s = _f.Zero;
                for (int v = 0; v < n; v++)
                {
                    if (Z(K[v, a])) continue;
                    for (int c = 0; c < n; c++) s = Add(s, Mul(_f.Mul(K[v, a], fr[v, c]), K[c, b]));
                }
                ricci[a, b] = ricci[b, a] = s;
            }
        var g = _metric.Lift(_f);
        // g^{αβ} = e^α_a N^a e^β_a: the inverse metric from the frame, no second inversion.
        var ginv = new T[n, n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
            {
                T s = _f.Zero;
                for (int m = 0; m < n; m++) s = Add(s, Mul(ninv[m], Mul(e[a, m], e[b, m])));
                ginv[a, b] = s;
            }
        Finish(g, ginv, ricci, low4, ninv);
        return Result(coframe);
    }

    /// <summary>
    /// C_{abcd} = R_{abcd} − (N_ac R_bd − N_ad R_bc − N_bc R_ad + N_bd R_ac)/(n−2) + R (N_ac N_bd − N_ad N_bc)/((n−1)(n−2))
    /// in the frame θ with metric diag(N), then C_{αβγδ} = K^a_α K^b_β K^c_γ K^d_δ C_{abcd} in coordinates, and C_{abcd}C^{abcd}.
    /// </summary>
    private void Weyl(T[,,,] r, T[,] ric, T[] N, T[] ninv, T[,] h)
    {
        int n = _n;
        T scalar = _f.Zero;
        for (int v = 0; v < n; v++) scalar = Add(scalar, Mul(ninv[v], ric[v, v]));
        var k1 = _f.Constant(Rational.Of(1, n - 2));
        var k2 = Z(scalar) ? scalar : _f.Mul(scalar, _f.Constant(Rational.Of(1, (n - 1) * (n - 2))));
        T Eta(int a, int b) => a == b ? N[a] : _f.Zero;
        var c = new T[n, n, n, n];
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) for (int p = 0; p < n; p++) for (int q = 0; q < n; q++)
        {
            if (a == b || p == q) { c[a, b, p, q] = _f.Zero; continue; }
            T s = _f.Zero;
            s = Add(s, Mul(Eta(a, p), ric[b, q]));
            s = Sub(s, Mul(Eta(a, q), ric[b, p]));
            s = Sub(s, Mul(Eta(b, p), ric[a, q]));
            s = Add(s, Mul(Eta(b, q), ric[a, p]));
            T v = Sub(r[a, b, p, q], Mul(k1, s));
            v = Add(v, Mul(k2, Sub(Mul(Eta(a, p), Eta(b, q)), Mul(Eta(a, q), Eta(b, p)))));
            c[a, b, p, q] = v;
        }
        _f.Check();
        var pairs = new List<(int, int)>();
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) pairs.Add((a, b));
        // H[(a<b), (α<β)] = h^a_α h^b_β − h^b_α h^a_β: the frame bivector in coordinates.
        var H = new T[pairs.Count, pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
            for (int j = 0; j < pairs.Count; j++)
            {
                var (a, b) = pairs[i]; var (al, be) = pairs[j];
                H[i, j] = Sub(Mul(h[a, al], h[b, be]), Mul(h[b, al], h[a, be]));
            }
        for (int i = 0; i < pairs.Count; i++)
            for (int j = i; j < pairs.Count; j++)
            {
                T s = _f.Zero;
                for (int x = 0; x < pairs.Count; x++)
                {
                    if (Z(H[x, i])) continue;
                    for (int y = 0; y < pairs.Count; y++)
                    {
                        if (Z(H[y, j])) continue;
                        var cv = c[pairs[x].Item1, pairs[x].Item2, pairs[y].Item1, pairs[y].Item2];
                        if (!Z(cv)) s = Add(s, Mul(Mul(H[x, i], H[y, j]), cv));
                    }
                }
                Emit($"weyl[{X(pairs[i].Item1)},{X(pairs[i].Item2)},{X(pairs[j].Item1)},{X(pairs[j].Item2)}]", CurvatureQuantities.Weyl, s);
                _f.Check();
            }
        Emit("weyl_squared", CurvatureQuantities.Weyl, FrameKretschmann(ninv, c));
    }

    /// <summary>The frame components F_{νρ} (ν &lt; ρ, antisymmetric) of a coordinate 2-form: dx^α∧dx^β = e^α_ν e^β_ρ ω^ν∧ω^ρ.</summary>
    private T[,] FrameComponents(Dictionary<int, T> twoForm, T[,] e)
    {
        int n = _n;
        var r = new T[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) r[i, j] = _f.Zero;
        foreach (var (mask, c) in twoForm)
        {
            var ix = FormOps.Indices(mask);
            int a = ix[0], b = ix[1];
            for (int v = 0; v < n; v++)
                for (int p = v + 1; p < n; p++)
                {
                    var k = Sub(Mul(e[a, v], e[b, p]), Mul(e[b, v], e[a, p]));
                    if (Z(k)) continue;
                    r[v, p] = Add(r[v, p], _f.Mul(k, c));
                }
        }
        for (int v = 0; v < n; v++) for (int p = v + 1; p < n; p++) r[p, v] = Z(r[v, p]) ? r[v, p] : _f.Neg(r[v, p]);
        return r;
    }
}
