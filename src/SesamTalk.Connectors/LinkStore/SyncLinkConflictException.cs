namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// A link would break the one-to-one rule of a flow: the host record, or the remote record, is already linked to
/// another record. Unlink it, or relink by hand, first. The commit it happened in wrote nothing.
/// </summary>
public sealed class SyncLinkConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SyncLinkConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public SyncLinkConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SyncLinkConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The link that was refused.</summary>
    public SyncLink? Refused { get; init; }

    /// <summary>The remote id the host record is already linked to, when that is the clash.</summary>
    public string? ExistingRemoteId { get; init; }

    /// <summary>The host id the remote record is already linked to, when that is the clash.</summary>
    public string? ExistingLocalId { get; init; }

    /// <summary>The clash where the host record is already linked to another remote record (for link-store providers).</summary>
    /// <param name="refused">The link that was refused.</param>
    /// <param name="existingRemoteId">The remote id the host record is linked to.</param>
    public static SyncLinkConflictException LocalTaken(SyncLink refused, string existingRemoteId) =>
        new($"{refused.Entity} '{refused.LocalId}' is already linked to {refused.Target} '{existingRemoteId}'; unlink it or relink it by hand before linking it to '{refused.RemoteId}'.")
        {
            Refused = refused,
            ExistingRemoteId = existingRemoteId,
        };

    /// <summary>The clash where the remote record is already linked to another host record (for link-store providers).</summary>
    /// <param name="refused">The link that was refused.</param>
    /// <param name="existingLocalId">The host id the remote record is linked to.</param>
    public static SyncLinkConflictException RemoteTaken(SyncLink refused, string existingLocalId) =>
        new($"{refused.Target} '{refused.RemoteId}' is already linked to {refused.Entity} '{existingLocalId}'; unlink it or relink it by hand before linking it to {refused.Entity} '{refused.LocalId}'.")
        {
            Refused = refused,
            ExistingLocalId = existingLocalId,
        };
}
