namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>How long to wait before subscribing again after failures in a row: 1, 2, 4, … seconds, at most the org's longest retry wait.</summary>
internal static class StreamBackoff
{
    public static TimeSpan After(int failures, TimeSpan max)
    {
        var seconds = Math.Pow(2, Math.Clamp(failures - 1, 0, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, max.TotalSeconds));
    }
}
