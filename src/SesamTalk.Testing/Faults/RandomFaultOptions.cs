namespace SesamTalk.Testing.Faults;

/// <summary>
/// Seeded random faults, for soak tests: every request draws from a <see cref="Random"/> seeded with <see cref="Seed"/>
/// and, with <see cref="Probability"/>, gets one fault of <see cref="Kinds"/>. The same seed and the same requests in the
/// same order give the same faults. Explicitly injected faults are played first.
/// </summary>
public sealed class RandomFaultOptions
{
    /// <summary>The seed of the draws.</summary>
    public int Seed { get; init; }

    /// <summary>The chance that a request is faulted, from 0 (never) to 1 (always).</summary>
    public double Probability { get; init; } = 0.2;

    /// <summary>The kinds drawn from, each as likely as the others; null for every kind the emulator has.</summary>
    public IReadOnlyCollection<RandomFaultKind>? Kinds { get; init; }

    /// <summary>The <c>Retry-After</c> of 429 and 503 answers (whole seconds, rounded up; zero sends <c>0</c>).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a slow answer is held back; keep it below the clients' timeouts.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
