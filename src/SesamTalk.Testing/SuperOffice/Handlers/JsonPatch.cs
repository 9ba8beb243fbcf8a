using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Handlers;

/// <summary>
/// Turns an <c>application/json-patch+json</c> body (<c>[{"op":"replace","path":"/Name","value":"…"}]</c>) into the
/// merge patch it amounts to: <c>add</c>/<c>replace</c> set a field (<c>/Country/CountryId</c> sets a carrier's id),
/// <c>remove</c> empties it; other operations are refused.
/// </summary>
internal static class JsonPatch
{
    public static JsonObject ToMergePatch(JsonArray operations)
    {
        var merge = new JsonObject();
        foreach (var operation in operations)
        {
            var op = (string?)operation?["op"];
            var path = ((string?)operation?["path"])?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (op is not ("add" or "replace" or "remove") || path.Length is < 1 or > 2)
            {
                throw SoException.BadRequest($"Unsupported JSON Patch operation '{operation?.ToJsonString()}'.");
            }

            var value = op == "remove" ? null : operation!["value"]?.DeepClone();
            merge[path[0]] = path.Length == 2 ? new JsonObject { [path[1]] = value } : value;
        }

        return merge;
    }
}
