using SesamTalk.Testing.Salesforce.Data;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>
/// A getUpdated or getDeleted window: <see cref="Start"/> and <see cref="End"/> are whole minutes (the API drops the
/// seconds), and a change belongs to the window when its minute is one of them or lies between them.
/// </summary>
/// <param name="Start">The first minute of the window.</param>
/// <param name="End">The last minute of the window.</param>
/// <param name="Covered">What <c>latestDateCovered</c> reports: <see cref="End"/>, or the current minute when that is earlier.</param>
internal sealed record ReplicationWindow(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Covered)
{
    public bool Contains(DateTimeOffset change)
    {
        var minute = SalesforceDate.TruncateToMinute(change);
        return minute >= Start && minute <= End;
    }
}
