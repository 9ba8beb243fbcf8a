namespace SesamTalk.Connectors.LinkStore;

/// <summary>A field both sides changed since the last cycle, and how it was resolved.</summary>
/// <param name="Flow">The flow.</param>
/// <param name="LocalId">The host record's id.</param>
/// <param name="RemoteId">The remote record's id.</param>
/// <param name="Field">The field (the remote field name).</param>
/// <param name="LocalValue">The host's value, in canonical text, or <see langword="null"/> when empty.</param>
/// <param name="RemoteValue">The remote value, in canonical text, or <see langword="null"/> when empty.</param>
/// <param name="Rule">The rule that resolved it.</param>
/// <param name="Winner">The side whose value was kept.</param>
/// <param name="At">When the conflict was resolved (UTC).</param>
public sealed record ConflictRecord(
    SyncFlowId Flow,
    string LocalId,
    string RemoteId,
    string Field,
    string? LocalValue,
    string? RemoteValue,
    ConflictRule Rule,
    SyncSide Winner,
    DateTimeOffset At);
