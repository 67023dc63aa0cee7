using Symbolic.Core;

namespace Symbolic.Core.Tests;

public class NumericProbeTests
{
    [Fact]
    public void An_operator_call_without_arguments_is_not_evaluated_and_does_not_crash_the_self_check()
    {
        // Found by the hostile-input fuzzer: \sing^2 y reads as the unknown operator sing() with no argument.
        var sing = Call.Of(Function.Named("sing"));
        var y = Expr.Symbol("y");
        var e = sing.Pow(2) * y;
        NumericProbe.Agree(e, e).Should().BeFalse("a value that cannot be computed is not verified");
        var act = () => NumericProbe.Evaluate(e, null);
        act.Should().Throw<SymbolicException>().WithMessage("cannot evaluate sing of 0 arguments");
    }
}
