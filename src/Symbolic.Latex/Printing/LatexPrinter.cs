using System.Text;
using Symbolic.Core;
using Symbolic.Core.Numbers;

namespace Symbolic.Latex.Printing;

/// <summary>Options of the LaTeX printer.</summary>
/// <param name="Time">The time variable: first and second derivatives in it print as \dot{r}, \ddot{r}.</param>
/// <param name="ShowArguments">Print r(t) with its argument; by default unknown functions print as their name, as articles write them.</param>
/// <param name="Functions">Declared unknown functions and their arguments (<c>u</c> → x, y): a call with exactly
/// these arguments prints as its name; any other call of an unknown function prints with its arguments, so
/// <c>f(x) - f(y)</c> stays <c>f - f(y)</c> when f(x) is declared, and <c>f(x) - f(y)</c> when nothing is.</param>
public sealed record LatexOptions(string Time = "t", bool ShowArguments = false, IReadOnlyDictionary<string, IReadOnlyList<string>>? Functions = null)
{
    /// <summary>The defaults: time t, arguments of unknown functions omitted.</summary>
    public static LatexOptions Default { get; } = new();
}

/// <summary>
/// Kernel expressions as LaTeX in the articles' own style: <c>\dot{r}</c>, <c>\frac{\mu}{r^{2}}</c>,
/// <c>\sin^{2}\theta</c>, <c>\left(…\right)</c> only around tall contents, products ordered numbers first,
/// then symbols, then functions.
/// </summary>
/// <example><code>LatexPrinter.Print(Expr.Sin(theta).Pow(2) * r.Pow(2));   // r^{2} \sin^{2}\theta</code></example>
public static partial class LatexPrinter
{
    private const int PrecRelation = 0, PrecSum = 1, PrecProduct = 2, PrecPower = 4;

    /// <summary>Prints an expression.</summary>
    public static string Print(Expr e, LatexOptions? options = null)
    {
        var sb = new StringBuilder();
        new Writer(sb, options ?? LatexOptions.Default).Write(e, PrecRelation);
        return sb.ToString();
    }

    private sealed partial class Writer
    {
        private readonly StringBuilder _sb;
        private readonly LatexOptions _o;
        public Writer(StringBuilder sb, LatexOptions o) { _sb = sb; _o = o; }

        public void Write(Expr e, int outer)
        {
            StackGuard.Check();
            switch (e)
            {
                case Number n: WriteNumber(n.Value, outer); break;
                case Symbol s: _sb.Append(SymbolNames.ToLatex(s.Parts, s.IsConstant)); break;
                case Sum s: Paren(outer > PrecSum, IsTall(s), () => WriteSum(s)); break;
                case Product p: WriteProduct(p, outer); break;
                case Power p: WritePower(p, outer); break;
                case Call c: WriteCall(c, null, outer); break;
                case Derivative d: WriteDerivative(d); break;
                case Relation r when outer > PrecRelation:
                    _sb.Append("\\left(");
                    Write(r, PrecRelation);
                    _sb.Append("\\right)");
                    break;
                case Relation r:
                    Write(r.Left, PrecRelation + 1);
                    _sb.Append(r.Op switch
                    {
                        RelationKind.Equal => " = ", RelationKind.NotEqual => " \\neq ", RelationKind.Less => " < ",
                        RelationKind.LessOrEqual => " \\leq ", RelationKind.Greater => " > ", _ => " \\geq ",
                    });
                    Write(r.Right, PrecRelation + 1);
                    break;
            }
        }

        private void Paren(bool needed, bool tall, Action body)
        {
            if (needed) _sb.Append(tall ? "\\left(" : "(");
            body();
            if (needed) _sb.Append(tall ? "\\right)" : ")");
        }

        // Remembered per node: asked at every level of a nested expression, a fresh walk each time is quadratic in the depth.
        private readonly Dictionary<Expr, bool> _tall = new(ReferenceEqualityComparer.Instance);

