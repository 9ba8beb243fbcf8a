namespace SesamTalk;

/// <summary>A field both sides changed between two cycles, as the engine recorded it: the values, the rule and the winner.</summary>
public sealed class SyncConflict
{
    /// <summary>Creates the record.</summary>
    public SyncConflict(string entity, SyncTarget target, string localId, string remoteId, string field, string? localValue, string? remoteValue, ConflictRule rule, SyncSide winner, DateTimeOffset at)
    {
        Entity = entity;
        Target = target;
        LocalId = localId;
        RemoteId = remoteId;
        Field = field;
        LocalValue = localValue;
        RemoteValue = remoteValue;
        Rule = rule;
        Winner = winner;
        At = at;
    }

    /// <summary>The entity's name.</summary>
    public string Entity { get; }

    /// <summary>The remote (system, type).</summary>
    public SyncTarget Target { get; }

    /// <summary>The host record's id.</summary>
    public string LocalId { get; }

    /// <summary>The remote record's id.</summary>
    public string RemoteId { get; }

    /// <summary>The remote field name.</summary>
    public string Field { get; }

    /// <summary>The host's value (canonical text).</summary>
    public string? LocalValue { get; }

    /// <summary>The remote value (canonical text).</summary>
    public string? RemoteValue { get; }

    /// <summary>The rule that decided.</summary>
    public ConflictRule Rule { get; }

    /// <summary>The side whose value both sides hold now.</summary>
    public SyncSide Winner { get; }

    /// <summary>When it was resolved.</summary>
    public DateTimeOffset At { get; }
}
