using System.Text.Json.Nodes;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>One record in one system, read and edited in that system's own form (its API field names and value types).</summary>
internal interface IRecordSide
{
    /// <summary>The system, type and id, for messages.</summary>
    string Name { get; }

    /// <summary>A copy of the record's fields.</summary>
    Task<JsonObject> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Sets one field as a user of the system would (a host may take a <see cref="FieldPath"/> into its lines).</summary>
    Task EditAsync(string field, JsonNode value, CancellationToken cancellationToken);
}
