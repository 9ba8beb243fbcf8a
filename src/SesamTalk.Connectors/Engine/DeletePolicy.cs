namespace SesamTalk.Connectors.Engine;

/// <summary>What a flow does when a linked record is deleted on one side.</summary>
public enum DeletePolicy
{
    /// <summary>The other side keeps its record; the link is dropped. The default: deletes are rarely meant to travel.</summary>
    Ignore = 0,

    /// <summary>The other side's record is deleted too.</summary>
    Propagate = 1,

    /// <summary>
    /// The other side's record is marked, not deleted: on the remote side by setting
    /// <see cref="SyncFlowOptions.SoftDeleteField"/> to <see cref="SyncFlowOptions.SoftDeleteValue"/>, on the host side
    /// through <see cref="IHostSoftDelete{TEntity}"/>.
    /// </summary>
    SoftDelete = 2,
}
