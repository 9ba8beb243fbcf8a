using System.Data.Common;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>
/// PostgreSQL's words for the shared link store: instants as <c>timestamptz</c> (written in UTC, as Npgsql wants),
/// lists as one array parameter (<c>= ANY</c>), batches of rows as one array a column joined by <c>unnest</c> (the
/// cells a run of rows shares as one parameter each), and the lease row locked FOR SHARE in a commit.
/// </summary>
internal sealed class PostgreSqlLinkStoreDialect : LinkStoreDialect
{
    /// <summary>The one instance.</summary>
    public static readonly PostgreSqlLinkStoreDialect Instance = new();

    private PostgreSqlLinkStoreDialect()
    {
    }

    public override string Least => "LEAST";

    // FOR SHARE keeps the row locked to the commit's end, so a take-over waits for the commit, and a commit that comes after one sees it.
    public override string LockLeaseRow => " FOR SHARE";

    // Completed intents are deleted; the table has no column for them.
    public override string OpenIntentsOnly => "";

    // One statement: the deleted hold goes to the history as it leaves.
    public override IReadOnlyList<string> ReleaseHold { get; } =
    [
        "WITH ended AS (DELETE FROM held_flows WHERE " + LinkStoreDb.FlowIs + " RETURNING " + AdoNetLinkStore.HoldColumns + ") "
        + "INSERT INTO released_holds (" + AdoNetLinkStore.HoldColumns + ", released_because, released_at) SELECT " + AdoNetLinkStore.HoldColumns + ", @because, @now FROM ended;",
    ];

    public override object Time(DateTimeOffset value) => value.ToUniversalTime();

    // timestamptz keeps microseconds: Npgsql drops the last tick digit.
    public override DateTimeOffset StoredTime(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override object TextList(IReadOnlyCollection<string> values) => values.ToArray();

    public override string IsIn(string column, string parameter) => column + " = ANY (" + parameter + ")";

    protected override IEnumerable<LinkStoreBatch> InsertLinkRun(IReadOnlyList<QueuedLink> links, int first, int count, (string Name, object? Value)[] shared)
    {
        var run = links.Skip(first).Take(count).ToArray();
        return
        [
            new(
                new(
                    "INSERT INTO links (entity, system, type, local_id, remote_id, provenance, match_key, linked_at, local_read, local_written, remote_read, remote_written, agreed, match_value) "
                    + "SELECT @entity, @system, @type, row.local_id, row.remote_id, @provenance, @matchKey, @linkedAt, row.local_read, row.local_written, row.remote_read, row.remote_written, row.agreed, row.match_value "
                    + "FROM unnest(@local::text[], @remote::text[], @localRead::text[], @localWritten::text[], @remoteRead::text[], @remoteWritten::text[], @agreed::text[], @matchValue::text[]) "
                    + "AS row (local_id, remote_id, local_read, local_written, remote_read, remote_written, agreed, match_value) ON CONFLICT DO NOTHING;",
                    [
                        .. shared,
                        ("@local", run.Select(i => i.Link.LocalId).ToArray()),
                        ("@remote", run.Select(i => i.Link.RemoteId).ToArray()),
                        ("@localRead", run.Select(i => i.Fingerprints?.LocalRead).ToArray()),
                        ("@localWritten", run.Select(i => i.Fingerprints?.LocalWritten).ToArray()),
                        ("@remoteRead", run.Select(i => i.Fingerprints?.RemoteRead).ToArray()),
                        ("@remoteWritten", run.Select(i => i.Fingerprints?.RemoteWritten).ToArray()),
                        ("@agreed", run.Select(i => i.Fingerprints?.Agreed).ToArray()),
                        ("@matchValue", run.Select(i => i.Link.MatchValue).ToArray()),
                    ]),
                first,
                count),
        ];
    }

    public override IEnumerable<LinkStoreBatch> SaveFingerprints(IReadOnlyList<QueuedFingerprints> prints) =>
    [
        new(
            new(
                "UPDATE links SET local_read = row.local_read, local_written = row.local_written, remote_read = row.remote_read, remote_written = row.remote_written, agreed = row.agreed "
                + "FROM unnest(@entity::text[], @system::text[], @type::text[], @local::text[], @localRead::text[], @localWritten::text[], @remoteRead::text[], @remoteWritten::text[], @agreed::text[]) "
                + "AS row (entity, system, type, local_id, local_read, local_written, remote_read, remote_written, agreed) "
                + "WHERE links.entity = row.entity AND links.system = row.system AND links.type = row.type AND links.local_id = row.local_id;",
                [
                    ("@entity", prints.Select(p => p.Flow.Entity).ToArray()),
                    ("@system", prints.Select(p => p.Flow.Target.System).ToArray()),
                    ("@type", prints.Select(p => p.Flow.Target.Type).ToArray()),
                    ("@local", prints.Select(p => p.LocalId).ToArray()),
                    ("@localRead", prints.Select(p => p.Fingerprints.LocalRead).ToArray()),
                    ("@localWritten", prints.Select(p => p.Fingerprints.LocalWritten).ToArray()),
                    ("@remoteRead", prints.Select(p => p.Fingerprints.RemoteRead).ToArray()),
                    ("@remoteWritten", prints.Select(p => p.Fingerprints.RemoteWritten).ToArray()),
                    ("@agreed", prints.Select(p => p.Fingerprints.Agreed).ToArray()),
                ]),
            0,
            prints.Count),
    ];

    public override IEnumerable<LinkStoreBatch> InsertIntents(IReadOnlyList<string> keys, IReadOnlyList<string> sourceIds) =>
    [
        new(
            new(
                "INSERT INTO intents (" + AdoNetLinkStore.IntentColumns + ") "
                + "SELECT row.k, @entity, @system, @type, @side, row.s, @now FROM unnest(@keys::text[], @ids::text[]) AS row (k, s) ON CONFLICT DO NOTHING;",
                [("@keys", keys.ToArray()), ("@ids", sourceIds.ToArray())]),
            0,
            keys.Count),
    ];
}
