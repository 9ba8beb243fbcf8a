using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Testing.Tests.Custom;

/// <summary>A host app mounting the contract over its own store, with a route prefix: the same HTTP surface the emulator serves.</summary>
public sealed class HostMountTests
{
    private static readonly DateTimeOffset Stamp = new(2024, 9, 10, 14, 20, 17, 123, TimeSpan.Zero);

    [Fact]
    public async Task TheHostStoreIsServedUnderItsPrefix()
    {
        await using var app = await StartHostAsync();
        using var http = Client(app);

        var changes = await CustomReply.ReadAsync(await http.GetAsync("Product/changes"));
        var get = await CustomReply.ReadAsync(await http.GetAsync("Product/p-1"));
        var unknownType = await CustomReply.ReadAsync(await http.GetAsync("Order/changes"));

        Assert.Equal("p-1", (string)changes.Body!["records"]![0]!["id"]!);
        Assert.False((bool)changes.Body["hasMore"]!);
        Assert.Equal("\"7\"", get.Headers["ETag"]);
        Assert.Equal("unknown-type", unknownType.Code);
        Assert.Equal("/api/sesam/Order/changes", (string)unknownType.Problem["instance"]!);
    }

    [Fact]
    public async Task TheHostsOwnRefusalsBecomeProblems()
    {
        await using var app = await StartHostAsync();
        using var http = Client(app);

        using var body = new StringContent("""{"fields": {"Sku": ""}}""", System.Text.Encoding.UTF8, "application/json");
        var reply = await CustomReply.ReadAsync(await http.PostAsync("Product", body));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("sku-taken", (string)reply.Problem["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task AFailingStoreAnswersA500ProblemWithoutItsDetails()
    {
        await using var app = await StartHostAsync();
        using var http = Client(app);

        using var body = new StringContent("""{"fields": {}}""", System.Text.Encoding.UTF8, "application/json");
        var reply = await CustomReply.ReadAsync(await http.PutAsync("Product/p-1", body));

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("server-error", reply.Code);
        Assert.DoesNotContain("hunter2", reply.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostKeyIsRequired()
    {
        await using var app = await StartHostAsync();
        using var http = Client(app);
        http.DefaultRequestHeaders.Authorization = null;

        var reply = await http.GetAsync("Product/changes");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.False(reply.Headers.Contains("RateLimit-Limit"));
    }

    private static async Task<WebApplication> StartHostAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapCustomSystem("/api/sesam", new OneProductStore(), new CustomSystemOptions { ApiKey = "host-key" });
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app) => new()
    {
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/api/sesam/"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", "host-key") },
    };

    /// <summary>A host store with one product that refuses every create, as a host's own rules might, and fails every update.</summary>
    private sealed class OneProductStore : ICustomRecordStore
    {
        private readonly CustomRecord _product = new("Product", "p-1", Stamp, false, "7", new JsonObject { ["Sku"] = "W-1" });

        public bool HasType(string type) => type == "Product";

        public Task<IReadOnlyList<CustomRecord>> ListChangesAsync(
            string type, ChangeCursor? after, DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CustomRecord>>(after is { } cursor && !cursor.IsBefore(_product) ? [] : [_product]);

        public Task<CustomRecord?> GetAsync(string type, string id, CancellationToken cancellationToken) =>
            Task.FromResult(id == _product.Id ? _product : null);

        public Task<IReadOnlyList<CustomRecord>> SearchAsync(
            string type, IReadOnlyDictionary<string, JsonNode?> match, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CustomRecord>>([_product]);

        public Task<CustomWriteResult> CreateAsync(string type, JsonObject fields, string? idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult(CustomWriteResult.Invalid([new CustomFieldError("Sku", "sku-taken", "Sku is taken.")]));

        public Task<CustomWriteResult> UpdateAsync(
            string type, string id, JsonObject fields, string? expectedVersion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database password=hunter2 rejected");

        public Task<CustomWriteResult> DeleteAsync(string type, string id, string? expectedVersion, CancellationToken cancellationToken) =>
            Task.FromResult(CustomWriteResult.NotFound);
    }
}
