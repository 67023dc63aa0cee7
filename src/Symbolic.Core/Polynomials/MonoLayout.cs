using System.Collections.Concurrent;

namespace Symbolic.Core.Polynomials;

/// <summary>
/// How exponent vectors are packed into 64-bit words: <see cref="Bits"/> bits per variable,
/// variable 0 in the most significant field of word 0. Comparing the words as unsigned integers,
/// word 0 first, is then the lexicographic order x0 &gt; x1 &gt; …, and multiplying monomials is
/// adding words (no carries as long as every field stays below its maximum).
/// </summary>
/// <remarks>
/// A field never holds the all-ones value (degrees are capped one below it), so a word of all ones
/// can mark an empty slot in hash tables.
/// </remarks>
internal sealed class MonoLayout
{
    public readonly int Nvars, Bits, PerWord, Words;
    public readonly ulong Mask;

    private static readonly ConcurrentDictionary<(int, int), MonoLayout> Cache = new();

    private MonoLayout(int nvars, int bits)
    {
        Nvars = nvars;
        Bits = bits;
        PerWord = 64 / bits;
        Words = Math.Max(1, (nvars + PerWord - 1) / PerWord);
        Mask = (1UL << bits) - 1;
    }

    public static MonoLayout Get(int nvars, int bits) =>
        Cache.GetOrAdd((nvars, bits), static k => new MonoLayout(k.Item1, k.Item2));

    /// <summary>The narrowest field width that holds degree <paramref name="maxDegree"/>.</summary>
    public static int BitsFor(long maxDegree) =>
        maxDegree <= 254 ? 8
        : maxDegree <= 65_534 ? 16
        : maxDegree <= int.MaxValue ? 32
        : throw new ArithmeticException($"a polynomial exponent of {maxDegree} is too large (limit {int.MaxValue})");

    public int WordOf(int v) => v / PerWord;
    public int ShiftOf(int v) => (PerWord - 1 - v % PerWord) * Bits;

    public int Exp(ulong[] keys, int term, int v) =>
        (int)((keys[term * Words + v / PerWord] >> ShiftOf(v)) & Mask);

    public void Unpack(ulong[] keys, int term, Span<int> e)
    {
        int b = term * Words;
        for (int v = 0; v < Nvars; v++)
            e[v] = (int)((keys[b + v / PerWord] >> ShiftOf(v)) & Mask);
    }

    public void Pack(ReadOnlySpan<int> e, ulong[] keys, int term)
    {
        int b = term * Words;
        for (int w = 0; w < Words; w++) keys[b + w] = 0;
        for (int v = 0; v < Nvars; v++)
            keys[b + v / PerWord] |= (ulong)(uint)e[v] << ShiftOf(v);
    }

    /// <summary>The packed monomial x_v^1.</summary>
    public ulong[] Unit(int v, int power = 1)
    {
        var k = new ulong[Words];
        k[v / PerWord] = (ulong)(uint)power << ShiftOf(v);
        return k;
    }

    /// <summary>True when every field of monomial <paramref name="i"/> of <paramref name="a"/> is at
    /// least the matching field of monomial <paramref name="j"/> of <paramref name="b"/>.</summary>
    public bool Divides(ulong[] b, int j, ulong[] a, int i)
    {
        for (int w = 0; w < Words; w++)
        {
            ulong x = a[i * Words + w], y = b[j * Words + w];
            if (x == y) continue;
            for (int f = 0; f < PerWord; f++)
            {
                int s = f * Bits;
                if (((x >> s) & Mask) < ((y >> s) & Mask)) return false;
            }
        }
        return true;
    }

    public static int Compare(ulong[] a, int i, ulong[] b, int j, int words)
    {
        int x = i * words, y = j * words;
        for (int w = 0; w < words; w++)
        {
            ulong p = a[x + w], q = b[y + w];
            if (p != q) return p < q ? -1 : 1;
        }
        return 0;
    }
}
