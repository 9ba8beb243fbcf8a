using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary><c>POST /{type}/search</c> with <c>{"match": {"Field": value}}</c>: every live record that matches all fields, so callers see ambiguity.</summary>
internal sealed class SearchHandlers(CustomApi api)
{
    public async Task<CustomResponse> SearchAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        if (body["match"] is not JsonObject { Count: > 0 } match)
        {
            throw Problems.BadRequest("malformed-search", "The body must be {\"match\": {\"Field\": value, ...}} with at least one field.", request.Instance, type);
        }

        var errors = new List<CustomFieldError>();
        var criteria = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, value) in match)
        {
            if (!api.HasField(type, field))
            {
                errors.Add(new(field, "unknown-field", $"{type} has no field '{field}'."));
            }
            else if (value is JsonObject or JsonArray)
            {
                errors.Add(new(field, "invalid-type", $"Match values are text, numbers, booleans or null; '{field}' is not."));
            }
            else
            {
                criteria[field] = value?.DeepClone();
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Create(
                StatusCodes.Status400BadRequest, "validation", "The search is not valid.",
                string.Join(" ", errors.Select(e => e.Message)), request.Instance, type, null, errors);
        }

        var hits = await api.Store.SearchAsync(type, criteria, cancellationToken).ConfigureAwait(false);
        return new CustomResponse(StatusCodes.Status200OK, new JsonObject
        {
            ["records"] = new JsonArray([.. hits.Select(r => (JsonNode)RecordJson.Write(r))]),
        });
    }
}
