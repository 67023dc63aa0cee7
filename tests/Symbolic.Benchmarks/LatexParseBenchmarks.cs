using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Symbolic.Latex;

namespace Symbolic.Benchmarks;

/// <summary>Throughput of <see cref="LatexReader.Parse"/> over the whole golden corpus
/// (every displayed equation of the articles and seed pages). Reports equations per second.</summary>
// In-process: the out-of-process build BenchmarkDotNet starts passes an absolute ArtifactsPath that
// Antlr4BuildTasks mishandles (generated parser not found), so the benchmark runs in this process.
[Config(typeof(Config))]
[InProcess]
public class LatexParseBenchmarks
{
    private string[] equations = [];

    [GlobalSetup]
    public void Setup()
    {
        var dir = FindGolden();
        equations = Directory.GetFiles(dir, "*.tex", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            .Select(b => b.Trim('\n').Split('\n'))
            .Where(l => l.Length > 1 && l[0].StartsWith('%'))
            .Select(l => string.Join("\n", l.Skip(1)))
            .ToArray();
        EquationCount = equations.Length;
    }

    /// <summary>Number of corpus equations one operation parses (for the eq/s column).</summary>
    public static int EquationCount { get; private set; }

    [Benchmark(Description = "Parse whole corpus")]
    public int ParseCorpus()
    {
        var n = 0;
        foreach (var e in equations) n += LatexReader.Parse(e).Equations.Length;
        return n;
    }

    private static string FindGolden()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "tests", "Symbolic.Latex.Tests", "golden");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Symbolic.Latex.Tests/golden not found above " + AppContext.BaseDirectory);
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new EquationsPerSecond());
    }

    /// <summary>Equations per second = corpus size / mean time of one corpus parse.</summary>
    private sealed class EquationsPerSecond : IColumn
    {
        public string Id => "EqPerSec";
        public string ColumnName => "Equations/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Golden corpus equations parsed per second";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            var count = CountCorpus();
            return (count / (stats.Mean / 1e9)).ToString("N0") + $" ({count} eq)";
        }

        private static int CountCorpus()
        {
            var b = new LatexParseBenchmarks();
            b.Setup();
            return EquationCount;
        }
    }
}
