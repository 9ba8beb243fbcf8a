namespace SesamTalk;

/// <summary>Keeps a property out of the by-name mapping: for every system, or for one system (and type) only.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class SyncIgnoreAttribute : Attribute
{
    /// <summary>Ignores the property for every system.</summary>
    public SyncIgnoreAttribute()
    {
    }

    /// <summary>Ignores the property for <paramref name="system"/> only.</summary>
    /// <param name="system">The remote system.</param>
    public SyncIgnoreAttribute(string system)
    {
        System = system;
    }

    /// <summary>The remote system, or <see langword="null"/> for every system.</summary>
    public string? System { get; }

    /// <summary>Limits the ignore to one remote type of <see cref="System"/>.</summary>
    public string? Type { get; set; }
}
