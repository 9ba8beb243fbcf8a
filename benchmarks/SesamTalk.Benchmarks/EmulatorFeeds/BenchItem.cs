using System.ComponentModel.DataAnnotations;
using SesamTalk;

namespace SesamTalk.Benchmarks.EmulatorFeeds;

/// <summary>An item as a host keeps it, synced with Exact Online Items.</summary>
[SyncsWith("ExactOnline", "Items")]
public partial class BenchItem
{
    [SyncId] public string Id { get; set; } = "";

    [MatchKey]
    [MaxLength(30)]
    public string Code { get; set; } = "";

    [MaxLength(60)]
    public string Description { get; set; } = "";
}
