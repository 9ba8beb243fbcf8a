using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>
/// <c>POST /{type}/search</c> with <c>{"match": {"Field": value}}</c>, or with <c>{"anyOf": [{"Field": value}, …]}</c>
/// for up to <see cref="MaxCriteria"/> matches in one call: every live record that matches all fields of the match (of
/// any one of them), once each, by id, so callers see ambiguity.
/// </summary>
internal sealed class SearchHandlers(CustomApi api)
{
    /// <summary>The most matches one <c>anyOf</c> search takes.</summary>
    public const int MaxCriteria = 100;

    private const string Shape = "The body must be {\"match\": {\"Field\": value, ...}} or {\"anyOf\": [{\"Field\": value, ...}, ...]} with 1 to 100 matches, each with at least one field.";

    public async Task<CustomResponse> SearchAsync(CustomRequest request, CancellationToken cancellationToken)
    {
        var type = api.Type(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var matches = (body["match"], body["anyOf"]) switch
        {
            (JsonObject { Count: > 0 } match, null) => [match],
            (null, JsonArray { Count: > 0 and <= MaxCriteria } anyOf) when anyOf.All(m => m is JsonObject { Count: > 0 }) => anyOf.Select(m => (JsonObject)m!).ToList(),
            _ => throw Problems.BadRequest("malformed-search", Shape, request.Instance, type),
        };

        var errors = new List<CustomFieldError>();
        var criteria = matches.Select(match => Criteria(type, match, errors)).ToList();
        if (errors.Count > 0)
        {
            var distinct = errors.DistinctBy(e => (e.Field, e.Code)).ToList();
            return Problems.Create(
                StatusCodes.Status400BadRequest, "validation", "The search is not valid.",
                string.Join(" ", distinct.Select(e => e.Message)), request.Instance, type, null, distinct);
        }

        var hits = new Dictionary<string, CustomRecord>(StringComparer.Ordinal);
        foreach (var match in criteria)
        {
            foreach (var hit in await api.Store.SearchAsync(type, match, cancellationToken).ConfigureAwait(false))
            {
                hits.TryAdd(hit.Id, hit);
            }
        }

        return new CustomResponse(StatusCodes.Status200OK, new JsonObject
        {
            ["records"] = new JsonArray([.. hits.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => (JsonNode)RecordJson.Write(r))]),
        });
    }

    private Dictionary<string, JsonNode?> Criteria(string type, JsonObject match, List<CustomFieldError> errors)
    {
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

        return criteria;
    }
}
