using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Tests.Salesforce.PubSub;

/// <summary>The engine's inbox as a change source sees it, recording every call in order for a test to wait on and read.</summary>
internal sealed class RecordingNotifications : ISyncChangeNotifications
{
    private readonly Lock _gate = new();
    private readonly List<object> _calls = [];

    /// <summary>Every RemoteChanged so far, in order.</summary>
    public IReadOnlyList<Changed> Changes => Calls<Changed>();

    /// <summary>Every SourceState so far, in order.</summary>
    public IReadOnlyList<State> States => Calls<State>();

    /// <summary>The ids of every RemoteChanged of <paramref name="type"/>, in order, repeats kept.</summary>
    public IReadOnlyList<string> IdsOf(string type) => [.. Changes.Where(c => c.Target == new SyncTarget("Salesforce", type)).SelectMany(c => c.Ids)];

    public void RemoteChanged(SyncTarget target, IReadOnlyCollection<string> remoteIds) => Add(new Changed(target, [.. remoteIds]));

    public void HostChanged(string entity, IReadOnlyCollection<string> hostIds) =>
        throw new InvalidOperationException("A change source reports no host changes.");

    public void SourceState(SyncTarget target, bool live, string? reason) => Add(new State(target, live, reason));

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after <paramref name="within"/> (15 s unless given).</summary>
    public async Task WaitUntilAsync(Func<RecordingNotifications, bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (!condition(this))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for {what}. Calls: {string.Join("; ", Calls<object>())}");
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the latest state reported for each of <paramref name="types"/> is live.</summary>
    public Task WaitUntilLiveAsync(params string[] types) => WaitUntilAsync(
        n => types.All(t => n.States.LastOrDefault(s => s.Target == new SyncTarget("Salesforce", t)) is { Live: true }),
        "the types to be live: " + string.Join(", ", types));

    private List<T> Calls<T>()
    {
        lock (_gate)
        {
            return [.. _calls.OfType<T>()];
        }
    }

    private void Add(object call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    public sealed record Changed(SyncTarget Target, string[] Ids)
    {
        public override string ToString() => $"changed {Target} [{string.Join(", ", Ids)}]";
    }

    public sealed record State(SyncTarget Target, bool Live, string? Reason)
    {
        public override string ToString() => $"{Target} {(Live ? "live" : "lost: " + Reason)}";
    }
}

/// <summary>A change source running in the background until disposed, as the engine's notification service runs it.</summary>
internal sealed class ChangeSourceRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public ChangeSourceRun(ISyncChangeSource source, IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications) =>
        Running = Task.Run(() => source.RunAsync(remoteTypes, notifications, _stop.Token));

    public Task Running { get; }

    /// <summary>Stops the source (the host stopping) and waits until it has returned.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Running;
        _stop.Dispose();
    }
}
