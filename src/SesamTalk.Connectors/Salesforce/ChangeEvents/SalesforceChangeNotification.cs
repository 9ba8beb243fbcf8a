namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>
/// One Salesforce change data capture event, decoded: which records of which object changed, how, which fields, when,
/// and the replay id to store so that a later subscription resumes after it.
/// </summary>
/// <param name="Entity">The object's API name (the header's <c>entityName</c>), e.g. <c>Account</c>.</param>
/// <param name="RecordIds">The ids of the changed records (one event can carry several records changed alike in one transaction).</param>
/// <param name="ChangeType">What happened to the records.</param>
/// <param name="ChangedFields">
/// For an update, the fields whose values changed, decoded from the <c>changedFields</c> bitmap (a compound field's parts
/// as <c>BillingAddress.City</c>); empty for creates, deletes and undeletes, whose events carry no such list.
/// </param>
/// <param name="CommitTimestamp">When Salesforce committed the change.</param>
/// <param name="ReplayId">The event's replay id (opaque bytes, base64): pass it to a later subscription to resume after this event.</param>
public sealed record SalesforceChangeNotification(
    string Entity,
    IReadOnlyList<string> RecordIds,
    SalesforceChangeType ChangeType,
    IReadOnlyList<string> ChangedFields,
    DateTimeOffset CommitTimestamp,
    string ReplayId);

/// <summary>The <c>changeType</c> of a change event header.</summary>
public enum SalesforceChangeType
{
    /// <summary>Records were created.</summary>
    Create,

    /// <summary>Records were updated.</summary>
    Update,

    /// <summary>Records were deleted (moved to the Recycle Bin).</summary>
    Delete,

    /// <summary>Records were restored from the Recycle Bin.</summary>
    Undelete,

    /// <summary>A create whose event could not be generated in full (the record must be read).</summary>
    GapCreate,

    /// <summary>An update whose event could not be generated in full (the record must be read).</summary>
    GapUpdate,

    /// <summary>A delete whose event could not be generated in full.</summary>
    GapDelete,

    /// <summary>An undelete whose event could not be generated in full (the record must be read).</summary>
    GapUndelete,

    /// <summary>More changes in one transaction than events can carry: the object must be read in full.</summary>
    GapOverflow,

    /// <summary>A snapshot of the record (an event the org published on request).</summary>
    Snapshot,
}
