namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>A remote system refused the job or failed while a host started; the message names the system and what to do.</summary>
public sealed class SystemStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SystemStartException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">Which system, what happened, and what to do.</param>
    public SystemStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">Which system, what happened, and what to do.</param>
    /// <param name="innerException">The system's answer.</param>
    public SystemStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
