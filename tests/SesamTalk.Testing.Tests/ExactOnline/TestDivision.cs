using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>One emulator per test (so tests run in parallel without sharing data) and a plain HttpClient with a bearer token.</summary>
internal sealed class TestDivision : EmulatorClient<ExactOnlineEmulator>
{
    private TestDivision(ExactOnlineEmulator emulator, ManualClock? clock)
        : base(emulator, emulator.BaseUrl, emulator.IssueAccessToken())
    {
        Clock = clock;
        Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public ManualClock? Clock { get; }

    /// <summary>The REST root of the division, e.g. "/api/v1/499156".</summary>
    public string Root => "/api/v1/" + Emulator.Division.ToString(CultureInfo.InvariantCulture);

    public static async Task<TestDivision> StartAsync(Action<ExactOnlineEmulatorOptions>? configure = null, ManualClock? clock = null)
    {
        var options = new ExactOnlineEmulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new TestDivision(await ExactOnlineEmulator.StartAsync(options), clock);
    }

    public Task<ExactReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    /// <summary>Posts as clients do (the Exact SDKs' <c>Prefer: return=representation</c>), so the answer is the entity as stored.</summary>
    public Task<ExactReply> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString(), ("Prefer", "return=representation"));

    public Task<ExactReply> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body.ToJsonString());

    public Task<ExactReply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<ExactReply> SendAsync(HttpMethod method, string path, string? body, params (string Name, string Value)[] requestHeaders)
    {
        using var response = await SendRequestAsync(method, path, body, requestHeaders);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null;
        return new ExactReply(response.StatusCode, json, text, headers);
    }

    /// <summary>Posts an entity and returns the created body's <c>d</c>.</summary>
    public async Task<JsonObject> CreateAsync(string path, JsonObject fields)
    {
        var reply = await PostAsync($"{Root}/{path}", fields);
        Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
        return reply.D.AsObject();
    }

    /// <summary>Seeds an account and an item, the references every quotation and sales order needs.</summary>
    public (Guid Account, Guid Item) SeedAccountAndItem()
    {
        var account = Emulator.Seed("Accounts", new JsonObject { ["Name"] = "Albex Winkelinrichting B.V." });
        var item = Emulator.Seed("Items", new JsonObject { ["Code"] = "BALK-10", ["Description"] = "Grenen Balk 10 x 10 x 200" });
        return (account, item);
    }
}

/// <summary>A parsed response.</summary>
internal sealed record ExactReply(HttpStatusCode Status, JsonNode? Body, string Text, Dictionary<string, string> Headers)
{
    public JsonNode D => Body?["d"] ?? throw new InvalidOperationException("No 'd' in " + Text);

    public JsonArray Results => D["results"]!.AsArray();

    public string? Next => (string?)D["__next"];

    /// <summary>The <c>error.message.value</c> of an Exact error body, asserting the whole shape.</summary>
    public string ErrorMessage
    {
        get
        {
            var error = Body!["error"]!.AsObject();
            Assert.Equal(["code", "message"], error.Select(p => p.Key));
            Assert.Equal("", (string)error["code"]!);
            Assert.Equal(["lang", "value"], error["message"]!.AsObject().Select(p => p.Key));
            return (string)error["message"]!["value"]!;
        }
    }
}
