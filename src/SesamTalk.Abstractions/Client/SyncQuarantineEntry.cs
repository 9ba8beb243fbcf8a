namespace SesamTalk;

/// <summary>A record the engine set aside with an error; the rest of its flow went on.</summary>
public sealed class SyncQuarantineEntry
{
    /// <summary>Creates the entry.</summary>
    public SyncQuarantineEntry(string entity, SyncTarget target, SyncSide side, string recordId, string error, string? payload, DateTimeOffset at, int attempts, bool released)
    {
        Entity = entity;
        Target = target;
        Side = side;
        RecordId = recordId;
        Error = error;
        Payload = payload;
        At = at;
        Attempts = attempts;
        Released = released;
    }

    /// <summary>The entity's name.</summary>
    public string Entity { get; }

    /// <summary>The remote (system, type) of the flow.</summary>
    public SyncTarget Target { get; }

    /// <summary>The side the record was read from.</summary>
    public SyncSide Side { get; }

    /// <summary>The record's id on <see cref="Side"/>.</summary>
    public string RecordId { get; }

    /// <summary>Why: names the record and the field.</summary>
    public string Error { get; }

    /// <summary>The record as read (JSON), or null.</summary>
    public string? Payload { get; }

    /// <summary>When it was quarantined (last).</summary>
    public DateTimeOffset At { get; }

    /// <summary>How many times it failed.</summary>
    public int Attempts { get; }

    /// <summary>Whether it is released for the next cycle to try again.</summary>
    public bool Released { get; }
}
