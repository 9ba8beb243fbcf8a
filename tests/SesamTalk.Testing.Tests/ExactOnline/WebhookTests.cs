using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>
/// <c>webhooks/WebhookSubscriptions</c> and the notifications the emulator posts for writes: the body Exact sends, its
/// <c>HashCode</c> (checked here as picqer/exact-php-client's <c>Authenticatable</c> checks it), retries, drops and
/// subscriptions removed on Exact's side.
/// </summary>
public sealed partial class WebhookTests
{
    private const string Subscriptions = "webhooks/WebhookSubscriptions";

    [Fact]
    public async Task ASubscriptionIsCreatedListedReadAndDeleted()
    {
        await using var division = await TestDivision.StartAsync();

        var created = await division.CreateAsync(Subscriptions, new JsonObject { ["CallbackURL"] = "https://shop.example.com/hooks/exactonline", ["Topic"] = "Accounts" });
        var id = (string)created["ID"]!;
        var listed = await division.GetAsync($"{division.Root}/{Subscriptions}?$select=ID,Topic,CallbackURL&$filter=Topic eq 'Accounts'");
        var read = await division.GetAsync($"{division.Root}/{Subscriptions}(guid'{id}')");
        var deleted = await division.DeleteAsync($"{division.Root}/{Subscriptions}(guid'{id}')");
        var gone = await division.GetAsync($"{division.Root}/{Subscriptions}(guid'{id}')");

        Assert.Equal(division.Emulator.ClientId, (string)created["ClientID"]!);
        Assert.Equal(division.Emulator.Division, (int)created["Division"]!);
        Assert.Equal(["ID", "Topic", "CallbackURL"], listed.Results.Single()!.AsObject().Select(p => p.Key).Where(k => k != "__metadata"));
        Assert.Equal("https://shop.example.com/hooks/exactonline", (string)read.D["CallbackURL"]!);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Empty(division.Emulator.WebhookSubscriptions);
    }

    [Theory]
    [InlineData("""{"Topic":"Accounts"}""", "Mandatory: CallbackURL")]
    [InlineData("""{"CallbackURL":"https://shop.example.com/hooks"}""", "Mandatory: Topic")]
    [InlineData("""{"CallbackURL":"not a url","Topic":"Accounts"}""", "CallbackURL: 'not a url' is not a valid URL.")]
    [InlineData("""{"CallbackURL":"https://shop.example.com/hooks","Topic":"Customers"}""", "Topic: 'Customers' is not a webhook topic.")]
    [InlineData("""{"CallbackURL":"https://shop.example.com/hooks","Topic":"Accounts","ClientID":"5b4d4c3e-2a1f-4e6d-9c8b-7a6f5e4d3c2b"}""", "The property 'ClientID' is read-only and cannot be set.")]
    public async Task ABadSubscriptionIsRefusedWithExactsErrorBody(string body, string message)
    {
        await using var division = await TestDivision.StartAsync();

        var reply = await division.SendAsync(HttpMethod.Post, $"{division.Root}/{Subscriptions}", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(message, reply.ErrorMessage);
    }

    [Fact]
    public async Task ASecondSubscriptionToTheSameTopicAndUrlIsRefusedAndUpdatesAreNotSupported()
    {
        await using var division = await TestDivision.StartAsync();
        var subscription = new JsonObject { ["CallbackURL"] = "https://shop.example.com/hooks", ["Topic"] = "Items" };
        var created = await division.CreateAsync(Subscriptions, subscription);

        var again = await division.PostAsync($"{division.Root}/{Subscriptions}", subscription);
        var put = await division.PutAsync($"{division.Root}/{Subscriptions}(guid'{(string)created["ID"]!}')", subscription);

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.Status);
        Assert.Single(division.Emulator.WebhookSubscriptions);
    }

