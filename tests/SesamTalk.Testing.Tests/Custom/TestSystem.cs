using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom;

namespace SesamTalk.Testing.Tests.Custom;

/// <summary>One emulator per test (so tests run in parallel without sharing data), a hand-moved clock and a plain HttpClient with the API key.</summary>
internal sealed class TestSystem : EmulatorClient<CustomSystemEmulator>
{
    /// <summary>Where every test's clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2024, 9, 10, 14, 20, 17, 123, TimeSpan.Zero);

    private TestSystem(CustomSystemEmulator emulator, ManualClock clock)
        : base(emulator, emulator.BaseUrl, emulator.ApiKey) => Clock = clock;

    public ManualClock Clock { get; }

    public static async Task<TestSystem> StartAsync(Action<CustomSystemEmulatorOptions>? configure = null)
    {
        var clock = new ManualClock(Start);
        var options = new CustomSystemEmulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new TestSystem(await CustomSystemEmulator.StartAsync(options), clock);
    }

    public Task<CustomReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<CustomReply> PostAsync(string path, JsonNode body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, path, body.ToJsonString(), headers);

    public Task<CustomReply> PutAsync(string path, JsonNode body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Put, path, body.ToJsonString(), headers);

    public Task<CustomReply> DeleteAsync(string path, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Delete, path, null, headers);

    public async Task<CustomReply> SendAsync(HttpMethod method, string path, string? body, params (string Name, string Value)[] headers)
    {
        using var response = await SendRequestAsync(method, path, body, headers);
        return await CustomReply.ReadAsync(response);
    }

    /// <summary>Creates a record through the API and returns it.</summary>
    public async Task<JsonObject> CreateAsync(string type, JsonObject fields)
    {
        var reply = await PostAsync(type, new JsonObject { ["fields"] = fields });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return reply.Body!.AsObject();
    }

    /// <summary>Reads the whole change feed from <paramref name="cursor"/> page by page; returns the records and the last cursor.</summary>
    public async Task<(List<JsonObject> Records, string Cursor)> DrainAsync(string type, string cursor = "", int limit = 100)
    {
        var records = new List<JsonObject>();
        while (true)
        {
            var page = await GetAsync($"{type}/changes?cursor={Uri.EscapeDataString(cursor)}&limit={limit}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            records.AddRange(page.Body!["records"]!.AsArray().Select(r => r!.AsObject()));
            cursor = (string)page.Body["nextCursor"]!;
            if (!(bool)page.Body["hasMore"]!)
            {
                return (records, cursor);
            }
        }
    }
}

/// <summary>A parsed response.</summary>
internal sealed record CustomReply(HttpStatusCode Status, JsonNode? Body, Dictionary<string, string> Headers, string? MediaType)
{
    public static async Task<CustomReply> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new CustomReply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), headers, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The RFC 7807 body, asserting the media type and that <c>status</c> repeats the HTTP status.</summary>
    public JsonObject Problem
    {
        get
        {
            Assert.Equal("application/problem+json", MediaType);
            var problem = Body!.AsObject();
            Assert.Equal((int)Status, (int)problem["status"]!);
            Assert.Equal("urn:sesamtalk:problem:" + (string)problem["code"]!, (string)problem["type"]!);
            return problem;
        }
    }

    public string Code => (string)Problem["code"]!;

    public string Id => (string)Body!["id"]!;

    public string Version => (string)Body!["version"]!;
}
