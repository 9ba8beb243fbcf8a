using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// What one <c>SaveChanges</c> changes of synced records: the roots to stamp (inserted, updated, or with a child
/// inserted, updated or deleted) and the roots deleted, each needing a tombstone.
/// </summary>
internal sealed class SyncedChanges
{
    private readonly List<EntityEntry> _stamped = [];
    private readonly List<Tombstone> _deleted = [];

    /// <summary>How many change positions the save needs.</summary>
    public int Count => _stamped.Count + _deleted.Count;

    /// <summary>Collects the synced changes of the context's pending save.</summary>
    /// <param name="context">The saving context.</param>
    /// <param name="cancellationToken">Cancels the look-up of a changed child's parent.</param>
    public static async Task<SyncedChanges> CollectAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges(); // what SaveChanges is about to detect, seen before it stamps
        }

        var changes = new SyncedChanges();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in context.ChangeTracker.Entries().Where(IsChanged).ToList())
        {
            if (SesamTalkSchema.EntityName(entry.Metadata) is { } name)
            {
                if (entry.State == EntityState.Deleted)
                {
                    var key = entry.Metadata.FindPrimaryKey()!.Properties[0];
                    changes._deleted.Add(new Tombstone { Entity = name, Id = EntityKey.Text(entry.OriginalValues[key]) });
                }
                else if (seen.Add(entry.Entity))
                {
                    changes._stamped.Add(entry);
                }

                continue;
            }

            foreach (var foreignKey in entry.Metadata.GetForeignKeys())
            {
                if (await ParentAsync(context, entry, foreignKey, cancellationToken).ConfigureAwait(false) is { } parent && seen.Add(parent.Entity))
                {
                    changes._stamped.Add(parent);
                }
            }
        }

        return changes;
    }

    /// <summary>Stamps the roots and adds the tombstones, at consecutive positions from <paramref name="first"/>.</summary>
    public void Apply(DbContext context, long first)
    {
        var position = first;
        foreach (var entry in _stamped)
        {
            entry.Property(SesamTalkSchema.StampProperty).CurrentValue = position++;
        }

        foreach (var tombstone in _deleted)
        {
            tombstone.Stamp = position++;
            context.Add(tombstone);
        }
    }

    /// <summary>The synced records the save changed, by entity name and id (read after the save, so new records have their keys).</summary>
    public IEnumerable<(string Entity, string Id)> Saved() =>
        _stamped.Select(entry => (SesamTalkSchema.EntityName(entry.Metadata)!, EntityKey.Text(entry.Property(entry.Metadata.FindPrimaryKey()!.Properties[0].Name).CurrentValue)))
            .Concat(_deleted.Select(tombstone => (tombstone.Entity, tombstone.Id)));

    private static bool IsChanged(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    /// <summary>
    /// The synced root a changed child belongs to through <paramref name="foreignKey"/> (tracked, or loaded by key),
    /// unless the root is deleted itself or is new in this save (then it is stamped as a root already).
    /// </summary>
    private static async Task<EntityEntry?> ParentAsync(DbContext context, EntityEntry child, IForeignKey foreignKey, CancellationToken cancellationToken)
    {
        if (SesamTalkSchema.EntityName(foreignKey.PrincipalEntityType) is null || !foreignKey.PrincipalKey.IsPrimaryKey())
        {
            return null;
        }

        var values = new object?[foreignKey.Properties.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var property = child.Property(foreignKey.Properties[i].Name);
            if (property.IsTemporary)
            {
                return null; // the parent is new in this save
            }

            values[i] = child.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
            if (values[i] is null)
            {
                return null;
            }
        }

        var parent = await context.FindAsync(foreignKey.PrincipalEntityType.ClrType, values, cancellationToken).ConfigureAwait(false);
        return parent is null || context.Entry(parent) is not { State: not EntityState.Deleted and not EntityState.Added } entry ? null : entry;
    }
}
