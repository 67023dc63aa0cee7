using Antlr4.Runtime;
using Symbolic.Latex.Grammar;

namespace Symbolic.Latex.Tests;

public class GrammarBuildTests
{
    [Fact]
    public void The_generated_parser_reads_a_sum_of_atoms()
    {
        var parser = new LatexParser(new CommonTokenStream(new LatexLexer(new AntlrInputStream("a + b - 2"))));
        var tree = parser.math();
        parser.NumberOfSyntaxErrors.Should().Be(0);
        tree.GetText().Should().Be("a+b-2<EOF>");
    }
}
