using System.Runtime.CompilerServices;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The engine's view of a connector: any exception a connector throws that the engine does not already know becomes a
/// <see cref="SyncConnectorException"/>, so a connector written for another system stops the cycle at its checkpoint
/// (and reaches the health checks) instead of escaping from <c>SyncAsync</c>. Each call is a span of its own
/// (<see cref="SyncTracing"/>), tagged with the flow it serves.
/// </summary>
internal sealed class GuardedConnector(ISyncConnector inner, FlowTags flow) : ISyncConnector
{
    public string System => inner.System;

    public long ApiCalls => inner.ApiCalls;

    public SyncApiUsage? Usage => inner.Usage;

    public ConnectorCapabilities GetCapabilities(string type) => inner.GetCapabilities(type);

    public IAsyncEnumerable<RemoteChangePage> ReadChangesAsync(IEntityMapper mapper, string? cursor, CancellationToken cancellationToken) =>
        GuardPages(nameof(ReadChangesAsync), inner.ReadChangesAsync(mapper, cursor, cancellationToken), cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<string>> ListIdsAsync(IEntityMapper mapper, CancellationToken cancellationToken) =>
        GuardPages(nameof(ListIdsAsync), inner.ListIdsAsync(mapper, cancellationToken), cancellationToken);

    public Task<SyncRecord?> GetAsync(IEntityMapper mapper, string id, CancellationToken cancellationToken) =>
        Guard(nameof(GetAsync), () => inner.GetAsync(mapper, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SyncRecord>> GetManyAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        Guard(nameof(GetManyAsync), () => inner.GetManyAsync(mapper, ids, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SyncRecord>> SearchAsync(IEntityMapper mapper, string field, IReadOnlyList<SyncValue> values, CancellationToken cancellationToken) =>
        Guard(nameof(SearchAsync), () => inner.SearchAsync(mapper, field, values, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<RemoteWriteResult>> CreateAsync(IEntityMapper mapper, IReadOnlyList<RemoteCreate> creates, CancellationToken cancellationToken) =>
        Guard(nameof(CreateAsync), () => inner.CreateAsync(mapper, creates, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<RemoteWriteResult>> UpdateAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken) =>
        Guard(nameof(UpdateAsync), () => inner.UpdateAsync(mapper, records, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<RemoteWriteResult>> DeleteAsync(IEntityMapper mapper, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        Guard(nameof(DeleteAsync), () => inner.DeleteAsync(mapper, ids, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<T> GuardPages<T>(string operation, IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = source.GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (await Guard(operation, () => NextAsync(pages), cancellationToken).ConfigureAwait(false) is { } page)
            {
                yield return page.Value!;
            }
        }
    }

    /// <summary>The next page in a box (so that a page read is one call, answered with its records), or null at the end.</summary>
    private static async Task<StrongBox<T>?> NextAsync<T>(IAsyncEnumerator<T> pages) =>
        await pages.MoveNextAsync().ConfigureAwait(false) ? new StrongBox<T>(pages.Current) : null;

    private async Task<T> Guard<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        using var span = SyncTracing.StartCall(flow, operation);
        try
        {
            var answer = await call().ConfigureAwait(false);
            SyncTracing.Answered(span, answer);
            return answer;
        }
        catch (Exception error)
        {
            SyncTracing.Failed(span, error);
            if (StopErrors.EndsCycle(error) || (error is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw;
            }

            throw new SyncConnectorException(inner.System, operation, error);
        }
    }
}