        private bool IsTall(Expr e)
        {
            if (_tall.TryGetValue(e, out var known)) return known;
            StackGuard.Check();
            // e^{-2\Lambda} is written as a power, not a fraction: it does not make its sum tall.
            bool tall = e is Product p && (!p.Coefficient.IsInteger || p.Factors.Any(f => IsNegative(f.Exponent) && f.Base != Expr.E))
                        || e is Power pw && IsNegative(pw.Exponent) && pw.Base != Expr.E || e is Number { Value.IsInteger: false };
            if (!tall) foreach (var c in e.Children) if (IsTall(c)) { tall = true; break; }
            _tall[e] = tall;
            return tall;
        }

        private static bool IsNegative(Expr exponent) => Display.HasMinusSign(exponent);

        private void WriteNumber(Rational q, int outer)
        {
            if (q.IsInteger) { Paren(q.Sign < 0 && outer > PrecSum, false, () => _sb.Append(q.ToString())); return; }
            Paren(q.Sign < 0 && outer > PrecSum, false, () =>
            {
                if (q.Sign < 0) _sb.Append('-');
                _sb.Append("\\frac{").Append(BigAbs(q.Num)).Append("}{").Append(q.Den).Append('}');
            });
        }

        private static string BigAbs(System.Numerics.BigInteger n) => System.Numerics.BigInteger.Abs(n).ToString();

        private void WriteSum(Sum s)
        {
            bool first = true;
            foreach (var (neg, abs) in Display.SignedTerms(s))
            {
                if (first) { if (neg) _sb.Append('-'); }
                else _sb.Append(neg ? " - " : " + ");
                Write(abs, PrecSum + 1);
                first = false;
            }
        }

        /// <summary>1/e when e is 1/(…) alone (a positive unit fraction times negative powers, e^{…} excluded), else null.</summary>
        private static Expr? Reciprocal(Expr e)
        {
            static bool Below(Expr b, Expr x) => IsNegative(x) && b != Expr.E;
            return e switch
            {
                Power pw when Below(pw.Base, pw.Exponent) => Power.Of(pw.Base, -pw.Exponent),
                Product pr when pr.Coefficient.Sign > 0 && pr.Coefficient.Num.IsOne && pr.Factors.All(f => Below(f.Base, f.Exponent)) => Product.Of(pr.Factors.Select(f => Power.Of(f.Base, -f.Exponent)).Prepend(Number.Of(Rational.Of(pr.Coefficient.Den)))),
                _ => null,
            };
        }

        private void WriteProduct(Product p, int outer)
        {
            if (p.Coefficient.Sign < 0)
            {
                Paren(outer > PrecSum, false, () =>
                {
                    _sb.Append('-');
                    Write(Product.Of(p.FactorExprs().Prepend(Number.Of(-p.Coefficient))), PrecSum + 1);
                });
                return;
            }
            // c·dθ∧dφ (a differential form): the coefficient first, then a thin space and the basis form.
            var forms = p.Factors.Where(f => f.Exponent.IsOne && f.Base is Call fc && fc.Applies(Function.D, Function.Wedge)).Select(f => f.Base).ToList();
            if (forms.Count == 1)
            {
                var rest = Product.Of(p.FactorExprs().Where(f => !ReferenceEquals(f, forms[0]) && !f.Equals(forms[0])).Prepend(Number.Of(p.Coefficient)));
                if (!rest.IsOne)
                {
                    // dr/√(1 − 2m/r): a differential over a denominator alone reads \frac{dr}{…}, as the articles write a coframe.
                    // (not over another differential: \frac{dx}{dt} reads as a derivative)
                    if (forms[0] is Call dx && dx.Applies(Function.D) && Reciprocal(rest) is { } below
                        && !below.Any(e => e is Call c && c.Applies(Function.D, Function.Wedge)))
                    {
                        _sb.Append("\\frac{");
                        Write(forms[0], PrecRelation);
                        _sb.Append("}{");
                        Write(below, PrecRelation);
                        _sb.Append('}');
                        return;
                    }
                    Paren(outer > PrecProduct, false, () =>
                    {
                        Write(rest, PrecProduct);
                        _sb.Append(" \\, ");
                        Write(forms[0], PrecProduct + 1);
                    });
                    return;
                }
            }
            var num = new List<Expr>();
            var den = new List<Expr>();
            foreach (var (b, e) in p.Factors)
            {
                if (IsNegative(e) && b != Expr.E) den.Add(Power.Of(b, -e));   // e^{-\Lambda} stays an exponential
                else num.Add(e.IsOne ? b : Power.Of(b, e));
            }
            var c = p.Coefficient;
            Paren(outer > PrecProduct, false, () =>
            {
                if (den.Count == 0)
                {
                    // \frac{1}{2} m \dot{x}^{2}: a fractional coefficient stays in front as a fraction.
                    if (!c.IsOne) { WriteNumber(c, PrecProduct); if (num.Count > 0) _sb.Append(NeedsCdot(num[0]) ? " \\cdot " : " "); }
                    WriteFactors(num);
                    return;
                }
                if (WriteFractionBeforeDerivatives(c, num, den)) return;
                _sb.Append("\\frac{");
                var numCoefficient = c.Num;
                if (!numCoefficient.IsOne || num.Count == 0) { _sb.Append(numCoefficient); if (num.Count > 0) _sb.Append(NeedsCdot(num[0]) ? " \\cdot " : " "); }
                WriteFactors(num, alone: numCoefficient.IsOne);
                _sb.Append("}{");
                if (!c.Den.IsOne) { _sb.Append(c.Den); if (den.Count > 0) _sb.Append(NeedsCdot(den[0]) ? " \\cdot " : " "); }
                WriteFactors(den, alone: c.Den.IsOne);
                _sb.Append('}');
            });
        }

