using SesamTalk.Testing.Standalone;

namespace SesamTalk.Emulators;

/// <summary>What the command line asks for: help, or the systems to start with their options.</summary>
/// <param name="Help">Print the usage and start nothing.</param>
/// <param name="SeedDemo">Seed the demo data (<c>--seed-demo</c>).</param>
/// <param name="CatalogFiles">Catalog files (<c>--catalog FILE</c>, repeatable): a custom system's, or extensions of a standard one.</param>
/// <param name="Systems">The systems to start (<c>Name[:port]</c>; none: every system).</param>
internal sealed record CommandLine(bool Help, bool SeedDemo, IReadOnlyList<string> CatalogFiles, IReadOnlyList<StandaloneSystem> Systems)
{
    private const string CatalogIs = "--catalog=";

    /// <summary>Reads the arguments; <c>-h</c> or <c>--help</c> stops the reading.</summary>
    /// <exception cref="ArgumentException">An unknown option, <c>--catalog</c> without a file, or a system that is not <c>Name[:port]</c>.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var seedDemo = false;
        var catalogFiles = new List<string>();
        var names = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return new CommandLine(Help: true, seedDemo, catalogFiles, []);
                case "--seed-demo":
                    seedDemo = true;
                    break;
                case "--catalog":
                    catalogFiles.Add(CatalogFile(++i < args.Count ? args[i] : ""));
                    break;
                case var option when option.StartsWith(CatalogIs, StringComparison.Ordinal):
                    catalogFiles.Add(CatalogFile(option[CatalogIs.Length..]));
                    break;
                case var option when option.StartsWith('-'):
                    throw new ArgumentException($"'{option}' is not an option.");
                default:
                    names.Add(args[i]);
                    break;
            }
        }

        return new CommandLine(Help: false, seedDemo, catalogFiles, StandaloneSystem.Parse(names));
    }

    private static string CatalogFile(string value) =>
        value.Length > 0 && !value.StartsWith('-') ? value : throw new ArgumentException("--catalog needs a file, e.g. --catalog Customcrm.catalog.json.");
}
