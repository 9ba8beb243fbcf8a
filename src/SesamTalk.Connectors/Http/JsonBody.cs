using System.Text.Json;

namespace SesamTalk.Connectors.Http;

/// <summary>
/// Checks that a successful JSON answer carries a whole JSON document, so that a truncated or garbled body counts as a
/// failed try of the request (see <see cref="RetryHandler"/>) rather than as a failure of the page or batch that sent it.
/// </summary>
internal static class JsonBody
{
    /// <summary>Set on a request by its latest try: whether the answer was a success whose JSON body does not parse.</summary>
    public static readonly HttpRequestOptionsKey<bool> Malformed = new("SesamTalk.MalformedJson");

    /// <summary>
    /// Buffers the body of a 2xx answer declared as JSON (<c>application/json</c>, <c>text/json</c>, <c>*+json</c>) and
    /// says whether it fails to parse; other answers and empty bodies are not looked at. The buffered body can still be
    /// read by the caller.
    /// </summary>
    public static async Task<bool> IsMalformedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode || !IsJson(response.Content.Headers.ContentType?.MediaType))
        {
            return false;
        }

        // Reading the content buffers it: the caller reads it again from the buffer.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return body.Length > 0 && !Parses(body);
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool Parses(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
