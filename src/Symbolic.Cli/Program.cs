namespace Symbolic.Cli;

/// <summary>The <c>symbolic</c> command.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => 0;
}
