namespace SesamTalk.Connectors.Engine;

/// <summary>The outcome of a match-key lookup: the one match, or how many candidates there were.</summary>
/// <typeparam name="T">What a match is (a host id, a remote record).</typeparam>
/// <param name="Record">The one free match, or null.</param>
/// <param name="Key">The match key that found the candidates (null for a match by content).</param>
/// <param name="Candidates">How many records the key found.</param>
/// <param name="Ids">Their ids.</param>
internal sealed record Match<T>(T? Record, string? Key, int Candidates, IReadOnlyList<string> Ids)
{
    /// <summary>The one candidate is linked to another record already.</summary>
    public bool Taken { get; init; }

    /// <summary>Nothing matched.</summary>
    public static Match<T> None { get; } = new(default, null, 0, []);
}
