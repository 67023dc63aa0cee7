using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Symbolic.Latex.Tests;

/// <summary>Damaged LaTeX either parses or gives a <see cref="ParseError"/>: never another exception,
/// never a hang, never a crash.</summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const string Alphabet = @"{}()[]\^_&|'!,.;:=+-/*<>~%$#@ abcdxyz012\\\\\left\right\frac\begin{aligned}\end{aligned}";

    /// <summary>How many mutations run: all of them, every time (no time-bounded early stop).</summary>
    private const int Mutations = 4000;

    /// <summary>They take seconds; this is a hang detector, generous so that a loaded machine does not fail it.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(180);

    /// <summary>One input taking this long is reported by itself, with the input.</summary>
    private static readonly TimeSpan PerInputBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public void Thousands_of_deterministic_mutations_of_the_corpus_parse_or_give_a_parse_error()
    {
        var corpus = Sx.Corpus().Select(e => e.Latex).ToList();
        var random = new Random(20240611);
        var clock = Stopwatch.StartNew();
        int parsed = 0, errors = 0, lowered = 0, refused = 0;
        for (var run = 0; run < Mutations; run++)
        {
            var source = corpus[random.Next(corpus.Count)];
            var mutated = Mutate(source, random);
            var started = clock.Elapsed;
            var stage = "parse";
            try
            {
                LatexReader.Parse(mutated);
                parsed++;
                // What parses must also lower, or be refused with a ParseError.
                stage = "lowering";
                try
                {
                    LatexMath.Read(mutated);
                    lowered++;
                }
                catch (ParseError e)
                {
                    refused++;
                    e.Line.Should().BeGreaterThan(0, mutated);
                    e.Column.Should().BeGreaterThan(0, mutated);
                }
            }
            catch (ParseError e) when (stage == "parse")
            {
                errors++;
                e.Line.Should().BeGreaterThan(0, mutated);
                e.Column.Should().BeGreaterThan(0, mutated);
                e.Render().Should().Contain("^");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"mutation {run} threw {e.GetType().Name} in {stage}: {e.Message}\ninput: {Shorten(mutated)}\n{e}");
            }
            var took = clock.Elapsed - started;
            if (took > PerInputBudget)
                throw new Xunit.Sdk.XunitException($"mutation {run} took {took.TotalSeconds:F1} s (budget {PerInputBudget.TotalSeconds} s)\ninput: {Shorten(mutated)}");
            if (clock.Elapsed > Budget)
                throw new Xunit.Sdk.XunitException(
                    $"fuzzing is far too slow: {run + 1} of {Mutations} mutations took {clock.Elapsed.TotalSeconds:F1} s, over the {Budget.TotalSeconds} s budget " +
                    $"(they normally take a few seconds); the last input was\n{Shorten(mutated)}");
        }
        output.WriteLine($"{Mutations} mutations in {clock.ElapsedMilliseconds} ms: {parsed} parsed ({lowered} lowered, {refused} refused by the lowering), {errors} parse errors");
        (parsed + errors).Should().Be(Mutations);
    }

    /// <summary>
    /// Issue 10's generators: deep values, integer exponents beyond 2³¹, and denominators that are zero only after
    /// simplification, alone and mutated. Each is read, simplified under a budget and printed; the only exceptions
    /// allowed are the reported ones (ParseError, SymbolicException, division by zero, the time limit).
    /// </summary>
    [Fact]
    public void Hostile_generators_read_simplify_and_print_or_give_a_reported_error()
    {
        var random = new Random(20261129);
        var bigs = new[] { "2147483648", "3000000000", "1000001", "99999999999999999999", "2^{31}", "2^{64}", "-2147483649" };
        var zeros = new[] { @"\sin^2 x+\cos^2 x-1", "(x+1)^2-x^2-2x-1", "e^{x}e^{-x}-1", @"\cos^2 y-1+\sin^2 y", "x-x", @"\frac{x^2-1}{x-1}-x-1" };
        var inputs = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            var n = bigs[random.Next(bigs.Length)];
            var z = zeros[random.Next(zeros.Length)];
            var depth = 1 + random.Next(200);
            var generated = random.Next(8) switch
            {
                0 => $"x^{{{n}}}",
                1 => $"e^{{{n} x}}",
                2 => $@"\sin({n} x)+(x+1)^{{{n}}}",
                3 => $@"\frac{{1}}{{{z}}}",
                4 => $@"\frac{{x}}{{{z}}}+\sin\left(\frac{{1}}{{{z}}}\right)",
                5 => string.Concat(Enumerable.Repeat(@"\sin(", depth)) + "x" + new string(')', depth),
                6 => $"({z})^{{-{n}}}",
                _ => string.Concat(Enumerable.Repeat("x+", 1 + random.Next(5000))) + "1",
            };
            inputs.Add(generated);
            inputs.Add(Mutate(generated, random));
        }
        var clock = Stopwatch.StartNew();
        int ok = 0, reported = 0;
        foreach (var input in inputs)
        {
            var started = clock.Elapsed;
            using var timeout = new CancellationTokenSource(PerInputBudget);
            try
            {
                foreach (var eq in LatexMath.Read(input))
                {
                    var run = Symbolic.Core.Simplifier.Run(eq.Value, new Symbolic.Core.Budget(cancellation: timeout.Token));
                    Printing.LatexPrinter.Print(run.Value);
                    Symbolic.Core.TextPrinter.Print(run.Value);
                }
                ok++;
            }
            catch (Exception e) when (e is ParseError or Symbolic.Core.SymbolicException or DivideByZeroException or OperationCanceledException)
            {
                reported++;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\ninput: {Shorten(input)}\n{e}");
            }
            var took = clock.Elapsed - started;
            if (took > PerInputBudget + TimeSpan.FromSeconds(10))
                throw new Xunit.Sdk.XunitException($"took {took.TotalSeconds:F1} s\ninput: {Shorten(input)}");
        }
        output.WriteLine($"{inputs.Count} hostile inputs in {clock.ElapsedMilliseconds} ms: {ok} answered, {reported} refused with a reported error");
        (ok + reported).Should().Be(inputs.Count);
    }

    private static string Shorten(string s) => s.Length <= 400 ? s : $"{s[..200]} … ({s.Length} characters) … {s[^200..]}";

    [Fact]
    public void Random_strings_over_the_latex_alphabet_parse_or_give_a_parse_error()
    {
        var gen = Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray())).Select(cs => new string(cs));
        Prop.ForAll(Arb.From(gen), s =>
        {
            try { LatexReader.Parse(s); }
            catch (ParseError) { }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static string Mutate(string s, Random r)
    {
        if (s.Length == 0) return s;
        int a = r.Next(s.Length), len = 1 + r.Next(Math.Min(8, s.Length - a));
        switch (r.Next(9))
        {
            case 0: return s.Remove(a, len);                                  // delete
            case 1: return s.Insert(a, s.Substring(a, len));                  // duplicate
            case 2:                                                            // swap two chunks
                {
                    var b = r.Next(s.Length);
                    var (i, j) = a < b ? (a, b) : (b, a);
                    var l = Math.Min(len, Math.Min(j - i, s.Length - j));
                    if (l <= 0) return s;
                    return s[..i] + s.Substring(j, l) + s.Substring(i + l, j - i - l) + s.Substring(i, l) + s[(j + l)..];
                }
            case 3: return s[..a];                                            // truncate
            case 4:                                                            // random bytes
                {
                    var sb = new StringBuilder(s);
                    for (var k = 0; k < len; k++) sb.Insert(r.Next(sb.Length + 1), (char)r.Next(1, 0x3000));
                    return sb.ToString();
                }
            case 5: return s.Insert(a, Alphabet[r.Next(Alphabet.Length)].ToString());
            case 6:                                                            // deep nesting around a piece
                {
                    var (open, close) = r.Next(4) switch { 0 => ("{", "}"), 1 => ("(", ")"), 2 => (@"\left(", @"\right)"), _ => (@"\sqrt{", "}") };
                    var n = r.Next(2) == 0 ? 10_000 : 12;
                    return s[..a] + string.Concat(Enumerable.Repeat(open, n)) + s[a..] + string.Concat(Enumerable.Repeat(close, r.Next(2) == 0 ? n : n / 2));
                }
            case 7: return s.Replace(@"\end", @"\begin");                      // unbalanced environments
            default:                                                           // delete one kind of token
                {
                    var victims = new[] { "}", "{", @"\right", @"\left", "&", @"\\", "^", "_", ")" };
                    var v = victims[r.Next(victims.Length)];
                    var at = s.IndexOf(v, a, StringComparison.Ordinal);
                    return at < 0 ? s.Remove(a, len) : s.Remove(at, v.Length);
                }
        }
    }
}
