using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Custom.Emulation;

/// <summary>A record as the in-memory store keeps it; <see cref="Snapshot"/> hands out copies.</summary>
internal sealed class StoredRecord(string type, string id)
{
    public string Type { get; } = type;

    public string Id { get; } = id;

    public DateTimeOffset ModifiedAt { get; set; }

    public bool Deleted { get; set; }

    public string Version { get; set; } = "";

    public JsonObject Fields { get; set; } = [];

    public CustomRecord Snapshot() => new(Type, Id, ModifiedAt, Deleted, Version, Fields.DeepClone().AsObject());
}
