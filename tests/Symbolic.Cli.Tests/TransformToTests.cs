namespace Symbolic.Cli.Tests;

/// <summary><c>:transform …; to θ</c>: the new coordinates named, the other names constants (as <c>el --to</c>).</summary>
public sealed class TransformToTests
{
    private readonly Session _s = new();

    [Fact]
    public void The_pendulum_keeps_ell_constant_when_theta_is_named_the_new_coordinate()
    {
        _s.Out(@":action \frac12 m(\dot x^2+\dot y^2) - m g y");
        _s.Out(@":transform x = \ell\sin\theta, y = -\ell\cos\theta; to \theta").Should().Contain(@"\dot{\theta}").And.NotContain(@"\dot{\ell}");
        _s.Out(":el").Should().Be(@"\ddot{\theta} = -\frac{g \sin \theta}{\ell}");
    }

    [Fact]
    public void Without_to_the_pendulum_transform_is_a_change_to_polar_coordinates_ell_and_theta()
    {
        _s.Out(@":action \frac12 m(\dot x^2+\dot y^2) - m g y");
        _s.Out(@":transform x = \ell\sin\theta, y = -\ell\cos\theta");
        _s.Out(":el").Split('\n').Should().HaveCount(2);
    }

    [Fact]
    public void Elliptic_coordinates_with_a_scale_are_refused_without_to_naming_the_choice()
    {
        _s.Out(@":action \frac12 (\dot x^2+\dot y^2)");
        var r = _s.Execute(@":transform x = a\cosh\mu\cos\nu, y = a\sinh\mu\sin\nu");
        r.IsError.Should().BeTrue();
        r.Output.Should().Be(@":transform: the right sides are written in 3 names (a, \mu, \nu) for 2 coordinates (x, y): say which are the new coordinates, e.g. :transform …; to \mu, \nu (the other names are then constants)");
    }

    [Fact]
    public void Elliptic_coordinates_with_to_keep_the_scale_a_constant()
    {
        _s.Out(@":action \frac12 (\dot x^2+\dot y^2)");
        var action = _s.Out(@":transform x = a\cosh\mu\cos\nu, y = a\sinh\mu\sin\nu; to \mu, \nu");
        action.Should().Contain(@"\dot{\mu}").And.Contain(@"\dot{\nu}").And.NotContain(@"\dot{a}");
        _s.Out(":el").Split('\n').Should().HaveCount(2);
    }

    [Fact]
    public void A_field_action_in_elliptic_coordinates_needs_to_and_then_stays_Laplace()
    {
        _s.Out(":fields u(x,y)");
        _s.Out(@":action \frac12 (\partial_x u)^2 + \frac12 (\partial_y u)^2");
        var r = _s.Execute(@":transform x = a\cosh\mu\cos\nu, y = a\sinh\mu\sin\nu");
        r.IsError.Should().BeTrue();
        r.Output.Should().Contain(@"for 2 variables (x, y): say which are the new variables, e.g. :transform …; to \mu, \nu");
        _s.Out(@":transform x = a\cosh\mu\cos\nu, y = a\sinh\mu\sin\nu; to \mu, \nu");
        _s.Out(":el").Should().Be(@"\frac{\partial^{2} u}{\partial \mu^{2}} = -\frac{\partial^{2} u}{\partial \nu^{2}}");
    }

    [Fact]
    public void A_semicolon_not_followed_by_to_is_refused_with_the_form()
    {
        _s.Out(@":action \frac12 (\dot x^2+\dot y^2)");
        var r = _s.Execute(@":transform x = r\cos\theta, y = r\sin\theta; theta");
        r.IsError.Should().BeTrue();
        r.Output.Should().Be(@"after ; write to and the new coordinates, e.g. :transform x = \ell\sin\theta, y = -\ell\cos\theta; to \theta");
    }

    [Fact]
    public void A_named_Lagrangian_takes_to_as_well()
    {
        _s.Out(@"L := \frac12 m(\dot x^2+\dot y^2) - m g y");
        _s.Out(@":transform L, x = \ell\sin\theta, y = -\ell\cos\theta; to \theta").Should().StartWith("L :=").And.NotContain(@"\dot{\ell}");
        _s.Out(":el L").Should().Be(@"\ddot{\theta} = -\frac{g \sin \theta}{\ell}");
    }
}
