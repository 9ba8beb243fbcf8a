namespace SesamTalk;

/// <summary>What a planned write does.</summary>
public enum SyncChangeKind
{
    /// <summary>Creates a record.</summary>
    Create = 0,

    /// <summary>Updates fields of a linked record (fields both sides changed are listed as <see cref="Conflict"/> instead).</summary>
    Update = 1,

    /// <summary>Deletes (or soft-deletes) a linked record.</summary>
    Delete = 2,

    /// <summary>Links two existing records found by a match key.</summary>
    Link = 3,

    /// <summary>
    /// Both sides changed a field to different values; the field's rule decides. One entry per field and winner: the
    /// field is in <see cref="SyncPlannedChange.Fields"/>, the side that wins in <see cref="SyncPlannedChange.Winner"/>,
    /// and its value would be written on <see cref="SyncPlannedChange.Side"/>.
    /// </summary>
    Conflict = 4,

    /// <summary>A link is dropped (a delete the flow's policy does not pass on).</summary>
    Unlink = 5,

    /// <summary>The record would be set aside with an error (a bad value, an ambiguous match, a missing reference).</summary>
    Quarantine = 6,
}
