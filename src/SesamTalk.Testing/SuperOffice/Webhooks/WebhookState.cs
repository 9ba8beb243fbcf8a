namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>A webhook's <c>State</c>: the WebAPI writes it by name and takes the name or the number.</summary>
internal enum WebhookState
{
    /// <summary>No state; as a <c>statusFilter</c>, no filter.</summary>
    Unknown = 0,

    /// <summary>Events are posted to the target.</summary>
    Active = 1,

    /// <summary>Stopped by its owner: nothing is posted.</summary>
    Stopped = 2,

    /// <summary>Stopped by SuperOffice after consecutive failed posts; the owner sets it Active again.</summary>
    TooManyErrors = 3,
}
