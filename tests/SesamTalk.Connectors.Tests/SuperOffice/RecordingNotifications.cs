using System.Collections.Concurrent;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>An engine inbox that keeps what it is told, in order, and lets a test wait for a message.</summary>
internal sealed class RecordingNotifications : ISyncChangeNotifications
{
    private readonly ConcurrentQueue<Notice> _notices = new();

    public IReadOnlyList<Notice> Notices => [.. _notices];

    public IReadOnlyList<Notice> Changes => [.. _notices.Where(n => n.Live is null)];

    /// <summary>The sequence of states reported for <paramref name="type"/>: true live, false lost.</summary>
    public IReadOnlyList<bool> States(string type) =>
        [.. _notices.Where(n => n.Live is not null && string.Equals(n.Target.Type, type, StringComparison.OrdinalIgnoreCase)).Select(n => n.Live!.Value)];

    public void RemoteChanged(SyncTarget target, IReadOnlyCollection<string> remoteIds) => Add(new Notice(target, [.. remoteIds], null, null));

    public void HostChanged(string entity, IReadOnlyCollection<string> hostIds) => throw new NotSupportedException("A SuperOffice source reports remote changes only.");

    public void SourceState(SyncTarget target, bool live, string? reason) => Add(new Notice(target, [], live, reason));

    /// <summary>Waits until <paramref name="condition"/> holds; fails after 15 s.</summary>
    public async Task WaitForAsync(Func<RecordingNotifications, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (!condition(this))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "Not told within 15 s; told so far: " + string.Join("; ", _notices));
            await Task.Delay(10);
        }
    }

    private void Add(Notice notice) => _notices.Enqueue(notice);

    /// <summary>A change (<see cref="Live"/> null) or a state.</summary>
    internal sealed record Notice(SyncTarget Target, string[] Ids, bool? Live, string? Reason);
}
