using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Http;

namespace SesamTalk.Testing.ExactOnline.Handlers;

/// <summary><c>GET /api/v1/current/Me</c>: the user behind the token and the division API calls should use, as a one-row collection.</summary>
internal sealed class MeHandler(ExactOnlineDivision division)
{
    private const string MeType = "Exact.Web.Api.System.Me";

    public Task<ApiResponse> GetAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var all = new JsonObject
        {
            ["CurrentDivision"] = division.Number,
            ["FullName"] = ExactOnlineDivision.UserFullName,
            ["UserID"] = division.UserId.ToString(),
            ["UserName"] = "integration@sesamtalk.example",
            ["Email"] = "integration@sesamtalk.example",
            ["LanguageCode"] = "en-US",
        };
        var row = new JsonObject
        {
            ["__metadata"] = EntityJson.Metadata($"{division.Urls.BaseUrl}api/v1/current/Me(guid'{division.UserId}')", MeType),
        };
        var selected = (request.Query("$select") ?? "*").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in selected.Contains("*") ? all.Select(p => p.Key).ToList() : [.. selected])
        {
            row[name] = all.TryGetPropertyValue(name, out var value)
                ? value?.DeepClone()
                : throw ApiException.BadRequest(ExactMessages.NoProperty(name, MeType, 0));
        }

        return Task.FromResult(ApiResponse.Data(new JsonObject { ["results"] = new JsonArray(row) }));
    }
}
