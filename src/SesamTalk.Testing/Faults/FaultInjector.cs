namespace SesamTalk.Testing.Faults;

/// <summary>Holds injected faults and hands each one to as many matching requests as it asks for, in injection order.</summary>
/// <typeparam name="TEndpoint">The emulator's endpoints.</typeparam>
internal sealed class FaultInjector<TEndpoint>
    where TEndpoint : struct, Enum
{
    private readonly List<(TEndpoint? Endpoint, FaultTerms Terms, int Left)> _pending = [];
    private readonly object _gate = new();

    public void Add<TFault, TKind>(EmulatorFault<TFault, TKind, TEndpoint> fault)
        where TFault : EmulatorFault<TFault, TKind, TEndpoint>
        where TKind : struct, Enum
    {
        lock (_gate)
        {
            _pending.Add((fault.Endpoint, fault.Terms, fault.Count));
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
    public FaultTerms? Take(TEndpoint endpoint)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(p => p.Endpoint is null || EqualityComparer<TEndpoint>.Default.Equals(p.Endpoint.Value, endpoint));
            if (index < 0)
            {
                return null;
            }

            var (target, terms, left) = _pending[index];
            if (left == 1)
            {
                _pending.RemoveAt(index);
            }
            else
            {
                _pending[index] = (target, terms, left - 1);
            }

            return terms;
        }
    }
}
