namespace SesamTalk.Connectors.Engine;

/// <summary>A record names another record that is not linked to the other side (yet), so it cannot be written there.</summary>
public sealed class SyncReferenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which record, field and referenced record.</param>
    public SyncReferenceException(string message)
        : base(message)
    {
    }
}
