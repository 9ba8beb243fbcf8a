using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// <c>GET /{type}/changes?cursor=&amp;limit=</c>: keyset pages of the change feed, ordered by (modifiedAt, id), tombstones
/// included. Only records stamped before the current millisecond are listed, so a write can never land behind a
/// cursor already handed out.
/// </summary>
internal sealed class ChangeHandlers(CustomApi api)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public async Task<CustomResponse> ChangesAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        var limit = Limit(request, type);
        var cursorText = request.Query("cursor");
        ChangeCursor? after = null;
        if (!string.IsNullOrEmpty(cursorText))
        {
            after = ChangeCursor.TryDecode(cursorText, out var cursor)
                ? cursor
                : throw Problems.BadRequest("invalid-cursor", "The cursor is not one this system issued; start again without a cursor.", request.Instance, type);
        }

        var horizon = RecordJson.TruncateToMillisecond(api.Clock.GetUtcNow());
        var records = await api.Store.ListChangesAsync(type, after, horizon, limit + 1, cancellationToken).ConfigureAwait(false);
        var page = records.Take(limit).ToList();
        var next = page.Count > 0 ? page[^1].Position.Encode() : cursorText ?? "";
        return new CustomResponse(StatusCodes.Status200OK, new JsonObject
        {
            ["records"] = new JsonArray([.. page.Select(r => (JsonNode)RecordJson.Write(r))]),
            ["nextCursor"] = next,
            ["hasMore"] = records.Count > limit,
        });
    }

    private static int Limit(CustomRequest request, string type)
    {
        var text = request.Query("limit");
        if (string.IsNullOrEmpty(text))
        {
            return DefaultLimit;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit
            ? limit
            : throw Problems.BadRequest("invalid-limit", $"The limit must be a whole number from 1 to {MaxLimit}.", request.Instance, type);
    }
}
