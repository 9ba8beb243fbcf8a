namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>Holds injected faults and hands each one to as many matching requests as it asks for, in injection order.</summary>
internal sealed class FaultInjector
{
    private readonly List<(ExactOnlineFault Fault, int Left)> _pending = [];
    private readonly object _gate = new();

    public void Add(ExactOnlineFault fault)
    {
        lock (_gate)
        {
            _pending.Add((fault, fault.Count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    /// <summary>Takes one use of the first pending fault that matches the endpoint, if any.</summary>
    public ExactOnlineFault? Take(ExactOnlineEndpoint endpoint)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(p => p.Fault.Endpoint is null || p.Fault.Endpoint == endpoint);
            if (index < 0)
            {
                return null;
            }

            var (fault, left) = _pending[index];
            if (left == 1)
            {
                _pending.RemoveAt(index);
            }
            else
            {
                _pending[index] = (fault, left - 1);
            }

            return fault;
        }
    }
}
