namespace SesamTalk.Testing.Faults;

/// <summary>
/// What the faults of every emulator share: what the fault does, the status, <c>Retry-After</c> and delay it plays, the
/// endpoint it is aimed at (<see cref="On"/>) and how many matching requests it affects (<see cref="Times"/>). Each
/// emulator's fault type derives from this and adds the factory methods of the failures that system has.
/// </summary>
/// <typeparam name="TFault">The emulator's fault type.</typeparam>
/// <typeparam name="TKind">The emulator's kinds of fault.</typeparam>
/// <typeparam name="TEndpoint">The emulator's endpoints.</typeparam>
public abstract class EmulatorFault<TFault, TKind, TEndpoint>
    where TFault : EmulatorFault<TFault, TKind, TEndpoint>
    where TKind : struct, Enum
    where TEndpoint : struct, Enum
{
    private protected EmulatorFault(TKind kind, FaultTerms terms)
    {
        Kind = kind;
        Terms = terms;
    }

    /// <summary>What the fault does.</summary>
    public TKind Kind { get; }

    /// <summary>The HTTP status answered by status faults (429, 503, 5xx); 0 for the others.</summary>
    public int StatusCode => Terms.StatusCode;

    /// <summary>The <c>Retry-After</c> header sent with a status fault, if any (whole seconds, rounded up).</summary>
    public TimeSpan? RetryAfter => Terms.RetryAfter;

    /// <summary>How long a slow fault holds the response back.</summary>
    public TimeSpan Delay => Terms.Delay;

    /// <summary>The endpoint the fault applies to; null for any endpoint.</summary>
    public TEndpoint? Endpoint { get; private set; }

    /// <summary>How many matching requests the fault affects.</summary>
    public int Count { get; private set; } = 1;

    /// <summary>What the fault does, as the shared request pipeline plays it.</summary>
    internal FaultTerms Terms { get; }

    /// <summary>Limits the fault to one endpoint.</summary>
    public TFault On(TEndpoint endpoint) => Copy(endpoint, Count);

    /// <summary>Applies the fault to the next <paramref name="count"/> matching requests instead of one.</summary>
    public TFault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Copy(Endpoint, count);
    }

    private TFault Copy(TEndpoint? endpoint, int count)
    {
        var copy = (TFault)MemberwiseClone();
        copy.Endpoint = endpoint;
        copy.Count = count;
        return copy;
    }
}
