using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>
/// A field reached from the queried object, directly (<c>Name</c>) or through parent relationships
/// (<c>Account.Name</c>: the hop is the reference field AccountId).
/// </summary>
internal sealed record FieldPath(IReadOnlyList<FieldSchema> Hops, FieldSchema Field)
{
    /// <summary>Binds a dotted path against the schema; unknown names fail with INVALID_FIELD as in Salesforce.</summary>
    public static FieldPath Bind(SchemaCatalog catalog, SObjectSchema root, string path)
    {
        var segments = path.Split('.');
        var hops = new List<FieldSchema>();
        var current = root;
        foreach (var relationship in segments[..^1])
        {
            var reference = current.Relationship(relationship);
            var target = reference?.Source.ReferenceTo.Count > 0 ? catalog.Find(reference.Source.ReferenceTo[0]) : null;
            if (reference is null || target is null)
            {
                throw ApiException.BadRequest(
                    "INVALID_FIELD",
                    $"Didn't understand relationship '{relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.");
            }

            hops.Add(reference);
            current = target;
        }

        var field = current.Field(segments[^1])
            ?? throw ApiException.BadRequest("INVALID_FIELD", RecordJson.NoSuchColumn(segments[^1], current.Name));
        return new FieldPath(hops, field);
    }

    /// <summary>The value at the end of the path, or null when a parent on the way is empty.</summary>
    public JsonNode? Read(SObjectRecord record, RecordStore store)
    {
        var current = record;
        foreach (var hop in Hops)
        {
            current = store.Find((string?)current[hop.Name]);
            if (current is null)
            {
                return null;
            }
        }

        return current[Field.Name];
    }
}
