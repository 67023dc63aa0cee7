namespace Symbolic.Oracle.Tests;

public class OracleSmokeTests
{
    [Fact]
    public void The_oracle_answers_and_disagrees_when_it_should()
    {
        var answers = Sympy.Run(
            "import sys, sympy\nfor line in sys.stdin:\n    print(sympy.expand(sympy.sympify(line)))\n",
            new[] { "(x+1)**2", "(x-1)*(x+1)" });
        answers.Should().Equal("x**2 + 2*x + 1", "x**2 - 1");
    }
}
