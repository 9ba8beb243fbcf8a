namespace SesamTalk;

/// <summary>How a link came about.</summary>
public enum SyncLinkProvenance
{
    /// <summary>The engine created the counterpart record.</summary>
    CreatedBySync = 0,

    /// <summary>The engine found the counterpart by a match key.</summary>
    MatchedOnKey = 1,

    /// <summary>A person or the host linked the records by hand.</summary>
    LinkedByHand = 2,

    /// <summary>The engine followed a reference from a linked record (e.g. the invoice of a linked order).</summary>
    MatchedByReference = 3,
}
