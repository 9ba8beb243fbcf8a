using System.Data.Common;
using System.Globalization;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// SQLite's words for the shared link store: instants as fixed-width UTC text (which sorts as it compares), lists and
/// batches of rows as one JSON parameter read with <c>json_each</c>, and no row locks (a commit's IMMEDIATE transaction
/// shuts other writers out).
/// </summary>
internal sealed class SqliteLinkStoreDialect : LinkStoreDialect
{
    /// <summary>The one instance.</summary>
    public static readonly SqliteLinkStoreDialect Instance = new();

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private SqliteLinkStoreDialect()
    {
    }

    public override string Least => "MIN";

    public override string LockLeaseRow => "";

    // Files from before schema version 5 kept completed intents; the partial unique index is on the open ones.
    public override string OpenIntentsOnly => " AND completed_at IS NULL";

    public override IReadOnlyList<string> ReleaseHold { get; } =
    [
        "INSERT INTO released_holds (" + AdoNetLinkStore.HoldColumns + ", released_because, released_at) "
        + "SELECT " + AdoNetLinkStore.HoldColumns + ", @because, @now FROM held_flows WHERE " + LinkStoreDb.FlowIs + ";",
        "DELETE FROM held_flows WHERE " + LinkStoreDb.FlowIs + ";",
    ];

    /// <summary>The store's text form of an instant.</summary>
    public static string TimeText(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public override object Time(DateTimeOffset value) => TimeText(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));

    public override object TextList(IReadOnlyCollection<string> values) => Json(writer =>
    {
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
    });

    public override string IsIn(string column, string parameter) => column + " IN (SELECT value FROM json_each(" + parameter + "))";

    public override LinkStoreStatement InsertLinks(IReadOnlyList<QueuedLink> links) => new(
        "INSERT INTO links (entity, system, type, local_id, remote_id, provenance, match_key, linked_at, local_read, local_written, remote_read, remote_written, agreed, match_value) "
        + "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, CAST(value ->> 5 AS INTEGER), value ->> 6, value ->> 7, "
        + "value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13 FROM json_each(@rows) WHERE true ON CONFLICT DO NOTHING;",
        [("@rows", JsonRows(links.Select(insert => new[]
        {
            insert.Link.Entity, insert.Link.Target.System, insert.Link.Target.Type, insert.Link.LocalId, insert.Link.RemoteId,
            ((int)insert.Link.Provenance).ToString(CultureInfo.InvariantCulture), insert.Link.MatchKey, TimeText(insert.Link.LinkedAt),
            insert.Fingerprints?.LocalRead, insert.Fingerprints?.LocalWritten, insert.Fingerprints?.RemoteRead, insert.Fingerprints?.RemoteWritten, insert.Fingerprints?.Agreed,
            insert.Link.MatchValue,
        })))]);

    public override LinkStoreStatement SaveFingerprints(IReadOnlyList<QueuedFingerprints> prints) => new(
        "UPDATE links SET local_read = row.value ->> 4, local_written = row.value ->> 5, remote_read = row.value ->> 6, remote_written = row.value ->> 7, agreed = row.value ->> 8 "
        + "FROM json_each(@rows) AS row "
        + "WHERE links.entity = row.value ->> 0 AND links.system = row.value ->> 1 AND links.type = row.value ->> 2 AND links.local_id = row.value ->> 3;",
        [("@rows", JsonRows(prints.Select(print => new[]
        {
            print.Flow.Entity, print.Flow.Target.System, print.Flow.Target.Type, print.LocalId,
            print.Fingerprints.LocalRead, print.Fingerprints.LocalWritten, print.Fingerprints.RemoteRead, print.Fingerprints.RemoteWritten, print.Fingerprints.Agreed,
        })))]);

    public override LinkStoreStatement InsertIntents(IReadOnlyList<string> keys, IReadOnlyList<string> sourceIds) => new(
        "INSERT INTO intents (" + AdoNetLinkStore.IntentColumns + ") "
        + "SELECT value ->> 0, @entity, @system, @type, @side, value ->> 1, @now FROM json_each(@rows) WHERE true ON CONFLICT DO NOTHING;",
        [("@rows", JsonRows(keys.Select((key, i) => new[] { key, sourceIds[i] })))]);

    /// <summary>Rows of texts (null allowed) as one JSON array of arrays, for <c>SELECT value ->> 0, ... FROM json_each(@rows)</c>: many rows in one statement.</summary>
    private static string JsonRows(IEnumerable<string?[]> rows) => Json(writer =>
    {
        foreach (var row in rows)
        {
            writer.WriteStartArray();
            foreach (var cell in row)
            {
                if (cell is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(cell);
                }
            }

            writer.WriteEndArray();
        }
    });

    private static string Json(Action<System.Text.Json.Utf8JsonWriter> items)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            items(writer);
            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
