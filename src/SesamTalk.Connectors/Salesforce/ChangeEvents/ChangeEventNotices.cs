using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>
/// Turns a response's change events into the engine's notifications: one <see cref="ISyncChangeNotifications.RemoteChanged"/>
/// per object with the records its events name (creates, updates, deletes, undeletes alike: each is a record to read
/// again). An event that does not say which records changed makes it "read since the cursor" (no ids): a gap event
/// (<c>GAP_CREATE</c>, <c>GAP_UPDATE</c>, <c>GAP_DELETE</c>, <c>GAP_UNDELETE</c>: Salesforce could not generate the
/// change event), an overflow event (<c>GAP_OVERFLOW</c>: no record ids), and an event whose record ids are a key prefix
/// and a wildcard (<c>001*</c>, after a field type conversion) or none.
/// </summary>
internal static class ChangeEventNotices
{
    /// <summary>Passes <paramref name="changes"/> on, each object under the remote type a flow names it by.</summary>
    /// <param name="system">The org's instance name.</param>
    /// <param name="remoteTypes">The subscribed types by name, case-insensitively.</param>
    /// <param name="changes">One response's notifications.</param>
    /// <param name="notifications">The engine's inbox.</param>
    public static void Pass(string system, IReadOnlyDictionary<string, string> remoteTypes, IReadOnlyList<SalesforceChangeNotification> changes, ISyncChangeNotifications notifications)
    {
        foreach (var entity in changes.GroupBy(c => c.Entity, StringComparer.OrdinalIgnoreCase))
        {
            string[] ids = entity.Any(NamesNoRecords) ? [] : [.. entity.SelectMany(c => c.RecordIds).Distinct(StringComparer.Ordinal)];
            notifications.RemoteChanged(new SyncTarget(system, remoteTypes.GetValueOrDefault(entity.Key, entity.Key)), ids);
        }
    }

    private static bool NamesNoRecords(SalesforceChangeNotification change) =>
        change.ChangeType is SalesforceChangeType.GapCreate or SalesforceChangeType.GapUpdate or SalesforceChangeType.GapDelete
            or SalesforceChangeType.GapUndelete or SalesforceChangeType.GapOverflow
        || change.RecordIds.Count == 0
        || change.RecordIds.Any(id => id.EndsWith('*'));
}
