namespace SesamTalk;

/// <summary>Where a running flow is, for <see cref="IProgress{T}"/>.</summary>
public sealed class SyncProgress
{
    /// <summary>Creates the progress value.</summary>
    /// <param name="entity">The host entity's name.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="stage">The stage of the cycle.</param>
    /// <param name="processed">Records processed so far in this stage.</param>
    public SyncProgress(string entity, SyncTarget target, SyncStage stage, int processed)
    {
        Entity = entity;
        Target = target;
        Stage = stage;
        Processed = processed;
    }

    /// <summary>The host entity's name.</summary>
    public string Entity { get; }

    /// <summary>The remote (system, type).</summary>
    public SyncTarget Target { get; }

    /// <summary>The stage of the cycle.</summary>
    public SyncStage Stage { get; }

    /// <summary>Records processed so far in this stage.</summary>
    public int Processed { get; }
}
