namespace Symbolic.Core;

/// <summary>
/// Limits for a long computation: a cancellation token and a size limit (number of terms a single
/// intermediate result may hold). Every heavy operation calls <see cref="Check"/> as it goes and
/// stops with a <see cref="BudgetExceededException"/> or <see cref="OperationCanceledException"/>.
/// </summary>
/// <example><code>var b = new Budget(maxTerms: 10_000, cancellation: cts.Token);</code></example>
public sealed class Budget
{
    /// <summary>No limits, not cancellable.</summary>
    public static Budget Unlimited { get; } = new(long.MaxValue, default, long.MaxValue);

    /// <summary>The default size limit: 5 million terms in one intermediate result (REPL and one-shot commands alike).</summary>
    public const long DefaultMaxTerms = 5_000_000;

    /// <summary>The default memory limit: 2 GiB of managed heap in use while the computation runs.</summary>
    public const long DefaultMaxBytes = 2L << 30;

    /// <summary>The largest number of terms an intermediate result may have.</summary>
    public long MaxTerms { get; }
    /// <summary>The most managed memory (bytes in use on the heap) the computation may reach.</summary>
    public long MaxBytes { get; }
    /// <summary>Cancellation of the whole computation (Ctrl-C in the REPL, the time limit of a one-shot command).</summary>
    public CancellationToken Cancellation { get; }

    private int _calls;

    /// <summary>Called at every look at the cancellation, before it: lets a test count the checks and the work between
    /// them, or cancel at a chosen check, without a clock.</summary>
    internal Action? OnCheck { get; set; }

    /// <summary>A budget with the given limits (default: <see cref="DefaultMaxTerms"/> terms, <see cref="DefaultMaxBytes"/> bytes, no cancellation).</summary>
    public Budget(long maxTerms = DefaultMaxTerms, CancellationToken cancellation = default, long maxBytes = DefaultMaxBytes)
    {
        MaxTerms = maxTerms;
        Cancellation = cancellation;
        MaxBytes = maxBytes;
    }

    /// <summary>Throws when cancelled, when <paramref name="terms"/> exceeds the size limit, or when memory in use exceeds the memory limit.</summary>
    public void Check(long terms = 0, string? what = null)
    {
        ThrowIfCancelled(what);
        if (terms > MaxTerms)
            throw new BudgetExceededException(
                $"{what ?? "the computation"} needs more than {MaxTerms:N0} terms (the size budget); stopped");
    }

    /// <summary>Throws when an estimate says a result would be too large, before the work starts.</summary>
    /// <param name="terms">Estimated terms of the result.</param>
    /// <param name="bytes">Estimated bytes of the result.</param>
    /// <param name="what">What would be computed, e.g. "(x + y)^100000".</param>
    public void CheckEstimate(double terms, double bytes, string what)
    {
        if (terms > MaxTerms)
            throw new BudgetExceededException($"{what} would have about {terms:N0} terms, more than {MaxTerms:N0} terms (the size budget); not computed");
        if (bytes > MaxBytes)
            throw new BudgetExceededException($"{what} would need about {Bytes(bytes)} of memory, more than {Bytes(MaxBytes)} (the memory budget); not computed");
    }

    /// <summary>Throws if cancelled, or when the memory in use exceeds <see cref="MaxBytes"/> (looked at every few calls).</summary>
    public void ThrowIfCancelled() => ThrowIfCancelled(null);

    private void ThrowIfCancelled(string? what)
    {
        OnCheck?.Invoke();
        Cancellation.ThrowIfCancellationRequested();
        if (MaxBytes == long.MaxValue || (++_calls & 63) != 0) return;
        var inUse = GC.GetTotalMemory(false);
        if (inUse > MaxBytes)
            throw new BudgetExceededException(
                $"{what ?? "the computation"} needs more than {Bytes(MaxBytes)} of memory (the memory budget); stopped");
    }

    /// <summary>A byte count in words: 2.0 GB, 512 MB.</summary>
    public static string Bytes(double bytes) =>
        bytes >= 1 << 30 ? $"{bytes / (1 << 30):0.0} GB" : bytes >= 1 << 20 ? $"{bytes / (1 << 20):0} MB" : $"{bytes / 1024:0} kB";
}

/// <summary>The root of errors the engine reports to a person (bad input, impossible request).</summary>
public class SymbolicException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SymbolicException(string message) : base(message) { }
    /// <summary>Creates the exception with a cause.</summary>
    public SymbolicException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A computation stopped because it outgrew its <see cref="Budget"/>.</summary>
public sealed class BudgetExceededException : SymbolicException
{
    /// <summary>Creates the exception.</summary>
    public BudgetExceededException(string message) : base(message) { }
}

/// <summary>
/// An expression nested more deeply than the kernel walks (which recurse on the tree) can follow: either deeper than
/// <see cref="Expr.MaxDepth"/>, or too deep for the stack of the thread running the walk.
/// </summary>
public sealed class ExpressionTooDeepException : SymbolicException
{
    /// <summary>An expression of <paramref name="depth"/> levels was to be built.</summary>
    public ExpressionTooDeepException(int depth)
        : base($"the expression is nested {depth:N0} levels deep, more than the limit of {Expr.MaxDepth:N0} (Expr.MaxDepth)") { }

    /// <summary>A walk ran short of stack.</summary>
    public ExpressionTooDeepException(string message) : base(message) { }
}

/// <summary>
/// The one check every recursive walk of the kernel makes: when the thread's stack runs short, the walk stops with
/// an <see cref="ExpressionTooDeepException"/> (a clean error) instead of a stack overflow, which ends the process.
/// </summary>
public static class StackGuard
{
    /// <summary>Throws <see cref="ExpressionTooDeepException"/> when less than a safe margin of stack is left.</summary>
    public static void Check()
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new ExpressionTooDeepException(
                "the expression is nested too deeply for the stack of this thread; run on a thread with a larger stack or lower Expr.MaxDepth");
    }

    /// <summary>Runs a sort by <see cref="ExprOrder"/>: List.Sort wraps a comparer's exception in InvalidOperationException; the guard's own is passed on as it is.</summary>
    internal static void Sorting(Action sort)
    {
        try { sort(); }
        catch (InvalidOperationException e) when (e.InnerException is ExpressionTooDeepException deep)
        {
            throw deep;
        }
    }
}
