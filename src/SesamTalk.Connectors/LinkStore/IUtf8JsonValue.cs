using System.Text.Json;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// A value the link store keeps as JSON text, written by its owner straight into a batch's UTF-8 JSON, so that no
/// text of it is made, escaped and encoded again on the way; <see cref="object.ToString"/> gives the same text.
/// </summary>
internal interface IUtf8JsonValue
{
    /// <summary>Writes the value as one JSON value.</summary>
    /// <param name="writer">The writer, placed where a value goes.</param>
    void WriteTo(Utf8JsonWriter writer);
}
