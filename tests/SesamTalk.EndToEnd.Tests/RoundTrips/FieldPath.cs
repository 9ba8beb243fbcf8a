using System.Globalization;
using System.Text.Json.Nodes;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// A field of a record as a dotted path: <c>Name</c>, <c>Emails[0].Value</c>, or <c>Lines[Sku=AXE-08].Quantity</c> (the
/// element of <c>Lines</c> whose <c>Sku</c> is <c>AXE-08</c>).
/// </summary>
internal static class FieldPath
{
    /// <summary>The node at <paramref name="path"/>, or null when any step is missing.</summary>
    public static JsonNode? Get(JsonNode? root, string path)
    {
        var node = root;
        foreach (var step in path.Split('.'))
        {
            node = node is null ? null : Step(node, step);
        }

        return node;
    }

    /// <summary>Sets the node at <paramref name="path"/>; every step but the last must exist.</summary>
    public static void Set(JsonObject root, string path, JsonNode value)
    {
        var steps = path.Split('.');
        var parent = root as JsonNode;
        foreach (var step in steps[..^1])
        {
            parent = Step(parent, step) ?? throw new InvalidOperationException($"'{path}': '{step}' is missing.");
        }

        parent.AsObject()[steps[^1]] = value;
    }

    private static JsonNode? Step(JsonNode node, string step)
    {
        var open = step.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return node.AsObject()[step];
        }

        var elements = node.AsObject()[step[..open]]?.AsArray();
        var selector = step[(open + 1)..^1];
        var equals = selector.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            var index = int.Parse(selector, CultureInfo.InvariantCulture);
            return elements is not null && index < elements.Count ? elements[index] : null;
        }

        var (field, value) = (selector[..equals], selector[(equals + 1)..]);
        return elements?.FirstOrDefault(element => FieldText.Of(element?[field]) == value);
    }
}
