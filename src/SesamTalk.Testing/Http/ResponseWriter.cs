using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Http;

/// <summary>Writes an <see cref="IEmulatorResponse"/> to the connection, or a truncated, unparsable version of it.</summary>
internal static class ResponseWriter
{
    // The emulated systems write apostrophes and non-ASCII text as they are, not as \u escapes.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext http, IEmulatorResponse response, bool corrupt, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }

        if (response.Text is { } text && !corrupt)
        {
            http.Response.ContentType = response.TextContentType;
            await http.Response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (response.Body is null && !corrupt)
        {
            return;
        }

        var json = response.Body?.ToJsonString(JsonOptions) ?? response.Text ?? "{}";
        if (corrupt)
        {
            // Half a document never parses; a 204 becomes a 200 so that it can carry the broken body.
            json = json[..(json.Length / 2)];
            http.Response.StatusCode = response.Status == StatusCodes.Status204NoContent ? StatusCodes.Status200OK : response.Status;
        }

        http.Response.ContentType = response.Body is null && response.Text is not null ? response.TextContentType : response.ContentType;
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
    }
}
