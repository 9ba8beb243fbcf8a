using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// <c>POST /{type}/read</c> with <c>{"ids": ["…", …]}</c>: up to <see cref="MaxIds"/> records by id in one call, each
/// once in the order asked, tombstones included (<c>"deleted": true</c>); an id without a record is left out.
/// </summary>
internal sealed class ReadManyHandlers(CustomApi api)
{
    /// <summary>The most ids one read takes.</summary>
    public const int MaxIds = 100;

    private const string Shape = "The body must be {\"ids\": [\"id\", ...]} with 1 to 100 ids, each a non-empty string.";

    public async Task<CustomResponse> ReadManyAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        if (body["ids"] is not JsonArray { Count: > 0 and <= MaxIds } ids
            || ids.Any(id => id is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0))
        {
            throw Problems.BadRequest("malformed-read", Shape, request.Instance, type);
        }

        var records = new JsonArray();
        foreach (var id in ids.Select(id => id!.GetValue<string>()).Distinct(StringComparer.Ordinal))
        {
            if (await api.Store.GetAsync(type, id, cancellationToken).ConfigureAwait(false) is { } record)
            {
                records.Add(RecordJson.Write(record));
            }
        }

        return new CustomResponse(StatusCodes.Status200OK, new JsonObject { ["records"] = records });
    }
}
