using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.OData;

namespace SesamTalk.Testing.ExactOnline.Handlers;

/// <summary>
/// The sync API: <c>sync/{service}/{Entity}</c> and <c>sync/Deleted</c> return rows ordered by <c>Timestamp</c>
/// (a rowversion, new on every write), the only filter being <c>Timestamp gt n</c>, in pages of 1,000.
/// </summary>
internal sealed partial class SyncHandlers(ExactOnlineDivision division)
{
    private const string DeletedType = "Exact.Web.Api.Models.Sync.Deleted";
    private static readonly string[] DeletedFields = ["Timestamp", "DeletedBy", "DeletedDate", "Division", "EntityKey", "EntityType", "ID"];

    public Task<ApiResponse> EntitiesAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = division.Catalog.FindBySyncPath(request.Route("service"), request.Route("entity"))
            ?? throw new ApiException(ApiResponse.Error(StatusCodes.Status404NotFound, ExactMessages.NotFoundSegment(request.Route("entity"))));
        var options = QueryOptions.Parse(request, schema, sync: true);
        var after = After(request, options);
        lock (division.Records.Gate)
        {
            var rows = division.Records.ChangedAfter(schema, after);
            var json = division.Json;
            return Task.FromResult(Paging.Page(
                request, rows, division.Options.SyncPageSize, options.Top, division.Urls.SyncCollection(schema),
                r => json.SyncRow(r, options.Projection), r => Token(r.Timestamp)));
        }
    }

    public Task<ApiResponse> DeletedAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var selected = (request.Query("$select") ?? "*").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (selected.FirstOrDefault(n => n != "*" && !DeletedFields.Contains(n, StringComparer.Ordinal)) is { } unknown)
        {
            return Task.FromResult(ApiResponse.BadRequest(ExactMessages.NoProperty(unknown, DeletedType, 0)));
        }

        var fields = selected.Contains("*") ? DeletedFields : selected;
        var after = After(request, null);
        var collection = division.Urls.Root + "sync/Deleted";
        lock (division.Records.Gate)
        {
            var rows = division.Records.DeletedAfter(after);
            return Task.FromResult(Paging.Page(
                request, rows, division.Options.SyncPageSize, Top(request), collection,
                d => Deleted(d, fields, ResourceUrls.SyncRow(collection, d.Timestamp)), d => Token(d.Timestamp)));
        }
    }

    private JsonObject Deleted(DeletedEntry entry, IEnumerable<string> fields, string uri)
    {
        var all = new Dictionary<string, JsonNode?>
        {
            ["Timestamp"] = entry.Timestamp,
            ["DeletedBy"] = entry.DeletedBy.ToString(),
            ["DeletedDate"] = ExactDate.Format(entry.DeletedDate),
            ["Division"] = division.Number,
            ["EntityKey"] = entry.EntityKey.ToString(),
            ["EntityType"] = entry.EntityType,
            ["ID"] = entry.Id.ToString(),
        };
        var json = new JsonObject { ["__metadata"] = EntityJson.Metadata(uri, DeletedType) };
        foreach (var name in fields)
        {
            json[name] = all[name];
        }

        return json;
    }

    /// <summary>The Timestamp to continue after: from <c>$filter=Timestamp gt n</c> and any <c>$skiptoken</c>.</summary>
    private static long After(ApiRequest request, QueryOptions? options)
    {
        var after = 0L;
        if (request.Query("$filter") is { Length: > 0 } filter)
        {
            var match = TimestampFilter().Match(filter);
            after = match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw ApiException.BadRequest(ExactMessages.SyncFilter);
        }

        var token = options?.SkipToken ?? request.Query("$skiptoken");
        if (token is not null)
        {
            var match = TimestampToken().Match(token);
            after = Math.Max(after, match.Success
                ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw ApiException.BadRequest($"Bad Request - Error in query syntax. The skip token '{token}' is not valid."));
        }

        return after;
    }

    private static int? Top(ApiRequest request) =>
        request.Query("$top") is { } top && int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Token(long timestamp) => timestamp.ToString(CultureInfo.InvariantCulture) + "L";

    [GeneratedRegex(@"^\s*Timestamp\s+gt\s+(\d+)L?\s*$")]
    private static partial Regex TimestampFilter();

    [GeneratedRegex(@"^(\d+)L?$")]
    private static partial Regex TimestampToken();
}
