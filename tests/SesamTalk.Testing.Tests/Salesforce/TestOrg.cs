using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>One emulator per test (so tests run in parallel without sharing data) and a plain HttpClient with a session.</summary>
internal sealed class TestOrg : EmulatorClient<SalesforceEmulator>
{
    public const string V = "/services/data/v64.0";

    private TestOrg(SalesforceEmulator emulator, ManualClock? clock)
        : base(emulator, emulator.BaseUrl, emulator.IssueAccessToken()) => Clock = clock;

    public ManualClock? Clock { get; }

    public static async Task<TestOrg> StartAsync(Action<SalesforceEmulatorOptions>? configure = null, ManualClock? clock = null)
    {
        var options = new SalesforceEmulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new TestOrg(await SalesforceEmulator.StartAsync(options), clock);
    }

    public Task<Reply> GetAsync(string path, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, path, null, headers);

    public Task<Reply> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<Reply> PatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body.ToJsonString());

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? body, params (string Name, string Value)[] headers)
    {
        using var response = await SendRequestAsync(method, path, body, headers);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(
            response.StatusCode,
            text.Length == 0 ? null : JsonNode.Parse(text),
            response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Creates a record through the API and returns its id.</summary>
    public async Task<string> CreateAsync(string type, JsonObject fields)
    {
        var reply = await PostAsync($"{V}/sobjects/{type}", fields);
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return (string)reply.Body!["id"]!;
    }
}

/// <summary>A parsed response.</summary>
internal sealed record Reply(HttpStatusCode Status, JsonNode? Body, Dictionary<string, string> Headers)
{
    /// <summary>The single error of a REST error array, asserting the array shape.</summary>
    public JsonObject SingleError()
    {
        var array = Assert.IsType<JsonArray>(Body);
        return Assert.Single(array)!.AsObject();
    }

    public string ErrorCode => (string)SingleError()["errorCode"]!;

    /// <summary>Asserts the body equals the expected JSON, compared as JSON values (key order and escaping aside).</summary>
    public void AssertBody(string expected) => AssertBody(JsonNode.Parse(expected));

    public void AssertBody(JsonNode? expected) =>
        Assert.True(JsonNode.DeepEquals(expected, Body), $"Expected {expected?.ToJsonString()}\nActual   {Body?.ToJsonString()}");
}

