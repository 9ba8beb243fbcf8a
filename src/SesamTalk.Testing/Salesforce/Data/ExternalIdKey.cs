using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// The field a <c>/sobjects/{type}/{field}/{value}</c> URL or a collections upsert matches records on: <c>Id</c>, an
/// External ID field, or on a standard object any field with the <c>idLookup</c> property ("On standard objects, this
/// call can use the name of any field with the idLookup instead of the external ID", upsert() in the SOAP API guide).
/// Matching is case-insensitive for idLookup fields and unique External IDs (the default "treat ABC and abc as
/// duplicates"), case-sensitive for non-unique External IDs; numbers match by value. Records in the Recycle Bin never match.
/// </summary>
internal sealed class ExternalIdKey
{
    private ExternalIdKey(FieldSchema field) => Field = field;

    public FieldSchema Field { get; }

    public bool IsId => Field.Name == "Id";

    /// <summary>How key values compare as text: case-insensitively for idLookup fields and unique External IDs.</summary>
    public StringComparer Comparer => ComparerOf(Field);

    /// <summary>How values of the key field <paramref name="field"/> compare as text (REST, collections and Bulk API upserts alike).</summary>
    public static StringComparer ComparerOf(FieldSchema field) =>
        (field.Source.IdLookup && !field.Source.ExternalId) || field.Source.Unique ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// The key field <paramref name="name"/> of <paramref name="schema"/>; a field that does not exist or cannot key a
    /// record is 404 <c>NOT_FOUND</c>, as the recorded restforce fixture <c>upsert_error_response.json</c> shows.
    /// </summary>
    public static ExternalIdKey Resolve(SObjectSchema schema, string name)
    {
        var field = schema.Field(name);
        var usable = field is not null
            && (field.Name == "Id" || field.Source.ExternalId || (field.Source.IdLookup && !schema.Custom));
        return usable ? new ExternalIdKey(field!) : throw new ApiException(ApiResponse.Error(
            StatusCodes.Status404NotFound, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {name}"));
    }

    /// <summary>The live records whose key field holds <paramref name="value"/>, in creation order.</summary>
    public List<SObjectRecord> Matches(RecordStore store, SObjectSchema schema, string value)
    {
        if (IsId)
        {
            return store.Find(value) is { IsDeleted: false } record && record.Schema == schema ? [record] : [];
        }

        return [.. store.OfType(schema).Where(r => !r.IsDeleted && Equal(r[Field.Name], value))];
    }

    /// <summary>Whether a value sent for the key field (in a body) is the key <paramref name="value"/> itself.</summary>
    public bool Same(JsonNode? sent, string value) => Equal(sent, value);

    /// <summary>The key value as the JSON a body would carry for the field: a number for number fields, text otherwise.</summary>
    public JsonNode? AsJson(string value) =>
        Field.Type.IsNumber() && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : value;

    private bool Equal(JsonNode? stored, string value)
    {
        if (stored is null)
        {
            return false;
        }

        if (stored.GetValueKind() == JsonValueKind.Number)
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && (double)stored == number;
        }

        return Comparer.Equals(stored.GetValueKind() == JsonValueKind.String ? (string)stored! : stored.ToJsonString(), value);
    }
}
