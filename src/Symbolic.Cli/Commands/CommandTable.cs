namespace Symbolic.Cli.Commands;

/// <summary>
/// The REPL commands by name. <see cref="CreateDefault"/> holds every command the CLI ships; a module
/// adds its commands from a static <c>Register(CommandTable)</c> method called there.
/// </summary>
/// <example><code>
/// var table = CommandTable.CreateDefault();
/// table.Add(new ReplCommand("el", ":el L", "Euler–Lagrange equations of L", call => …));
/// </code></example>
public sealed class CommandTable
{
    private readonly Dictionary<string, ReplCommand> _byName = new(StringComparer.Ordinal);
    private readonly List<ReplCommand> _ordered = new();

    /// <summary>The commands in the order they were added (the order of <c>:help</c>).</summary>
    public IReadOnlyList<ReplCommand> All => _ordered;

    /// <summary>Adds a command; its name and aliases must be new.</summary>
    public void Add(ReplCommand command)
    {
        foreach (var name in command.Aliases.Prepend(command.Name))
            if (!_byName.TryAdd(name, command))
                throw new InvalidOperationException($"the REPL command :{name} is defined twice");
        _ordered.Add(command);
    }

    /// <summary>Replaces a command of the same name (or adds it).</summary>
    public void Replace(ReplCommand command)
    {
        if (_byName.TryGetValue(command.Name, out var old))
        {
            _ordered.Remove(old);
            foreach (var n in old.Aliases.Prepend(old.Name)) _byName.Remove(n);
        }
        Add(command);
    }

    /// <summary>The command with this name or alias, or null.</summary>
    public ReplCommand? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Every command the CLI ships. Module commands (Variational, Forms, Lie) register here, each from
    /// its own file in Commands/ with a <c>Register(CommandTable)</c> method.
    /// </summary>
    public static CommandTable CreateDefault()
    {
        var table = new CommandTable();
        CoreCommands.Register(table);
        VariationalCommands.Register(table);
        FormsCommands.Register(table);
        LieCommands.Register(table);
        IntegrationCommands.Register(table);
        return table;
    }
}
