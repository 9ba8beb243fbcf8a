using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// Copies a detached record the engine saves onto the tracked record loaded with its child collections: the root's
/// values, each child matched by key updated, new children added, missing children deleted; one SaveChanges then
/// writes the whole record.
/// </summary>
internal static class GraphCopy
{
    /// <summary>Copies <paramref name="source"/> onto <paramref name="target"/>, which <paramref name="context"/> tracks.</summary>
    public static void Copy(DbContext context, object target, object source, IReadOnlyList<string> children)
    {
        var entry = context.Entry(target);
        CopyValues(entry, source, except: []);
        foreach (var name in children)
        {
            CopyChildren(context, entry.Collection(name), source);
        }
    }

    private static void CopyChildren(DbContext context, CollectionEntry collection, object source)
    {
        var navigation = (INavigation)collection.Metadata;
        var accessor = navigation.GetCollectionAccessor()!;
        var parentKey = navigation.ForeignKey.Properties;
        // A child is matched by the part of its key that is its own (a line id), not the parent's key it carries.
        var childKey = navigation.TargetEntityType.FindPrimaryKey()!.Properties.Where(property => !parentKey.Contains(property)).ToList();
        var replaceAll = childKey.Count == 0 || childKey.Any(property => property.IsShadowProperty());
        var current = collection.CurrentValue?.Cast<object>().ToList() ?? [];
        var wanted = (navigation.GetGetter().GetClrValue(source) as System.Collections.IEnumerable)?.Cast<object>().ToList() ?? [];
        var byKey = replaceAll ? [] : current.ToDictionary(child => KeyOf(childKey, child), child => child);
        foreach (var child in wanted)
        {
            if (!replaceAll && byKey.Remove(KeyOf(childKey, child), out var existing))
            {
                CopyValues(context.Entry(existing), child, parentKey);
                continue;
            }

            accessor.Add(collection.EntityEntry.Entity, child, forMaterialization: false);
            if (!navigation.TargetEntityType.IsOwned())
            {
                context.Entry(child).State = EntityState.Added; // a key the engine set must not read as an existing row
            }
        }

        foreach (var gone in replaceAll ? current : [.. byKey.Values])
        {
            context.Remove(gone);
        }
    }

    private static void CopyValues(EntityEntry entry, object source, IReadOnlyList<IProperty> except)
    {
        foreach (var property in entry.Metadata.GetProperties())
        {
            if (!property.IsShadowProperty() && !property.IsPrimaryKey() && !except.Contains(property))
            {
                entry.Property(property.Name).CurrentValue = property.GetGetter().GetClrValue(source);
            }
        }
    }

    private static string KeyOf(IReadOnlyList<IProperty> key, object child) =>
        string.Join('\u001f', key.Select(property => EntityKey.Text(property.GetGetter().GetClrValue(child))));
}
