namespace SesamTalk.Benchmarks.Sync;

/// <summary>The fields the sync benchmark's host store keeps, shared by its two entities (one per system).</summary>
internal interface IBenchRecord
{
    string Id { get; set; }

    string Code { get; set; }

    string Name { get; set; }

    string? Description { get; set; }

    bool Active { get; set; }
}
