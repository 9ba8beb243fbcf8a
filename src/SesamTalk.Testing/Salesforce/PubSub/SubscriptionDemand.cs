namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// The Subscribe stream's flow control: how many events the client has asked for and not yet received. Each
/// FetchRequest adds its num_requested; each delivered event takes one.
/// </summary>
internal sealed class SubscriptionDemand
{
    private readonly object _gate = new();
    private int _pending;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Completes when the client asks for more; take it before looking at <see cref="Pending"/>.</summary>
    public Task NextRequest
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public void Add(int requested)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _pending = (int)Math.Min(int.MaxValue, (long)_pending + Math.Max(0, requested));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public void Take(int delivered)
    {
        lock (_gate)
        {
            _pending -= delivered;
        }
    }
}
