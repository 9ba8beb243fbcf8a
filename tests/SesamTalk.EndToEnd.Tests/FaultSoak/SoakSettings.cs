using System.Globalization;

namespace SesamTalk.EndToEnd.Tests.FaultSoak;

/// <summary>
/// The soak's knobs, from the environment so a longer run outside CI needs no code change:
/// <c>SESAMTALK_SOAK_SEED</c>, <c>SESAMTALK_SOAK_RECORDS</c> (records born per system and type), <c>SESAMTALK_SOAK_CYCLES</c>
/// (cycles under faults) and <c>SESAMTALK_SOAK_PROBABILITY</c> (share of faulted requests).
/// </summary>
/// <param name="Seed">The seed of every emulator's fault draws.</param>
/// <param name="Records">Records seeded per system and type (customers, products, orders, quotes, contacts).</param>
/// <param name="Cycles">Cycles of both hosts while the faults play.</param>
/// <param name="Probability">The share of requests faulted.</param>
internal sealed record SoakSettings(int Seed, int Records, int Cycles, double Probability)
{
    /// <summary>Cycles allowed after the faults stop for a cycle to write nothing.</summary>
    public const int ConvergenceBound = 6;

    public static SoakSettings FromEnvironment() => new(
        Read("SESAMTALK_SOAK_SEED", 20_240_919),
        Read("SESAMTALK_SOAK_RECORDS", 200),
        Read("SESAMTALK_SOAK_CYCLES", 4),
        Read("SESAMTALK_SOAK_PROBABILITY", 0.2));

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"seed {Seed}, {Records} records per system and type, {Cycles} faulted cycles, {Probability:P0} of requests faulted");

    private static T Read<T>(string name, T fallback)
        where T : IParsable<T> =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw new InvalidOperationException($"{name}={text} is not a {typeof(T).Name}.")
            : fallback;
}
