namespace SesamTalk.Testing.Faults;

/// <summary>
/// The random mode of a <see cref="FaultInjector{TEndpoint}"/>: one seeded <see cref="Random"/> drawn under a lock, so
/// the same requests in the same order get the same faults, and the faults played per kind.
/// </summary>
/// <typeparam name="TEndpoint">The emulator's endpoints.</typeparam>
internal sealed class RandomFaults<TEndpoint>
    where TEndpoint : struct, Enum
{
    /// <summary>The kinds that commit the request and then keep its answer from the client.</summary>
    private static readonly RandomFaultKind[] Committing = [RandomFaultKind.LoseResponse, RandomFaultKind.MalformedBody];

    private readonly RandomFaultKind[] _supported;
    private readonly TEndpoint? _rotatingTokenEndpoint;
    private readonly Dictionary<RandomFaultKind, int> _counts = [];
    private readonly object _gate = new();
    private Draws? _draws;

    /// <param name="expiringTokens">Whether the system issues access tokens that can expire (<see cref="RandomFaultKind.ExpireTokens"/>).</param>
    /// <param name="rotatingTokenEndpoint">
    /// The token endpoint whose answer carries a new refresh token and retires the old one, if any: it never gets a
    /// committing fault, since a lost rotated token can only be replaced by a user authorising the app again.
    /// </param>
    public RandomFaults(bool expiringTokens, TEndpoint? rotatingTokenEndpoint)
    {
        _supported = [.. Enum.GetValues<RandomFaultKind>().Where(kind => expiringTokens || kind != RandomFaultKind.ExpireTokens)];
        _rotatingTokenEndpoint = rotatingTokenEndpoint;
    }

    public IReadOnlyDictionary<RandomFaultKind, int> Counts
    {
        get
        {
            lock (_gate)
            {
                return _supported.ToDictionary(kind => kind, kind => _counts.GetValueOrDefault(kind));
            }
        }
    }

    public void Start(RandomFaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Probability is not (>= 0 and <= 1))
        {
            throw new ArgumentException($"The probability is {options.Probability}; it must be from 0 to 1.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryAfter, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SlowDelay, TimeSpan.Zero, nameof(options));
        var unknown = options.Kinds?.Except(_supported).ToList() ?? [];
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"This emulator has no {string.Join(", ", unknown)} fault; it has {string.Join(", ", _supported)}.", nameof(options));
        }

        // The supported order, not the caller's, so the same seed draws the same kinds from any collection of them.
        RandomFaultKind[] kinds = [.. _supported.Where(kind => options.Kinds?.Contains(kind) ?? true)];
        lock (_gate)
        {
            _counts.Clear();
            _draws = new Draws(options, new Random(options.Seed), kinds, [.. kinds.Except(Committing)]);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _draws = null;
        }
    }

    /// <summary>Draws whether this request is faulted and how; null when it is not (or random mode is off).</summary>
    public FaultTerms? Draw(TEndpoint endpoint)
    {
        lock (_gate)
        {
            if (_draws is not { } draws || !(draws.Random.NextDouble() < draws.Options.Probability))
            {
                return null;
            }

            var kinds = EqualityComparer<TEndpoint?>.Default.Equals(endpoint, _rotatingTokenEndpoint) ? draws.NonCommitting : draws.Kinds;
            if (kinds.Length == 0)
            {
                return null;
            }

            var kind = kinds[draws.Random.Next(kinds.Length)];
            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            return Terms(kind, draws.Options);
        }
    }

    private static FaultTerms Terms(RandomFaultKind kind, RandomFaultOptions options) => kind switch
    {
        RandomFaultKind.TooManyRequests => FaultTerms.TooManyRequests(options.RetryAfter),
        RandomFaultKind.ServerError => FaultTerms.ServerError(500),
        RandomFaultKind.BadGateway => FaultTerms.ServerError(502),
        RandomFaultKind.ServiceUnavailable => FaultTerms.ServiceUnavailable(options.RetryAfter),
        RandomFaultKind.Slow => FaultTerms.Slow(options.SlowDelay),
        RandomFaultKind.LoseResponse => FaultTerms.Of(FaultAction.LoseResponse),
        RandomFaultKind.MalformedBody => FaultTerms.Of(FaultAction.MalformedBody),
        RandomFaultKind.ExpireTokens => FaultTerms.Of(FaultAction.ExpireTokens),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private sealed record Draws(RandomFaultOptions Options, Random Random, RandomFaultKind[] Kinds, RandomFaultKind[] NonCommitting);
}
