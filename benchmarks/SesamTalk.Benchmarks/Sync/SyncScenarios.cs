namespace SesamTalk.Benchmarks.Sync;

/// <summary>The scenarios, in the order a run measures them, and the state each starts from.</summary>
internal static class SyncScenarios
{
    /// <summary>The host has N records, the remote system none: one cycle creates them remotely (its own fresh state).</summary>
    public const string FirstHostToRemote = "first-host-to-remote";

    /// <summary>The remote system has N records, the host none: one cycle creates them in the host (a second fresh state).</summary>
    public const string FirstRemoteToHost = "first-remote-to-host";

    /// <summary>The next cycle after <see cref="FirstRemoteToHost"/>, nothing changed anywhere.</summary>
    public const string NothingChanged = "nothing-changed";

    /// <summary>
    /// The host and the remote system have the same N records (the same codes, never linked): one cycle links them by
    /// match key and writes nothing else (a third fresh state), the first contact of two systems that both have data.
    /// </summary>
    public const string FirstLinkByKey = "first-link-by-key";

    /// <summary>1 % of the records edited, half in the host and half remotely, then one cycle.</summary>
    public const string OnePercentChanged = "one-percent-changed";

    public static readonly IReadOnlyList<string> All = [FirstHostToRemote, FirstRemoteToHost, NothingChanged, OnePercentChanged, FirstLinkByKey];

    /// <summary>Each side edits one record in <see cref="EditEvery"/>: together 1 % of the records.</summary>
    public const int EditEvery = 200;
}

/// <summary>What one side (engine or connector-only baseline) did in a scenario, besides its time and memory.</summary>
internal sealed record SideFigures(long ApiCalls, int Links, int Read, int Created, int Updated, int Unchanged, string? StopReason);

/// <summary>One side of a child: runs a scenario against the state the parent prepared.</summary>
internal interface IScenarioSide : IAsyncDisposable
{
    Task<SideFigures> RunAsync(string scenario, CancellationToken cancellationToken);
}
