using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>
/// getUpdated and getDeleted: ids changed or deleted in a window. The seconds of <c>start</c> and <c>end</c> are dropped
/// and both minutes are included, so a change made in the current minute is listed when <c>end</c> is now. Windows reach
/// back at most 30 (updated) or 15 (deleted) days. <c>latestDateCovered</c> (the end asked for, or the current minute if
/// that is earlier) is where the next window should start; it does not filter the ids, so the next window lists this
/// minute's changes again, as the documented overlap says ("even if it requires processing data redundantly").
/// </summary>
internal sealed class ReplicationHandlers(SalesforceOrg org)
{
    public Task<ApiResponse> UpdatedAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = SObjectHandlers.ObjectType(org, request);
        var window = Window(request, TimeSpan.FromDays(30));
        lock (org.Records.Gate)
        {
            // getUpdated keys on SystemModstamp; records that are deleted now are reported by getDeleted instead.
            var ids = org.Records.OfType(schema)
                .Where(r => !r.IsDeleted && window.Contains(r.SystemModstamp))
                .OrderBy(r => r.SystemModstamp)
                .Select(r => (JsonNode)r.Id);
            return Task.FromResult(ApiResponse.Ok(new JsonObject
            {
                ["ids"] = new JsonArray([.. ids]),
                ["latestDateCovered"] = SalesforceDate.FormatDateTime(window.Covered),
            }));
        }
    }

    public Task<ApiResponse> DeletedAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = SObjectHandlers.ObjectType(org, request);
        var window = Window(request, TimeSpan.FromDays(15));
        // The delete log keeps 15 days, or less once purged.
        var rolling = SalesforceDate.TruncateToMinute(org.Clock.GetUtcNow()) - TimeSpan.FromDays(15);
        var earliest = org.DeleteLogPurgedAt > rolling ? SalesforceDate.TruncateToMinute(org.DeleteLogPurgedAt) : rolling;
        if (window.Start < earliest)
        {
            throw ReplicationDate("startDate is before the earliest date available for replication");
        }

        lock (org.Records.Gate)
        {
            var deleted = org.Records.OfType(schema)
                .Where(r => r.DeletedDate is { } at && window.Contains(at))
                .OrderBy(r => r.DeletedDate)
                .Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = r.Id,
                    ["deletedDate"] = SalesforceDate.FormatDateTime(r.DeletedDate!.Value),
                });
            return Task.FromResult(ApiResponse.Ok(new JsonObject
            {
                ["deletedRecords"] = new JsonArray([.. deleted]),
                ["earliestDateAvailable"] = SalesforceDate.FormatDateTime(earliest),
                ["latestDateCovered"] = SalesforceDate.FormatDateTime(window.Covered),
            }));
        }
    }

    private ReplicationWindow Window(ApiRequest request, TimeSpan reach)
    {
        if (!SalesforceDate.TryParseDateTime(request.Query("start"), out var start)
            || !SalesforceDate.TryParseDateTime(request.Query("end"), out var end))
        {
            throw ApiException.BadRequest("MISSING_ARGUMENT", "start and end must be given as datetimes, e.g. 2024-09-10T14:20:00+00:00");
        }

        var now = SalesforceDate.TruncateToMinute(org.Clock.GetUtcNow());
        start = SalesforceDate.TruncateToMinute(start);
        end = SalesforceDate.TruncateToMinute(end);
        if (start >= end)
        {
            throw ReplicationDate("startDate must chronologically precede endDate by more than one minute");
        }

        if (start < now - reach)
        {
            throw ReplicationDate($"startDate cannot be more than {reach.TotalDays} days ago");
        }

        return new ReplicationWindow(start, end, end < now ? end : now);
    }

    private static ApiException ReplicationDate(string message) =>
        new(ApiResponse.Error(StatusCodes.Status400BadRequest, "INVALID_REPLICATION_DATE", message));
}
