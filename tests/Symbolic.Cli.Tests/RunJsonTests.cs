using System.Text.Json;

namespace Symbolic.Cli.Tests;

/// <summary><c>symbolic run FILE --format json</c>: one document with each input line, its results, steps, warnings and error.</summary>
[Collection("Console")]
public sealed class RunJsonTests
{
    private static Cli.Outcome RunScript(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"symbolic-run-{Guid.NewGuid():N}.sym");
        File.WriteAllLines(path, lines);
        try { return Cli.Run("run", path, "--format", "json"); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Each_input_comes_with_its_line_results_and_steps()
    {
        var r = RunScript("% a comment", @"L := \frac12 m\dot{x}^2 - \frac12 k x^2", "", @"\frac{a}{", "b}", ":el L");
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var entries = doc.RootElement.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("line").GetInt32()).Should().Equal(2, 4, 6);
        entries[1].GetProperty("input").GetString().Should().Be("\\frac{a}{\nb}");
        entries[1].GetProperty("results").EnumerateArray().Select(x => x.GetString()).Should().Equal(@"\frac{a}{b}");
        entries[2].GetProperty("results").EnumerateArray().Select(x => x.GetString()).Should().Equal(@"\ddot{x} = -\frac{k x}{m}");
        entries[2].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("rule").GetString()).Should().NotBeEmpty();
        entries[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("rule").GetString()).Should().Equal("read", "simplify");
        entries.Where(e => e.TryGetProperty("error", out var _)).Should().BeEmpty();
    }

    [Fact]
    public void An_error_is_the_last_entry_with_its_line_and_column_and_the_exit_code_is_one()
    {
        var r = RunScript("x + 1", @"\frac{a}{b} + }", "y");
        r.ExitCode.Should().Be(1);
        using var doc = JsonDocument.Parse(r.Out);
        var entries = doc.RootElement.GetProperty("entries").EnumerateArray().ToList();
        entries.Should().HaveCount(2);
        var error = entries[1].GetProperty("error");
        error.GetProperty("line").GetInt32().Should().Be(2);
        error.GetProperty("column").GetInt32().Should().Be(15);
        error.GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        entries[1].GetProperty("results").GetArrayLength().Should().Be(0);
        r.Err.Should().Contain(":2:15:");
    }

    [Fact]
    public void A_reading_warning_is_placed_on_its_file_line()
    {
        var r = RunScript("x + 1", @"x(y-z)");
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var w = doc.RootElement.GetProperty("entries")[1].GetProperty("warnings")[0];
        w.GetProperty("line").GetInt32().Should().Be(2);
        w.GetProperty("message").GetString().Should().Contain("is read as the product");
    }
}
