namespace SesamTalk;

/// <summary>
/// Marks a property whose value links pre-existing records on first contact: before creating a record, the
/// engine searches the other side for a record with the same (normalised) value. An ambiguous match is never
/// linked automatically. Without <see cref="System"/> the key applies to every target the property maps to.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class MatchKeyAttribute : Attribute
{
    /// <summary>Limits the key to one remote system; <see langword="null"/> for every system.</summary>
    public string? System { get; set; }

    /// <summary>Limits the key to one remote type of <see cref="System"/>; <see langword="null"/> for every type.</summary>
    public string? Type { get; set; }
}
