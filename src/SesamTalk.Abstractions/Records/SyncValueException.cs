namespace SesamTalk;

/// <summary>A value cannot be read as the asked type, or cannot be represented at all.</summary>
public sealed class SyncValueException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what was found.</param>
    public SyncValueException(string message)
        : base(message)
    {
    }
}
