using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>Turns Salesforce's error bodies (<c>[{"message","errorCode","fields"}]</c>) into <see cref="SalesforceApiException"/>.</summary>
internal static class SalesforceErrors
{
    public static async Task<SalesforceApiException> ReadAsync(HttpResponseMessage response, string? recordId, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().FirstOrDefault() : document.RootElement;
            if (error.ValueKind == JsonValueKind.Object)
            {
                var fields = error.TryGetProperty("fields", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(f => f.GetString() ?? "").ToList()
                    : [];
                return new SalesforceApiException(response.StatusCode, Text(error, "errorCode") ?? Text(error, "error") ?? "UNKNOWN", Text(error, "message") ?? Text(error, "error_description") ?? "", fields, recordId);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a cut-off body): report what came back, shortened.
        }

        return new SalesforceApiException(response.StatusCode, SystemApiException.UnreadableResponse, SystemApiException.Excerpt(body), [], recordId);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