        /// <summary>
        /// 2 \cdot 3^{x}: two numbers side by side would read as one (2 3^{x} as 23^{x}). A root is delimited by its own
        /// \sqrt, so \frac{1}{3} \sqrt{3} needs no dot.
        /// </summary>
        private static bool NeedsCdot(Expr next) => next is Number || next is Power { Base: Number } p && !IsRoot(p.Exponent);

        /// <summary>An exponent printed as a root sign: 1/2 as \sqrt{…}, 1/n as \sqrt[n]{…}.</summary>
        private static bool IsRoot(Expr exponent) => exponent is Number { Value: var q } && q.Num.IsOne && q.Den > 1;

        private void WriteFactors(List<Expr> factors, bool alone = false)
        {
            factors.Sort(DisplayOrder);
            if (alone && factors.Count == 1) { Write(factors[0], PrecRelation); return; }   // \frac{x + y}{…}: the bar groups
            bool bareFunction = false;
            for (int i = 0; i < factors.Count; i++)
            {
                // A letter d followed by a factor would read back as a differential: write d \cdot x.
                if (i > 0) _sb.Append(NeedsCdot(factors[i]) || factors[i - 1] is Symbol { Name: "d" } ? " \\cdot " : " ");
                int start = _sb.Length;
                Write(factors[i], factors.Count > 1 ? PrecProduct + 1 : PrecProduct);
                // f (y + 1) with f(x) printed as its bare name would read back as f applied to y + 1: write f \cdot (y + 1).
                if (bareFunction && (_sb[start] == '(' || _sb.ToString(start, Math.Min(6, _sb.Length - start)) == "\\left("))
                    _sb.Insert(start - 1, " \\cdot");
                bareFunction = _sb.Length > start && !(_sb[^1] is ')' or '}') && (factors[i] is Call { Function.IsUser: true } || factors[i] is Derivative);
            }
        }

        // Symbols, then unknown functions and derivatives, then powers of sums, then elementary functions:
        // "m r^{2} \dot{\theta}", "r^{2} \sin\theta".
        private static int Rank(Expr e)
        {
            var b = e is Power p ? p.Base : e;
            return b switch
            {
                Number => 0,
                Symbol => 2,
                Sum s when !ContainsUnknown(s) => 3,   // 4 F (\xi^{2} + \eta^{2}) u: a coefficient before the unknowns
                Call { Function.IsUser: true } or Derivative => 4,
                Sum => 8,
                Call => 10,
                _ => 6,
            };
        }

