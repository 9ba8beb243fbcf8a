using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>
/// Posts one payload once, as NetServer does: JSON body, <c>User-Agent: NetServer-Webhook/…</c>, the event name, event
/// id and retry number headers, <c>X-SuperOffice-Signature</c> (base64 HMAC-SHA256 of the raw body keyed with the
/// UTF-8 secret) when the webhook has a secret, and the webhook's own headers. Only 200 counts as delivered.
/// </summary>
internal sealed class WebhookPoster(TimeSpan timeout) : IDisposable
{
    public const string UserAgent = "NetServer-Webhook/10.3.5.0";

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = timeout };

    /// <summary>Posts <paramref name="delivery"/> to <paramref name="webhook"/>; null when it got 200, else what went wrong.</summary>
    public async Task<string?> PostAsync(WebhookDefinition webhook, WebhookDelivery delivery, int retry, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.TargetUrl) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add("X-SuperOffice-Event", delivery.Event);
        request.Headers.Add("X-SuperOffice-EventId", delivery.EventId);
        request.Headers.Add("X-SuperOffice-Retry", retry.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(webhook.Secret))
        {
            request.Headers.Add("X-SuperOffice-Signature", Sign(webhook.Secret, delivery.Body));
        }

        foreach (var (name, value) in webhook.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.StatusCode == System.Net.HttpStatusCode.OK
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{webhook.TargetUrl} answered HTTP {(int)response.StatusCode}.");
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"{webhook.TargetUrl} could not be reached: {error.Message}";
        }
    }

    public static string Sign(string secret, byte[] body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public void Dispose() => _http.Dispose();
}
