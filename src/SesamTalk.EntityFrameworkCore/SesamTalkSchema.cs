using Microsoft.EntityFrameworkCore.Metadata;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>The names the package adds to a host's model: the stamp column, the annotation that marks a synced entity.</summary>
internal static class SesamTalkSchema
{
    /// <summary>The shadow property (and column) that holds a synced row's change position.</summary>
    public const string StampProperty = "SesamTalkStamp";

    /// <summary>The entity-type annotation whose value is the synced entity's name in the sync model.</summary>
    public const string EntityAnnotation = "SesamTalk:Entity";

    /// <summary>The table of the one-row change clock.</summary>
    public const string ClockTable = "sesamtalk_clock";

    /// <summary>The table of delete tombstones.</summary>
    public const string TombstoneTable = "sesamtalk_tombstones";

    /// <summary>The synced entity's name when <paramref name="entityType"/> is a synced root, else null.</summary>
    public static string? EntityName(IReadOnlyEntityType entityType) => entityType.FindAnnotation(EntityAnnotation)?.Value as string;
}
