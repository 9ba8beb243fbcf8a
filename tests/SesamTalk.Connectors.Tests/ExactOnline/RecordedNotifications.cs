using System.Collections.Concurrent;
using System.Threading.Channels;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>The engine's inbox as a test sees it: every change and state reported, in order.</summary>
internal sealed class RecordedNotifications : ISyncChangeNotifications
{
    private readonly Channel<(SyncTarget Target, bool Live, string? Reason)> _states = Channel.CreateUnbounded<(SyncTarget, bool, string?)>();
    private readonly Channel<(SyncTarget Target, string[] Ids)> _changes = Channel.CreateUnbounded<(SyncTarget, string[])>();
    private readonly ConcurrentQueue<(SyncTarget Target, string[] Ids)> _allChanges = new();

    public IReadOnlyList<(SyncTarget Target, string[] Ids)> Changes => [.. _allChanges];

    public void RemoteChanged(SyncTarget target, IReadOnlyCollection<string> remoteIds)
    {
        _allChanges.Enqueue((target, [.. remoteIds]));
        _changes.Writer.TryWrite((target, [.. remoteIds]));
    }

    public void HostChanged(string entity, IReadOnlyCollection<string> hostIds) => throw new InvalidOperationException("Exact Online reports no host changes.");

    public void SourceState(SyncTarget target, bool live, string? reason) => _states.Writer.TryWrite((target, live, reason));

    /// <summary>The next state reported, waiting up to ten seconds.</summary>
    public async Task<(SyncTarget Target, bool Live, string? Reason)> NextStateAsync() => await NextAsync(_states.Reader);

    /// <summary>The next change reported, waiting up to ten seconds.</summary>
    public async Task<(SyncTarget Target, string[] Ids)> NextChangeAsync() => await NextAsync(_changes.Reader);

    /// <summary>Whether a state was reported that no <see cref="NextStateAsync"/> took yet.</summary>
    public bool AnyStateLeft => _states.Reader.TryPeek(out _);

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadAsync(timeout.Token);
    }
}
