namespace Symbolic.Cli.Tests;

/// <summary>
/// Every examples/NAME.sym runs without error and prints exactly examples/NAME.expected. To refresh the expected
/// transcripts after a deliberate change, run the tests with SYMBOLIC_UPDATE_EXPECTED=1 and review the diff.
/// </summary>
public sealed class ExampleTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repo.Examples, "*.sym").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void An_example_script_prints_its_expected_transcript(string script)
    {
        var path = Path.Combine(Repo.Examples, script);
        var expectedPath = Path.ChangeExtension(path, ".expected");
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = ScriptRunner.Run("examples/" + script, File.ReadAllLines(path), output, error);
        error.ToString().Should().BeEmpty();
        code.Should().Be(0);
        if (Environment.GetEnvironmentVariable("SYMBOLIC_UPDATE_EXPECTED") == "1")
            File.WriteAllText(expectedPath, output.ToString());
        File.Exists(expectedPath).Should().BeTrue($"{expectedPath} holds the reviewed transcript");
        output.ToString().Should().Be(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void There_is_an_example_and_the_README_lists_each_one()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Examples, "README.md"));
        var scripts = Directory.GetFiles(Repo.Examples, "*.sym").Select(Path.GetFileName).ToList();
        scripts.Should().Contain("simplify.sym");
        foreach (var s in scripts) readme.Should().Contain(s);
    }
}