        private static int DisplayOrder(Expr a, Expr b)
        {
            int c = Rank(a).CompareTo(Rank(b));
            if (c != 0) return c;
            // b f d, never b d f: a d followed by a letter reads back as a differential.
            c = IsLetterD(a).CompareTo(IsLetterD(b));
            if (c != 0) return c;
            // a^{2} b, not b a^{2}: order by the base, then the exponent.
            var (ba, ea) = a is Power pa ? (pa.Base, pa.Exponent) : (a, Expr.One);
            var (bb, eb) = b is Power pb ? (pb.Base, pb.Exponent) : (b, Expr.One);
            c = ExprOrder.Instance.Compare(ba, bb);
            return c != 0 ? c : ExprOrder.Instance.Compare(ea, eb);
        }

        private void WritePower(Power p, int outer)
        {
            var b = p.Base;
            var e = p.Exponent;
            if (b == Expr.E)
            {
                _sb.Append("e^{"); Write(e, PrecRelation); _sb.Append('}');
                return;
            }
            if (IsNegative(e))
            {
                Paren(outer > PrecProduct, false, () =>
                {
                    // The fraction bar groups its denominator: \frac{1}{x - 1}, never \frac{1}{(x - 1)}.
                    _sb.Append("\\frac{1}{"); Write(Power.Of(b, -e), PrecRelation); _sb.Append('}');
                });
                return;
            }
            if (e is Number { Value: var q } && q == Rational.Of(1, 2)) { _sb.Append("\\sqrt{"); Write(b, PrecRelation); _sb.Append('}'); return; }
            if (e is Number { Value: var q3 } && q3.Num.IsOne && q3.Den > 2) { _sb.Append("\\sqrt[").Append(q3.Den).Append("]{"); Write(b, PrecRelation); _sb.Append('}'); return; }
            if (b is Call { Function.IsUser: false } c)
            {
                // \sin^{2}\theta, and \sin^{n - 2}\theta for any exponent: (\sin\theta)^{n-2} written as \sin\theta^{n - 2}
                // would read back as \sin(\theta^{n-2}).
                WriteCall(c, e, outer);
                return;
            }
            if (b is Derivative d && e is Number)
            {
                // \dot{x}^{2} reads as it is; a fraction is parenthesised, as (\partial u/\partial x)^2 is written.
                int start = _sb.Length;
                WriteDerivative(d);
                if (_sb[start] == '\\' && _sb.ToString(start, Math.Min(5, _sb.Length - start)) == "\\frac")
                {
                    _sb.Insert(start, "\\left(");
                    _sb.Append("\\right)");
                }
                _sb.Append("^{"); Write(e, PrecRelation); _sb.Append('}');
                return;
            }
            Paren(outer > PrecPower, false, () =>
            {
                // An indexed symbol keeps its indices apart from the power: {A^{\mu}}^{2}.
                bool braces = b is Symbol { Parts.Upper.IsEmpty: false } || b is Call { Function.IsUser: true } bc && ShowArgs(bc);
                if (braces) _sb.Append('{');
                Write(b, PrecPower + 1);
                if (braces) _sb.Append('}');
                _sb.Append("^{");
                if (e is Number { Value: { IsInteger: false } q }) _sb.Append(q.ToString());   // x^{3/2}, as articles write it
                else Write(e, PrecRelation);
                _sb.Append('}');
            });
        }

