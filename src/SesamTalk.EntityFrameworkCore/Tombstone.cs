namespace SesamTalk.EntityFrameworkCore;

/// <summary>A row of <c>sesamtalk_tombstones</c>: a synced record's delete, at its own change position.</summary>
internal sealed class Tombstone
{
    /// <summary>The delete's change position; unique, as every position the clock hands out is.</summary>
    public long Stamp { get; set; }

    /// <summary>The synced entity's name in the sync model.</summary>
    public string Entity { get; set; } = "";

    /// <summary>The deleted record's key in its invariant text form.</summary>
    public string Id { get; set; } = "";
}
