namespace SesamTalk.Testing.Standalone;

/// <summary>One emulator to start standalone: the system's name and the port (0: any free port).</summary>
/// <param name="Name">Salesforce, SuperOffice, ExactOnline, or the name of a custom system such as Customcrm.</param>
/// <param name="Port">The loopback port.</param>
public sealed record StandaloneSystem(string Name, int Port)
{
    private static readonly string[] Standard = ["Salesforce", "SuperOffice", "ExactOnline"];

    /// <summary>The systems started when none are named: every emulated system of the seeds.</summary>
    public static IReadOnlyList<StandaloneSystem> All { get; } =
    [
        new("Salesforce", 0),
        new("SuperOffice", 0),
        new("ExactOnline", 0),
        new("Customwebshop", 0),
        new("Customcrm", 0),
        new("Customerp", 0),
    ];

    /// <summary>
    /// Field catalogs as JSON text (see <see cref="StandaloneCatalog"/>). A custom system takes at most one and then checks
    /// every write and seed against it (none: any type and field is accepted). Salesforce, SuperOffice and ExactOnline take
    /// any number, which extend their standard catalogs as a host's <c>AdditionalFiles</c> do (an org's custom objects and
    /// fields; properties their standard catalogs lack).
    /// </summary>
    public IReadOnlyList<string> Catalogs { get; init; } = [];

    /// <summary>Whether this is a custom system (speaking the custom-system contract) rather than Salesforce, SuperOffice or ExactOnline.</summary>
    public bool IsCustom => !Standard.Contains(Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads command-line arguments of the form <c>Name[:port]</c>, e.g. <c>Salesforce:5101 ExactOnline Customcrm:5103</c>;
    /// no arguments start every system on free ports.
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <exception cref="ArgumentException">
    /// An argument is not <c>Name</c> or <c>Name:port</c> with a port from 1 to 65535, or names a system a second time.
    /// </exception>
    public static IReadOnlyList<StandaloneSystem> Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return All;
        }

        var systems = args.Select(ParseOne).ToList();
        var twice = systems.GroupBy(system => system.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(names => names.Count() > 1);
        return twice is null ? systems : throw new ArgumentException($"'{twice.Key}' is named twice; start each system once.");
    }

    private static StandaloneSystem ParseOne(string arg)
    {
        var parts = arg.Split(':');
        var port = 0;
        if (parts.Length > 2 || parts[0].Length == 0
            || (parts.Length == 2 && (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)))
        {
            throw new ArgumentException($"'{arg}' is not a system to start. Use Name or Name:port, e.g. Salesforce:5101 or Customcrm.");
        }

        return new StandaloneSystem(parts[0], port);
    }
}
