using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>
/// Finds the record a write names by id, or the per-record error Salesforce gives for a malformed, unknown or deleted id
/// (sObject Collections and Bulk API 2.0 alike). Callers hold the store's gate.
/// </summary>
internal static class LiveRecord
{
    /// <summary>The live record with <paramref name="id"/> (of <paramref name="schema"/>'s type when given), or the error.</summary>
    /// <param name="store">The org's records.</param>
    /// <param name="schema">The type the id must be of, or null for any type.</param>
    /// <param name="id">The id as the request gave it.</param>
    /// <param name="malformedMessage">The MALFORMED_ID message for this kind of call.</param>
    /// <param name="fields">The fields the MALFORMED_ID error names.</param>
    public static (SObjectRecord? Record, SalesforceError? Error) Find(RecordStore store, SObjectSchema? schema, string id, string malformedMessage, IReadOnlyList<string> fields)
    {
        var record = store.Find(id);
        if (SalesforceId.Normalize(id) is not { } full || (schema is not null && !full.StartsWith(schema.KeyPrefix, StringComparison.Ordinal)))
        {
            return (null, new SalesforceError("MALFORMED_ID", malformedMessage, fields));
        }

        return record switch
        {
            null => (null, new SalesforceError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", [])),
            { IsDeleted: true } => (null, new SalesforceError("ENTITY_IS_DELETED", "entity is deleted", [])),
            _ => (record, null),
        };
    }
}
