using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Symbolic.Latex;

namespace Symbolic.Benchmarks;

/// <summary>
/// Reading time against input length (issue 10: reading must be linear in the input). Each input shape at
/// 1k, 10k and 100k characters: a time ten times the previous one per tenfold length is the linear slope.
/// Parse = lexing, ANTLR and the syntax tree; Read = the same plus lowering to a kernel expression.
/// Run: <c>dotnet run -c Release --project tests/Symbolic.Benchmarks -- --filter '*LatexReadingScale*'</c> (one job, in
/// process — the out-of-process build mishandles Antlr4BuildTasks — with one warm-up and two measured runs: under a minute).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class LatexReadingScaleBenchmarks
{
    /// <summary>Input length in characters.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Length { get; set; }

    /// <summary>letters: a run of one letter (a juxtaposition chain); sum: x+x+… (an additive chain).</summary>
    [Params("letters", "sum")]
    public string Shape { get; set; } = "letters";

    private string _input = "";

    [GlobalSetup]
    public void Setup()
    {
        var unit = Shape switch { "letters" => "a", "sum" => "x+", _ => throw new ArgumentException(Shape) };
        var b = new System.Text.StringBuilder(Length + unit.Length);
        while (b.Length + unit.Length <= Length) b.Append(unit);
        _input = b.ToString().TrimEnd('+');
    }

    [Benchmark]
    public int Parse() => LatexReader.Parse(_input).Equations.Length;

    [Benchmark]
    public int Read() => LatexMath.ReadOne(_input).Depth;

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(2).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
