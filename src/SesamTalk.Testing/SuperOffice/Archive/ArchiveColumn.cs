namespace SesamTalk.Testing.SuperOffice.Archive;

/// <summary>One archive column: its camelCase name, the catalog field it shows, and how it is typed in rows and filters.</summary>
internal sealed record ArchiveColumn(string Name, string Field, ColumnKind Kind)
{
    public static ArchiveColumn Int(string name, string field) => new(name, field, ColumnKind.Int);

    public static ArchiveColumn Double(string name, string field) => new(name, field, ColumnKind.Double);

    public static ArchiveColumn Text(string name, string field) => new(name, field, ColumnKind.Text);

    public static ArchiveColumn Bool(string name, string field) => new(name, field, ColumnKind.Bool);

    public static ArchiveColumn Date(string name, string field) => new(name, field, ColumnKind.Date);
}

/// <summary>How an archive column's values are written and compared.</summary>
internal enum ColumnKind
{
    /// <summary>A whole number (ids, list ids); 0 when empty.</summary>
    Int,

    /// <summary>A number; 0 when empty.</summary>
    Double,

    /// <summary>Text, compared case-insensitively; "" when empty.</summary>
    Text,

    /// <summary>true or false; false when empty.</summary>
    Bool,

    /// <summary>A UTC time without offset, to the second; <c>0001-01-01T00:00:00</c> when empty.</summary>
    Date,
}
