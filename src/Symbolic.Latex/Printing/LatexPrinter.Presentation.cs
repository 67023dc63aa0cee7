using Symbolic.Core;
using Symbolic.Core.Numbers;

namespace Symbolic.Latex.Printing;

// Printing rules that keep marks which change nothing out of the output, as the articles write.
public static partial class LatexPrinter
{
    private sealed partial class Writer
    {
        /// <summary>
        /// \frac{2}{r} \frac{\partial u}{\partial r}, never \frac{2 \frac{\partial u}{\partial r}}{r}: a derivative
        /// written as a fraction stays out of another fraction's numerator, after its coefficient.
        /// </summary>
        private bool WriteFractionBeforeDerivatives(Rational c, List<Expr> num, List<Expr> den)
        {
            var derivatives = num.Where(IsFractionDerivative).ToList();
            if (derivatives.Count == 0) return false;
            var rest = num.Where(f => !derivatives.Contains(f)).ToList();
            var coefficient = Product.Of(rest.Concat(den.Select(d => Power.Of(d, Expr.MinusOne))).Prepend(Number.Of(c)));
            Write(coefficient, PrecProduct);
            foreach (var d in derivatives)
            {
                _sb.Append(' ');
                Write(d, PrecProduct + 1);
            }
            return true;
        }

        private bool IsFractionDerivative(Expr e)
        {
            if ((e is Power p ? p.Base : e) is not Derivative d) return false;
            var sb = new System.Text.StringBuilder();
            new Writer(sb, _o).WriteDerivative(d);
            return sb.Length > 5 && sb.ToString(0, 5) == "\\frac";
        }

        private static bool ContainsUnknown(Expr e)
        {
            if (e is Derivative || e is Call { Function.IsUser: true }) return true;
            foreach (var c in e.Children) if (ContainsUnknown(c)) return true;
            return false;
        }

        private static bool IsLetterD(Expr e) => (e is Power p ? p.Base : e) is Symbol { Name: "d" };
    }
}
