namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>Salesforce describe field types the emulator knows (the Field Reference vocabulary).</summary>
internal enum FieldType
{
    Id,
    String,
    Textarea,
    Picklist,
    Multipicklist,
    Boolean,
    Int,
    Double,
    Currency,
    Percent,
    Date,
    Datetime,
    Email,
    Phone,
    Url,
    Reference,
    Address,
    Long,
    Time,
    Base64,
    Combobox,
    EncryptedString,
    Location,
}

/// <summary>How field types behave on the wire.</summary>
internal static class FieldTypeExtensions
{
    /// <summary>Parses the describe name of a type ("string", "reference", ...).</summary>
    public static FieldType Parse(string name) => name switch
    {
        "id" => FieldType.Id,
        "string" => FieldType.String,
        "textarea" => FieldType.Textarea,
        "picklist" => FieldType.Picklist,
        "multipicklist" => FieldType.Multipicklist,
        "boolean" => FieldType.Boolean,
        "int" => FieldType.Int,
        "double" => FieldType.Double,
        "currency" => FieldType.Currency,
        "percent" => FieldType.Percent,
        "date" => FieldType.Date,
        "datetime" => FieldType.Datetime,
        "email" => FieldType.Email,
        "phone" => FieldType.Phone,
        "url" => FieldType.Url,
        "reference" => FieldType.Reference,
        "address" => FieldType.Address,
        "long" => FieldType.Long,
        "time" => FieldType.Time,
        "base64" => FieldType.Base64,
        "combobox" => FieldType.Combobox,
        "encryptedstring" => FieldType.EncryptedString,
        "location" => FieldType.Location,
        _ => throw new InvalidDataException($"Unknown Salesforce field type '{name}' in the catalog."),
    };

    /// <summary>The describe name of a type.</summary>
    public static string ToDescribeName(this FieldType type) => type.ToString().ToLowerInvariant();

    /// <summary>True for types whose JSON value is a string of free text (length-limited).</summary>
    public static bool IsText(this FieldType type) => type is FieldType.String or FieldType.Textarea or FieldType.Picklist
        or FieldType.Multipicklist or FieldType.Email or FieldType.Phone or FieldType.Url or FieldType.Combobox
        or FieldType.EncryptedString or FieldType.Time or FieldType.Base64;

    /// <summary>True for types whose JSON value is a number.</summary>
    public static bool IsNumber(this FieldType type) =>
        type is FieldType.Int or FieldType.Long or FieldType.Double or FieldType.Currency or FieldType.Percent;

    /// <summary>True for compound read-only values (address, geolocation) the API returns as objects.</summary>
    public static bool IsCompound(this FieldType type) => type is FieldType.Address or FieldType.Location;

    /// <summary>True for types whose value is a record id.</summary>
    public static bool IsId(this FieldType type) => type is FieldType.Id or FieldType.Reference;
}
