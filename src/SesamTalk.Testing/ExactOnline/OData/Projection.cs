using SesamTalk.Testing.Catalogs;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.OData;

/// <summary>
/// Which properties a response row carries: the <c>$select</c>ed fields (all when not selected), the navigation
/// properties (deferred links unless <c>$expand</c>ed) and, on sync endpoints, <c>Timestamp</c>.
/// </summary>
internal sealed record Projection(
    IReadOnlyList<CatalogField> Fields,
    IReadOnlyList<Navigation> Navigations,
    IReadOnlySet<string> Expanded,
    bool Timestamp)
{
    /// <summary>Every field and navigation property, nothing expanded.</summary>
    public static Projection All(EntitySchema schema, bool timestamp = false) =>
        new(schema.Fields, timestamp ? [] : schema.Navigations, new HashSet<string>(StringComparer.Ordinal), timestamp);
}