        private void WriteCall(Call c, Expr? power, int outer)
        {
            if (c.Function.IsUser)
            {
                if (c.Function.Base is { } b)
                {
                    // V′(x²), A^{(1,0)}(x, t): a derivative by argument position, with its arguments.
                    // x^{μ}′ is a double superscript in TeX: a name with an upper index is braced, {x^{\mu}}'(s).
                    var baseName = SymbolNames.ToLatex(b.Parts, false);
                    _sb.Append(b.Parts.Upper.IsEmpty ? baseName : "{" + baseName + "}");
                    var k = c.Function.ArgumentOrders;
                    if (k.Length == 1 && k[0] <= 3) _sb.Append('\'', k[0]);
                    else _sb.Append("^{(").Append(string.Join(",", k)).Append(")}");
                }
                else _sb.Append(SymbolNames.ToLatex(c.Function.Parts, false));
                if (ShowArgs(c)) WriteArgs(c);
                return;
            }
            if (c.Function.IsOperator)
            {
                WriteOperator(c);
                if (power is not null) { _sb.Append("^{"); Write(power, PrecRelation); _sb.Append('}'); }
                return;
            }
            if (c.Function == Function.Abs)
            {
                _sb.Append("\\left|"); Write(c.Args[0], PrecRelation); _sb.Append("\\right|");
                if (power is not null) { _sb.Append("^{"); Write(power, PrecRelation); _sb.Append('}'); }
                return;
            }
            var name = c.Function.Entry?.Latex ?? "\\operatorname{" + c.Function.Name + "}";
            _sb.Append(name);
            if (power is not null) { _sb.Append("^{"); Write(power, PrecRelation); _sb.Append('}'); }
            var arg = c.Args[0];
            if (arg is Symbol || arg is Call { Function.IsUser: true } ac && !ShowArgs(ac)) { _sb.Append(' '); Write(arg, PrecPower); }
            else { var tall = IsTall(arg); _sb.Append(tall ? "\\left(" : "("); Write(arg, PrecRelation); _sb.Append(tall ? "\\right)" : ")"); }
        }

        /// <summary>An unknown function prints as its bare name only when its arguments go without saying: its
        /// declared ones, or the time variable alone (r(t) is r, as articles write it).</summary>
        private bool ShowArgs(Call c)
        {
            // V′(x²), A^{(1,0)}(x, t): a derivative by argument position always shows where it is taken.
            if (_o.ShowArguments || c.Function.Base is not null) return true;
            var names = c.Args.Select(a => a is Symbol { IsConstant: false } s ? s.Name : null).ToList();
            if (names.Any(n => n is null)) return true;
            if (_o.Functions is { } declared && declared.TryGetValue(c.Function.Name, out var args)) return !args.SequenceEqual(names!);
            return !(names.Count == 1 && names[0] == _o.Time);
        }

        private void WriteOperator(Call c)
        {
            switch (c.Function)
            {
                case var f when f == Function.D && c.Args.Length == 1:
                    _sb.Append('d');
                    if (c.Args[0] is Symbol) { _sb.Append(c.Args[0] is Symbol { Name.Length: 1 } ? "" : " "); Write(c.Args[0], PrecPower + 1); }
                    else { _sb.Append("\\left("); Write(c.Args[0], PrecRelation); _sb.Append("\\right)"); }
                    return;
                case var f when f == Function.Wedge:
                    for (int i = 0; i < c.Args.Length; i++) { if (i > 0) _sb.Append(" \\wedge "); Write(c.Args[i], PrecProduct + 1); }
                    return;
                case var f when f == Function.Integral && c.Args.Length >= 1:
                    _sb.Append("\\int \\left[");
                    Write(c.Args[0], PrecRelation);
                    _sb.Append("\\right]");
                    foreach (var v in c.Args.Skip(1)) { _sb.Append(' '); WriteOperator((Call)Call.Of(Function.D, v)); }
                    return;
                case var f when f == Function.TotalDerivative && c.Args.Length == 2:
                    // A total derivative kept as written (a conservation law d/dt(p) = 0).
                    _sb.Append("\\frac{d}{d");
                    Write(c.Args[1], PrecPower + 1);
                    _sb.Append("}\\left(");
                    Write(c.Args[0], PrecRelation);
                    _sb.Append("\\right)");
                    return;
                case var f when f == ProductDots:
                    // x_1 x_2 \cdots x_n, as written: the factors side by side.
                    for (int i = 0; i < c.Args.Length; i++) { if (i > 0) _sb.Append(' '); Write(c.Args[i], PrecProduct + 1); }
                    return;
                case { Name: var infix } when c.Args.Length == 2 && InfixOperators.Contains(infix):
                    _sb.Append("\\left(");
                    Write(c.Args[0], PrecSum + 1);
                    _sb.Append(" \\").Append(infix).Append(' ');
                    Write(c.Args[1], PrecSum + 1);
                    _sb.Append("\\right)");
                    return;
                case var f when f == Function.Gamma || f == Function.Zeta:   // Γ(x), ζ(s): as the reader reads them
                    _sb.Append(f == Function.Gamma ? "\\Gamma" : "\\zeta");
                    WriteArgs(c);
                    return;
                default:
                    _sb.Append("\\operatorname{").Append(c.Function.Name).Append('}');
                    WriteArgs(c);
                    return;
            }
        }

