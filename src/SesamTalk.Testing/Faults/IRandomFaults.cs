namespace SesamTalk.Testing.Faults;

/// <summary>The seeded random fault mode every emulator has, for soak tests that fault all systems at once.</summary>
public interface IRandomFaults
{
    /// <summary>
    /// The random faults played since the last <see cref="InjectRandomFaults"/>, per kind: every kind the emulator can
    /// draw, zeros included. Explicitly injected faults are not counted.
    /// </summary>
    IReadOnlyDictionary<RandomFaultKind, int> FaultCounts { get; }

    /// <summary>
    /// From now on each request, when no injected fault is pending for it, draws a fault as <paramref name="options"/>
    /// says; a second call starts over with the new options and zero counts.
    /// </summary>
    /// <exception cref="ArgumentException">A kind the emulator does not have, or a probability outside 0 to 1.</exception>
    void InjectRandomFaults(RandomFaultOptions options);

    /// <summary>Stops drawing random faults; <see cref="FaultCounts"/> keeps its figures.</summary>
    void StopRandomFaults();
}
