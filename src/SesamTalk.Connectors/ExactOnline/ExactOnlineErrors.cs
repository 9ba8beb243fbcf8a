using System.Text.Json;
using System.Text.RegularExpressions;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>Turns Exact's error bodies (<c>{"error":{"code","message":{"lang","value"}}}</c>) into <see cref="ExactOnlineApiException"/>.</summary>
internal static partial class ExactOnlineErrors
{
    public static async Task<ExactOnlineApiException> ReadAsync(HttpResponseMessage response, string? entitySet, string? recordId, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                var message = error.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.Object ? Text(text, "value") : Text(error, "message");
                return new ExactOnlineApiException(response.StatusCode, Text(error, "code") ?? "", message ?? "", entitySet, recordId);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a cut-off body): report what came back, shortened.
        }

        return new ExactOnlineApiException(response.StatusCode, SystemApiException.UnreadableResponse, SystemApiException.Excerpt(body), entitySet, recordId);
    }

    /// <summary>
    /// The fields a business-rule message names (<c>Mandatory: OrderedBy</c>, <c>Name: Value is too long…</c>,
    /// <c>The property 'X' is read-only…</c>); Exact's error body has no field list of its own.
    /// </summary>
    public static IReadOnlyList<string> Fields(string message) =>
        FieldPattern().Match(message) is { Success: true } match ? [match.Groups["field"].Value] : [];

    [GeneratedRegex(@"^Mandatory: (?<field>\w+)|^(?<field>\w+): |property(?: name)? '(?<field>\w+)'", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPattern();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
