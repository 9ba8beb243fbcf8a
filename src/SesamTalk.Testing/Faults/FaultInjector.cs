namespace SesamTalk.Testing.Faults;

/// <summary>
/// Holds injected faults and hands each one to as many matching requests as it asks for, in injection order; a request
/// no injected fault is pending for may get a random one (<see cref="Random"/>).
/// </summary>
/// <typeparam name="TEndpoint">The emulator's endpoints.</typeparam>
/// <param name="expiringTokens">Whether the system issues access tokens that can expire.</param>
/// <param name="rotatingTokenEndpoint">The token endpoint that rotates refresh tokens, if any (see <see cref="RandomFaults{TEndpoint}"/>).</param>
internal sealed class FaultInjector<TEndpoint>(bool expiringTokens, TEndpoint? rotatingTokenEndpoint = null)
    where TEndpoint : struct, Enum
{
    private readonly List<(TEndpoint? Endpoint, FaultTerms Terms, int Left)> _pending = [];
    private readonly object _gate = new();

    /// <summary>The seeded random faults, off until started.</summary>
    public RandomFaults<TEndpoint> Random { get; } = new(expiringTokens, rotatingTokenEndpoint);

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

    /// <summary>Takes one use of the first pending fault that matches the endpoint, else draws a random one, if any.</summary>
    public FaultTerms? Take(TEndpoint endpoint) => TakeInjected(endpoint) ?? Random.Draw(endpoint);

    private FaultTerms? TakeInjected(TEndpoint endpoint)
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
