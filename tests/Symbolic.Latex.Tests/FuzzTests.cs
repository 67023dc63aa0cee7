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

    [Fact]
    public void Thousands_of_deterministic_mutations_of_the_corpus_parse_or_give_a_parse_error()
    {
        var corpus = Sx.Corpus().Select(e => e.Latex).ToList();
        var random = new Random(20240611);
        var clock = Stopwatch.StartNew();
        int parsed = 0, errors = 0, runs = 0;
        for (; runs < 3000 && clock.Elapsed < TimeSpan.FromSeconds(8); runs++)
        {
            var source = corpus[random.Next(corpus.Count)];
            var mutated = Mutate(source, random);
            try
            {
                LatexReader.Parse(mutated);
                parsed++;
            }
            catch (ParseError e)
            {
                errors++;
                e.Line.Should().BeGreaterThan(0, mutated);
                e.Column.Should().BeGreaterThan(0, mutated);
                e.Render().Should().Contain("^");
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"mutation {runs} threw {e.GetType().Name}: {e.Message}\ninput: {mutated}\n{e}");
            }
        }
        output.WriteLine($"{runs} mutations in {clock.ElapsedMilliseconds} ms: {parsed} parsed, {errors} parse errors");
        runs.Should().BeGreaterThan(300, "the time bound still leaves hundreds of mutations even on a slow machine");
    }

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
