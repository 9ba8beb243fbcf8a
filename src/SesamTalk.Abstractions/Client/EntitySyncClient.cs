namespace SesamTalk;

/// <summary>The typed client of one entity: a member of the generated <c>TalkClient</c> per entity, e.g. <c>talk.Products</c>.</summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public sealed class EntitySyncClient<TEntity>
    where TEntity : class
{
    private readonly ISyncEngine _engine;

    /// <summary>Creates the client (the generated <c>TalkClient</c> does this).</summary>
    /// <param name="engine">The engine that runs the flows.</param>
    /// <param name="definition">The generated definition of <typeparamref name="TEntity"/>.</param>
    public EntitySyncClient(ISyncEngine engine, ISyncEntityDefinition<TEntity> definition)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
    }

    /// <summary>The generated definition: name, mappers, id accessor.</summary>
    public ISyncEntityDefinition<TEntity> Definition { get; }

    /// <summary>Runs one cycle of every flow of the entity.</summary>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the cycle at the next checkpoint.</param>
    public Task<SyncReport> SyncAsync(IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _engine.SyncAsync(Definition, progress, cancellationToken);

    /// <summary>A dry run: what a cycle would write. Nothing is written.</summary>
    /// <param name="cancellationToken">Cancels the planning.</param>
    public Task<SyncPlan> PlanAsync(CancellationToken cancellationToken = default) =>
        _engine.PlanAsync(Definition, cancellationToken);

    /// <summary>Who the host record is linked to, and why.</summary>
    /// <param name="id">The host record's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<SyncLink>> LinksAsync(string id, CancellationToken cancellationToken = default) =>
        _engine.GetLinksAsync(Definition, id, cancellationToken);
}
