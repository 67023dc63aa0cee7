namespace Symbolic.Cli.Tests;

/// <summary>
/// <c>--signature</c> / <c>:signature</c> for ∂_μφ∂^μφ, the inference from the Lagrangian's form, and <c>symbolic el</c> on a
/// density of functions of several variables. Klein–Gordon must come out as □φ + m²φ = 0, i.e. φ_tt = ∇²φ − m²φ, in both
/// conventions (checked by hand and against SymPy's euler_equations in the Oracle tests).
/// </summary>
[Collection("Console")]
public sealed class SignatureAndFieldOptionTests
{
    private const string KleinGordon = @"\phi_{tt} = -m^2*phi(t, x, y, z) + phi_{xx} + phi_{yy} + phi_{zz}";
    private const string KgText = "diff(phi(t, x, y, z), t, 2) = -m^2*phi(t, x, y, z) + diff(phi(t, x, y, z), x, 2) + diff(phi(t, x, y, z), y, 2) + diff(phi(t, x, y, z), z, 2)";

    [Theory]
    [InlineData(@"\frac12\partial_\mu\phi\partial^\mu\phi - \frac12 m^2\phi^2", "η = diag(1, -1, -1, -1)")]
    [InlineData(@"-\frac12\partial_\mu\phi\partial^\mu\phi - \frac12 m^2\phi^2", "η = diag(-1, 1, 1, 1)")]
    public void El_of_the_Klein_Gordon_Lagrangian_in_either_convention_gives_the_Klein_Gordon_equation(string lagrangian, string signature)
    {
        var r = Cli.Run("el", "-f", "text", lagrangian);
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Trim().Should().Be(KgText, KleinGordon);
        r.Err.Should().Contain($"warning: line 1, column {(lagrangian.StartsWith('-') ? 2 : 1)}: the signature {signature} is inferred from the form of this Lagrangian");
    }

    [Fact]
    public void The_signature_option_is_obeyed_and_the_inference_is_not_made()
    {
        var r = Cli.Run("el", "-f", "text", "--signature", "-+++", @"\frac12\partial_\mu\phi\partial^\mu\phi - \frac12 m^2\phi^2");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Trim().Should().Be("diff(phi(t, x, y, z), t, 2) = m^2*phi(t, x, y, z) + diff(phi(t, x, y, z), x, 2) + diff(phi(t, x, y, z), y, 2) + diff(phi(t, x, y, z), z, 2)",
            "as written under −+++ this Lagrangian is tachyonic, and the option says it is −+++");
        r.Err.Should().NotContain("inferred");
        var bad = Cli.Run("el", "--signature", "+x", "L");
        bad.ExitCode.Should().NotBe(0);
        bad.Err.Should().Contain("--signature: a signature is written with signs, +--- or -+++ (found 'x' in +x)");
    }

    [Fact]
    public void The_signature_command_sets_shows_and_clears_the_session_signature()
    {
        var s = new Session();
        s.Out(":signature").Should().StartWith("signature: not set");
        s.Out(":signature +---").Should().Be("signature: η = diag(1, -1, -1, -1)");
        s.Out(":fields u(t,x)");
        s.Out(":format text", @"\partial_\mu u\partial^\mu u").Should().Be("diff(u(t, x), t)^2 - diff(u(t, x), x)^2");
        s.Out(":signature none").Should().StartWith("signature: not set");
        s.Out(@"\partial_\mu u\partial^\mu u").Should().Be("-diff(u(t, x), t)^2 + diff(u(t, x), x)^2");
    }

    [Fact]
    public void El_takes_a_field_density_declared_with_functions_of_several_variables()
    {
        var r = Cli.Run("el", "-f", "text", "--functions", "u(x,t)", @"\frac12 u_t^2 - \frac12 c^2 u_x^2");
        r.ExitCode.Should().Be(0, r.Err);
        r.Out.Trim().Should().Be("diff(u(x, t), x, 2) = diff(u(x, t), t, 2)/c^2");
        var none = Cli.Run("el", "x^2");
        none.Err.Should().Contain(@"no coordinates: L has no functions of time (write \dot{q}, list them with --coords, or declare fields with --functions ""u(x,t)"")");
    }
}
