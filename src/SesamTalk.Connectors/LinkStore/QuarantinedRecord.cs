namespace SesamTalk.Connectors.LinkStore;

/// <summary>A record the engine could not process, held with its error until it is released for a retry.</summary>
/// <param name="Flow">The flow.</param>
/// <param name="Side">The side the record was read from.</param>
/// <param name="RecordId">The record's id on that side.</param>
/// <param name="Error">Why it was quarantined (the latest error).</param>
/// <param name="Payload">The record as read, for diagnosis, or <see langword="null"/>.</param>
/// <param name="At">When it was last quarantined (UTC).</param>
/// <param name="Attempts">How many times it has been quarantined.</param>
/// <param name="ReleasedAt">When it was released for a retry, or <see langword="null"/> while it is held.</param>
public sealed record QuarantinedRecord(
    SyncFlowId Flow,
    SyncSide Side,
    string RecordId,
    string Error,
    string? Payload,
    DateTimeOffset At,
    int Attempts,
    DateTimeOffset? ReleasedAt)
{
    /// <summary>Whether the record was released and the next cycle should read it again.</summary>
    public bool IsReleased => ReleasedAt is not null;
}
