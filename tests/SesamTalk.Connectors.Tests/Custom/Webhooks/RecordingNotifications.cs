using System.Collections.Concurrent;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Tests.Custom.Webhooks;

/// <summary>The engine's inbox as a test sees it: every call, in order.</summary>
internal sealed class RecordingNotifications : ISyncChangeNotifications
{
    private readonly ConcurrentQueue<(SyncTarget Target, IReadOnlyCollection<string> Ids)> _changes = new();
    private readonly ConcurrentQueue<(SyncTarget Target, bool Live, string? Reason)> _states = new();

    public IReadOnlyList<(SyncTarget Target, IReadOnlyCollection<string> Ids)> Changes => [.. _changes];

    public IReadOnlyList<(SyncTarget Target, bool Live, string? Reason)> States => [.. _states];

    public void RemoteChanged(SyncTarget target, IReadOnlyCollection<string> remoteIds) => _changes.Enqueue((target, remoteIds));

    public void HostChanged(string entity, IReadOnlyCollection<string> hostIds) => throw new InvalidOperationException("A custom system's parts never report host changes.");

    public void SourceState(SyncTarget target, bool live, string? reason) => _states.Enqueue((target, live, reason));

    /// <summary>Waits until <paramref name="done"/> holds for the states reported so far.</summary>
    public async Task<IReadOnlyList<(SyncTarget Target, bool Live, string? Reason)>> WaitForStatesAsync(Func<IReadOnlyList<(SyncTarget Target, bool Live, string? Reason)>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!done(States))
        {
            await Task.Delay(20, timeout.Token);
        }

        return States;
    }
}
