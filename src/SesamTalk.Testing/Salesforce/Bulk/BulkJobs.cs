using System.Collections.Concurrent;
using SesamTalk.Testing.Salesforce.Data;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// The org's Bulk API 2.0 jobs and daily allocations: 15,000 batches per rolling 24 hours, shared with Bulk API 1.0
/// and taken by ingest jobs only (one per 10,000 records processed), and 10,000 query jobs. Jobs in a terminal state
/// are deleted seven days after they finished.
/// </summary>
internal sealed class BulkJobs
{
    /// <summary>How long a finished job and its results are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, BulkJob> _jobs = new(StringComparer.Ordinal);
    private readonly int _batchLimit;
    private readonly int _queryJobLimit;
    // A random start and pod keep job ids of two emulator instances apart, as record ids are.
    private readonly string _pod = string.Concat("0", "ABCDEFGHJKMNPQRSTUVWXYZ"[Random.Shared.Next(23)].ToString());
    private long _sequence = Random.Shared.NextInt64(1_000_000, 1_000_000_000);
    private int _batchesUsed;
    private int _queryJobsUsed;

    public BulkJobs(SalesforceEmulatorOptions options, Func<BulkJob, Task> process)
    {
        _batchLimit = options.DailyBulkBatchLimit;
        _queryJobLimit = options.DailyBulkQueryJobLimit;
        Queue = new BulkJobQueue(options.BulkJobStartDelay, process);
    }

    public BulkJobQueue Queue { get; }

    /// <summary>The jobs of <paramref name="org"/>, processed by its ingest and query runs.</summary>
    public static BulkJobs For(SalesforceOrg org)
    {
        var ingest = new IngestRun(org);
        var query = new QueryRun(org);
        return new BulkJobs(org.Options, async job =>
        {
            try
            {
                await (job is IngestJob ingestJob ? ingest.ProcessAsync(ingestJob) : query.ProcessAsync((QueryJob)job)).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                // A query whose filter does not bind, or a fault of the emulator itself: the job fails, as a real job
                // does; only ingest jobs report why.
                lock (job.Gate)
                {
                    job.ErrorMessage = job is IngestJob ? "InternalServerError : " + error.Message : null;
                    job.MoveTo(BulkJobState.Failed, org.Now);
                }
            }
        });
    }

    public int BatchLimit => _batchLimit;

    public int QueryJobLimit => _queryJobLimit;

    public int BatchesUsed => Volatile.Read(ref _batchesUsed);

    public int QueryJobsUsed => Volatile.Read(ref _queryJobsUsed);

    /// <summary>A new job id (key prefix 750, as Salesforce's job ids have).</summary>
    public string NewId() => SalesforceId.Create("750", _pod, Interlocked.Increment(ref _sequence));

    public void Add(BulkJob job) => _jobs[job.Id] = job;

    /// <summary>The job of that kind with <paramref name="id"/>, or null when there is none or it finished more than seven days ago.</summary>
    public T? Find<T>(string id, DateTimeOffset now)
        where T : BulkJob
    {
        if (SalesforceId.Normalize(id) is not { } full || !_jobs.TryGetValue(full, out var job) || job is not T found)
        {
            return null;
        }

        lock (found.Gate)
        {
            if (found.FinishedAt is { } finished && now - finished > Retention)
            {
                _jobs.TryRemove(full, out _);
                return null;
            }
        }

        return found;
    }

    /// <summary>Every live job of that kind, oldest first.</summary>
    public List<T> All<T>(DateTimeOffset now)
        where T : BulkJob =>
        [.. _jobs.Values.OfType<T>().Select(job => Find<T>(job.Id, now)).OfType<T>().OrderBy(job => job.CreatedDate).ThenBy(job => job.Id, StringComparer.Ordinal)];

    public void Remove(string id) => _jobs.TryRemove(id, out _);

    /// <summary>Takes one batch of the daily allocation; false once it is used up.</summary>
    public bool TryTakeBatch() => TryTake(ref _batchesUsed, _batchLimit);

    /// <summary>Takes one query job of the daily allocation; false once it is used up.</summary>
    public bool TryTakeQueryJob() => TryTake(ref _queryJobsUsed, _queryJobLimit);

    private static bool TryTake(ref int used, int limit)
    {
        while (true)
        {
            var current = Volatile.Read(ref used);
            if (current >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref used, current + 1, current) == current)
            {
                return true;
            }
        }
    }
}
