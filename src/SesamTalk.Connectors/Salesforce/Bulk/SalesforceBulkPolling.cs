namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Waits for a bulk job to finish: reads its state after <see cref="SalesforceOptions.BulkPollInterval"/>, then after
/// twice as long each time up to <see cref="SalesforceOptions.BulkMaxPollInterval"/>, for at most
/// <see cref="SalesforceOptions.BulkJobTimeout"/>; then it throws <see cref="TimeoutException"/> (the engine stops the cycle
/// at its checkpoint, and the next one finds the job again).
/// </summary>
internal sealed class SalesforceBulkPolling(SalesforceOptions options, TimeProvider time)
{
    /// <param name="known">The job's state as last read (a finished job is not read again).</param>
    /// <param name="read">Reads the job's state.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<SalesforceBulkJobInfo> UntilFinishedAsync(SalesforceBulkJobInfo known, Func<CancellationToken, Task<SalesforceBulkJobInfo>> read, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.BulkJobTimeout;
        var wait = options.BulkPollInterval;
        var info = known;
        while (!info.IsFinished)
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"Salesforce bulk job {info.Id} is still {info.State} after {options.BulkJobTimeout}; the next cycle finds it and waits on.");
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, options.BulkMaxPollInterval.Ticks));
            info = await read(cancellationToken).ConfigureAwait(false);
        }

        return info;
    }
}
