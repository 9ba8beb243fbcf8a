namespace SesamTalk.Connectors.Engine;

/// <summary>
/// A unit's link-store commit still being written while the cycle reads and decides the next unit of the host feed
/// (see <c>FlowCycle.CommitsMayOverlap</c>): its writes, what the cycle does once they are in, and the host records the
/// unit wrote, which no later unit may be decided on before the commit is in (their links would not be seen yet).
/// </summary>
internal sealed class CommitInFlight(Task writes, Action committed, HashSet<string> localIds)
{
    /// <summary>Whether the unit wrote any of <paramref name="ids"/>.</summary>
    public bool Touches(IEnumerable<string> ids) => ids.Any(localIds.Contains);

    /// <summary>Waits for the writes (throwing what they threw), then does what follows the commit.</summary>
    public async Task EndAsync()
    {
        await writes.ConfigureAwait(false);
        committed();
    }
}
