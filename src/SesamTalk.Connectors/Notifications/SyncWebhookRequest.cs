namespace SesamTalk.Connectors.Notifications;

/// <summary>A webhook callback as it arrived: method, headers and the raw body (signatures are computed over its bytes).</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Headers">The request headers, names case-insensitive; repeated headers joined with commas.</param>
/// <param name="Query">The query string's parameters, names case-insensitive.</param>
/// <param name="Body">The raw body.</param>
public sealed record SyncWebhookRequest(
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    ReadOnlyMemory<byte> Body);
