namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The records a flow's change notifications named, which its next cycle reads by id instead of reading the change
/// feeds (<c>FlowCycle.Targeted.cs</c>).
/// </summary>
/// <param name="RemoteIds">The remote ids the remote system notified.</param>
/// <param name="HostIds">The host ids the host notified.</param>
/// <param name="NotifiedAt">When the first notification came: the host records' change time for latest-wins.</param>
internal sealed record NotifiedRecords(IReadOnlyList<string> RemoteIds, IReadOnlyList<string> HostIds, DateTimeOffset NotifiedAt);
