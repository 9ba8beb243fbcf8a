using System.Net;
using System.Text.Json;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// The SuperOffice WebAPI refused a call or answered something unreadable: the HTTP status, SuperOffice's
/// <c>ErrorType</c> as <see cref="SystemApiException.ErrorCode"/> (e.g. <c>SoNotFoundException</c>;
/// <see cref="SystemApiException.MalformedResponse"/> or <see cref="SystemApiException.UnreadableResponse"/> for bodies that are not SuperOffice's), its
/// message, the field it names, and the entity (<see cref="SystemApiException.RecordType"/>) and record concerned when
/// there are any. Branch on <see cref="SystemApiException.Status"/>: SuperOffice documents the status, not the error texts.
/// </summary>
public sealed class SuperOfficeApiException : SystemApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorType">SuperOffice's <c>ErrorType</c>, or <see cref="SystemApiException.MalformedResponse"/> / <see cref="SystemApiException.UnreadableResponse"/>.</param>
    /// <param name="remoteMessage">SuperOffice's <c>ErrorMessage</c>.</param>
    /// <param name="entity">The entity called, if any.</param>
    /// <param name="recordId">The record concerned, if any.</param>
    public SuperOfficeApiException(HttpStatusCode status, string errorType, string remoteMessage, string? entity, string? recordId)
        : base("SuperOffice", status, errorType, remoteMessage, entity, recordId, SuperOfficeErrorFields.Of(remoteMessage))
    {
    }

    /// <summary>Reads SuperOffice's error body (<c>{"Error":true,"ErrorType","ErrorMessage","ErrorSource"}</c>).</summary>
    internal static async Task<SuperOfficeApiException> ReadAsync(HttpResponseMessage response, string? entity, string? recordId, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && (Text(root, "ErrorType") is not null || Text(root, "ErrorMessage") is not null || Text(root, "Message") is not null))
            {
                return new SuperOfficeApiException(response.StatusCode, Text(root, "ErrorType") ?? "", Text(root, "ErrorMessage") ?? Text(root, "Message") ?? "", entity, recordId);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a cut-off body): report what came back, shortened.
        }

        return new SuperOfficeApiException(response.StatusCode, UnreadableResponse, Excerpt(body), entity, recordId);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
