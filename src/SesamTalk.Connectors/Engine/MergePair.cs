using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>A linked (or just matched) pair as read and resolved for <see cref="RecordDecider{TEntity}.Merge"/>.</summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
/// <param name="Source">The side whose change led here.</param>
/// <param name="SourceId">The changed record's id on that side.</param>
/// <param name="LocalId">The host record's id.</param>
/// <param name="Entity">The host entity.</param>
/// <param name="Host">The host entity in the remote shape, references as remote ids.</param>
/// <param name="Remote">The remote record (only its id, when a host change did not read it: its fields count as unchanged).</param>
/// <param name="HostChangedAt">When the host record changed, when this cycle knows (for latest-wins).</param>
internal sealed record MergePair<TEntity>(SyncSide Source, string SourceId, string LocalId, TEntity Entity, SyncRecord Host, SyncRecord Remote, DateTimeOffset? HostChangedAt)
    where TEntity : class
{
    /// <summary>The pair's stored link, or null for a pair matched just now.</summary>
    public StoredLink? Link { get; init; }

    /// <summary>The link's agreed state, parsed; null on first contact (a match, or a link made by hand).</summary>
    public AgreedState? Agreed { get; init; }

    /// <summary>The link a match makes, or null for a pair linked before.</summary>
    public NewLink? NewLink { get; init; }
}
