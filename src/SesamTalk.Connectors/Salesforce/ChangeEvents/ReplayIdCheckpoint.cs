using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>
/// Keeps a change source's replay id in the link store without a write per event: a handled position is saved once
/// <see cref="EventsPerSave"/> events have come since the last save, and otherwise by <see cref="RunAsync"/> within
/// <see cref="SaveInterval"/>, and by <see cref="FlushAsync"/> when the source stops. A crash loses at most the last
/// second's position, and a restart then passes those events on again, which the engine's dedup absorbs. A save that
/// fails is logged and tried again with the next one: the stream goes on.
/// </summary>
internal sealed class ReplayIdCheckpoint(IChangeSubscriptionStore? store, string system, string channel, TimeProvider clock, ILogger logger) : IDisposable
{
    /// <summary>Events handled since the last save after which the position is saved at once.</summary>
    public const int EventsPerSave = 100;

    /// <summary>How long a handled position waits at most before it is saved.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _pending;
    private int _eventsSinceSave;

    /// <summary>The stored replay id to resume after, or null when none was saved (or no store keeps one).</summary>
    public async Task<string?> LoadAsync(CancellationToken cancellationToken) =>
        store is null ? null : await store.GetSubscriptionPositionAsync(system, channel, cancellationToken).ConfigureAwait(false);

    /// <summary>Marks <paramref name="position"/> handled, after <paramref name="events"/> more events; saves it when enough events came since the last save.</summary>
    public async Task AdvanceAsync(string position, int events, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _pending = position;
            _eventsSinceSave += events;
            if (_eventsSinceSave >= EventsPerSave)
            {
                await SaveAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Saves the pending position every <see cref="SaveInterval"/> until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(SaveInterval, clock, cancellationToken).ConfigureAwait(false);
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The source stops; its FlushAsync saves what is left.
        }
    }

    /// <summary>Saves the pending position, if any.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_pending is not { } position || store is null)
        {
            return;
        }

        try
        {
            await store.SaveSubscriptionPositionAsync(system, channel, position, cancellationToken).ConfigureAwait(false);
            _pending = null;
            _eventsSinceSave = 0;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ChangeEventLog.PositionNotSaved(logger, system, channel, error);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
