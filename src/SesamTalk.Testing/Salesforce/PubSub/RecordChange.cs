using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>One committed write of the org, as <see cref="RecordWriter.Changed"/> reports it to change data capture.</summary>
/// <param name="Record">The record after the write.</param>
/// <param name="Type">What the write did.</param>
/// <param name="Before">The record's fields before an update; null for creates and deletes.</param>
/// <param name="CommittedAt">The write's timestamp (the org clock, whole seconds).</param>
internal sealed record RecordChange(SObjectRecord Record, ChangeType Type, JsonObject? Before, DateTimeOffset CommittedAt);

/// <summary>The <c>changeType</c> of a change event header (the symbols of its Avro enum, in order).</summary>
internal enum ChangeType
{
    CREATE,
    UPDATE,
    DELETE,
    UNDELETE,
    GAP_CREATE,
    GAP_UPDATE,
    GAP_DELETE,
    GAP_UNDELETE,
    GAP_OVERFLOW,
    SNAPSHOT,
}
