using System.Text.Json.Nodes;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Connectors.Tests.ExactOnline;

/// <summary>The connector's reads against the emulated division: paging, typing, delta cursors, the sync API, faults.</summary>
public class ExactOnlineReadTests
{
    private static readonly DateTimeOffset Noon = new(2024, 9, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Name = ["Name"];

    [Fact]
    public async Task Rows_stream_60_a_page_with_one_call_a_page_and_the_division_found_once()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        for (var i = 0; i < 150; i++)
        {
            company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"Account {i:D3}" });
        }

        var accounts = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, ["Name", "Code"]).ToListAsync();
        var again = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync();

        Assert.Equal(150, accounts.Count);
        Assert.Equal(150, accounts.Select(a => a.Id).Distinct().Count());
        Assert.Equal(150, again.Count);
        Assert.Equal(6, company.Emulator.CallCount(ExactOnlineEndpoint.List));
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Me));
        Assert.Equal(1, company.Emulator.CallCount(ExactOnlineEndpoint.Token));
        Assert.All(accounts, a => Assert.Equal("Accounts", a.Type));
    }

    [Fact]
    public async Task Values_are_typed_from_the_json_and_the_date_pattern()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        var key = company.Emulator.Seed("Accounts", new JsonObject
        {
            ["Name"] = "Acme",
            ["CreditLineSales"] = 2500.75,
            ["Blocked"] = true,
            ["CustomerSince"] = "2021-03-04T00:00:00",
        }, Noon);

        var acme = await company.Client.GetAsync(ExactOnlineEntitySet.Accounts, key.ToString());

        Assert.NotNull(acme);
        Assert.Equal(key.ToString(), acme.Id);
        Assert.Equal(SyncValueKind.String, acme["ID"].Kind);
        Assert.Equal(key, acme["ID"].AsGuid());
        Assert.Equal(2500.75m, acme["CreditLineSales"].AsDecimal());
        Assert.Equal(true, acme["Blocked"].AsBoolean());
        Assert.Equal(SyncValueKind.DateTime, acme["CustomerSince"].Kind);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 0, 0, 0, TimeSpan.Zero), acme["CustomerSince"].AsDateTimeOffset());
        Assert.Equal(Noon, acme.ModifiedAt);
        Assert.Equal(company.Emulator.Division, acme["Division"].AsInt32());
        Assert.True(acme["Email"].IsNull);
        Assert.False(acme.Contains("BankAccounts")); // A deferred navigation link is not a field.
        Assert.Null(await company.Client.GetAsync(ExactOnlineEntitySet.Accounts, Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task Rows_sharing_one_Modified_across_a_page_edge_come_exactly_once_and_the_cursor_resumes_after_them()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"Old {i}" }, Noon.AddMinutes(-1));
        }

        var same = Enumerable.Range(0, 100).Select(i => company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"Same {i}" }, Noon)).ToList();

        var changed = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name, Noon.AddMinutes(-1)).ToListAsync();
        var pages = company.Emulator.CallCount(ExactOnlineEndpoint.List);
        var cursor = changed.Max(r => r.ModifiedAt);
        var nothing = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name, cursor).ToListAsync();
        company.Emulator.Edit("Accounts", same[42], new JsonObject { ["Name"] = "Edited" }, Noon.AddSeconds(1));
        var edited = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name, cursor).ToListAsync();

        Assert.Equal(same.Select(k => k.ToString()).Order(), changed.Select(r => r.Id).Order());
        Assert.Equal(2, pages);
        Assert.Equal(Noon, cursor);
        Assert.Empty(nothing);
        Assert.Equal(same[42].ToString(), Assert.Single(edited).Id);
        Assert.Equal("Edited", edited[0]["Name"].AsString());
    }

    [Fact]
    public async Task The_sync_api_pages_by_timestamp_and_resumes_after_the_highest_one_with_the_deletes()
    {
        await using var company = await ExactOnlineCompany.StartAsync(options => options.SyncPageSize = 50);
        var keys = Enumerable.Range(0, 120).Select(i => company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = $"Account {i:D3}" })).ToList();

        var all = await company.Client.ReadChangesAsync(ExactOnlineEntitySet.Accounts, Name, afterTimestamp: null).ToListAsync();
        var pages = company.Emulator.CallCount(ExactOnlineEndpoint.Sync, "Accounts");
        var cursor = all.Max(r => r["Timestamp"].AsInt64());
        company.Emulator.Edit("Accounts", keys[7], new JsonObject { ["Name"] = "Renamed" });
        company.Emulator.Delete("Accounts", keys[8]);
        var changes = await company.Client.ReadChangesAsync(ExactOnlineEntitySet.Accounts, Name, cursor).ToListAsync();
        var deletes = await company.Client.ReadDeletedAsync(cursor).ToListAsync();

        Assert.Equal(keys.Select(k => k.ToString()), all.Select(r => r.Id));
        Assert.Equal(3, pages);
        Assert.Equal(keys[7].ToString(), Assert.Single(changes).Id);
        Assert.Equal("Renamed", changes[0]["Name"].AsString());
        Assert.Equal(company.Emulator.GetTimestamp("Accounts", keys[7]), changes[0]["Timestamp"].AsInt64());
        var tombstone = Assert.Single(deletes);
        Assert.True(tombstone.IsDeleted);
        Assert.Equal("Accounts", tombstone.Type);
        Assert.Equal(keys[8].ToString(), tombstone.Id);
        Assert.True(tombstone["Timestamp"].AsInt64() > changes[0]["Timestamp"].AsInt64());
    }

    [Fact]
    public async Task A_429_is_waited_out_for_as_long_as_Retry_After_asks()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });
        company.Emulator.Inject(ExactOnlineFault.TooManyRequests(TimeSpan.FromSeconds(5)).On(ExactOnlineEndpoint.List).Times(2));

        var accounts = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync();

        Assert.Single(accounts);
        Assert.Equal(3, company.Emulator.CallCount(ExactOnlineEndpoint.List));
        Assert.Equal(TimeSpan.FromSeconds(10), company.Clock.Waited);
    }

    [Fact]
    public async Task A_body_malformed_on_every_try_fails_the_read_with_a_typed_error()
    {
        await using var company = await ExactOnlineCompany.StartAsync();
        company.Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Acme" });
        company.Emulator.Inject(ExactOnlineFault.MalformedBody().On(ExactOnlineEndpoint.List).Times(1 + new ExactOnlineOptions().MaxRetries));

        var error = await Assert.ThrowsAsync<ExactOnlineApiException>(() => company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, Name).ToListAsync().AsTask());

        Assert.Equal(ExactOnlineApiException.MalformedResponse, error.ErrorCode);
        Assert.Equal("Accounts", error.RecordType);
    }

    [Fact]
    public async Task A_refused_query_carries_exacts_message()
    {
        await using var company = await ExactOnlineCompany.StartAsync();

        var error = await Assert.ThrowsAsync<ExactOnlineApiException>(() => company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, ["Colour"]).ToListAsync().AsTask());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("Colour", error.RemoteMessage, StringComparison.Ordinal);
    }
}
