using System.Runtime.CompilerServices;
using System.Text;
using static Symbolic.Forms.Tests.S;

namespace Symbolic.Forms.Tests;

/// <summary>
/// Golden files: the engine's printed results for the article examples, with the source named in the file.
/// Mathematical agreement with the article is asserted in <see cref="SphereTests"/> and <see cref="StaticSphericalTests"/>;
/// these files pin the printed form. Set SYMBOLIC_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
/// </summary>
public class GoldenTests
{
    [Fact]
    public void Sphere_exterior_calculus_7_eqs_70_to_78() =>
        Compare("exterior-calculus-7_eq70-78_sphere.txt", "exterior-calculus-7 (kexue.fm 4076) eqs (70)-(78): ds^2 = dtheta^2 + sin^2(theta) dphi^2", Curvature.Compute(Sphere()));

    [Fact]
    public void Static_spherical_exterior_calculus_7_eqs_79_to_88() =>
        Compare("exterior-calculus-7_eq79-88_static-spherical.txt",
            "exterior-calculus-7 (kexue.fm 4076) eqs (79)-(88): ds^2 = -e^{2Phi}dt^2 + e^{2Lambda}dr^2 + r^2 dOmega^2; eq (87) R^3_4 and eq (88) label corrected (see articles/README.md)",
            Curvature.Compute(StaticSpherical(out _, out _), new CurvatureOptions { What = CurvatureQuantities.Connection | CurvatureQuantities.CurvatureForms | CurvatureQuantities.FrameRiemann }));

    private static void Compare(string file, string source, CurvatureResult res, [CallerFilePath] string here = "")
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(source).Append('\n');
        foreach (var c in res.Components) sb.Append(c.Label).Append(" = ").Append(c.Form?.ToString() ?? c.Value.ToString()).Append('\n');
        var path = Path.Combine(Path.GetDirectoryName(here)!, "golden", file);
        if (Environment.GetEnvironmentVariable("SYMBOLIC_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, sb.ToString());
            return;
        }
        File.Exists(path).Should().BeTrue($"golden/{file} is the expected output (SYMBOLIC_UPDATE_GOLDEN=1 writes it after a deliberate change)");
        sb.ToString().Should().Be(File.ReadAllText(path).Replace("\r\n", "\n"), $"the printed results should match golden/{file}");
    }
}
