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

public sealed class ActionCommandTests
{
    private readonly Session _s = new();

    private const string TwoBody = @"S=\int \left[\frac{1}{2}\left(\dot{x}^2+\dot{y}^2\right)+\frac{\mu}{\sqrt{x^2+y^2}}\right]dt";

    [Fact]
    public void Action_sets_the_current_action_and_el_without_a_name_uses_it()
    {
        _s.Out(":action " + TwoBody).Should().StartWith(@"action: \int").And.EndWith("(coordinates x, y)");
        _s.Out(":el").Split('\n').Should().Equal(
            @"\ddot{x} = -\frac{\mu x}{(x^{2} + y^{2})^{3/2}}",
            @"\ddot{y} = -\frac{\mu y}{(x^{2} + y^{2})^{3/2}}");
    }

    [Fact]
    public void Transform_without_a_name_transforms_the_current_action_and_steps_show_the_derivation_in_LaTeX()
    {
        _s.Out(":action " + TwoBody);
        _s.Out(":assume r > 0");
        _s.Out(@":transform x = r\cos\theta, y = r\sin\theta").Should().Be(
            @"action: \int \left[\frac{1}{2} r^{2} \dot{\theta}^{2} + \frac{1}{2} \dot{r}^{2} + \frac{\mu}{r}\right] dt");
        _s.Out(":steps").Should().Contain(@"chain-rule: \dot{x} = -r \dot{\theta} \sin \theta + \dot{r} \cos \theta");
        _s.Out(":el").Split('\n').Should().Equal(
            @"\ddot{r} = r \dot{\theta}^{2} - \frac{\mu}{r^{2}}",
            @"\frac{d}{dt}\left(r^{2} \dot{\theta}\right) = 0");
        _s.Out(":steps").Should().Contain(@"euler-lagrange: r \dot{\theta}^{2} - \ddot{r} - \frac{\mu}{r^{2}} = 0");
    }

    [Fact]
    public void Action_without_argument_before_any_says_so() =>
        _s.Out(":action").Should().Be("no action yet (:action LATEX sets one)");

