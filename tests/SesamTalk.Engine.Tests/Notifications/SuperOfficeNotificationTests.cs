using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// End to end with SuperOffice webhooks: the emulated tenant posts its events over loopback HTTP to the host's
/// <c>MapSesamTalkNotifications</c>, the receiver checks them and the engine runs the flow's cycle; polling is minutes away.
/// </summary>
public sealed class SuperOfficeNotificationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_edit_in_SuperOffice_reaches_the_host_within_seconds_with_no_poll_due()
    {
        await using var host = await NotifiedSuperOffice.StartAsync(("Albex", "912345678"));
        var contact = (int)host.SuperOffice.GetRecords("Contact").Single()["ContactId"]!;
        Assert.Equal("Albex", host.Companies.Records.Single().Name);

        var edited = Stopwatch.StartNew();
        host.SuperOffice.Edit("Contact", contact, new JsonObject { ["Name"] = "Albex AS" });
        await host.WaitUntilAsync(() => host.Companies.Records.Single().Name == "Albex AS", "the edit at the host");
        edited.Stop();

        output.WriteLine($"SuperOffice edit to host: {edited.ElapsedMilliseconds} ms");
        await host.WaitUntilAsync(() => host.Cycles == 1, "the notified cycle's end");
        Assert.True(edited.Elapsed < TimeSpan.FromSeconds(5), $"The edit took {edited.ElapsedMilliseconds} ms to reach the host.");
    }

    [Fact]
    public async Task A_forged_callback_is_refused_and_runs_nothing()
    {
        await using var host = await NotifiedSuperOffice.StartAsync(("Albex", "912345678"));
        var contact = (int)host.SuperOffice.GetRecords("Contact").Single()["ContactId"]!;
        var forged = Encoding.UTF8.GetBytes($$"""{"EventId":"{{Guid.NewGuid()}}","Timestamp":"2026-12-07T12:00:00Z","Changes":["name"],"Event":"contact.changed","PrimaryKey":{{contact}},"Entity":"contact","ContextIdentifier":"{{host.SuperOffice.ContextIdentifier}}","ChangedByAssociateId":5,"WebhookName":"SesamTalk SuperOffice"}""");

        using var http = new HttpClient();
        using var content = new ByteArrayContent(forged);
        content.Headers.Add("X-SuperOffice-Signature", Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData("not the secret"u8, forged)));
        var response = await http.PostAsync(host.CallbackUrl, content);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Cycles);
    }

    [Fact]
    public async Task A_webhook_stopped_for_too_many_errors_falls_back_to_a_full_cycle_that_misses_nothing_then_comes_back()
    {
        await using var host = await NotifiedSuperOffice.StartAsync(("Albex", "912345678"));
        var contact = (int)host.SuperOffice.GetRecords("Contact").Single()["ContactId"]!;

        // The host is down: three edits, three failed attempts each, and SuperOffice stops the webhook.
        host.Failing = true;
        for (var n = 1; n <= 3; n++)
        {
            host.SuperOffice.Edit("Contact", contact, new JsonObject { ["Name"] = $"Albex {n}" });
        }

        await host.WaitUntilAsync(() => host.Count(NotifiedSuperOffice.Lost) == 1, "the webhook reported lost");
        await host.WaitUntilAsync(() => host.Companies.Records.Single().Name == "Albex 3", "the full cycle after the loss");
        Assert.Contains(host.Logs.Lines, line => line.Contains("TooManyErrors", StringComparison.Ordinal));

        host.Failing = false;
        await host.WaitUntilAsync(() => host.Count(NotifiedSuperOffice.Live) == 2, "the webhook set Active again");
        host.SuperOffice.Edit("Contact", contact, new JsonObject { ["Name"] = "Albex AS" });
        await host.WaitUntilAsync(() => host.Companies.Records.Single().Name == "Albex AS", "the next edit through the webhook");
        Assert.Equal(1, host.Count(NotifiedSuperOffice.Lost));
    }
}
