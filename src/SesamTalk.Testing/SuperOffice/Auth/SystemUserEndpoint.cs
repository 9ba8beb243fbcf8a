using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Auth;

/// <summary>
/// <c>POST /login/api/PartnerSystemUser/Authenticate</c>, the server-to-server System User flow: the app signs the
/// tenant's system token (from the administrator's id_token) with its RSA key as
/// <c>{system_token}.{yyyyMMddHHmm}.{base64 RS256 signature}</c>, sends it with its client secret as the application
/// token, and receives a JWT whose <c>ticket</c> claim is a <c>7T:…</c> ticket for <c>Authorization: SOTicket</c>.
/// Answers <c>{"IsSuccessful", "ErrorMessage", "Token"}</c>.
/// </summary>
internal sealed class SystemUserEndpoint(SuperOfficeTenant tenant)
{
    /// <summary>How far a signature's timestamp may be from the server's clock.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        var refusal = Refusal(Text(body, "SignedSystemToken"), Text(body, "ApplicationToken"), Text(body, "ContextIdentifier"));
        if (refusal is not null)
        {
            return new ApiResponse(StatusCodes.Status200OK, new JsonObject { ["IsSuccessful"] = false, ["ErrorMessage"] = refusal, ["Token"] = null });
        }

        var token = tenant.IdTokens.IssueSystemUserToken(tenant, tenant.Tokens.IssueTicket());
        return new ApiResponse(StatusCodes.Status200OK, new JsonObject { ["IsSuccessful"] = true, ["ErrorMessage"] = "", ["Token"] = token });
    }

    private string? Refusal(string? signed, string? applicationToken, string? context)
    {
        if (!string.Equals(applicationToken, tenant.Options.ClientSecret, StringComparison.Ordinal))
        {
            return "Unknown application token.";
        }

        if (!string.Equals(context, tenant.Options.ContextIdentifier, StringComparison.OrdinalIgnoreCase))
        {
            return $"Unknown context identifier '{context}'.";
        }

        var parts = signed?.Split('.') ?? [];
        if (parts.Length != 3 || !string.Equals(parts[0], tenant.SystemToken, StringComparison.Ordinal))
        {
            return "Unknown system token.";
        }

        if (!DateTimeOffset.TryParseExact(parts[1], "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
            || (stamp - tenant.Clock.GetUtcNow()).Duration() > Skew)
        {
            return "The signed system token has expired.";
        }

        if (tenant.SystemUserKey is not { } key || !Verifies(key, parts[0] + "." + parts[1], parts[2]))
        {
            return "The signature of the system token is not valid.";
        }

        return null;
    }

    private static bool Verifies(RSA key, string data, string signature)
    {
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(data), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? Text(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
