using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// What a cycle reads from the link store before its first page: where each change feed stopped, the creates that may
/// have happened already (open intents), and the quarantined records. It does not change during the cycle.
/// </summary>
internal sealed class CycleStart
{
    private CycleStart(
        HostCursor? hostCursor,
        string? remoteCursor,
        Dictionary<(SyncSide Side, string Id), PendingCreate> openIntents,
        IReadOnlyList<QuarantinedRecord> quarantine)
    {
        HostCursor = hostCursor;
        RemoteCursor = remoteCursor;
        OpenIntents = openIntents;
        Quarantine = quarantine;
        Quarantined = quarantine.Select(entry => (entry.Side, entry.RecordId)).ToHashSet();
    }

    /// <summary>Where the host's change feed stopped; null before the first cycle.</summary>
    public HostCursor? HostCursor { get; }

    /// <summary>Where the remote change feed stopped; null before the first cycle.</summary>
    public string? RemoteCursor { get; }

    /// <summary>Whether this cycle reads the remote feed from its start (every remote record is read).</summary>
    public bool ReadsRemoteFromStart => RemoteCursor is null;

    /// <summary>The creates recorded but not completed, by the side and id of the record they copy.</summary>
    public IReadOnlyDictionary<(SyncSide Side, string Id), PendingCreate> OpenIntents { get; }

    /// <summary>The flow's quarantine entries.</summary>
    public IReadOnlyList<QuarantinedRecord> Quarantine { get; }

    /// <summary>The quarantined records, by side and id.</summary>
    public IReadOnlySet<(SyncSide Side, string Id)> Quarantined { get; }

    /// <summary>Whether a create of the record (by its side and id) may have happened already.</summary>
    public bool HasOpenIntent(SyncSide side, string id) => OpenIntents.ContainsKey((side, id));

    /// <summary>The open intent of a create of the record, if any.</summary>
    public PendingCreate? IntentOf(SyncSide side, string id) => OpenIntents.GetValueOrDefault((side, id));

    public static async Task<CycleStart> ReadAsync(ILinkStore links, SyncFlowId flow, CancellationToken cancellationToken)
    {
        var hostCursor = await links.GetCursorAsync(flow, SyncSide.Local, cancellationToken).ConfigureAwait(false);
        var remoteCursor = await links.GetCursorAsync(flow, SyncSide.Remote, cancellationToken).ConfigureAwait(false);
        var intents = await links.ListOpenIntentsAsync(flow, cancellationToken).ConfigureAwait(false);
        var quarantine = await links.ListQuarantinedAsync(flow, cancellationToken).ConfigureAwait(false);
        return new CycleStart(
            hostCursor is null ? null : SesamTalk.HostCursor.Parse(hostCursor),
            remoteCursor,
            intents.ToDictionary(intent => (intent.SourceSide, intent.SourceId)),
            quarantine);
    }
}
