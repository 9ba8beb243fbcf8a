using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// SQLite's words for the shared link store: instants as fixed-width UTC text (which sorts as it compares), lists and
/// batches of rows as one JSON parameter read with <c>json_each</c> (the cells a run of rows shares as one parameter
/// each), and no row locks (a commit's IMMEDIATE transaction shuts other writers out).
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

    protected override IEnumerable<LinkStoreBatch> InsertLinkRun(IReadOnlyList<QueuedLink> links, int first, int count, (string Name, object? Value)[] shared) => JsonBatches(
        "INSERT INTO links (entity, system, type, local_id, remote_id, provenance, match_key, linked_at, local_read, local_written, remote_read, remote_written, agreed, match_value) "
        + "SELECT @entity, @system, @type, value ->> 0, value ->> 1, @provenance, @matchKey, @linkedAt, "
        + "value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM " + RowsOfJson + " WHERE true ON CONFLICT DO NOTHING;",
        first,
        count,
        shared,
        (writer, i) =>
        {
            var prints = links[i].Fingerprints;
            Cells(writer, links[i].Link.LocalId, links[i].Link.RemoteId, prints?.LocalRead, prints?.LocalWritten, prints?.RemoteRead, prints?.RemoteWritten);
            Agreed(writer, prints);
            Cells(writer, links[i].Link.MatchValue);
        });

    // The flow stays in each row: with it as parameters, SQLite plans the update as a scan of the flow's links with a
    // probe into the rows for each: a cycle of 1 % changes at 100,000 links took 96 CPU s instead of 0.2.
    public override IEnumerable<LinkStoreBatch> SaveFingerprints(IReadOnlyList<QueuedFingerprints> prints) => JsonBatches(
        "UPDATE links SET local_read = row.value ->> 4, local_written = row.value ->> 5, remote_read = row.value ->> 6, remote_written = row.value ->> 7, agreed = row.value ->> 8 "
        + "FROM " + RowsOfJson + " AS row "
        + "WHERE links.entity = row.value ->> 0 AND links.system = row.value ->> 1 AND links.type = row.value ->> 2 AND links.local_id = row.value ->> 3;",
        0,
        prints.Count,
        [],
        (writer, i) =>
        {
            var print = prints[i].Fingerprints;
            Cells(writer, prints[i].Flow.Entity, prints[i].Flow.Target.System, prints[i].Flow.Target.Type, prints[i].LocalId);
            Cells(writer, print.LocalRead, print.LocalWritten, print.RemoteRead, print.RemoteWritten);
            Agreed(writer, print);
        });

    public override IEnumerable<LinkStoreBatch> InsertIntents(IReadOnlyList<string> keys, IReadOnlyList<string> sourceIds) => JsonBatches(
        "INSERT INTO intents (" + AdoNetLinkStore.IntentColumns + ") "
        + "SELECT value ->> 0, @entity, @system, @type, @side, value ->> 1, @now FROM " + RowsOfJson + " WHERE true ON CONFLICT DO NOTHING;",
        0,
        keys.Count,
        [],
        (writer, i) => Cells(writer, keys[i], sourceIds[i]));

    /// <summary>Writes texts (null allowed) as cells of a row.</summary>
    private static void Cells(Utf8JsonWriter writer, params ReadOnlySpan<string?> cells)
    {
        foreach (var cell in cells)
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
    }

    /// <summary>
    /// Writes the agreed state's cell: the engine's state as the JSON object it is (<c>value ->> n</c> gives an object's
    /// text, as written), any other as a text cell.
    /// </summary>
    private static void Agreed(Utf8JsonWriter writer, LinkFingerprints? prints)
    {
        if (prints?.AgreedValue is { } agreed)
        {
            agreed.WriteTo(writer);
        }
        else
        {
            Cells(writer, prints?.Agreed);
        }
    }

    /// <summary>
    /// The <paramref name="count"/> rows from <paramref name="start"/> on (each written by <paramref name="row"/> as its
    /// cells) as JSON arrays of arrays, with the <paramref name="shared"/> parameters beside them, for <c>SELECT value ->> 0, ... FROM json_each(CAST(@rows AS TEXT))</c>:
    /// many rows a statement, a statement for each run of rows whose JSON fills <see cref="BatchBytes"/>, so no text is
    /// large enough for the large-object heap (a unit's 10,000 links are some 9 MB of JSON).
    /// </summary>
    private static IEnumerable<LinkStoreBatch> JsonBatches(string sql, int start, int count, (string Name, object? Value)[] shared, Action<Utf8JsonWriter, int> row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(BatchBytes + 4096);
        using var writer = new Utf8JsonWriter(buffer);
        var end = start + count;
        var first = start;
        while (first < end)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartArray();
            var next = first;
            while (next < end && (next == first || writer.BytesPending + buffer.WrittenCount < BatchBytes))
            {
                writer.WriteStartArray();
                row(writer, next++);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.Flush();
            yield return new LinkStoreBatch(new LinkStoreStatement(sql, [.. shared, ("@rows", buffer.WrittenSpan.ToArray())]), first, next - first);
            first = next;
        }
    }

    private static string Json(Action<Utf8JsonWriter> items)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            items(writer);
            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
