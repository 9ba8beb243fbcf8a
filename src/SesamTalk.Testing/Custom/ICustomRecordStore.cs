using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Custom;

/// <summary>
/// The records a custom system exposes through the contract (<c>docs/custom-system-contract.md</c>). A host
/// implements this over its own database and mounts it with
/// <see cref="CustomSystemEndpointRouteBuilderExtensions.MapCustomSystem"/>; the emulator implements it in memory.
/// The HTTP layer does authentication, paging, cursors, catalog validation and errors; the store keeps records.
/// </summary>
/// <remarks>
/// Every write must stamp <see cref="CustomRecord.ModifiedAt"/> from the clock the endpoints were given, at commit,
/// never earlier than a stamp already handed out (ties are fine), and must give the record a new version.
/// </remarks>
public interface ICustomRecordStore
{
    /// <summary>Whether the store holds records of <paramref name="type"/> (unknown types answer 404).</summary>
    /// <param name="type">The type named in the URL.</param>
    bool HasType(string type);

    /// <summary>
    /// Up to <paramref name="limit"/> records, tombstones included, that come after <paramref name="after"/> (all when
    /// null) and were stamped strictly before <paramref name="before"/>, ordered by stamp and then id (ordinal).
    /// </summary>
    /// <param name="type">The record type.</param>
    /// <param name="after">The position the client has seen, or null from the beginning.</param>
    /// <param name="before">The horizon: the current millisecond, which may still receive writes.</param>
    /// <param name="limit">The most records to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<CustomRecord>> ListChangesAsync(
        string type, ChangeCursor? after, DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>The record with this id, tombstones included; null when there is none.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<CustomRecord?> GetAsync(string type, string id, CancellationToken cancellationToken);

    /// <summary>Every live record whose fields equal all of <paramref name="match"/> (text compared case-insensitively).</summary>
    /// <param name="type">The record type.</param>
    /// <param name="match">Field values by name; a null value matches an empty or absent field.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<CustomRecord>> SearchAsync(string type, IReadOnlyDictionary<string, JsonNode?> match, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a record, unless <paramref name="idempotencyKey"/> already created one of this type: then returns
    /// <see cref="CustomWriteResult.Replayed"/> with that record and creates nothing.
    /// </summary>
    /// <param name="type">The record type.</param>
    /// <param name="fields">The field values.</param>
    /// <param name="idempotencyKey">The client's key for this create, or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<CustomWriteResult> CreateAsync(string type, JsonObject fields, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Sets the given fields (others keep their values) if the record's version is <paramref name="expectedVersion"/> or that is null.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="id">The id.</param>
    /// <param name="fields">The field values to set; null clears a field.</param>
    /// <param name="expectedVersion">The version from <c>If-Match</c>, or null for an unconditional write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<CustomWriteResult> UpdateAsync(string type, string id, JsonObject fields, string? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Turns the record into a tombstone if its version is <paramref name="expectedVersion"/> or that is null. A record
    /// that is already deleted gives <see cref="CustomWriteResult.Deleted"/> again, whatever the version.
    /// </summary>
    /// <param name="type">The record type.</param>
    /// <param name="id">The id.</param>
    /// <param name="expectedVersion">The version from <c>If-Match</c>, or null for an unconditional delete.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<CustomWriteResult> DeleteAsync(string type, string id, string? expectedVersion, CancellationToken cancellationToken);
}
