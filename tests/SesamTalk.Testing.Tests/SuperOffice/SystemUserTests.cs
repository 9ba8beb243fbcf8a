using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.SuperOffice;

/// <summary>The System User flow: PartnerSystemUser/Authenticate and SOTicket calls.</summary>
public sealed class SystemUserTests
{
    private const string TicketClaim = "http://schemes.superoffice.net/identity/ticket";
    private static readonly DateTimeOffset Now = new(2024, 9, 10, 14, 20, 45, TimeSpan.Zero);

    [Fact]
    public async Task A_token_signed_with_the_registered_key_gets_a_ticket_the_api_takes_with_the_app_token()
    {
        using var key = RSA.Create(2048);
        await using var tenant = await TestTenant.StartAsync(clock: new ManualClock(Now));
        tenant.Emulator.RegisterSystemUserKey(key.ExportSubjectPublicKeyInfoPem());

        var body = await AuthenticateAsync(tenant, Signed(tenant.Emulator.SystemToken, Now, key), tenant.Emulator.ClientSecret);

        Assert.True((bool)body["IsSuccessful"]!);
        var ticket = Claims((string)body["Token"]!)[TicketClaim]!.GetValue<string>();
        Assert.StartsWith("7T:", ticket, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await PrincipalStatusAsync(tenant, ticket, tenant.Emulator.ClientSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await PrincipalStatusAsync(tenant, ticket, appToken: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PrincipalStatusAsync(tenant, "7T:forged", tenant.Emulator.ClientSecret));
    }

    [Fact]
    public async Task A_wrong_key_a_stale_stamp_an_unknown_app_or_system_token_are_refused_with_a_reason()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        await using var tenant = await TestTenant.StartAsync(clock: new ManualClock(Now));
        tenant.Emulator.RegisterSystemUserKey(key.ExportSubjectPublicKeyInfoPem());
        var secret = tenant.Emulator.ClientSecret;

        var wrongKey = await AuthenticateAsync(tenant, Signed(tenant.Emulator.SystemToken, Now, other), secret);
        var stale = await AuthenticateAsync(tenant, Signed(tenant.Emulator.SystemToken, Now.AddHours(-1), key), secret);
        var unknownApp = await AuthenticateAsync(tenant, Signed(tenant.Emulator.SystemToken, Now, key), "not-the-secret");
        var unknownUser = await AuthenticateAsync(tenant, Signed("Other-123", Now, key), secret);

        Assert.Equal("The signature of the system token is not valid.", (string)wrongKey["ErrorMessage"]!);
        Assert.Equal("The signed system token has expired.", (string)stale["ErrorMessage"]!);
        Assert.Equal("Unknown application token.", (string)unknownApp["ErrorMessage"]!);
        Assert.Equal("Unknown system token.", (string)unknownUser["ErrorMessage"]!);
        Assert.All(new[] { wrongKey, stale, unknownApp, unknownUser }, body => Assert.False((bool)body["IsSuccessful"]!));
    }

    private static string Signed(string systemToken, DateTimeOffset at, RSA key)
    {
        var data = systemToken + "." + at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        return data + "." + Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(data), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static async Task<JsonObject> AuthenticateAsync(TestTenant tenant, string signed, string applicationToken)
    {
        var body = new JsonObject
        {
            ["SignedSystemToken"] = signed,
            ["ApplicationToken"] = applicationToken,
            ["ContextIdentifier"] = tenant.Emulator.ContextIdentifier,
            ["ReturnTokenType"] = "JWT",
        };
        var reply = await tenant.PostAsync("/login/api/PartnerSystemUser/Authenticate", body);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Body!.AsObject();
    }

    private static async Task<HttpStatusCode> PrincipalStatusAsync(TestTenant tenant, string ticket, string? appToken)
    {
        tenant.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SOTicket", ticket);
        tenant.Http.DefaultRequestHeaders.Remove("SO-AppToken");
        if (appToken is not null)
        {
            tenant.Http.DefaultRequestHeaders.Add("SO-AppToken", appToken);
        }

        return (await tenant.GetAsync($"{tenant.Root}/User/currentPrincipal")).Status;
    }

    private static JsonObject Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonNode.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')))!.AsObject();
    }
}
