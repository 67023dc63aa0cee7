using Antlr4.Runtime;
using Symbolic.Latex.Grammar;

namespace Symbolic.Latex.Tests;

/// <summary>The generated contexts use LatexRuleContext's child accessors, not the runtime's virtual generic ones.</summary>
public class ParseTreeContextTests
{
    [Fact]
    public void Every_generated_parse_tree_context_derives_from_LatexRuleContext()
    {
        var contexts = typeof(LatexParser).GetNestedTypes().Where(t => typeof(ParserRuleContext).IsAssignableFrom(t)).ToList();
        contexts.Should().HaveCountGreaterThan(20);
        contexts.Where(t => !typeof(LatexRuleContext).IsAssignableFrom(t)).Should().BeEmpty();
    }

    [Fact]
    public void The_child_accessors_find_the_i_th_context_of_a_type_and_all_of_them_in_order()
    {
        var parser = new LatexParser(new CommonTokenStream(new LatexLexer(new AntlrInputStream(@"a & b & c \\ d"))));
        var rows = parser.math().rows();
        rows.row().Should().HaveCount(2);
        rows.row(1).GetText().Should().Be("d");
        rows.row(2).Should().BeNull();
        rows.row(0).cell().Select(c => c.GetText()).Should().Equal("a", "b", "c");
        rows.row(0).GetRuleContext<LatexParser.CellContext>(-1).Should().BeNull();
        rows.row(1).GetRuleContexts<LatexParser.RowsContext>().Should().BeEmpty();
    }
}
