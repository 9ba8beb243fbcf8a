using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Http;

/// <summary>
/// A response a handler produced but has not written yet, in any emulator's own response type, so that the shared
/// pipeline can apply faults (drop or corrupt the response) after the work is committed.
/// </summary>
internal interface IEmulatorResponse
{
    /// <summary>The HTTP status.</summary>
    int Status { get; }

    /// <summary>The JSON body, or null for none.</summary>
    JsonNode? Body { get; }

    /// <summary>Headers to send, or null for none.</summary>
    IReadOnlyDictionary<string, string>? Headers { get; }

    /// <summary>A plain-text body sent instead of <see cref="Body"/>, or null for a JSON (or empty) response.</summary>
    string? Text => null;

    /// <summary>The <c>Content-Type</c> of <see cref="Text"/>.</summary>
    string TextContentType => "text/plain; charset=utf-8";

    /// <summary>The <c>Content-Type</c> of the JSON body, as the emulated system spells it.</summary>
    string ContentType { get; }
}
