namespace SesamTalk.Connectors.LinkStore;

/// <summary>Why a held flow was released.</summary>
public enum HoldReleaseReason
{
    /// <summary>A person approved the change and a cycle ran past the breaker with it.</summary>
    Approved = 0,

    /// <summary>A cycle no longer passed the breaker's limit: the source was fixed.</summary>
    SourceFixed = 1,

    /// <summary>The flow's options set <c>AllowMassChange</c> and a cycle ran past the breaker.</summary>
    MassChangeAllowed = 2,
}
