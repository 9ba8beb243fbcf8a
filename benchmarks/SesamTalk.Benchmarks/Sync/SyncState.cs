namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// One fresh state a side's scenarios start from: an emulator of the system, a temp folder with the host store file
/// and the link store file, and the child start that points there. Disposing stops the emulator and deletes the folder.
/// </summary>
internal sealed class SyncState : IAsyncDisposable
{
    private SyncState(RemoteSystem remote, ChildStart start)
    {
        Remote = remote;
        Start = start;
    }

    public RemoteSystem Remote { get; }

    public ChildStart Start { get; }

    public static async Task<SyncState> StartAsync(string system, int records, string mode, int gcSampleMilliseconds)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sesamtalk-sync-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var remote = await RemoteSystem.StartAsync(system).ConfigureAwait(false);
        var start = new ChildStart(mode, system, records, remote.Connection, Path.Combine(directory, "host.db"), Path.Combine(directory, "links.db"), directory, gcSampleMilliseconds);
        await (await HostDatabase.OpenAsync(start.HostStore, CancellationToken.None).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        return new SyncState(remote, start);
    }

    public async ValueTask DisposeAsync()
    {
        await Remote.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Start.WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup.
        }
    }
}
