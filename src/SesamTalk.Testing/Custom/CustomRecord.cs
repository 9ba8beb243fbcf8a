using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Custom;

/// <summary>
/// One record of a custom system as the contract carries it (<c>docs/custom-system-contract.md</c>): the id, the
/// type, the modification stamp (UTC, millisecond precision), the tombstone flag, the version the
/// <c>If-Match</c> precondition compares, and the field values by name.
/// </summary>
/// <param name="Type">The record type, e.g. <c>Product</c>.</param>
/// <param name="Id">The id the system assigned.</param>
/// <param name="ModifiedAt">When the record last changed (UTC, whole milliseconds); equal stamps are allowed.</param>
/// <param name="Deleted">Whether this is a tombstone (its <paramref name="Fields"/> are then empty).</param>
/// <param name="Version">The opaque version, sent as the ETag; it changes with every write.</param>
/// <param name="Fields">The field values by name.</param>
public sealed record CustomRecord(string Type, string Id, DateTimeOffset ModifiedAt, bool Deleted, string Version, JsonObject Fields)
{
    /// <summary>The record's position in the change feed.</summary>
    public ChangeCursor Position => new(ModifiedAt, Id);
}
