using Symbolic.Core;
using Symbolic.Latex.Printing;
using Xunit.Abstractions;

namespace Symbolic.Latex.Tests;

public class CorpusLoweringTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_golden_equation_lowers_or_is_refused_with_a_positioned_message()
    {
        int lowered = 0, refused = 0;
        var refusals = new List<string>();
        foreach (var (label, latex) in Sx.Corpus())
        {
            try
            {
                LatexMath.Read(latex);
                lowered++;
            }
            catch (ParseError e)
            {
                refused++;
                e.Line.Should().BeGreaterThan(0);
                e.Column.Should().BeGreaterThan(0);
                refusals.Add($"{label}: {e.Message}");
            }
        }
        output.WriteLine($"{lowered} golden equations lower to kernel expressions; {refused} are refused with a message:");
        foreach (var r in refusals) output.WriteLine("  " + r);
        lowered.Should().BeGreaterThan(200);
    }

    [Fact]
    public void Lowered_golden_equations_print_and_read_back_to_the_same_expression()
    {
        int checkedCount = 0;
        var failures = new List<string>();
        foreach (var (label, latex) in Sx.Corpus())
        {
            IReadOnlyList<LoweredEquation> eqs;
            try { eqs = LatexMath.Read(latex); } catch (ParseError) { continue; }
            foreach (var eq in eqs)
            {
                var ctx = new LoweringContext();
                foreach (var call in Calls(eq.Value)) ctx.Functions[call.Function.Name] = call.Args.Select(a => a is Core.Symbol s ? s.Name : "x").ToArray();
                var printed = LatexPrinter.Print(eq.Value, new LatexOptions(ShowArguments: true));
                Expr back;
                try { back = LatexMath.ReadOne(printed, ctx); }
                catch (ParseError e) { failures.Add($"{label}: printed {printed} does not read back: {e.Render()}"); continue; }
                if (!back.Equals(eq.Value)) failures.Add($"{label}: {eq.Value} printed as {printed} reads back as {back}");
                checkedCount++;
            }
        }
        output.WriteLine($"{checkedCount} lowered equations round-trip through the LaTeX printer");
        foreach (var f in failures.Take(12)) output.WriteLine("FAIL " + f);
        failures.Should().BeEmpty();
    }

    private static IEnumerable<Call> Calls(Expr e)
    {
        if (e is Call { Function.IsUser: true } c) yield return c;
        if (e is Core.Derivative d) yield return d.Function;
        foreach (var child in e.Children)
            foreach (var x in Calls(child)) yield return x;
    }
}
