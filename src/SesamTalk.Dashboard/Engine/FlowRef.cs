using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard;

/// <summary>A flow of one of the dashboard's hosts, as pages link to it and forms post it (one field, <c>flow</c>, holding <see cref="Key"/>).</summary>
/// <param name="Host">The host's name.</param>
/// <param name="Flow">The flow.</param>
internal readonly record struct FlowRef(string Host, SyncFlowId Flow)
{
    /// <summary>Host, entity, system and type, each escaped, joined by <c>|</c>.</summary>
    public string Key => string.Join('|', new[] { Host, Flow.Entity, Flow.Target.System, Flow.Target.Type }.Select(Uri.EscapeDataString));

    /// <summary>The flow as a query string parameter.</summary>
    public string Query => "flow=" + Uri.EscapeDataString(Key);

    /// <summary>The flow a <see cref="Key"/> names, or null when the text is not one.</summary>
    public static FlowRef? Read(string? key)
    {
        var parts = (key ?? "").Split('|');
        if (parts.Length != 4 || parts.Skip(1).Any(part => part.Length == 0))
        {
            return null;
        }

        var text = parts.Select(Uri.UnescapeDataString).ToArray();
        return new FlowRef(text[0], new SyncFlowId(text[1], new SyncTarget(text[2], text[3])));
    }

    /// <summary>How pages name the flow.</summary>
    public override string ToString() => (Host.Length == 0 ? "" : Host + ": ") + Flow.Entity + " → " + Flow.Target;
}
