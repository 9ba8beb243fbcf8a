using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Testing.Tests.SuperOffice;

/// <summary>One emulator per test (so tests run in parallel without sharing data) and a plain HttpClient with a bearer token.</summary>
internal sealed class TestTenant : EmulatorClient<SuperOfficeEmulator>
{
    private TestTenant(SuperOfficeEmulator emulator, ManualClock? clock)
        : base(emulator, emulator.BaseUrl, emulator.IssueAccessToken())
    {
        Clock = clock;
        Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public ManualClock? Clock { get; }

    /// <summary>The WebAPI v1 root of the tenant, e.g. "/Cust12345/api/v1".</summary>
    public string Root => $"/{Emulator.ContextIdentifier}/api/v1";

    public static async Task<TestTenant> StartAsync(Action<SuperOfficeEmulatorOptions>? configure = null, ManualClock? clock = null)
    {
        var options = new SuperOfficeEmulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new TestTenant(await SuperOfficeEmulator.StartAsync(options), clock);
    }

    public Task<SoReply> GetAsync(string path, params (string Name, string Value)[] headers) => SendAsync(HttpMethod.Get, path, null, headers);

    public Task<SoReply> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<SoReply> PutAsync(string path, JsonNode body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Put, path, body.ToJsonString(), headers);

    public Task<SoReply> PatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body.ToJsonString());

    public Task<SoReply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<SoReply> SendAsync(HttpMethod method, string path, string? body, params (string Name, string Value)[] headers)
    {
        using var response = await SendRequestAsync(method, path, body, headers);
        var text = await response.Content.ReadAsStringAsync();
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null;
        return new SoReply(response.StatusCode, json, text, all);
    }

    /// <summary>Posts an entity and returns the saved entity.</summary>
    public async Task<JsonObject> CreateAsync(string entity, JsonObject fields)
    {
        var reply = await PostAsync($"{Root}/{entity}", fields);
        Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
        return reply.Body!.AsObject();
    }
}

/// <summary>A parsed response.</summary>
internal sealed record SoReply(HttpStatusCode Status, JsonNode? Body, string Text, Dictionary<string, string> Headers)
{
    public JsonArray Value => Body!["value"]!.AsArray();

    /// <summary>The <c>ErrorType</c> of a WebAPI error body, asserting the whole shape.</summary>
    public string ErrorType
    {
        get
        {
            var error = Body!.AsObject();
            Assert.Equal(["Error", "ErrorType", "ErrorMessage", "ErrorSource"], error.Select(p => p.Key));
            Assert.True((bool)error["Error"]!);
            Assert.Equal("SuperOffice.Services.Implementation", (string)error["ErrorSource"]!);
            return (string)error[nameof(ErrorType)]!;
        }
    }

    public string ErrorMessage => (string)Body![nameof(ErrorMessage)]!;
}
