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

    // A batch's JSON in UTF-8, under the 85,000 bytes of a large object.
    private const int BatchBytes = 32 * 1024;

    // A batch's rows: its JSON travels as the UTF-8 bytes written (a blob, which SQLite would read as JSONB), read as
    // text; no .NET string of twice the size is made and turned back into UTF-8 for every batch.
    private const string RowsOfJson = "json_each(CAST(@rows AS TEXT))";

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

    // The text keeps every tick; it reads back in UTC.
    public override DateTimeOffset StoredTime(DateTimeOffset value) => new(value.UtcDateTime);

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

    public override IEnumerable<LinkStoreBatch> InsertLinks(IReadOnlyList<QueuedLink> links) => JsonBatches(
        "INSERT INTO links (entity, system, type, local_id, remote_id, provenance, match_key, linked_at, local_read, local_written, remote_read, remote_written, agreed, match_value) "
        + "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, CAST(value ->> 5 AS INTEGER), value ->> 6, value ->> 7, "
        + "value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13 FROM " + RowsOfJson + " WHERE true ON CONFLICT DO NOTHING;",
        links.Count,
        i =>
        [
            links[i].Link.Entity, links[i].Link.Target.System, links[i].Link.Target.Type, links[i].Link.LocalId, links[i].Link.RemoteId,
            ((int)links[i].Link.Provenance).ToString(CultureInfo.InvariantCulture), links[i].Link.MatchKey, TimeText(links[i].Link.LinkedAt),
            links[i].Fingerprints?.LocalRead, links[i].Fingerprints?.LocalWritten, links[i].Fingerprints?.RemoteRead, links[i].Fingerprints?.RemoteWritten, links[i].Fingerprints?.Agreed,
            links[i].Link.MatchValue,
        ]);

    public override IEnumerable<LinkStoreBatch> SaveFingerprints(IReadOnlyList<QueuedFingerprints> prints) => JsonBatches(
        "UPDATE links SET local_read = row.value ->> 4, local_written = row.value ->> 5, remote_read = row.value ->> 6, remote_written = row.value ->> 7, agreed = row.value ->> 8 "
        + "FROM " + RowsOfJson + " AS row "
        + "WHERE links.entity = row.value ->> 0 AND links.system = row.value ->> 1 AND links.type = row.value ->> 2 AND links.local_id = row.value ->> 3;",
        prints.Count,
        i =>
        [
            prints[i].Flow.Entity, prints[i].Flow.Target.System, prints[i].Flow.Target.Type, prints[i].LocalId,
            prints[i].Fingerprints.LocalRead, prints[i].Fingerprints.LocalWritten, prints[i].Fingerprints.RemoteRead, prints[i].Fingerprints.RemoteWritten, prints[i].Fingerprints.Agreed,
        ]);

    public override IEnumerable<LinkStoreBatch> InsertIntents(IReadOnlyList<string> keys, IReadOnlyList<string> sourceIds) => JsonBatches(
        "INSERT INTO intents (" + AdoNetLinkStore.IntentColumns + ") "
        + "SELECT value ->> 0, @entity, @system, @type, @side, value ->> 1, @now FROM " + RowsOfJson + " WHERE true ON CONFLICT DO NOTHING;",
        keys.Count,
        i => [keys[i], sourceIds[i]]);

    /// <summary>
    /// Rows of texts (null allowed) as JSON arrays of arrays, for <c>SELECT value ->> 0, ... FROM json_each(CAST(@rows AS TEXT))</c>:
    /// many rows a statement, a statement for each run of rows whose JSON fills <see cref="BatchBytes"/>, so no text is
    /// large enough for the large-object heap (a unit's 10,000 links are some 9 MB of JSON).
    /// </summary>
    private static IEnumerable<LinkStoreBatch> JsonBatches(string sql, int count, Func<int, string?[]> row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(BatchBytes + 4096);
        using var writer = new System.Text.Json.Utf8JsonWriter(buffer);
        var first = 0;
        while (first < count)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartArray();
            var next = first;
            while (next < count && (next == first || writer.BytesPending + buffer.WrittenCount < BatchBytes))
            {
                writer.WriteStartArray();
                foreach (var cell in row(next++))
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

            writer.WriteEndArray();
            writer.Flush();
            yield return new LinkStoreBatch(new LinkStoreStatement(sql, [("@rows", buffer.WrittenSpan.ToArray())]), first, next - first);
            first = next;
        }
    }

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
