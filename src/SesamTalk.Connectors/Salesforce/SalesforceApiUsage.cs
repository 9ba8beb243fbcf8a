using System.Globalization;
using System.Text.RegularExpressions;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The org's daily API usage as the last response's <c>Sforce-Limit-Info: api-usage=used/limit</c> header reported
/// it; shared by every call to the org, and the figure behind the "quota left" metric.
/// </summary>
public sealed partial class SalesforceApiUsage
{
    private long _used = -1;
    private long _limit = -1;

    /// <summary>Calls used today, or null before the first response.</summary>
    public long? Used => Interlocked.Read(ref _used) is var used and >= 0 ? used : null;

    /// <summary>Calls allowed per day, or null before the first response.</summary>
    public long? Limit => Interlocked.Read(ref _limit) is var limit and >= 0 ? limit : null;

    /// <summary>Calls left today, or null before the first response.</summary>
    public long? Remaining => Used is { } used && Limit is { } limit ? Math.Max(limit - used, 0) : null;

    /// <summary>When the figures were last read from a response, or null before the first.</summary>
    public DateTimeOffset? ObservedAt { get; private set; }

    /// <summary>Reads the header of a response; other headers leave the figures as they were.</summary>
    /// <param name="response">A response from the org.</param>
    /// <param name="at">When it arrived.</param>
    public void Observe(HttpResponseMessage response, DateTimeOffset at)
    {
        if (!response.Headers.TryGetValues("Sforce-Limit-Info", out var values))
        {
            return;
        }

        var match = UsagePattern().Match(string.Join(",", values));
        if (match.Success)
        {
            Interlocked.Exchange(ref _used, long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            Interlocked.Exchange(ref _limit, long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            ObservedAt = at;
        }
    }

    [GeneratedRegex(@"api-usage=(\d+)/(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex UsagePattern();
}
