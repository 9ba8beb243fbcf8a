namespace SesamTalk.Connectors.LinkStore;

/// <summary>The link store file has a schema this version of SesamTalk cannot use (e.g. it was written by a newer one).</summary>
public sealed class LinkStoreSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LinkStoreSchemaException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the schema.</param>
    public LinkStoreSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the schema.</param>
    /// <param name="innerException">The cause.</param>
    public LinkStoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The schema version found in the file.</summary>
    public int FoundVersion { get; init; }

    /// <summary>The newest schema version this store understands.</summary>
    public int SupportedVersion { get; init; }
}
