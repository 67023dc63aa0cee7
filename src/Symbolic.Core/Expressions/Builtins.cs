using System.Collections.Immutable;
using System.Numerics;
using Symbolic.Core.Numbers;

namespace Symbolic.Core;

/// <summary>Whether f(−x) is f(x), −f(x), or neither.</summary>
public enum Parity
{
    /// <summary>Neither odd nor even.</summary>
    None,
    /// <summary>f(−x) = −f(x).</summary>
    Odd,
    /// <summary>f(−x) = f(x).</summary>
    Even,
}

/// <summary>
/// Everything the engine knows about one built-in function, in one place: its name, arity, parity, exact values,
/// derivative, realness, numeric evaluation, LaTeX and SymPy spellings, and what it is in the rational normal form.
/// Construction (<see cref="Call.Of(Function, Expr[])"/>), differentiation, <see cref="Assume"/>,
/// <see cref="RationalContext"/>, <see cref="NumericProbe"/>, the reader and the printers all read the entry, so a
/// new built-in is one entry in <see cref="Function"/>'s table plus its tests.
/// </summary>
/// <example><code>
/// Function.Sech.Entry!.Derivative!(x);   // −sech x tanh x
/// Function.FromLatexName("arcsinh");     // arsinh
/// </code></example>
public sealed class FunctionEntry
{
    /// <summary>The kernel's name for it (sin, asin, arsinh): the identity of the function.</summary>
    public required string Name { get; init; }
    /// <summary>The number of arguments (1 for every built-in so far).</summary>
    public int Arity { get; init; } = 1;
    /// <summary>f(−x) = −f(x), f(x), or neither; a call on a negative-looking argument is normalised by it.</summary>
    public Parity Parity { get; init; }
    /// <summary>The exact value at an argument where one is known (sin(π/6) = ½, log 1 = 0); null where the call stays.
    /// Throws <see cref="DivideByZeroException"/> at a pole (cot 0).</summary>
    public Func<Expr, Expr?>? ExactValue { get; init; }
    /// <summary>f′(u), the outer derivative of the chain rule; null when no rule is known.</summary>
    public Func<Expr, Expr>? Derivative { get; init; }
    /// <summary>True when f(u) is certainly real (e.g. u real for sin, u &gt; 0 for log).</summary>
    public Func<Expr, bool> IsReal { get; init; } = _ => false;
    /// <summary>True when f(u) is certainly &gt; 0 (cosh of a real u).</summary>
    public Func<Expr, bool> IsPositive { get; init; } = _ => false;
    /// <summary>True when f(u) is certainly ≥ 0 (|u|).</summary>
    public Func<Expr, bool> IsNonnegative { get; init; } = _ => false;
    /// <summary>The value at a complex point on the principal branch, for numeric probing.</summary>
    public required Func<Complex, Complex> Numeric { get; init; }
    /// <summary>The LaTeX head the printer writes (<c>\sin</c>, <c>\operatorname{sech}</c>); null when the printer writes it its own way (|x|).</summary>
    public string? Latex { get; init; }
    /// <summary>The names the reader takes for it after a backslash or in <c>\operatorname{…}</c>, besides <see cref="Name"/> (arcsin for asin).</summary>
    public ImmutableArray<string> LatexNames { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>The SymPy function it prints as (sin, asinh, Abs).</summary>
    public required string Sympy { get; init; }
    /// <summary>f⁻¹ as written <c>\sin^{-1}</c>; null when f^{-1} is read as a power.</summary>
    public Func<Function>? Inverse { get; init; }
    /// <summary>∫ f(u) du, an antiderivative in closed form (checked by differentiation where it is used); null when none is known.</summary>
    public Func<Expr, Expr>? Antiderivative { get; init; }
    /// <summary>
    /// Its meaning in the rational normal form in terms of the normal form's kernels (tan u = sin u / cos u,
    /// sinh u = (eᵘ − e⁻ᵘ)/2); null when f(u) is a kernel of its own (sin, cos, log, arsinh).
    /// </summary>
    public Func<Expr, Expr>? Definition { get; init; }
}

public sealed partial class Function
{
    private static Function Builtin(FunctionEntry entry) => new(entry.Name, false) { Entry = entry };

    /// <summary>The table entry of a built-in; null for user functions and named operators.</summary>
    public FunctionEntry? Entry { get; private init; }

