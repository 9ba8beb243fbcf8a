using System.Text.Json.Nodes;
using SesamTalk.Connectors.Custom;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Connectors.Tests.Custom;

/// <summary>The custom-system connector against the contract's emulator.</summary>
public class CustomSystemClientTests
{
    private static readonly DateTimeOffset Noon = new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);

    private static SyncRecord Customer(string email) => new("Customer") { ["Email"] = SyncValue.From(email), ["Name"] = SyncValue.From("Ola") };

    [Fact]
    public async Task The_change_feed_gives_every_record_once_across_pages_of_equal_timestamps_and_resumes_from_a_cursor()
    {
        await using var system = await CustomSystem.StartAsync(pageSize: 100);
        for (var i = 0; i < 600; i++)
        {
            system.Emulator.Seed("Customer", new JsonObject { ["Email"] = $"c{i}@example.com" }, i < 500 ? Noon : Noon.AddMilliseconds(i));
        }

        var pages = await system.Client.ReadChangesAsync("Customer", null).ToListAsync();
        var resumed = await system.Client.ReadChangesAsync("Customer", pages[1].NextCursor).ToListAsync();

        var all = pages.SelectMany(p => p.Records).ToList();
        Assert.Equal(600, all.Select(r => r.Id).Distinct().Count());
        Assert.Equal(600, all.Count);
        Assert.False(pages[^1].HasMore);
        Assert.Equal(all.Skip(200).Select(r => r.Id), resumed.SelectMany(p => p.Records).Select(r => r.Id));
        Assert.Equal(Noon, all[0].ModifiedAt);
        Assert.NotNull(all[0].Version);
    }

    [Fact]
    public async Task A_create_repeated_with_its_idempotency_key_returns_the_first_record()
    {
        await using var system = await CustomSystem.StartAsync();

        var first = await system.Client.CreateAsync(Customer("ola@example.com"), "intent-1");
        var again = await system.Client.CreateAsync(Customer("ola@example.com"), "intent-1");

        Assert.Equal(first.Id, again.Id);
        Assert.Single(system.Emulator.GetRecords("Customer"));
    }

    [Fact]
    public async Task A_create_whose_response_is_lost_is_retried_under_its_key_and_makes_one_record()
    {
        await using var system = await CustomSystem.StartAsync();
        system.Emulator.Inject(CustomFault.LoseResponse().On(CustomEndpoint.Create));

        var created = await system.Client.CreateAsync(Customer("kari@example.com"), "intent-7");

        Assert.Equal("kari@example.com", created["Email"].AsString());
        Assert.Single(system.Emulator.GetRecords("Customer"));
        Assert.Equal(2, system.Emulator.CallCount(CustomEndpoint.Create));
    }

    [Fact]
    public async Task An_update_with_a_stale_version_is_refused_and_one_with_the_current_version_goes_through()
    {
        await using var system = await CustomSystem.StartAsync();
        var created = await system.Client.CreateAsync(Customer("ola@example.com"), "intent-1");
        var stale = created.Version;
        system.Emulator.Edit("Customer", created.Id!, new JsonObject { ["Name"] = "Edited elsewhere" });

        var write = new SyncRecord("Customer", created.Id) { Version = stale, ["Name"] = SyncValue.From("Ours") };
        var error = await Assert.ThrowsAsync<CustomSystemException>(() => system.Client.UpdateAsync(write));
        var current = await system.Client.GetAsync("Customer", created.Id!);
        write.Version = current!.Version;
        var updated = await system.Client.UpdateAsync(write);

        Assert.Equal("precondition-failed", error.ErrorCode);
        Assert.Equal("Ours", updated["Name"].AsString());
        Assert.Equal("ola@example.com", updated["Email"].AsString());
    }

    [Fact]
    public async Task Search_returns_every_hit_so_ambiguity_is_visible()
    {
        await using var system = await CustomSystem.StartAsync();
        system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "twin@example.com" });
        system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "TWIN@example.com" });
        system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "solo@example.com" });

        var twins = await system.Client.SearchAsync("Customer", new SyncRecord("Customer") { ["Email"] = SyncValue.From("twin@example.com") });
        var solo = await system.Client.SearchAsync("Customer", new SyncRecord("Customer") { ["Email"] = SyncValue.From("solo@example.com") });
        var none = await system.Client.SearchAsync("Customer", new SyncRecord("Customer") { ["Email"] = SyncValue.From("nobody@example.com") });

        Assert.Equal(2, twins.Count);
        Assert.Single(solo);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Deleted_records_read_as_tombstones_and_missing_ones_as_null()
    {
        await using var system = await CustomSystem.StartAsync();
        var created = await system.Client.CreateAsync(Customer("ola@example.com"), "intent-1");

        await system.Client.DeleteAsync("Customer", created.Id!, created.Version);
        await system.Client.DeleteAsync("Customer", created.Id!, created.Version);

        Assert.True((await system.Client.GetAsync("Customer", created.Id!))!.IsDeleted);
        Assert.Null(await system.Client.GetAsync("Customer", "no-such-id"));
    }

    [Fact]
    public async Task A_refused_record_names_the_fields_and_a_wrong_key_never_shows_the_key()
    {
        const string catalog = """
            { "system": "Customcrm", "objects": [ { "name": "Customer", "createable": true, "updateable": true, "deletable": true, "fields": [
              { "name": "Email", "type": "email", "length": 80, "createable": true, "updateable": true, "nillable": false, "defaultedOnCreate": false },
              { "name": "Name", "type": "string", "length": 40, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false } ] } ] }
            """;
        await using var system = await CustomSystem.StartAsync(catalog);
        await using var locked = await CustomSystem.StartAsync(apiKey: "wrong-key-that-must-not-leak");

        var invalid = await Assert.ThrowsAsync<CustomSystemException>(() => system.Client.CreateAsync(new SyncRecord("Customer") { ["Name"] = SyncValue.From(new string('x', 50)) }, "intent-9"));
        var unauthorized = await Assert.ThrowsAsync<CustomSystemException>(() => locked.Client.GetAsync("Customer", "1"));

        Assert.Equal("validation", invalid.ErrorCode);
        Assert.Contains("Name", invalid.Fields);
        Assert.Contains("Email", invalid.Fields);
        Assert.Equal("unauthorized", unauthorized.ErrorCode);
        Assert.DoesNotContain("wrong-key-that-must-not-leak", unauthorized.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_storm_is_waited_out()
    {
        await using var system = await CustomSystem.StartAsync();
        system.Emulator.Inject(CustomFault.TooManyRequests(TimeSpan.FromMilliseconds(20)).On(CustomEndpoint.Changes).Times(3));

        var pages = await system.Client.ReadChangesAsync("Customer", null).ToListAsync();

        Assert.Single(pages);
        Assert.Equal(4, system.Emulator.CallCount(CustomEndpoint.Changes));
    }
}