    [Fact]
    public async Task AnEditIsPostedWithTheBodyAndHashCodeExactSends()
    {
        await using var receiver = await CallbackRecorder.StartAsync();
        await using var division = await TestDivision.StartAsync(o => o.WebhookSecret = "s3cr3t");
        var account = division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Albex" });
        await division.CreateAsync(Subscriptions, new JsonObject { ["CallbackURL"] = receiver.Url, ["Topic"] = "Accounts" });

        division.Emulator.Edit("Accounts", account, new JsonObject { ["Name"] = "Albex B.V." });
        var (body, contentType) = await receiver.NextAsync();

        var envelope = Envelope().Match(body);
        Assert.True(envelope.Success, body);
        var content = envelope.Groups["content"].Value;
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cr3t"), Encoding.UTF8.GetBytes(content)));
        Assert.Equal(expected, envelope.Groups["hash"].Value);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var fields = JsonNode.Parse(content)!.AsObject();
        Assert.Equal(["Topic", "ClientId", "Division", "Action", "Key", "ExactOnlineEndpoint", "EventCreatedOn"], fields.Select(p => p.Key));
        Assert.Equal("Accounts", (string)fields["Topic"]!);
        Assert.Equal("Update", (string)fields["Action"]!);
        Assert.Equal(account.ToString(), (string)fields["Key"]!);
        Assert.Equal(division.Emulator.Division, (int)fields["Division"]!);
        Assert.Equal($"{division.Emulator.ApiUrl}crm/Accounts(guid'{account}')", (string)fields["ExactOnlineEndpoint"]!);
        Assert.True(DateTime.TryParseExact((string)fields["EventCreatedOn"]!, "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    [Fact]
    public async Task ALineWriteNotifiesItsHeaderAndADeleteSaysDelete()
    {
        await using var receiver = await CallbackRecorder.StartAsync();
        await using var division = await TestDivision.StartAsync();
        var (account, item) = division.SeedAccountAndItem();
        await division.CreateAsync(Subscriptions, new JsonObject { ["CallbackURL"] = receiver.Url, ["Topic"] = "SalesOrders" });
        var order = await division.CreateAsync("salesorder/SalesOrders", new JsonObject
        {
            ["OrderedBy"] = account.ToString(),
            ["SalesOrderLines"] = new JsonArray(new JsonObject { ["Item"] = item.ToString(), ["Quantity"] = 2 }),
        });
        var orderId = (string)order["OrderID"]!;
        var line = (string)order["SalesOrderLines"]!["results"]![0]!["ID"]!;

        var create = await receiver.NextAsync();
        await division.PutAsync($"{division.Root}/salesorder/SalesOrderLines(guid'{line}')", new JsonObject { ["Quantity"] = 3 });
        var lineUpdate = await receiver.NextAsync();
        await division.DeleteAsync($"{division.Root}/salesorder/SalesOrders(guid'{orderId}')");
        var delete = await receiver.NextAsync();

        Assert.Equal(("Create", orderId), ActionAndKey(create.Body));
        Assert.Equal(("Update", orderId), ActionAndKey(lineUpdate.Body));
        Assert.Equal(("Delete", orderId), ActionAndKey(delete.Body));
    }

    [Fact]
    public async Task AFailedNotificationIsRetriedOnTheScheduleWithTheSameBody()
    {
        await using var receiver = await CallbackRecorder.StartAsync(500, 503);
        await using var division = await TestDivision.StartAsync(o =>
        {
            o.WebhookRetryDelays.Clear();
            o.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(50));
            o.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(50));
        });
        await division.CreateAsync(Subscriptions, new JsonObject { ["CallbackURL"] = receiver.Url, ["Topic"] = "Items" });

        await division.CreateAsync("logistics/Items", new JsonObject { ["Code"] = "BALK-10", ["Description"] = "Balk" });
        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();
        var third = await receiver.NextAsync();

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Body, third.Body);
        Assert.False(await receiver.AnyWithinAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal([(1, 500), (2, 503), (3, 200)], division.Emulator.WebhookDeliveries.Select(d => (d.Attempt, d.StatusCode ?? 0)));
    }

    [Fact]
    public async Task AnUnreachableCallbackIsRetriedUntilTheScheduleEnds()
    {
        await using var division = await TestDivision.StartAsync(o =>
        {
            o.WebhookRetryDelays.Clear();
            o.WebhookRetryDelays.Add(TimeSpan.FromMilliseconds(20));
        });
        await division.CreateAsync(Subscriptions, new JsonObject { ["CallbackURL"] = "http://127.0.0.1:9/hook", ["Topic"] = "Items" });

        await division.CreateAsync("logistics/Items", new JsonObject { ["Code"] = "BALK-10", ["Description"] = "Balk" });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (division.Emulator.WebhookDeliveries.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await Task.Delay(200);
        Assert.Equal([1, 2], division.Emulator.WebhookDeliveries.Select(d => d.Attempt));
        Assert.All(division.Emulator.WebhookDeliveries, d => Assert.NotNull(d.Error));
    }

    [Fact]
    public async Task DroppedNotificationsAndSubscriptionsDeletedOnExactsSideAreNotPosted()
    {
        await using var receiver = await CallbackRecorder.StartAsync();
        await using var division = await TestDivision.StartAsync();
        var account = division.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Albex" });
        var subscription = await division.CreateAsync(Subscriptions, new JsonObject { ["CallbackURL"] = receiver.Url, ["Topic"] = "Accounts" });

        division.Emulator.DropWebhookNotifications(1);
        division.Emulator.Edit("Accounts", account, new JsonObject { ["Name"] = "Dropped" });
        division.Emulator.Edit("Accounts", account, new JsonObject { ["Name"] = "Posted" });
        var posted = await receiver.NextAsync();
        Assert.True(division.Emulator.DeleteWebhookSubscription(Guid.Parse((string)subscription["ID"]!)));
        division.Emulator.Edit("Accounts", account, new JsonObject { ["Name"] = "Unsubscribed" });

        Assert.Equal(("Update", account.ToString()), ActionAndKey(posted.Body));
        Assert.False(await receiver.AnyWithinAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Single(division.Emulator.WebhookDeliveries);
    }

    private static (string Action, string Key) ActionAndKey(string body)
    {
        var content = JsonNode.Parse(body)!["Content"]!;
        return ((string)content["Action"]!, (string)content["Key"]!);
    }

    [GeneratedRegex("""^\{"Content":(?<content>.*),"HashCode":"(?<hash>[0-9A-F]{64})"\}$""")]
    private static partial Regex Envelope();
}
