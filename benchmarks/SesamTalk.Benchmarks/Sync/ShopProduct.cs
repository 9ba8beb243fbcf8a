using SesamTalk;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>A product synced both ways with the custom system "Shop" (its emulator runs without a catalog: fields by property name).</summary>
[SyncsWith(SyncSystems.Shop, "Product", Origin = SyncOrigin.Both)]
public partial class ShopProduct : IBenchRecord
{
    [SyncId] public string Id { get; set; } = "";

    [MatchKey]
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool Active { get; set; }
}
