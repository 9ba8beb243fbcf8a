namespace SesamTalk;

/// <summary>
/// Maps a property to a remote field of one system, overriding the by-name default, and sets how the field syncs.
/// <c>[Field("Salesforce", "ProductCode")]</c> renames; <c>[Field("Salesforce", Conflict = ConflictRule.RemoteWins)]</c>
/// keeps the by-name field and changes its conflict rule.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class FieldAttribute : Attribute
{
    /// <summary>Keeps the by-name remote field and sets other options for <paramref name="system"/>.</summary>
    /// <param name="system">The remote system this mapping applies to.</param>
    public FieldAttribute(string system)
    {
        System = system;
    }

    /// <summary>Maps the property to <paramref name="name"/> in <paramref name="system"/>.</summary>
    /// <param name="system">The remote system this mapping applies to.</param>
    /// <param name="name">The remote field's API name, e.g. <c>ProductCode</c>.</param>
    public FieldAttribute(string system, string name)
    {
        System = system;
        Name = name;
    }

    /// <summary>The remote system.</summary>
    public string System { get; }

    /// <summary>The remote field's API name; <see langword="null"/> keeps the property's name.</summary>
    public string? Name { get; }

    /// <summary>Limits the mapping to one remote type of <see cref="System"/>; <see langword="null"/> for every type.</summary>
    public string? Type { get; set; }

    /// <summary>Which way the field's value travels. Defaults to both ways.</summary>
    public FieldDirection Direction { get; set; } = FieldDirection.Both;

    /// <summary>How a conflict on this field resolves when both sides changed it. Defaults to latest-wins.</summary>
    public ConflictRule Conflict { get; set; } = ConflictRule.LatestWins;

    /// <summary>
    /// A converter type implementing <see cref="ISyncValueConverter{TLocal, TRemote}"/> with a public parameterless
    /// constructor, for units, percent versus fraction, or code lookups.
    /// </summary>
    public Type? Converter { get; set; }
}
