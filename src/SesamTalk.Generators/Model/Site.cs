using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Model;

/// <summary>
/// Where in the host's source a part of the model was declared, for diagnostics found later against the
/// catalogs. Sites travel only in the diagnostics branch of the pipeline, never in the models.
/// </summary>
internal sealed record Site(SiteKey Key, Location Location);

/// <summary>What a site is the declaration of.</summary>
internal enum SiteKind
{
    Target,
    Field,
    Reference,
    MatchKey,
    Constant,
}

/// <summary>
/// A typed key for a <see cref="Site"/>: a catalog finding names the part it concerns with one of these, and the same
/// factory built the key when parsing recorded the site, so a key cannot be misspelt on one side only.
/// </summary>
internal sealed record SiteKey(SiteKind Kind, string System, string Type, string Name)
{
    /// <summary>A [SyncsWith(system, type)] of the entity.</summary>
    public static SiteKey Target(string system, string type) => new(SiteKind.Target, system, type, string.Empty);

    /// <summary>The property (or its [Field]) mapped to a field of (system, type).</summary>
    public static SiteKey Field(string system, string type, string property) => new(SiteKind.Field, system, type, property);

    /// <summary>The [References] of a property for (system, type).</summary>
    public static SiteKey Reference(string system, string type, string property) => new(SiteKind.Reference, system, type, property);

    /// <summary>The [MatchKey] of a property for (system, type).</summary>
    public static SiteKey MatchKey(string system, string type, string property) => new(SiteKind.MatchKey, system, type, property);

    /// <summary>A [SyncConstant] for a field of (system, type).</summary>
    public static SiteKey Constant(string system, string type, string field) => new(SiteKind.Constant, system, type, field);
}