    private static bool RealIfReal(Expr u) => Assume.IsReal(u);
    private static readonly Expr MinusHalf = Number.Of(Rational.Of(-1, 2));
    private static Expr? ZeroAtZero(Expr u) => u.IsZero ? Expr.Zero : null;
    private static Expr? OneAtZero(Expr u) => u.IsZero ? Expr.One : null;
    private static Expr? PoleAtZero(Function f, Expr u) =>
        u.IsZero ? throw new DivideByZeroException($"division by zero: {f.Name}({u}) is a pole of {f.Name}, it has no value") : null;

    /// <summary>
    /// f(f⁻¹(u)) = u for every u (sin(arcsin u), cosh(arcosh u), …: the inverse is a right inverse on the principal
    /// branch). The other order is not an identity — arcsin(sin x) = x only for −π/2 ≤ x ≤ π/2 — and is never folded.
    /// </summary>
    private static Expr? Undo(Function inverse, Expr u) => u is Call { Args: [var v] } c && c.Function == inverse ? v : null;

    /// <summary>cos(arcsin u) = sin(arccos u) = √(1 − u²), on the principal branches for every u (the real part of
    /// arcsin lies in [−π/2, π/2] and of arccos in [0, π], where the cosine, resp. sine, has the principal root's sign).</summary>
    private static Expr? ComplementRoot(Function inverse, Expr u) =>
        u is Call { Args: [var v] } c && c.Function == inverse ? Expr.Sqrt(Sum.Of(Expr.One, -v.Pow(2))) : null;

    /// <summary>
    /// log_b x = log x / log b, and exactly k when x = bᵏ for positive rationals x, b and a rational k with a small
    /// denominator (log₂ 8 = 3, log₄ 2 = ½, log_{10} 0.001 = −3).
    /// </summary>
    public static Expr LogBase(Expr x, Expr b)
    {
        if (x is Number { Value: var xv } && b is Number { Value: var bv } && xv.Sign > 0 && bv.Sign > 0 && !bv.IsOne)
        {
            double guess = Math.Log(xv.ToDouble()) / Math.Log(bv.ToDouble());
            for (int q = 1; q <= 12 && !double.IsNaN(guess) && Math.Abs(guess) < 1000; q++)
            {
                var p = (long)Math.Round(guess * q);
                if (Math.Abs(p - guess * q) > 1e-6) continue;
                // bᵖ = x^q exactly
                if (RationalPow(bv, p) == RationalPow(xv, q)) return Number.Of(Rational.Of(p, q));
            }
        }
        return Expr.Log(x) / Expr.Log(b);
    }

    private static Rational RationalPow(Rational r, long n)
    {
        var num = BigInteger.Pow(r.Num, (int)Math.Abs(n));
        var den = BigInteger.Pow(r.Den, (int)Math.Abs(n));
        return n >= 0 ? Rational.Of(num, den) : Rational.Of(den, num);
    }

    // ---------------------------------------------------------------- the table

