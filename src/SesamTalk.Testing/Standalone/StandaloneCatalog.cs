using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.Standalone;

/// <summary>
/// A field catalog file (format in <c>docs/catalogs.md</c>) for a system started standalone: the file, the system its
/// <c>system</c> member names, and its JSON, which goes to the system's emulator (<see cref="StandaloneSystem.Catalogs"/>).
/// </summary>
/// <param name="FilePath">The file it was read from, named in error messages.</param>
/// <param name="SystemName">The system it describes, e.g. <c>Customcrm</c> or <c>Salesforce</c>.</param>
/// <param name="Json">The catalog's JSON text.</param>
public sealed record StandaloneCatalog(string FilePath, string SystemName, string Json)
{
    /// <summary>Reads a catalog file and the system it is for.</summary>
    /// <param name="filePath">The <c>*.catalog.json</c> file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not a catalog; the message names the file and the problem.</exception>
    public static async Task<StandaloneCatalog> ReadAsync(string filePath, CancellationToken cancellationToken = default)
    {
        var json = await File.ReadAllTextAsync(filePath, cancellationToken).ConfigureAwait(false);
        try
        {
            return new StandaloneCatalog(filePath, Catalog.Parse(json).System, json);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"{filePath}: {error.Message}", error);
        }
    }

    /// <summary>Gives each catalog to the started system its <see cref="SystemName"/> names.</summary>
    /// <param name="systems">The systems to start.</param>
    /// <param name="catalogs">The catalogs, in the order they extend a standard catalog.</param>
    /// <returns>The systems, those with catalogs carrying them in <see cref="StandaloneSystem.Catalogs"/>.</returns>
    /// <exception cref="ArgumentException">
    /// A catalog's system is not among <paramref name="systems"/>, or a custom system has a second catalog (Salesforce,
    /// SuperOffice and ExactOnline take any number: each extends the standard catalog).
    /// </exception>
    public static IReadOnlyList<StandaloneSystem> AssignTo(IReadOnlyList<StandaloneSystem> systems, IEnumerable<StandaloneCatalog> catalogs)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(catalogs);
        var bySystem = new Dictionary<string, List<StandaloneCatalog>>(StringComparer.OrdinalIgnoreCase);
        foreach (var catalog in catalogs)
        {
            var system = systems.FirstOrDefault(s => string.Equals(s.Name, catalog.SystemName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"{catalog.FilePath} is the catalog of {catalog.SystemName}, which is not started: name it, e.g. {catalog.SystemName} or {catalog.SystemName}:5103.");
            if (!bySystem.TryGetValue(system.Name, out var assigned))
            {
                assigned = [];
                bySystem.Add(system.Name, assigned);
            }
            else if (system.IsCustom)
            {
                throw new ArgumentException($"{catalog.FilePath} and {assigned[0].FilePath} are both catalogs of {system.Name}; give it one.");
            }

            assigned.Add(catalog);
        }

        return [.. systems.Select(system => bySystem.TryGetValue(system.Name, out var assigned) ? system with { Catalogs = [.. assigned.Select(c => c.Json)] } : system)];
    }
}
