using System.IO.Compression;

namespace Symbolic.Cli.Tests;

/// <summary>
/// README's other way in: <c>dotnet pack -o artifacts</c>, then <c>dotnet tool install … --add-source artifacts</c>.
/// Packs into a temporary folder, installs the tool into a temporary tool path (with its own NuGet package folder, so
/// no stale 0.1.0 from an earlier run is reused), runs it, and removes everything. In the native-binary collection so
/// its Release build never runs beside the publish's.
/// </summary>
[Collection("Native binary")]
public sealed class PackTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "symbolic-pack-" + Guid.NewGuid().ToString("N"));

    private string Pack(string project)
    {
        var artifacts = Path.Combine(_dir, "artifacts");
        var r = ExternalProcess.Run("dotnet", ["pack", Path.Combine(Repo.Root, "src", project), "-c", "Release", "-o", artifacts, "--nologo"],
            timeout: TimeSpan.FromMinutes(15));
        r.ExitCode.Should().Be(0, ExternalProcess.Tail(r.Out + r.Err));
        return Directory.GetFiles(artifacts, project + ".*.nupkg").Should().ContainSingle().Subject;
    }

    [Fact]
    public void The_CLI_packs_as_a_dotnet_tool_that_installs_into_a_tool_path_and_runs()
    {
        var package = Pack("Symbolic.Cli");
        using (var zip = ZipFile.OpenRead(package))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            names.Should().Contain(["README.md", "LICENSE", "tools/net10.0/any/DotnetToolSettings.xml", "tools/net10.0/any/symbolic.dll"]);
            using var settings = new StreamReader(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
            settings.ReadToEnd().Should().Contain("Name=\"symbolic\"");
        }
        var tools = Path.Combine(_dir, "tools");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_dir, "nuget-packages") };
        var install = ExternalProcess.Run("dotnet", ["tool", "install", "Symbolic.Cli", "--tool-path", tools, "--add-source", Path.GetDirectoryName(package)!],
            workingDirectory: _dir, timeout: TimeSpan.FromMinutes(5), environment: env);
        install.ExitCode.Should().Be(0, install.Out + install.Err);
        install.Out.Should().Contain("symbolic");
        var exe = Path.Combine(tools, OperatingSystem.IsWindows() ? "symbolic.exe" : "symbolic");
        var run = ExternalProcess.Run(exe, ["eval", "1+1"], timeout: TimeSpan.FromMinutes(1));
        run.Should().BeEquivalentTo(new { ExitCode = 0, Out = "2\n", Err = "" });
    }

    [Fact]
    public void A_library_package_carries_its_README_XML_docs_licence_and_version()
    {
        var package = Pack("Symbolic.Core");
        Path.GetFileName(package).Should().MatchRegex(@"^Symbolic\.Core\.\d+\.\d+\.\d+.*\.nupkg$");
        using var zip = ZipFile.OpenRead(package);
        zip.Entries.Select(e => e.FullName).Should().Contain(["README.md", "LICENSE", "lib/net10.0/Symbolic.Core.dll", "lib/net10.0/Symbolic.Core.xml"]);
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        text.Should().Contain("<license type=\"expression\">MIT</license>").And.Contain("<readme>README.md</readme>").And.Contain("<description>Symbolic's kernel");
    }

    public void Dispose()
    {
        try { if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