    /// <summary>sin.</summary>
    public static readonly Function Sin = Builtin(new()
    {
        Name = "sin", Parity = Parity.Odd, ExactValue = u => Undo(Asin!, u) ?? ComplementRoot(Acos!, u) ?? SpecialAngles.Trig(Sin!, u), Derivative = Expr.Cos, Antiderivative = u => -Expr.Cos(u),
        IsReal = RealIfReal, Numeric = Complex.Sin, Latex = "\\sin", Sympy = "sin", Inverse = () => Asin!,
    });
    /// <summary>cos.</summary>
    public static readonly Function Cos = Builtin(new()
    {
        Name = "cos", Parity = Parity.Even, ExactValue = u => Undo(Acos!, u) ?? ComplementRoot(Asin!, u) ?? SpecialAngles.Trig(Cos!, u), Derivative = u => -Expr.Sin(u), Antiderivative = Expr.Sin,
        IsReal = RealIfReal, Numeric = Complex.Cos, Latex = "\\cos", Sympy = "cos", Inverse = () => Acos!,
    });
    /// <summary>tan.</summary>
    public static readonly Function Tan = Builtin(new()
    {
        Name = "tan", Parity = Parity.Odd, ExactValue = u => Undo(Atan!, u) ?? SpecialAngles.Trig(Tan!, u), Derivative = u => Sum.Of(Expr.One, Expr.Tan(u).Pow(2)),
        Antiderivative = u => -Expr.Log(Expr.Cos(u)), IsReal = RealIfReal, Numeric = Complex.Tan, Latex = "\\tan", Sympy = "tan", Inverse = () => Atan!,
        Definition = u => Expr.Sin(u) / Expr.Cos(u),
    });
    /// <summary>cot.</summary>
    public static readonly Function Cot = Builtin(new()
    {
        Name = "cot", Parity = Parity.Odd, ExactValue = u => SpecialAngles.Trig(Cot!, u), Derivative = u => -Sum.Of(Expr.One, Call.Of(Cot!, u).Pow(2)),
        Antiderivative = u => Expr.Log(Expr.Sin(u)), IsReal = RealIfReal, Numeric = z => 1 / Complex.Tan(z), Latex = "\\cot", Sympy = "cot",
        Definition = u => Expr.Cos(u) / Expr.Sin(u),
    });
    /// <summary>sec.</summary>
    public static readonly Function Sec = Builtin(new()
    {
        Name = "sec", Parity = Parity.Even, ExactValue = u => SpecialAngles.Trig(Sec!, u), Derivative = u => Product.Of(Call.Of(Sec!, u), Expr.Tan(u)),
        Antiderivative = u => Expr.Log(Call.Of(Sec!, u) + Expr.Tan(u)), IsReal = RealIfReal, Numeric = z => 1 / Complex.Cos(z), Latex = "\\sec", Sympy = "sec",
        Definition = u => Expr.One / Expr.Cos(u),
    });
    /// <summary>csc.</summary>
    public static readonly Function Csc = Builtin(new()
    {
        Name = "csc", Parity = Parity.Odd, ExactValue = u => SpecialAngles.Trig(Csc!, u), Derivative = u => -Product.Of(Call.Of(Csc!, u), Call.Of(Cot!, u)),
        Antiderivative = u => -Expr.Log(Call.Of(Csc!, u) + Call.Of(Cot!, u)), IsReal = RealIfReal, Numeric = z => 1 / Complex.Sin(z), Latex = "\\csc", Sympy = "csc",
        Definition = u => Expr.One / Expr.Sin(u),
    });
    /// <summary>sinh.</summary>
    public static readonly Function Sinh = Builtin(new()
    {
        Name = "sinh", Parity = Parity.Odd, ExactValue = u => Undo(Arsinh!, u) ?? ZeroAtZero(u), Derivative = Expr.Cosh, Antiderivative = Expr.Cosh,
        IsReal = RealIfReal, Numeric = Complex.Sinh, Latex = "\\sinh", Sympy = "sinh", Inverse = () => Arsinh!,
        Definition = u => Expr.Half * (Expr.Exp(u) - Expr.Exp(-u)),
    });
    /// <summary>cosh.</summary>
    public static readonly Function Cosh = Builtin(new()
    {
        Name = "cosh", Parity = Parity.Even, ExactValue = u => Undo(Arcosh!, u) ?? OneAtZero(u), Derivative = Expr.Sinh, Antiderivative = Expr.Sinh,
        IsReal = RealIfReal, IsPositive = RealIfReal, Numeric = Complex.Cosh, Latex = "\\cosh", Sympy = "cosh", Inverse = () => Arcosh!,
        Definition = u => Expr.Half * (Expr.Exp(u) + Expr.Exp(-u)),
    });
    /// <summary>tanh.</summary>
    public static readonly Function Tanh = Builtin(new()
    {
        Name = "tanh", Parity = Parity.Odd, ExactValue = u => Undo(Artanh!, u) ?? ZeroAtZero(u), Derivative = u => Sum.Of(Expr.One, -Call.Of(Tanh!, u).Pow(2)),
        Antiderivative = u => Expr.Log(Expr.Cosh(u)), IsReal = RealIfReal, Numeric = Complex.Tanh, Latex = "\\tanh", Sympy = "tanh", Inverse = () => Artanh!,
        Definition = u => Expr.Sinh(u) / Expr.Cosh(u),
    });
    /// <summary>sech = 1/cosh.</summary>
    public static readonly Function Sech = Builtin(new()
    {
        Name = "sech", Parity = Parity.Even, ExactValue = OneAtZero, Derivative = u => -Product.Of(Call.Of(Sech!, u), Call.Of(Tanh, u)),
        Antiderivative = u => Call.Of(Atan!, Expr.Sinh(u)), IsReal = RealIfReal, IsPositive = RealIfReal, Numeric = z => 1 / Complex.Cosh(z), Latex = "\\operatorname{sech}", Sympy = "sech",
        Definition = u => Expr.One / Expr.Cosh(u),
    });
    /// <summary>csch = 1/sinh.</summary>
    public static readonly Function Csch = Builtin(new()
    {
        Name = "csch", Parity = Parity.Odd, ExactValue = u => PoleAtZero(Csch!, u), Derivative = u => -Product.Of(Call.Of(Csch!, u), Call.Of(Coth!, u)),
        // log tanh(u/2), written in eᵘ alone so that the check by differentiation sees one exponential kernel
        Antiderivative = u => Expr.Log(Expr.Exp(u) - 1) - Expr.Log(Expr.Exp(u) + 1), IsReal = RealIfReal, Numeric = z => 1 / Complex.Sinh(z), Latex = "\\operatorname{csch}", Sympy = "csch",
        Definition = u => Expr.One / Expr.Sinh(u),
    });
    /// <summary>coth = cosh/sinh.</summary>
    public static readonly Function Coth = Builtin(new()
    {
        Name = "coth", Parity = Parity.Odd, ExactValue = u => PoleAtZero(Coth!, u), Derivative = u => Sum.Of(Expr.One, -Call.Of(Coth!, u).Pow(2)),
        Antiderivative = u => Expr.Log(Expr.Sinh(u)), IsReal = RealIfReal, Numeric = z => 1 / Complex.Tanh(z), Latex = "\\coth", Sympy = "coth",
        Definition = u => Expr.Cosh(u) / Expr.Sinh(u),
    });
    /// <summary>arcsin.</summary>
    public static readonly Function Asin = Builtin(new()
    {
        Name = "asin", Parity = Parity.Odd, ExactValue = u => SpecialAngles.Inverse(Asin!, u), Derivative = u => Power.Of(Sum.Of(Expr.One, -u.Pow(2)), MinusHalf),
        Antiderivative = u => u * Call.Of(Asin!, u) + Expr.Sqrt(1 - u.Pow(2)), Numeric = Complex.Asin, Latex = "\\arcsin", LatexNames = ["arcsin"], Sympy = "asin",
    });
    /// <summary>arccos.</summary>
    public static readonly Function Acos = Builtin(new()
    {
        Name = "acos", ExactValue = u => SpecialAngles.Inverse(Acos!, u), Derivative = u => -Power.Of(Sum.Of(Expr.One, -u.Pow(2)), MinusHalf),
        Antiderivative = u => u * Call.Of(Acos!, u) - Expr.Sqrt(1 - u.Pow(2)), Numeric = Complex.Acos, Latex = "\\arccos", LatexNames = ["arccos"], Sympy = "acos",
    });
    /// <summary>arctan.</summary>
    public static readonly Function Atan = Builtin(new()
    {
        Name = "atan", Parity = Parity.Odd, ExactValue = u => SpecialAngles.Inverse(Atan!, u), Derivative = u => Power.Of(Sum.Of(Expr.One, u.Pow(2)), Expr.MinusOne),
        Antiderivative = u => u * Call.Of(Atan!, u) - Expr.Half * Expr.Log(1 + u.Pow(2)), IsReal = RealIfReal, Numeric = Complex.Atan, Latex = "\\arctan", LatexNames = ["arctan"], Sympy = "atan",
    });
    /// <summary>arsinh, the inverse of sinh: log(u + √(u² + 1)).</summary>
    public static readonly Function Arsinh = Builtin(new()
    {
        Name = "arsinh", Parity = Parity.Odd, ExactValue = ZeroAtZero, Derivative = u => Power.Of(Sum.Of(u.Pow(2), Expr.One), MinusHalf),
        Antiderivative = u => u * Call.Of(Arsinh!, u) - Expr.Sqrt(u.Pow(2) + 1), IsReal = RealIfReal, Numeric = z => Complex.Log(z + Complex.Sqrt(z * z + 1)),
        Latex = "\\operatorname{arsinh}", LatexNames = ["arcsinh", "asinh"], Sympy = "asinh",
    });
    /// <summary>arcosh, the inverse of cosh on [1, ∞): log(u + √(u − 1)√(u + 1)).</summary>
    public static readonly Function Arcosh = Builtin(new()
    {
        Name = "arcosh", ExactValue = u => u.IsOne ? Expr.Zero : null,
        // 1/(√(u − 1)√(u + 1)), not 1/√(u² − 1): the two differ for u < −1, and this one is the principal branch's.
        Derivative = u => Product.Of(Power.Of(Sum.Of(u, Expr.MinusOne), MinusHalf), Power.Of(Sum.Of(u, Expr.One), MinusHalf)),
        Antiderivative = u => u * Call.Of(Arcosh!, u) - Expr.Sqrt(u - 1) * Expr.Sqrt(u + 1),
        Numeric = z => Complex.Log(z + Complex.Sqrt(z - 1) * Complex.Sqrt(z + 1)),
        Latex = "\\operatorname{arcosh}", LatexNames = ["arccosh", "acosh"], Sympy = "acosh",
    });
    /// <summary>artanh, the inverse of tanh on (−1, 1): ½ log((1 + u)/(1 − u)).</summary>
    public static readonly Function Artanh = Builtin(new()
    {
        Name = "artanh", Parity = Parity.Odd, ExactValue = ZeroAtZero, Derivative = u => Power.Of(Sum.Of(Expr.One, -u.Pow(2)), Expr.MinusOne),
        Antiderivative = u => u * Call.Of(Artanh!, u) + Expr.Half * Expr.Log(1 - u.Pow(2)), Numeric = z => (Complex.Log(1 + z) - Complex.Log(1 - z)) / 2,
        Latex = "\\operatorname{artanh}", LatexNames = ["arctanh", "atanh"], Sympy = "atanh",
    });
    /// <summary>Natural logarithm.</summary>
    public static readonly Function Log = Builtin(new()
    {
        Name = "log", ExactValue = u => u.IsOne ? Expr.Zero : u == Expr.E ? Expr.One : null, Derivative = u => Power.Of(u, Expr.MinusOne),
        Antiderivative = u => u * Expr.Log(u) - u, IsReal = Assume.IsPositive, Numeric = Complex.Log, Latex = "\\log", Sympy = "log",
    });
    /// <summary>Absolute value.</summary>
    public static readonly Function Abs = Builtin(new()
    {
        Name = "abs", Parity = Parity.Even, ExactValue = AbsValue, Derivative = u => Call.Of(Sign!, u),
        IsReal = RealIfReal, IsPositive = Assume.IsNonzero, IsNonnegative = _ => true, Numeric = z => Complex.Abs(z), Sympy = "Abs",
    });
    /// <summary>Sign.</summary>
    public static readonly Function Sign = Builtin(new()
    {
        Name = "sign", Parity = Parity.Odd, ExactValue = ZeroAtZero, Derivative = _ => Expr.Zero,
        IsReal = RealIfReal, Numeric = z => Math.Sign(z.Real), Latex = "\\operatorname{sign}", Sympy = "sign",
    });

    private static Expr? AbsValue(Expr x)
    {
        if (x is Number n) return Number.Of(n.Value.Abs());
        if (Assume.IsNonnegative(x)) return x;
        if (x is Call c && c.Function == Abs) return x;
        return null;
    }

    /// <summary>Every built-in function by name.</summary>
    public static readonly ImmutableDictionary<string, Function> Builtins =
        new[] { Sin, Cos, Tan, Cot, Sec, Csc, Sinh, Cosh, Tanh, Sech, Csch, Coth, Asin, Acos, Atan, Arsinh, Arcosh, Artanh, Log, Abs, Sign }
            .ToImmutableDictionary(f => f.Name);

    private static readonly ImmutableDictionary<string, Function> ByLatexName =
        Builtins.Values.SelectMany(f => f.Entry!.LatexNames.Add(f.Name).Select(n => (n, f))).ToImmutableDictionary(p => p.n, p => p.f);

    /// <summary>The built-in a LaTeX name stands for (<c>\arcsin</c>, <c>\operatorname{sech}</c>: arcsin, sech), or null.</summary>
    public static Function? FromLatexName(string name) => ByLatexName.GetValueOrDefault(name);
}
