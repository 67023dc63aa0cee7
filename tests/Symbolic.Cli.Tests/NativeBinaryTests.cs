using System.Text.Json;

namespace Symbolic.Cli.Tests;

/// <summary>
/// Publishes the CLI once, as README says (<c>dotnet publish src/Symbolic.Cli -c Release -o DIR</c>: Native AOT),
/// into a temporary folder that is removed afterwards. Without clang the publish cannot link: the tests are then
/// skipped with the reason on a developer's machine, and fail under CI (.ci/run installs clang and zlib1g-dev).
/// </summary>
public sealed class NativeBinary : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "symbolic-native-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<(string? Binary, string? Skip, string? Failure)> _published;

    public NativeBinary() => _published = new(Publish);

    /// <summary>The published binary; skips or fails the calling test when there is none.</summary>
    public string Binary
    {
        get
        {
            var (binary, skip, failure) = _published.Value;
            Skip.If(skip is not null, skip);
            if (failure is not null) throw new Xunit.Sdk.XunitException(failure);
            return binary!;
        }
    }

    /// <summary>How long the publish took (for the CI budget).</summary>
    public TimeSpan PublishTime { get; private set; }

    private (string?, string?, string?) Publish()
    {
        if (!OperatingSystem.IsLinux()) return (null, "the native publish is tested on Linux only", null);
        if (ExternalProcess.OnPath("clang") is null)
        {
            const string why = "clang is not installed, so Native AOT cannot link: sudo apt-get install clang zlib1g-dev";
            return Environment.GetEnvironmentVariable("CI") == "true" ? (null, null, why + " (CI's .ci/run installs them)") : (null, why, null);
        }
        var r = ExternalProcess.Run("dotnet", ["publish", Path.Combine(Repo.Root, "src", "Symbolic.Cli"), "-c", "Release", "-o", _dir, "--nologo"],
            timeout: TimeSpan.FromMinutes(20));
        PublishTime = r.Elapsed;
        Console.WriteLine($"dotnet publish (Native AOT) took {r.Elapsed.TotalSeconds:F0} s");
        var binary = Path.Combine(_dir, "symbolic");
        if (r.ExitCode != 0 || !File.Exists(binary))
            return (null, null, $"dotnet publish exited {r.ExitCode}:\n{ExternalProcess.Tail(r.Out + r.Err)}");
        return (binary, null, null);
    }

    public ExternalProcess.Result Run(params string[] args) => ExternalProcess.Run(Binary, args, timeout: TimeSpan.FromMinutes(1));

    public void Dispose()
    {
        try { if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition("Native binary")]
public sealed class NativeBinaryCollection : ICollectionFixture<NativeBinary>;

/// <summary>The native <c>symbolic</c> (Native AOT, trimmed) does what the JIT build does: nothing in it needed reflection.</summary>
[Collection("Native binary")]
public sealed class NativeBinaryTests(NativeBinary native)
{
    [SkippableFact]
    public void The_publish_leaves_one_native_executable_and_nothing_that_needs_the_dotnet_host()
    {
        var dir = Path.GetDirectoryName(native.Binary)!;
        File.Exists(Path.Combine(dir, "symbolic.dll")).Should().BeFalse("a Native AOT publish has no IL assembly to load");
        var head = new byte[4];
        using (var f = File.OpenRead(native.Binary)) f.ReadExactly(head);
        head.Should().Equal([0x7f, (byte)'E', (byte)'L', (byte)'F'], "the binary is a native ELF executable");
        native.Run("eval", "1+1").Should().BeEquivalentTo(new { ExitCode = 0, Out = "2\n", Err = "" });
    }

    [SkippableTheory]
    [MemberData(nameof(ExampleTests.Scripts), MemberType = typeof(ExampleTests))]
    public void The_native_binary_prints_each_example_transcript(string script)
    {
        var r = native.Run("run", "examples/" + script);
        r.Err.Should().BeEmpty();
        r.ExitCode.Should().Be(0);
        r.Out.Should().Be(File.ReadAllText(Path.Combine(Repo.Examples, Path.ChangeExtension(script, ".expected"))).ReplaceLineEndings("\n"));
    }

    [SkippableFact]
    public void Json_output_works_in_the_native_binary_for_one_shot_commands()
    {
        var r = native.Run("eval", "\\frac{\\alpha^2}{x}+\\frac{\\alpha^2}{x}", "--format", "json");
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var result = doc.RootElement.GetProperty("results")[0];
        result.GetProperty("latex").GetString().Should().Be("\\frac{2 \\alpha^{2}}{x}");
        result.GetProperty("sympy").GetString().Should().Be("2*alpha**2/x");
        result.GetProperty("verified").GetBoolean().Should().BeTrue();
        doc.RootElement.GetProperty("steps").GetArrayLength().Should().BeGreaterThan(0);
        doc.RootElement.GetProperty("warnings").GetArrayLength().Should().Be(0);

        var el = native.Run("el", "L=\\frac{1}{2}\\dot{x}^2-\\frac{1}{2}x^2", "--coords", "x", "--format", "json");
        el.ExitCode.Should().Be(0, el.Err);
        using var eldoc = JsonDocument.Parse(el.Out);
        eldoc.RootElement.GetProperty("results")[0].GetProperty("text").GetString().Should().Be("diff(x(t), t, 2) = -x(t)");
    }

    [SkippableFact]
    public void Json_output_works_in_the_native_binary_for_the_symmetry_document()
    {
        var r = native.Run("symmetries", "y''=0", "--format", "json");
        r.ExitCode.Should().Be(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("complete").GetBoolean().Should().BeTrue();
        doc.RootElement.GetProperty("dimension").GetInt32().Should().Be(8);
        var algebra = doc.RootElement.GetProperty("results").EnumerateArray().Single(e => e.GetProperty("label").GetString() == "algebra");
        algebra.GetProperty("name").GetString().Should().Be("sl(3,R)");
        doc.RootElement.GetProperty("results")[0].GetProperty("components").EnumerateObject().Should().HaveCount(2);
    }

    [SkippableFact]
    public void Errors_usage_and_the_piped_REPL_behave_in_the_native_binary_as_in_the_JIT_build()
    {
        var bad = native.Run("eval", "\\frac{1}{");
        bad.ExitCode.Should().Be(Program.MathError);
        bad.Err.Should().Contain("expected the denominator of \\frac").And.Contain("^");
        var usage = native.Run("eval", "1", "--no-such-option");
        usage.ExitCode.Should().Be(Program.BadUsage);
        usage.Err.Should().Contain("--no-such-option");
        var repl = ExternalProcess.Run(native.Binary, [], input: "f := a+b\nf^2\n:quit\n", timeout: TimeSpan.FromMinutes(1));
        repl.ExitCode.Should().Be(0, repl.Err);
        repl.Out.Should().Contain("(a + b)^{2}");
    }
}