    [Theory]
    [InlineData(":energy")]
    [InlineData(":hamiltonian")]
    [InlineData(":el")]
    [InlineData(@":transform x = r\cos\theta")]
    public void Commands_needing_an_action_without_one_are_usage_errors(string line)
    {
        var r = _s.Execute(line, CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().StartWith("no action: set one with :action LATEX");
    }

    [Fact]
    public void Energy_of_the_oscillator_is_conserved()
    {
        _s.Out(@":action \frac12 m\dot{x}^2 - \frac12 k x^2");
        _s.Out(":energy").Split('\n').Should().Equal(
            @"h = \frac{1}{2} k x^{2} + \frac{1}{2} m \dot{x}^{2}",
            "conserved: L has no explicit t: h is conserved");
        _s.Out(":steps").Should().Contain("energy-function:");
    }

    [Fact]
    public void Energy_of_a_driven_oscillator_is_not_conserved()
    {
        _s.Out(@":energy \frac12\dot{x}^2 + x\cos t").Split('\n')[1].Should().StartWith("not conserved: L depends explicitly on t");
    }

    [Fact]
    public void Hamiltonian_of_the_oscillator_gives_H_and_Hamiltons_equations()
    {
        _s.Out(@":action \frac12 m\dot{x}^2 - \frac12 k x^2");
        _s.Out(":hamiltonian").Split('\n').Should().Equal(
            @"p_{x} = m \dot{x}",
            @"H = \frac{1}{2} k x^{2} + \frac{p_{x}^{2}}{2 m}",
            @"\dot{x} = \frac{p_{x}}{m}",
            @"\dot{p_{x}} = -k x");
    }

    [Fact]
    public void Hamiltonian_of_the_relativistic_particle_is_c_sqrt_of_p_squared_plus_m_squared_c_squared()
    {
        _s.Out(":assume m > 0, c > 0");
        _s.Out(@":action -m c^2\sqrt{1-\frac{\dot{x}^2}{c^2}}");
        _s.Out(":hamiltonian").Split('\n').Should().Contain(@"H = c \sqrt{c^{2} m^{2} + p_{x}^{2}}");
    }

    [Fact]
    public void Fields_make_a_density_a_field_action_and_transform_gives_the_polar_Laplacian()
    {
        _s.Out(":fields u(x,y)").Should().Be("fields: u(x, y)");
        _s.Out(@":action \frac12\left(\left(\frac{\partial u}{\partial x}\right)^2+\left(\frac{\partial u}{\partial y}\right)^2\right)+F u")
            .Should().EndWith("(fields u of x, y)").And.Contain(@"\frac{1}{2} \left(\frac{\partial u}{\partial x}\right)^{2}");
        _s.Out(":el").Should().Be(@"\frac{\partial^{2} u}{\partial x^{2}} = F - \frac{\partial^{2} u}{\partial y^{2}}");
        _s.Out(":assume r > 0");
        _s.Out(@":transform x = r\cos\theta, y = r\sin\theta");
        _s.Out(":el").Should().Be(
            @"\frac{\partial^{2} u}{\partial r^{2}} = F - \frac{1}{r} \frac{\partial u}{\partial r} - \frac{1}{r^{2}} \frac{\partial^{2} u}{\partial \theta^{2}}");
    }

    [Fact]
    public void El_of_a_field_absent_from_its_density_prints_the_field_equation_not_d_dx_of_u_x()
    {
        _s.Out(":fields u(x,y)");
        _s.Out(@":action \frac12 (\partial_x u)^2 + \frac12 (\partial_y u)^2");
        _s.Out(":el").Should().Be(@"\frac{\partial^{2} u}{\partial x^{2}} = -\frac{\partial^{2} u}{\partial y^{2}}");
        _s.Out(":fields A(t,x), B(t,x)");
        _s.Out(@":action \frac12 (\partial_t A - \partial_x B)^2");
        _s.Out(":el").Split('\n').Should().Equal(
            @"\frac{\partial^{2} A}{\partial t^{2}} = \frac{\partial^{2} B}{\partial t \partial x}",
            @"\frac{\partial^{2} B}{\partial x^{2}} = \frac{\partial^{2} A}{\partial t \partial x}");
    }

    [Fact]
    public void Hamiltonian_of_a_singular_Lagrangian_names_the_singular_Hessian_and_gives_the_primary_constraints()
    {
        var r = _s.Execute(@":hamiltonian \frac12(x\dot y - y\dot x) - \frac12(x^2+y^2)", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Be(@"error: the Lagrangian is singular: the Hessian ∂²L/∂q̇∂q̇ has rank 0 < 2 (det = 0), so p = ∂L/∂q̇ cannot be solved for the velocities; "
            + @"primary constraints: p_{x} + \frac{1}{2} y \approx 0, p_{y} - \frac{1}{2} x \approx 0");
    }

    [Fact]
    public void El_of_a_generic_potential_uses_the_chain_rule_and_prints_V_prime_of_r()
    {
        _s.Out(":function V(r)");
        _s.Out(@":el \frac12 m\dot r^2 - V(r)").Should().Be(@"\ddot{r} = -\frac{V'(r)}{m}");
        _s.Out(":function f(x)");
        _s.Out(":diff f(x^2), x").Should().Be(@"2 x f'(x^{2})");
        _s.Out(":function A(x,t), \\phi(x,t)");
        _s.Out(@":el \frac12 m\dot x^2 + q\dot x A(x,t) - q\phi(x,t)").Should().Be(@"\ddot{x} = -\frac{q (A^{(0,1)}(x, t) + \phi^{(1,0)}(x, t))}{m}");
    }

    [Fact]
    public void Energy_of_a_field_action_is_a_usage_error()
    {
        _s.Out(":fields u(t,x)");
        _s.Out(@":action \frac12\left(\frac{\partial u}{\partial t}\right)^2");
        var r = _s.Execute(":energy", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Be(":energy needs a mechanical action ∫ L dt (coordinates q(t))");
    }

    [Fact]
    public void Fields_without_a_call_is_a_usage_error()
    {
        var r = _s.Execute(":fields u", CancellationToken.None);
        r.IsError.Should().BeTrue();
        r.Output.Should().Be("usage: :fields u(x,y)[, v(x,y) …]");
    }

    [Fact]
    public void El_plain_shows_the_unsolved_form()
    {
        _s.Out(@":action \frac12 m\dot{x}^2 - \frac12 k x^2");
        // The leading minus is divided out (divide-out-nonzero-factors); m and k may be zero, so they stay.
        _s.Out(":el plain").Should().Be(@"k x + m \ddot{x} = 0");
        _s.Execute(":steps").Output.Should().Contain("divide-out-nonzero-factors");
    }

    [Fact]
    public void El_plain_divides_by_a_length_and_a_mass_assumed_positive()
    {
        _s.Out(":assume l > 0, m > 0");
        _s.Out(@":action \frac12 m l^2\dot{\theta}^2 + m g l\cos\theta");
        _s.Out(":el plain").Should().Be(@"g \sin \theta + l \ddot{\theta} = 0");
    }

    [Fact]
    public void El_in_elliptic_coordinates_keeps_the_sinh_and_cosh_the_transformation_wrote()
    {
        _s.Out(@":action \frac12 m(\dot x^2+\dot y^2)");
        _s.Out(@":transform x = a\cosh\mu\cos\nu, y = a\sinh\mu\sin\nu; to \mu, \nu");
        var el = _s.Out(":el");
        el.Should().Contain(@"{\sin^{2} \nu + \sinh^{2} \mu}").And.Contain(@"\cosh \mu \sinh \mu").And.NotContain("e^{");
    }
}

public sealed class SubscriptedCoordinateTests
{
    [Theory]
    [InlineData(@":el \frac12\dot{\theta}_1^2 - \frac12 \theta_1^2", @"\ddot{\theta_{1}} = -\theta_{1}")]
    [InlineData(@":el \frac12\dot{q_1}^2 - \frac12 q_1^2", @"\ddot{q_{1}} = -q_{1}")]
    public void A_dotted_subscripted_letter_is_a_coordinate_and_its_square_a_power(string line, string expected) =>
        new Session().Out(line).Should().Be(expected);
}
