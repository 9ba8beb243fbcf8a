using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SesamTalk.Connectors.Custom;
using SesamTalk.Connectors.Custom.Webhooks;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Tests.Custom.Webhooks;

public sealed class CustomWebhookReceiverTests
{
    private const string Secret = "whsec_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private readonly RecordingNotifications _notifications = new();
    private readonly ManualClock _clock = new(Now);
    private readonly CustomWebhookReceiver _receiver;

    public CustomWebhookReceiverTests() =>
        _receiver = new CustomWebhookReceiver("Customcrm", new CustomConnectorOptions { WebhookSecret = Secret }, _notifications, _clock, NullLogger<CustomWebhookReceiver>.Instance);

    [Fact]
    public async Task ASignedEventTellsTheEngineWhichRecordsOfWhichTypeChanged()
    {
        var response = await ReceiveAsync(Event("evt_1", "Product", "000123", "000124"), Now);

        Assert.Equal(200, response.StatusCode);
        var (target, ids) = Assert.Single(_notifications.Changes);
        Assert.Equal(new SyncTarget("Customcrm", "Product"), target);
        Assert.Equal(["000123", "000124"], ids);
    }

    [Theory]
    [InlineData("whsec_not-the-secret-that-was-configured-x")]
    [InlineData("")]
    public async Task AForgedEventIsRefusedWith401AndNothingIsNotified(string forgerSecret)
    {
        var body = Event("evt_1", "Product", "000123");

        var response = await _receiver.ReceiveAsync(Request(body, Signature(forgerSecret, Now, body)), CancellationToken.None);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_notifications.Changes);
    }

    [Fact]
    public async Task ATamperedBodyOrAMissingOrMalformedSignatureIsRefused()
    {
        var signed = Event("evt_1", "Product", "000123");
        var tampered = Event("evt_1", "Product", "000999");

        Assert.Equal(401, (await _receiver.ReceiveAsync(Request(tampered, Signature(Secret, Now, signed)), CancellationToken.None)).StatusCode);
        Assert.Equal(401, (await _receiver.ReceiveAsync(Request(signed, null), CancellationToken.None)).StatusCode);
        Assert.Equal(401, (await _receiver.ReceiveAsync(Request(signed, "v1=abc"), CancellationToken.None)).StatusCode);
        Assert.Empty(_notifications.Changes);
    }

    [Fact]
    public async Task ATimestampOutsideTheToleranceIsRefusedEvenWhenSignedWell()
    {
        var stale = await ReceiveAsync(Event("evt_1", "Product", "000123"), Now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var early = await ReceiveAsync(Event("evt_2", "Product", "000123"), Now + TimeSpan.FromMinutes(6));
        var fresh = await ReceiveAsync(Event("evt_3", "Product", "000123"), Now - TimeSpan.FromMinutes(4));

        Assert.Equal(401, stale.StatusCode);
        Assert.Equal(401, early.StatusCode);
        Assert.Equal(200, fresh.StatusCode);
        Assert.Single(_notifications.Changes);
    }

    [Fact]
    public async Task AReplayedEventIsAnsweredAcceptedButNotPassedOnAgain()
    {
        var body = Event("evt_1", "Product", "000123");
        Assert.Equal(200, (await ReceiveAsync(body, Now)).StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var replay = await ReceiveAsync(body, _clock.GetUtcNow());

        Assert.Equal(200, replay.StatusCode);
        Assert.Single(_notifications.Changes);
    }

    [Fact]
    public async Task ASignedBodyThatIsNotAnEventIs400AndOtherMethodsAre405()
    {
        var notAnEvent = Encoding.UTF8.GetBytes("""{"id": "evt_1", "ids": "000123"}""");

        Assert.Equal(400, (await ReceiveAsync(notAnEvent, Now)).StatusCode);
        Assert.Equal(405, (await _receiver.ReceiveAsync(Request(notAnEvent, null) with { Method = "GET" }, CancellationToken.None)).StatusCode);
        Assert.Empty(_notifications.Changes);
    }

    [Fact]
    public async Task WithoutASecretEveryDeliveryIsRefused()
    {
        var receiver = new CustomWebhookReceiver("Customcrm", new CustomConnectorOptions(), _notifications, _clock, NullLogger<CustomWebhookReceiver>.Instance);
        var body = Event("evt_1", "Product", "000123");

        var response = await receiver.ReceiveAsync(Request(body, Signature("", Now, body)), CancellationToken.None);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_notifications.Changes);
    }

    private Task<SyncWebhookResponse> ReceiveAsync(byte[] body, DateTimeOffset signedAt) =>
        _receiver.ReceiveAsync(Request(body, Signature(Secret, signedAt, body)), CancellationToken.None);

    private static byte[] Event(string id, string type, params string[] ids) => Encoding.UTF8.GetBytes(
        $$"""{"id":"{{id}}","type":"{{type}}","action":"updated","ids":[{{string.Join(",", ids.Select(i => "\"" + i + "\""))}}],"occurredAt":"2026-12-07T12:00:00.000Z"}""");

    /// <summary>As the contract signs: <c>t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}." + body)}</c>.</summary>
    private static string Signature(string secret, DateTimeOffset at, byte[] body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(t + "."), .. body]);
        return $"t={t},v1={Convert.ToHexString(mac).ToLowerInvariant()}";
    }

    private static SyncWebhookRequest Request(byte[] body, string? signature)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (signature is not null)
        {
            headers["sesamtalk-signature"] = signature;
        }

        return new SyncWebhookRequest("POST", headers, new Dictionary<string, string>(), body);
    }
}
