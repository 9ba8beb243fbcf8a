namespace SesamTalk.Testing.Http;

/// <summary>Reads the token of an <c>Authorization: Bearer …</c> header.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The trimmed token, or null when the header is missing or of another scheme.</summary>
    public static string? From(string? authorization) =>
        authorization?.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) == true ? authorization[Scheme.Length..].Trim() : null;
}
