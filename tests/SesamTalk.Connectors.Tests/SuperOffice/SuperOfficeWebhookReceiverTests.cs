using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>The receiver on its own, fed the recorded payload: signatures are computed here, independently of the code under test.</summary>
public sealed class SuperOfficeWebhookReceiverTests
{
    [Fact]
    public async Task A_signed_event_of_the_tenant_tells_the_engine_which_record_changed()
    {
        await using var host = await SuperOfficeWebhookHost.StartAsync();
        var body = Payload();

        var response = await host.Receiver.ReceiveAsync(Post(body, Sign(SuperOfficeWebhookHost.Secret, body)), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        var change = Assert.Single(host.Notifications.Changes);
        Assert.Equal(new SyncTarget("SuperOffice", "Contact"), change.Target);
        Assert.Equal(["18"], change.Ids);
    }

    [Theory]
    [InlineData("another secret")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_post_not_signed_with_the_secret_is_refused_with_401_and_notifies_nothing(string? secret)
    {
        await using var host = await SuperOfficeWebhookHost.StartAsync();
        var body = Payload();

        var response = await host.Receiver.ReceiveAsync(Post(body, secret is null ? null : Sign(secret, body)), CancellationToken.None);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Notifications.Notices);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        await using var host = await SuperOfficeWebhookHost.StartAsync();
        var signature = Sign(SuperOfficeWebhookHost.Secret, Payload());

        var response = await host.Receiver.ReceiveAsync(Post(Payload(primaryKey: 19), signature), CancellationToken.None);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Notifications.Notices);
    }

    [Fact]
    public async Task A_replayed_event_id_is_answered_200_and_notifies_nothing_more()
    {
        await using var host = await SuperOfficeWebhookHost.StartAsync();
        var body = Payload();
        var request = Post(body, Sign(SuperOfficeWebhookHost.Secret, body));

        var first = await host.Receiver.ReceiveAsync(request, CancellationToken.None);
        var replayed = await host.Receiver.ReceiveAsync(request, CancellationToken.None);
        var other = Payload(eventId: Guid.NewGuid().ToString());
        var next = await host.Receiver.ReceiveAsync(Post(other, Sign(SuperOfficeWebhookHost.Secret, other)), CancellationToken.None);

        Assert.Equal([200, 200, 200], [first.StatusCode, replayed.StatusCode, next.StatusCode]);
        Assert.Equal(2, host.Notifications.Changes.Count);
    }

    [Fact]
    public async Task A_signed_event_of_another_tenant_is_refused()
    {
        await using var host = await SuperOfficeWebhookHost.StartAsync();
        var body = Payload(context: "Cust54321");

        var response = await host.Receiver.ReceiveAsync(Post(body, Sign(SuperOfficeWebhookHost.Secret, body)), CancellationToken.None);

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(host.Notifications.Notices);
    }

    [Theory]
    [InlineData("test", "test")]
    [InlineData("project.changed", "project")]
    public async Task Test_events_and_entities_the_connector_does_not_sync_are_accepted_without_a_notification(string eventName, string entity)
    {
        await using var host = await SuperOfficeWebhookHost.StartAsync();
        var body = Payload(eventName: eventName, entity: entity);

        var response = await host.Receiver.ReceiveAsync(Post(body, Sign(SuperOfficeWebhookHost.Secret, body)), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(host.Notifications.Notices);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_payload_is_a_400()
    {
        await using var host = await SuperOfficeWebhookHost.StartAsync();
        var body = Encoding.UTF8.GetBytes("""{"EventId": "e-1", "Event": "contact.changed", "Entity": "contact", "ContextIdentifier": "Cust12345"}""");

        var response = await host.Receiver.ReceiveAsync(Post(body, Sign(SuperOfficeWebhookHost.Secret, body)), CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("PrimaryKey", response.Body, StringComparison.Ordinal);
        Assert.Empty(host.Notifications.Notices);
    }

    /// <summary>The recorded <c>contact.changed</c> payload, as this tenant's unless told otherwise.</summary>
    private static byte[] Payload(string context = "Cust12345", int primaryKey = 18, string? eventId = null, string? eventName = null, string? entity = null)
    {
        var payload = JsonNode.Parse(SharedFixtures.Json("superoffice", "webhook_contact_changed.json").GetRawText())!.AsObject();
        payload["ContextIdentifier"] = context;
        payload["PrimaryKey"] = primaryKey;
        payload["EventId"] = eventId ?? (string)payload["EventId"]!;
        payload["Event"] = eventName ?? (string)payload["Event"]!;
        payload["Entity"] = entity ?? (string)payload["Entity"]!;
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    private static string Sign(string secret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(body));
    }

    private static SyncWebhookRequest Post(byte[] body, string? signature) => new(
        "POST",
        signature is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-SuperOffice-Signature"] = signature },
        new Dictionary<string, string>(),
        body);
}
