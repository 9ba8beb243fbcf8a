using System.Diagnostics;
using System.Text.Json.Nodes;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;
using Xunit.Abstractions;

namespace SesamTalk.Engine.Tests.Notifications;

/// <summary>
/// End to end with Salesforce change data capture: the engine, the background sync polling hours apart, notifications
/// on, the org's change source subscribed to the emulator's Pub/Sub API. An edit in Salesforce reaches the host within
/// seconds; a host save, notified, reaches Salesforce; after an expired replay id the change made meanwhile still
/// arrives, through the full cycle the lost subscription runs.
/// </summary>
public sealed class SalesforceNotificationTests(ITestOutputHelper output) : IDisposable
{
    private const string Live = "SesamTalk notifications for Salesforce/Product2 are live";

    /// <summary>How soon a notified change must arrive: the next poll is two hours away.</summary>
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(5);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sesamtalk-notified-salesforce-");
    private readonly InMemoryHostStore<Part> _parts = new(p => p.Id, (p, id) => p.Id = id);

    private string LinkStore => Path.Combine(_directory.FullName, "links.db");

    [Fact]
    public async Task An_edit_in_Salesforce_reaches_the_host_within_seconds_and_a_notified_host_save_reaches_Salesforce()
    {
        await using var org = await SalesforceEmulator.StartAsync();
        var bolt = org.Seed("Product2", new JsonObject { ["ProductCode"] = "P-1", ["Name"] = "Bolt" });
        await using var host = await NotifiedSalesforce.StartAsync(org, _parts, LinkStore, TimeSpan.Zero);
        await host.WaitUntilLiveAsync(org);
        Assert.Equal("Bolt", Assert.Single(_parts.Records).Name);

        // The next poll is two hours away: only the change event can bring the edit.
        var clock = Stopwatch.StartNew();
        org.Edit(bolt, new JsonObject { ["Name"] = "Bolt M8" });
        await host.WaitUntilAsync(() => _parts.Records.Single().Name == "Bolt M8", "the Salesforce edit in the host");
        output.WriteLine($"Salesforce edit to host store: {clock.ElapsedMilliseconds} ms");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, WithinSeconds);

        var part = _parts.Records.Single();
        await _parts.SaveAsync(new Part { Id = part.Id, Code = part.Code, Name = "Bolt M8 zinc", Active = part.Active }, CancellationToken.None);
        clock.Restart();
        await host.Talk.Parts.NotifyChangedAsync(part.Id);
        await host.WaitUntilAsync(() => (string?)org.GetRecord(bolt)!["Name"] == "Bolt M8 zinc", "the host save in Salesforce");
        output.WriteLine($"Notified host save to Salesforce: {clock.ElapsedMilliseconds} ms");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, WithinSeconds);
        NoSecretIn(host.Logs, org);
    }

    [Fact]
    public async Task An_edit_made_after_the_first_cycle_but_before_the_stream_goes_live_arrives_within_seconds_of_going_live()
    {
        await using var org = await SalesforceEmulator.StartAsync();
        var bolt = org.Seed("Product2", new JsonObject { ["ProductCode"] = "P-1", ["Name"] = "Bolt" });
        await using var host = await NotifiedSalesforce.StartAsync(org, _parts, LinkStore, TimeSpan.Zero, holdSource: true);
        await host.WaitUntilAsync(() => host.Count(NotifiedSalesforce.PartDone) == 1, "the first run");

        // The stream opens after this edit: no change event ever carries it, and the next poll is two hours away.
        org.Edit(bolt, new JsonObject { ["Name"] = "Bolt M8" });
        var clock = Stopwatch.StartNew();
        host.Held!.Release();
        await host.WaitUntilAsync(() => _parts.Records.Single().Name == "Bolt M8", "the edit made before going live");
        output.WriteLine($"From going live to the host: {clock.ElapsedMilliseconds} ms");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, WithinSeconds);

        // One catch-up cycle, and no more.
        Assert.Equal(2, await host.WaitUntilLiveAsync(org));
        Assert.Equal(1, host.Count($"SesamTalk {NotifiedSalesforce.Flow} runs once more: notifications for Salesforce/Product2 went live"));
    }

    [Fact]
    public async Task After_an_expired_replay_id_the_change_made_meanwhile_arrives_through_the_fallback_full_cycle()
    {
        var salesforceClock = new ShiftedClock();
        await using var org = await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { TimeProvider = salesforceClock, TokenLifetime = TimeSpan.FromDays(7) });
        var bolt = org.Seed("Product2", new JsonObject { ["ProductCode"] = "P-1", ["Name"] = "Bolt" });
        await using (var first = await NotifiedSalesforce.StartAsync(org, _parts, LinkStore, TimeSpan.Zero))
        {
            await first.WaitUntilLiveAsync(org);
            org.Edit(bolt, new JsonObject { ["Name"] = "Bolt M8" });
            await first.WaitUntilAsync(() => _parts.Records.Single().Name == "Bolt M8", "the edit by notification");
        }

        // Down for longer than Salesforce keeps events; meanwhile the product changes.
        salesforceClock.Advance(TimeSpan.FromHours(73));
        org.Edit(bolt, new JsonObject { ["Name"] = "Bolt M10" });

        // No polled run for hours: only the cycle the lost subscription runs can read the change.
        await using var second = await NotifiedSalesforce.StartAsync(org, _parts, LinkStore, TimeSpan.FromHours(2));
        await second.WaitUntilAsync(() => _parts.Records.Single().Name == "Bolt M10", "the change made while down");
        Assert.Contains(second.Logs.Lines, line => line.Contains("SesamTalk notifications lost for Salesforce/Product2: Salesforce refused replay id", StringComparison.Ordinal));
        await second.WaitUntilAsync(() => second.Logs.Lines.Last(line => line.Contains("Salesforce/Product2", StringComparison.Ordinal) && line.Contains("SesamTalk notifications", StringComparison.Ordinal)).Contains(Live, StringComparison.Ordinal), "live again");

        var clock = Stopwatch.StartNew();
        org.Edit(bolt, new JsonObject { ["Name"] = "Bolt M12" });
        await second.WaitUntilAsync(() => _parts.Records.Single().Name == "Bolt M12", "the edit after subscribing again");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, WithinSeconds);
        NoSecretIn(second.Logs, org);
    }

    /// <summary>No access token (a session id: the org id, then '!') and no client secret in any log line, reasons included.</summary>
    private static void NoSecretIn(CapturedLogs logs, SalesforceEmulator org)
    {
        Assert.StartsWith(org.OrgId[..15] + "!", org.IssueAccessToken(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(org.OrgId[..15] + "!", StringComparison.Ordinal) || line.Contains(org.ClientSecret, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
