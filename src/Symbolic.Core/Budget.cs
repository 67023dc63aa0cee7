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
    public static Budget Unlimited { get; } = new();

    /// <summary>The largest number of terms an intermediate result may have.</summary>
    public long MaxTerms { get; }
    /// <summary>Cancellation of the whole computation (Ctrl-C in the REPL).</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>A budget with the given limits (default: 50 million terms, no cancellation).</summary>
    public Budget(long maxTerms = 50_000_000, CancellationToken cancellation = default)
    {
        MaxTerms = maxTerms;
        Cancellation = cancellation;
    }

    /// <summary>Throws when cancelled or when <paramref name="terms"/> exceeds the size limit.</summary>
    public void Check(long terms = 0, string? what = null)
    {
        Cancellation.ThrowIfCancellationRequested();
        if (terms > MaxTerms)
            throw new BudgetExceededException(
                $"{what ?? "the computation"} needs more than {MaxTerms:N0} terms (the size budget); stopped");
    }

    /// <summary>Throws if cancelled.</summary>
    public void ThrowIfCancelled() => Cancellation.ThrowIfCancellationRequested();
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
