namespace SesamTalk.Connectors.Engine;

/// <summary>What a field-level merge of one linked pair decided.</summary>
internal sealed class MergeOutcome
{
    public MergeOutcome(string type, AgreedState agreed)
    {
        ToHost = new SyncRecord(type);
        ToRemote = new SyncRecord(type);
        Agreed = agreed;
    }

    /// <summary>The fields to copy onto the host record (remote values, references still remote ids).</summary>
    public SyncRecord ToHost { get; }

    /// <summary>The fields to write to the remote record (host values, references already remote ids).</summary>
    public SyncRecord ToRemote { get; }

    /// <summary>The state both sides hold once the writes are done.</summary>
    public AgreedState Agreed { get; }

    /// <summary>Fields both sides changed to different values, with the side that won.</summary>
    public List<MergeConflict> Conflicts { get; } = [];

    /// <summary>Whether the merge leaves a record that had lines with none (counted by the mass-change breaker).</summary>
    public bool EmptiesLines { get; set; }
}

/// <summary>A field both sides changed to different values since they last agreed.</summary>
/// <param name="Field">The remote field name.</param>
/// <param name="LocalValue">The host's value (canonical text).</param>
/// <param name="RemoteValue">The remote value (canonical text).</param>
/// <param name="Rule">The rule that decided.</param>
/// <param name="Winner">The side whose value both sides now hold.</param>
internal sealed record MergeConflict(string Field, string LocalValue, string RemoteValue, ConflictRule Rule, SyncSide Winner);
