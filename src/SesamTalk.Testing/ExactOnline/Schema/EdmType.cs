namespace SesamTalk.Testing.ExactOnline.Schema;

/// <summary>The OData (Edm) types behind the Exact Online catalog's field types.</summary>
internal enum EdmType
{
    Guid,
    String,
    Int32,
    Double,
    Boolean,
    DateTime,
    Binary,
}

/// <summary>Maps catalog field types to Edm types and names them as OData error messages do.</summary>
internal static class EdmTypes
{
    /// <summary>The Edm type of a catalog field type ("guid", "reference", "string", ...).</summary>
    public static EdmType Parse(string catalogType) => catalogType switch
    {
        "guid" or "reference" or "id" => EdmType.Guid,
        "string" or "textarea" or "picklist" or "email" or "phone" or "url" => EdmType.String,
        "int" or "long" => EdmType.Int32,
        "double" or "decimal" or "currency" or "percent" => EdmType.Double,
        "boolean" => EdmType.Boolean,
        "datetime" or "date" => EdmType.DateTime,
        "base64" => EdmType.Binary,
        _ => throw new InvalidDataException($"Unknown Exact Online field type '{catalogType}' in the catalog."),
    };

    /// <summary>The OData name, e.g. "Edm.Guid".</summary>
    public static string Name(this EdmType type) => "Edm." + type;
}