        // x_1 x_2 \cdots x_n as the reader keeps it
        private static readonly Function ProductDots = Function.Named("product_dots");
        private static readonly Function Mid = Function.Named("mid");

        private static readonly HashSet<string> InfixOperators = new() { "mid", "propto", "sim", "to", "approx", "equiv", "in", "subset", "otimes", "Rightarrow", "Leftrightarrow", "mapsto", "cong", "simeq" };

        // An application to anything but plain variables (V(x²), V(r) of a coordinate r(t)) shows its arguments.
        private void WriteArgs(Call c)
        {
            _sb.Append('(');
            for (int i = 0; i < c.Args.Length; i++)
            {
                if (i > 0) _sb.Append(", ");
                // p(z \mid x): a conditional argument without its own parentheses.
                if (c.Args[i] is Call { Args.Length: 2 } m && m.Applies(Mid) && c.Function.IsUser)
                {
                    WriteBarSide(m.Args[0]); _sb.Append(" \\mid "); WriteBarSide(m.Args[1]);
                }
                else Write(c.Args[i], PrecRelation);
            }
            _sb.Append(')');
        }

        private void WriteBarSide(Expr e)
        {
            if (e is Call t && t.Applies(Function.Tuple))
                for (int i = 0; i < t.Args.Length; i++) { if (i > 0) _sb.Append(", "); Write(t.Args[i], PrecRelation); }
            else Write(e, PrecSum);
        }

        private void WriteDerivative(Derivative d)
        {
            var f = d.Function;
            var name = SymbolNames.ToLatex(f.Function.Parts, false);
            if (d.Variables.Length == 1 && d.Variables[0].Variable.Name == _o.Time && d.Variables[0].Order <= 3 && f.Args.Length == 1)
            {
                var accent = d.Variables[0].Order switch { 1 => "\\dot", 2 => "\\ddot", _ => "\\dddot" };
                _sb.Append(accent).Append('{').Append(name).Append('}');   // the dot says "of time": no argument list
                return;
            }
            if (d.Variables.Length == 1 && d.Variables[0].Order <= 3 && f.Args is [Symbol only] && only.Equals(d.Variables[0].Variable)
                && !f.Function.Name.Contains('\'')   // x′ is a name of its own: its derivative is written d x′/d t′
                && f.Function.Parts.Upper.IsEmpty)      // x^{μ}′ would be a double superscript: dx^{μ}/ds
            {
                // Φ′ for a function of one variable differentiated by it, as the articles write it.
                _sb.Append(name).Append('\'', d.Variables[0].Order);
                if (ShowArgs(f)) WriteArgs(f);
                return;
            }
            var total = d.TotalOrder;
            var symbol = f.Args.Length == 1 ? "d" : "\\partial";
            _sb.Append("\\frac{").Append(symbol);
            if (total > 1) _sb.Append("^{").Append(total).Append('}');
            _sb.Append(' ').Append(name);
            if (_o.ShowArguments) WriteArgs(f);
            _sb.Append("}{");
            bool first = true;
            foreach (var (v, n) in d.Variables)
            {
                if (!first) _sb.Append(' ');
                _sb.Append(symbol).Append(' ').Append(SymbolNames.ToLatex(v.Parts, false));
                if (n > 1) _sb.Append("^{").Append(n).Append('}');
                first = false;
            }
            _sb.Append('}');
        }
    }
}
