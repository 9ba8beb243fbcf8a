using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.AspNetCore.Tests;

public sealed class MapSesamTalkNotificationsTests
{
    private const int Limit = 1000;

    [Fact]
    public async Task The_receiver_named_by_the_path_gets_the_raw_body_headers_query_and_method()
    {
        var exact = new RecordingReceiver("ExactOnline", SyncWebhookResponse.Accepted);
        var other = new RecordingReceiver("Customcrm", SyncWebhookResponse.Accepted);
        await using var app = await NotificationsApp.StartAsync(Limit, exact, other);
        // Bytes a signature is computed over: not valid UTF-8, with whitespace a JSON re-encoding would drop.
        byte[] body = [0x7B, 0x20, 0xFF, 0xFE, 0x0A, 0x7D, 0x20];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sesamtalk/notifications/exactonline?validation=abc&validation=def")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature", "sig");
        request.Headers.Add("X-Repeated", ["one", "two"]);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(exact.Requests);
        Assert.Empty(other.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal(body, received.Body.ToArray());
        Assert.Equal("sig", received.Headers["x-signature"]);
        Assert.Equal("one, two", received.Headers["X-REPEATED"]); // HttpClient sends repeated values as one line
        Assert.Equal("application/json", received.Headers["Content-Type"]);
        Assert.Equal("abc,def", received.Query["VALIDATION"]);
    }

    [Fact]
    public async Task The_receivers_answer_is_what_the_caller_gets()
    {
        var receiver = new RecordingReceiver("SuperOffice", new SyncWebhookResponse(202, "{\"ok\":true}", "application/json"));
        var forged = new RecordingReceiver("Customcrm", SyncWebhookResponse.Unauthorized);
        await using var app = await NotificationsApp.StartAsync(Limit, receiver, forged);

        using var accepted = await app.Client.PostAsync(new Uri("/sesamtalk/notifications/superoffice", UriKind.Relative), new StringContent("{}"));
        using var refused = await app.Client.PostAsync(new Uri("/sesamtalk/notifications/customcrm", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("application/json", accepted.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"ok\":true}", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, refused.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task An_unknown_system_is_404_and_reaches_no_receiver()
    {
        var receiver = new RecordingReceiver("ExactOnline", SyncWebhookResponse.Accepted);
        await using var app = await NotificationsApp.StartAsync(Limit, receiver);

        using var response = await app.Client.PostAsync(new Uri("/sesamtalk/notifications/exactonlin", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_413_with_or_without_a_content_length(bool withLength)
    {
        var receiver = new RecordingReceiver("ExactOnline", SyncWebhookResponse.Accepted);
        await using var app = await NotificationsApp.StartAsync(Limit, receiver);
        HttpContent content = withLength
            ? new ByteArrayContent(new byte[Limit + 1])
            : new StreamContent(new UnknownLengthStream(new byte[Limit + 1]));

        using var tooLarge = await app.Client.PostAsync(new Uri("/sesamtalk/notifications/exactonline", UriKind.Relative), content);
        using var atLimit = await app.Client.PostAsync(new Uri("/sesamtalk/notifications/exactonline", UriKind.Relative), new ByteArrayContent(new byte[Limit]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(Limit, Assert.Single(receiver.Requests).Body.Length);
    }

    [Fact]
    public async Task Callbacks_pass_a_fallback_policy_that_locks_the_rest_of_the_app()
    {
        await using var app = await NotificationsApp.StartAsync(Limit, new RecordingReceiver("ExactOnline", SyncWebhookResponse.Accepted));

        using var locked = await app.Client.GetAsync(new Uri("/private", UriKind.Relative));
        using var callback = await app.Client.PostAsync(new Uri("/sesamtalk/notifications/exactonline", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
    }

    [Fact]
    public async Task Two_receivers_with_one_name_are_refused_when_mapping()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NotificationsApp.StartAsync(
            Limit, new RecordingReceiver("Customcrm", SyncWebhookResponse.Accepted), new RecordingReceiver("customcrm", SyncWebhookResponse.Accepted)));

        Assert.Contains("'customcrm'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream that does not tell its length, so the client sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
