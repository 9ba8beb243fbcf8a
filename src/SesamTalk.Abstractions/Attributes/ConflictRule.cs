namespace SesamTalk;

/// <summary>How a field resolves when both sides changed it since the last cycle. An empty value never overwrites a value.</summary>
public enum ConflictRule
{
    /// <summary>The side with the later modification time wins.</summary>
    LatestWins = 0,

    /// <summary>The host's value always wins.</summary>
    LocalWins = 1,

    /// <summary>The remote system's value always wins.</summary>
    RemoteWins = 2,
}
