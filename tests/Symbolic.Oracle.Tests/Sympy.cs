using System.Diagnostics;

namespace Symbolic.Oracle.Tests;

/// <summary>
/// Runs SymPy, the independent oracle of these tests, as a separate process. One process answers a
/// whole batch (one case a line on stdin, one answer a line on stdout), so start-up is paid once.
/// </summary>
public static class Sympy
{
    private static readonly Lazy<string> Python = new(FindPython);

    /// <summary>The seed of the random cases: <c>SYMBOLIC_ORACLE_SEED</c>, else a fixed default.</summary>
    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("SYMBOLIC_ORACLE_SEED"), out var s) ? s : 20261129;

    /// <summary>How many cases a generator makes: its default times <c>SYMBOLIC_ORACLE_SCALE</c> (the larger run).</summary>
    public static int Scale(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable("SYMBOLIC_ORACLE_SCALE"), out var k) && k > 1
            ? defaultCount * k
            : defaultCount;

    /// <summary>
    /// The script that checks ODE solutions by substitution with SymPy's <c>checkodesol</c>: each input line is
    /// "LHS;SOLUTION" for LHS = 0 in y(x), each output line "ok" or "residual …". <paramref name="x"/> is the
    /// assumption on x (<c>real=True</c>, <c>positive=True</c> for Cauchy–Euler's x &gt; 0).
    /// </summary>
    public static string CheckOdeSolutionScript(string x = "real=True") => """
        import sys
        from sympy import Symbol, Function, sympify, Eq
        from sympy.solvers.ode import checkodesol
        x = Symbol('x', X_ASSUMPTION)
        y = Function('y')
        ns = {'x': x, 'y': y}
        for line in sys.stdin:
            lhs, sol = line.strip().split(';')
            ode = Eq(sympify(lhs, locals=ns), 0)
            ok, residual = checkodesol(ode, Eq(y(x), sympify(sol, locals=ns)), y(x))
            print('ok' if ok else 'residual %s' % residual)
        """.Replace("X_ASSUMPTION", x);

    /// <summary>
    /// Runs <paramref name="script"/> (Python source that reads stdin line by line and prints one line
    /// per case) over <paramref name="lines"/>; returns its output lines. Fails the test with SymPy's
    /// stderr when the process fails, so an oracle problem is never mistaken for agreement.
    /// </summary>
    public static IReadOnlyList<string> Run(string script, IEnumerable<string> lines, int timeoutSeconds = 600)
    {
        var file = Path.Combine(Path.GetTempPath(), $"symbolic-oracle-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            var psi = new ProcessStartInfo(Python.Value, $"\"{file}\"")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.Environment["PYTHONHASHSEED"] = "0";
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("python did not start");
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            foreach (var line in lines) p.StandardInput.WriteLine(line);
            p.StandardInput.Close();
            if (!p.WaitForExit(timeoutSeconds * 1000))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"SymPy did not answer within {timeoutSeconds} s");
            }
            if (p.ExitCode != 0)
                throw new InvalidOperationException($"SymPy failed (exit {p.ExitCode}): {stderr.Result}");
            return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string FindPython()
    {
        // The Debian package installs into /usr/bin/python3; a python3 on PATH with SymPy also serves.
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var psi = new ProcessStartInfo(candidate, "-c \"import sympy\"")
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                using var p = Process.Start(psi);
                if (p is null) continue;
                p.WaitForExit(60_000);
                if (p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }
        throw new InvalidOperationException(
            "no python3 with SymPy found: install Debian's python3-sympy (.ci/run does so when it is missing)");
    }
}
