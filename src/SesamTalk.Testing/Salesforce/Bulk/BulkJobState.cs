namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>The states of a Bulk API 2.0 job, named as the API names them.</summary>
internal enum BulkJobState
{
    /// <summary>An ingest job that takes data (query jobs never are).</summary>
    Open,

    /// <summary>Closed by the client (ingest) or just created (query): queued, nothing processed yet.</summary>
    UploadComplete,

    /// <summary>Being processed.</summary>
    InProgress,

    /// <summary>Processed; results can be read.</summary>
    JobComplete,

    /// <summary>Processing stopped on a job-level error (<c>errorMessage</c>); rows not reached are unprocessed.</summary>
    Failed,

    /// <summary>Aborted by the client; rows not reached are unprocessed.</summary>
    Aborted,
}

/// <summary>What the states mean for the API.</summary>
internal static class BulkJobStates
{
    /// <summary>Whether processing is over (the job can be deleted and its results read).</summary>
    public static bool IsTerminal(this BulkJobState state) => state is BulkJobState.JobComplete or BulkJobState.Failed or BulkJobState.Aborted;
}
