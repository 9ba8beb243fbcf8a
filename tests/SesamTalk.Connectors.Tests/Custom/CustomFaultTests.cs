using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.Custom;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Connectors.Tests.Custom;

/// <summary>The custom-system connector under injected faults and against the call budget: retries per request, batched searches.</summary>
public class CustomFaultTests
{
    private static readonly FieldListMapper Customers = new("Customcrm", "Customer", "Email", "Name") { MatchKeys = ["Email"] };

    [Fact]
    public async Task A_batch_create_whose_answer_is_lost_is_sent_again_under_the_same_key_and_makes_one_record()
    {
        await using var system = await CustomSystem.StartAsync();
        system.Emulator.Inject(CustomFault.LoseResponse().On(CustomEndpoint.Batch));

        var results = await system.Connector.CreateAsync(Customers, [new RemoteCreate(Customer("kari@example.com"), "intent-9")], CancellationToken.None);

        Assert.True(results[0].Succeeded, results[0].Error?.Message);
        Assert.Equal(results[0].Id, Assert.Single(system.Emulator.GetRecords("Customer")).Id);
        Assert.Equal(2, system.Emulator.CallCount(CustomEndpoint.Batch));
    }

    [Fact]
    public async Task A_search_for_250_values_takes_one_call_per_100_values_and_finds_every_hit()
    {
        await using var system = await CustomSystem.StartAsync();
        var emails = Enumerable.Range(0, 250).Select(i => $"c{i:D3}@example.com").ToList();
        foreach (var email in emails.Where((_, i) => i % 50 == 0))
        {
            system.Emulator.Seed("Customer", new JsonObject { ["Email"] = email });
        }

        var hits = await system.Connector.SearchAsync(Customers, "Email", [.. emails.Select(SyncValue.From)], CancellationToken.None);

        Assert.Equal(["c000@example.com", "c050@example.com", "c100@example.com", "c150@example.com", "c200@example.com"], hits.Select(h => h["Email"].AsString()).Order(StringComparer.Ordinal));
        Assert.Equal((250 + CustomSystemClient.MaxSearchCriteria - 1) / CustomSystemClient.MaxSearchCriteria, system.Emulator.CallCount(CustomEndpoint.Search));
    }

    [Fact]
    public async Task A_server_without_anyOf_is_searched_one_value_a_call()
    {
        await using var system = await CustomSystem.StartAsync();
        system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "b@example.com" });
        var options = new CustomConnectorOptions { BaseUrl = system.Emulator.BaseUrl, ApiKey = system.Emulator.ApiKey };
        using var http = new HttpClient(new RefusesAnyOf { InnerHandler = new SocketsHttpHandler() });
        var connector = new CustomSyncConnector(new CustomSystemClient("Customcrm", http, options), () => 0);

        var first = await connector.SearchAsync(Customers, "Email", [SyncValue.From("a@example.com"), SyncValue.From("b@example.com")], CancellationToken.None);
        var second = await connector.SearchAsync(Customers, "Email", [SyncValue.From("b@example.com"), SyncValue.From("c@example.com")], CancellationToken.None);

        Assert.Equal("b@example.com", Assert.Single(first)["Email"].AsString());
        Assert.Equal("b@example.com", Assert.Single(second)["Email"].AsString());
        Assert.Equal(2 + 2, system.Emulator.CallCount(CustomEndpoint.Search)); // the refused anyOf never reached it
    }

    [Fact]
    public async Task Reading_250_records_by_id_takes_one_call_per_100_ids_with_tombstones_and_without_unknown_ids()
    {
        await using var system = await CustomSystem.StartAsync();
        var ids = Enumerable.Range(0, 250).Select(i => system.Emulator.Seed("Customer", new JsonObject { ["Email"] = $"c{i:D3}@example.com" })).ToList();
        system.Emulator.Delete("Customer", ids[7]);

        var records = await system.Connector.GetManyAsync(Customers, [.. ids, "no-such-id"], CancellationToken.None);

        Assert.Equal(ids, records.Select(record => record.Id));
        Assert.True(records[7].IsDeleted);
        Assert.Equal("c008@example.com", records[8]["Email"].AsString());
        Assert.Equal(3, system.Emulator.CallCount(CustomEndpoint.ReadMany));
        Assert.Equal(0, system.Emulator.CallCount(CustomEndpoint.Get));
    }

    [Fact]
    public async Task A_server_without_the_read_of_many_is_read_one_record_a_call()
    {
        await using var system = await CustomSystem.StartAsync();
        var ids = Enumerable.Range(0, 3).Select(i => system.Emulator.Seed("Customer", new JsonObject { ["Email"] = $"c{i}@example.com" })).ToList();
        var options = new CustomConnectorOptions { BaseUrl = system.Emulator.BaseUrl, ApiKey = system.Emulator.ApiKey };
        var refusals = new LacksReadMany { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(refusals);
        var connector = new CustomSyncConnector(new CustomSystemClient("Customcrm", http, options), () => 0);

        var first = await connector.GetManyAsync(Customers, ids, CancellationToken.None);
        var second = await connector.GetManyAsync(Customers, [ids[0], "no-such-id"], CancellationToken.None);

        Assert.Equal(ids, first.Select(record => record.Id));
        Assert.Equal(ids[0], Assert.Single(second).Id);
        Assert.Equal(1, refusals.Refused); // asked once, then remembered
        Assert.Equal(3 + 2, system.Emulator.CallCount(CustomEndpoint.Get));
    }

    [Fact]
    public async Task A_read_that_times_out_is_sent_again_and_the_page_arrives()
    {
        await using var system = await CustomSystem.StartAsync(requestTimeout: TimeSpan.FromMilliseconds(300));
        system.Emulator.Seed("Customer", new JsonObject { ["Email"] = "slow@example.com" }, DateTimeOffset.UtcNow.AddMinutes(-1));
        system.Emulator.Inject(CustomFault.Slow(TimeSpan.FromSeconds(3)).On(CustomEndpoint.Changes));

        var pages = await system.Connector.ReadChangesAsync(Customers, null, CancellationToken.None).ToListAsync();

        Assert.Equal("slow@example.com", Assert.Single(pages.SelectMany(p => p.Records))["Email"].AsString());
        Assert.Equal(2, system.Emulator.CallCount(CustomEndpoint.Changes));
    }

    private static SyncRecord Customer(string email) => new("Customer") { ["Email"] = SyncValue.From(email) };

    /// <summary>A server that predates <c>POST /{type}/read</c>: ASP.NET Core's routing answers 405 (the path is a record's, POST is not mapped there), without a body.</summary>
    private sealed class LacksReadMany : DelegatingHandler
    {
        public int Refused { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/read", StringComparison.Ordinal))
            {
                Refused++;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.MethodNotAllowed));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A server that predates <c>anyOf</c>: refuses it as the contract's first version did.</summary>
    private sealed class RefusesAnyOf : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content && (await content.ReadAsStringAsync(cancellationToken)).Contains("\"anyOf\"", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("{\"type\":\"urn:sesamtalk:problem:malformed-search\",\"status\":400,\"code\":\"malformed-search\",\"title\":\"The search is not valid.\"}", Encoding.UTF8, "application/problem+json"),
                };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
