namespace SesamTalk;

/// <summary>
/// Declares that the annotated host entity is kept in sync with one type of record in a remote system,
/// for example <c>[SyncsWith("Salesforce", "Product2")]</c>. Repeat the attribute for every (system, type) pair,
/// including two types of one system. The class must be <see langword="partial"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SyncsWithAttribute : Attribute
{
    /// <summary>Creates the declaration.</summary>
    /// <param name="system">The remote system's name, e.g. <c>Salesforce</c>, <c>SuperOffice</c>, <c>ExactOnline</c> or a custom system.</param>
    /// <param name="type">The remote record type, e.g. <c>Product2</c> or <c>Items</c>.</param>
    public SyncsWithAttribute(string system, string type)
    {
        System = system;
        Type = type;
    }

    /// <summary>The remote system's name.</summary>
    public string System { get; }

    /// <summary>The remote record type.</summary>
    public string Type { get; }

    /// <summary>
    /// Which side's new records create records on the other side. The default, <see cref="SyncOrigin.Local"/>,
    /// reads "host to remote": records born in the host create remote records. Once linked, edits flow both ways.
    /// </summary>
    public SyncOrigin Origin { get; set; } = SyncOrigin.Local;
}
