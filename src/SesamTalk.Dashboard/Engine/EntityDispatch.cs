namespace SesamTalk.Dashboard;

/// <summary>Something to do with the typed engine API for an entity the dashboard knows only by name.</summary>
/// <typeparam name="TResult">What it gives back.</typeparam>
internal interface IEntityOperation<TResult>
{
    Task<TResult> RunAsync<TEntity>(ISyncEngine engine, ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
        where TEntity : class;
}

/// <summary>
/// Runs an <see cref="IEntityOperation{TResult}"/> with the entity's own type, without reflection: the untyped
/// definition hands itself, typed, to the engine it is given (<see cref="ISyncEntityDefinition.SyncAsync"/>), and the
/// engine given here runs the operation instead of a cycle.
/// </summary>
internal static class EntityDispatch
{
    public static async Task<TResult> RunAsync<TResult>(ISyncEngine engine, ISyncEntityDefinition entity, IEntityOperation<TResult> operation, CancellationToken cancellationToken)
    {
        var typed = new OperationEngine<TResult>(engine, operation);
        await entity.SyncAsync(typed, progress: null, cancellationToken).ConfigureAwait(false);
        return typed.Result ?? throw new InvalidOperationException($"{entity.Name}'s definition did not hand itself to the engine.");
    }

    /// <summary>The engine whose "sync" runs the operation; everything else passes through to the real engine.</summary>
    private sealed class OperationEngine<TResult>(ISyncEngine engine, IEntityOperation<TResult> operation) : DelegatingSyncEngine(engine)
    {
        public TResult? Result { get; private set; }

        public override async Task<SyncReport> SyncAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
            where TEntity : class
        {
            Result = await operation.RunAsync(Inner, entity, cancellationToken).ConfigureAwait(false);
            return new SyncReport([]);
        }
    }
}
