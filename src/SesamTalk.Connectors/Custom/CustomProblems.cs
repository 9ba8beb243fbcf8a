using System.Text.Json;

namespace SesamTalk.Connectors.Custom;

/// <summary>Turns the contract's problem+json error bodies into <see cref="CustomSystemException"/>.</summary>
internal static class CustomProblems
{
    public static async Task<CustomSystemException> ReadAsync(string system, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(system, response.StatusCode, document.RootElement);
        }
        catch (JsonException)
        {
            return new CustomSystemException(system, response.StatusCode, "unreadable-response", SystemApiException.Excerpt(body), null, null, []);
        }
    }

    /// <summary>The exception for one problem object (a whole response's body or a batch item's).</summary>
    public static CustomSystemException Read(string system, System.Net.HttpStatusCode status, JsonElement problem)
    {
        var fields = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors.EnumerateArray().Select(e => Text(e, "field") ?? "").ToList()
            : [];
        return new CustomSystemException(system, status, Text(problem, "code") ?? "unknown", Text(problem, "detail") ?? Text(problem, "title") ?? "", Text(problem, "recordType"), Text(problem, "recordId"), fields);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
