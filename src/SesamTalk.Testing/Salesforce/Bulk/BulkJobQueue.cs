namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// Processes closed jobs one after another in the background, as Salesforce's job queue does: a job waits
/// <see cref="SalesforceEmulatorOptions.BulkJobStartDelay"/> after it is queued before processing starts, so a client
/// must poll for its state. The worker runs only while jobs are waiting; <see cref="Pause"/> holds queued jobs back.
/// </summary>
internal sealed class BulkJobQueue(TimeSpan startDelay, Func<BulkJob, Task> process)
{
    private readonly Queue<(BulkJob Job, long QueuedAt)> _waiting = new();
    private readonly object _gate = new();
    private TaskCompletionSource _resumed = Resumed();
    private bool _running;

    public void Enqueue(BulkJob job)
    {
        lock (_gate)
        {
            _waiting.Enqueue((job, Environment.TickCount64));
            if (!_running)
            {
                _running = true;
                _ = Task.Run(RunAsync);
            }
        }
    }

    /// <summary>Keeps queued jobs from starting until <see cref="Resume"/> (a job already in progress finishes).</summary>
    public void Pause()
    {
        lock (_gate)
        {
            if (_resumed.Task.IsCompleted)
            {
                _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Resume()
    {
        lock (_gate)
        {
            _resumed.TrySetResult();
        }
    }

    private static TaskCompletionSource Resumed()
    {
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        resumed.SetResult();
        return resumed;
    }

    private async Task RunAsync()
    {
        while (true)
        {
            Task resumed;
            long queuedAt;
            lock (_gate)
            {
                if (!_waiting.TryPeek(out var next))
                {
                    _running = false;
                    return;
                }

                resumed = _resumed.Task;
                queuedAt = next.QueuedAt;
            }

            var wait = startDelay - TimeSpan.FromMilliseconds(Environment.TickCount64 - queuedAt);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            await resumed.ConfigureAwait(false);
            BulkJob job;
            lock (_gate)
            {
                if (!_resumed.Task.IsCompleted)
                {
                    continue; // paused again while waiting
                }

                job = _waiting.Dequeue().Job;
            }

            await process(job).ConfigureAwait(false);
        }
    }
}
