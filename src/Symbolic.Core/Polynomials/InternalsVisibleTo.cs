using System.Runtime.CompilerServices;

// The polynomial tests check one-sided internal tests (e.g. the modular coprimality test) directly.
[assembly: InternalsVisibleTo("Symbolic.Core.Tests")]
