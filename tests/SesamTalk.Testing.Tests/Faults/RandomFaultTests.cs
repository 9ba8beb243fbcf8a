using System.Net;
using System.Text.Json;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Salesforce;
using SesamTalk.Testing.SuperOffice;
using SesamTalk.Testing.Tests.Custom;

namespace SesamTalk.Testing.Tests.Faults;

/// <summary>
/// The seeded random fault mode every emulator shares, driven through the custom-system emulator (each fault there is
/// visible from outside except <see cref="RandomFaultKind.Slow"/>), and the parts the OAuth emulators add.
/// </summary>
public sealed class RandomFaultTests
{
    /// <summary>Every kind whose request the client can tell apart, paired with what the client sees.</summary>
    private static readonly Dictionary<RandomFaultKind, string> Visible = new()
    {
        [RandomFaultKind.TooManyRequests] = "429",
        [RandomFaultKind.ServerError] = "500",
        [RandomFaultKind.BadGateway] = "502",
        [RandomFaultKind.ServiceUnavailable] = "503",
        [RandomFaultKind.LoseResponse] = "lost",
        [RandomFaultKind.MalformedBody] = "malformed",
    };

    [Fact]
    public async Task TheSameSeedGivesTheSameFaultsAndAnotherSeedOthers()
    {
        var first = await PlayAsync(Options(seed: 42, probability: 0.3), requests: 120);
        var again = await PlayAsync(Options(seed: 42, probability: 0.3), requests: 120);
        var other = await PlayAsync(Options(seed: 43, probability: 0.3), requests: 120);

        Assert.Equal(first.Outcomes, again.Outcomes);
        Assert.Equal(first.Counts, again.Counts);
        Assert.NotEqual(first.Outcomes, other.Outcomes);
        Assert.InRange(first.Outcomes.Count(o => o != "ok"), 12, 60);
    }

    [Fact]
    public async Task TheCountsPerKindAddUpToTheFaultedRequests()
    {
        var played = await PlayAsync(Options(seed: 7, probability: 0.5), requests: 120);

        foreach (var (kind, outcome) in Visible)
        {
            Assert.True(played.Counts[kind] == played.Outcomes.Count(o => o == outcome), $"{kind}: counted {played.Counts[kind]}, seen {played.Outcomes.Count(o => o == outcome)}");
        }

        Assert.Equal(played.Outcomes.Count(o => o != "ok"), played.Counts.Values.Sum());
        Assert.All(Visible.Keys, kind => Assert.True(played.Counts[kind] > 0, $"{kind} never drawn"));
    }

    [Fact]
    public async Task ProbabilityZeroFaultsNothing()
    {
        var played = await PlayAsync(Options(seed: 1, probability: 0), requests: 40);

        Assert.All(played.Outcomes, outcome => Assert.Equal("ok", outcome));
        Assert.All(played.Counts.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task StopEndsThemAndKeepsTheCountsWhileInjectedFaultsComeFirst()
    {
        await using var system = await TestSystem.StartAsync(o => o.RateLimit = 10_000);
        system.Emulator.InjectRandomFaults(new RandomFaultOptions { Seed = 3, Probability = 1, Kinds = [RandomFaultKind.ServerError] });
        system.Emulator.Inject(CustomFault.TooManyRequests(TimeSpan.Zero));

        var injected = await OutcomeAsync(system.Http);
        var random = await OutcomeAsync(system.Http);
        system.Emulator.StopRandomFaults();
        var stopped = await OutcomeAsync(system.Http);

        Assert.Equal(["429", "500", "ok"], [injected, random, stopped]);
        Assert.Equal(1, system.Emulator.FaultCounts[RandomFaultKind.ServerError]);
        Assert.Equal(1, system.Emulator.FaultCounts.Values.Sum());
    }

    [Fact]
    public async Task EachEmulatorDrawsTheKindsItHas()
    {
        await using var crm = await CustomSystemEmulator.StartAsync();
        await using var salesforce = await SalesforceEmulator.StartAsync();
        await using var exact = await ExactOnlineEmulator.StartAsync();
        await using var superOffice = await SuperOfficeEmulator.StartAsync();
        var all = Enum.GetValues<RandomFaultKind>();

        Assert.Equal(all.Except([RandomFaultKind.ExpireTokens]), crm.FaultCounts.Keys);
        Assert.Throws<ArgumentException>(() => crm.InjectRandomFaults(new RandomFaultOptions { Kinds = [RandomFaultKind.ExpireTokens] }));
        Assert.Throws<ArgumentException>(() => crm.InjectRandomFaults(new RandomFaultOptions { Probability = 1.5 }));
        IRandomFaults[] oauth = [salesforce, exact, superOffice];
        Assert.All(oauth, emulator => Assert.Equal(all, emulator.FaultCounts.Keys));
    }

    [Fact]
    public async Task ExpiredTokensAreARandomFaultOfTheOAuthEmulators()
    {
        await using var org = await SalesforceEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = org.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", org.IssueAccessToken());
        org.InjectRandomFaults(new RandomFaultOptions { Seed = 5, Probability = 1, Kinds = [RandomFaultKind.ExpireTokens] });

        using var response = await http.GetAsync(new Uri("services/data/v64.0/limits", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, org.FaultCounts[RandomFaultKind.ExpireTokens]);
    }

    [Fact]
    public async Task ExactOnlinesRotatingTokenEndpointNeverLosesItsAnswer()
    {
        await using var exact = await ExactOnlineEmulator.StartAsync();
        using var http = new HttpClient();
        exact.InjectRandomFaults(new RandomFaultOptions { Seed = 9, Probability = 1, Kinds = [RandomFaultKind.LoseResponse, RandomFaultKind.MalformedBody] });

        using var response = await http.PostAsync(exact.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = exact.IssueRefreshToken(),
            ["client_id"] = exact.ClientId,
            ["client_secret"] = exact.ClientSecret,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("refresh_token", out _));
        Assert.Equal(0, exact.FaultCounts.Values.Sum());
    }

    private static RandomFaultOptions Options(int seed, double probability) =>
        new() { Seed = seed, Probability = probability, Kinds = Visible.Keys, RetryAfter = TimeSpan.Zero };

    private static async Task<(List<string> Outcomes, IReadOnlyDictionary<RandomFaultKind, int> Counts)> PlayAsync(RandomFaultOptions options, int requests)
    {
        await using var system = await TestSystem.StartAsync(o => o.RateLimit = 10_000);
        system.Emulator.InjectRandomFaults(options);
        var outcomes = new List<string>();
        for (var i = 0; i < requests; i++)
        {
            outcomes.Add(await OutcomeAsync(system.Http));
        }

        return (outcomes, system.Emulator.FaultCounts);
    }

    /// <summary>What a client sees of one read of the change feed: ok, the error status, a lost answer or an unparsable body.</summary>
    private static async Task<string> OutcomeAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("Product/changes", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            using var _ = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return "ok";
        }
        catch (HttpRequestException)
        {
            return "lost";
        }
        catch (JsonException)
        {
            return "malformed";
        }
    }
}
