namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// What the engine last read and last wrote on each side of one link, as mapper fingerprints. Comparing a new read
/// with <see cref="LocalWritten"/> or <see cref="RemoteWritten"/> tells an echo of the engine's own write from a real change.
/// </summary>
/// <param name="LocalRead">The fingerprint of the host record as last read, or <see langword="null"/>.</param>
/// <param name="LocalWritten">The fingerprint of what the engine last wrote to the host, or <see langword="null"/>.</param>
/// <param name="RemoteRead">The fingerprint of the remote record as last read, or <see langword="null"/>.</param>
/// <param name="RemoteWritten">The fingerprint of what the engine last wrote to the remote system, or <see langword="null"/>.</param>
/// <param name="Agreed">
/// The per-field state both sides held after the last sync (the engine's encoding), or <see langword="null"/> before the
/// first one: what a field-level merge compares each side's new values with.
/// </param>
public sealed record LinkFingerprints(string? LocalRead, string? LocalWritten, string? RemoteRead, string? RemoteWritten, string? Agreed = null)
{
    /// <summary>No fingerprints yet (a new or hand-made link).</summary>
    public static LinkFingerprints None { get; } = new(null, null, null, null);

    /// <summary>The per-field state both sides held after the last sync (the engine's encoding), or <see langword="null"/> before the first one.</summary>
    public string? Agreed
    {
        get => field ??= AgreedValue?.ToString();
        init
        {
            field = value;
            AgreedValue = null; // a copy given another agreed state must not write the one it was copied from
        }
    } = Agreed;

    /// <summary>
    /// The agreed state as the engine holds it, when the fingerprints were made with one: a SQLite batch writes it into
    /// its UTF-8 JSON as it is, and its text (<see cref="Agreed"/>) is made only when something asks for it.
    /// </summary>
    internal IUtf8JsonValue? AgreedValue { get; private init; }

    /// <summary>Fingerprints whose agreed state is written from <paramref name="agreed"/>, which must not change afterwards.</summary>
    internal static LinkFingerprints WithAgreedState(string? localRead, string? localWritten, string? remoteRead, string? remoteWritten, IUtf8JsonValue agreed) =>
        new(localRead, localWritten, remoteRead, remoteWritten) { AgreedValue = agreed };

    /// <inheritdoc />
    public bool Equals(LinkFingerprints? other) =>
        other is not null
        && LocalRead == other.LocalRead
        && LocalWritten == other.LocalWritten
        && RemoteRead == other.RemoteRead
        && RemoteWritten == other.RemoteWritten
        && Agreed == other.Agreed;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LocalRead, LocalWritten, RemoteRead, RemoteWritten, Agreed);
}
