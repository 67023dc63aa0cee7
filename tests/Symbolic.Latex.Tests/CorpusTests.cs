using Xunit.Abstractions;

namespace Symbolic.Latex.Tests;

public class CorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_displayed_equation_of_the_articles_and_seed_pages_parses_as_written()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (label, latex) in Sx.Corpus())
        {
            count++;
            try { LatexReader.Parse(latex); }
            catch (ParseError e) { failures.Add($"{label}\n{e.Render()}"); }
        }
        output.WriteLine($"{count - failures.Count}/{count} golden equations parse");
        count.Should().BeGreaterThan(250, "the golden files hold every displayed equation");
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Golden_files_name_their_source_for_every_entry()
    {
        foreach (var (label, _) in Sx.Corpus())
            label.Should().MatchRegex(@"^(seeds/\S+ display #\d+|[a-z0-9-]+ eq (\(\d+\)|\[[^\]]+\])) \(line \d+\)$");
    }
}
