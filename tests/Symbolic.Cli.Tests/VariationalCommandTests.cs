namespace Symbolic.Cli.Tests;

public sealed class VariationalCommandTests
{
    private readonly Session _s = new();

    [Fact]
    public void El_of_the_polar_Kepler_Lagrangian_gives_the_radial_equation_and_the_angular_conservation_law()
    {
        _s.Out(":assume r > 0");
        _s.Out(@":el \frac12 m(\dot{r}^2 + r^2\dot{\theta}^2) + \frac{k}{r}").Split('\n').Should().Equal(
            @"\ddot{r} = r \dot{\theta}^{2} - \frac{k}{m r^{2}}",
            @"\frac{d}{dt}\left(m r^{2} \dot{\theta}\right) = 0");
    }

    [Fact]
    public void El_uses_a_named_Lagrangian_and_steps_shows_its_derivation()
    {
        _s.Out(@"L := \frac12 m\dot{x}^2 - \frac12 k x^2");
        _s.Out(":el L").Should().Be(@"\ddot{x} = -\frac{k x}{m}");
        var steps = _s.Out(":steps").Split('\n');
        steps[0].Should().StartWith("1. action:");
        steps.Should().Contain(l => l.Contains("euler-lagrange"));
    }

    [Fact]
    public void El_without_coordinates_is_a_usage_error()
    {
        var r = _s.Execute(":el x^2", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain("no coordinates");
    }

    [Fact]
    public void Steps_before_any_computation_says_so() => _s.Out(":steps").Should().Be("no steps yet");
}

public sealed class TransformCommandTests
{
    [Fact]
    public void Transform_redefines_a_named_action_in_polar_coordinates_and_el_follows()
    {
        var s = new Session();
        s.Out(@"S := \int \left[\frac{1}{2}\left(\dot{x}^2+\dot{y}^2\right)+\frac{\mu}{\sqrt{x^2+y^2}}\right]dt");
        s.Out(":assume r > 0");
        s.Out(@":transform S, x = r\cos\theta, y = r\sin\theta").Should().Be(
            @"S := \int \left[\frac{1}{2} r^{2} \dot{\theta}^{2} + \frac{1}{2} \dot{r}^{2} + \frac{\mu}{r}\right] dt");
        s.Out(":el S").Split('\n').Should().Equal(
            @"\ddot{r} = r \dot{\theta}^{2} - \frac{\mu}{r^{2}}",
            @"\frac{d}{dt}\left(r^{2} \dot{\theta}\right) = 0");
    }

    [Fact]
    public void Transform_of_an_unnamed_Lagrangian_prints_it_in_the_new_coordinates()
    {
        var s = new Session();
        s.Out(":assume r > 0");
        s.Out(@":transform \frac12(\dot{x}^2 + \dot{y}^2), x = r\cos\theta, y = r\sin\theta").Should().Be(
            @"\frac{1}{2} r^{2} \dot{\theta}^{2} + \frac{1}{2} \dot{r}^{2}");
    }
}
