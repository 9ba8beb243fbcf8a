using System.Text.Json.Nodes;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>A checked body: field values in wire form, and for a header create the values of each nested line.</summary>
internal sealed record ValidatedWrite(Dictionary<string, JsonNode?> Values, IReadOnlyList<Dictionary<string, JsonNode?>> Lines);
