using System.Text;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Http;

namespace SesamTalk.Testing.ExactOnline.OData;

/// <summary>
/// Serves one page of an ordered collection: <c>{"d":{"results":[…],"__next":"…"}}</c> with <c>__next</c> only when
/// more rows follow, or the bare array <c>{"d":[…]}</c> when the request has <c>$top</c>.
/// </summary>
internal static class Paging
{
    public static ApiResponse Page<T>(
        ApiRequest request, IEnumerable<T> rows, int pageSize, int? top, string collectionUrl, Func<T, JsonNode> json, Func<T, string> skipToken)
    {
        if (top is { } count)
        {
            return ApiResponse.Data(new JsonArray([.. rows.Take(Math.Min(count, pageSize)).Select(json)]));
        }

        var page = rows.Take(pageSize + 1).ToList();
        var results = page.Take(pageSize).ToList();
        var d = new JsonObject { ["results"] = new JsonArray([.. results.Select(json)]) };
        if (page.Count > pageSize)
        {
            d["__next"] = NextLink(request, collectionUrl, skipToken(results[^1]));
        }

        return ApiResponse.Data(d);
    }

    /// <summary>The request's own URL with its query options and <c>$skiptoken</c> set to continue after the last row.</summary>
    private static string NextLink(ApiRequest request, string collectionUrl, string skipToken)
    {
        var next = new StringBuilder(collectionUrl).Append('?');
        foreach (var (name, value) in request.QueryWithout("$skiptoken"))
        {
            next.Append(name).Append('=').Append(Uri.EscapeDataString(value).Replace("%27", "'", StringComparison.Ordinal)).Append('&');
        }

        return next.Append("$skiptoken=").Append(skipToken).ToString();
    }
}
