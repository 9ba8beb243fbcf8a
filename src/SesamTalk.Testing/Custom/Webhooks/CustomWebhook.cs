namespace SesamTalk.Testing.Custom;

/// <summary>A webhook subscription of a <see cref="CustomSystemEmulator"/>, as <c>GET /webhooks/{id}</c> shows it (never its secret).</summary>
/// <param name="Id">The subscription's id, e.g. <c>wh_3f1c…</c>.</param>
/// <param name="Url">Where its events are posted.</param>
/// <param name="Types">The record types it receives events of (catalog spelling).</param>
/// <param name="Description">The subscriber's note, or null.</param>
/// <param name="Enabled">False once the system disabled it (too many failed deliveries, or <see cref="CustomSystemEmulator.DisableWebhook"/>).</param>
/// <param name="ConsecutiveFailures">Deliveries that failed since the last one that succeeded.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="DisabledAt">When it was disabled, or null.</param>
public sealed record CustomWebhook(
    string Id, Uri Url, IReadOnlyList<string> Types, string? Description, bool Enabled, int ConsecutiveFailures, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt);
