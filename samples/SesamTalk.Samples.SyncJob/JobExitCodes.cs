namespace SesamTalk.Samples.SyncJob;

/// <summary>The job's exit codes (README.md beside this file).</summary>
public static class JobExitCodes
{
    /// <summary>Every seed row is linked and nothing of them is quarantined.</summary>
    public const int Linked = 0;

    /// <summary>A seed row is not linked or holds quarantined records, or a remote edit did not arrive in its host.</summary>
    public const int NotLinked = 1;

    /// <summary>The job's own settings or a configured system's settings cannot be run with (a message names each).</summary>
    public const int Settings = 2;

    /// <summary>A system refused the job or failed at start-up (a message names the system and what to do).</summary>
    public const int SystemRefused = 3;
}
