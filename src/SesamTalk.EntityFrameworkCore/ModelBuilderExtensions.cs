using Microsoft.EntityFrameworkCore;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>Adds SesamTalk's change tracking to a host's EF Core model, so the host's own migrations create it.</summary>
public static class ModelBuilderExtensions
{
    /// <summary>
    /// Gives every synced entity the context maps a change-position column (<c>SesamTalkStamp</c>, a shadow property)
    /// with an index on (position, key), and adds the tables <c>sesamtalk_clock</c> (one seeded row) and
    /// <c>sesamtalk_tombstones</c>. Call it at the end of <c>OnModelCreating</c>, after the host's own configuration;
    /// <c>dotnet ef migrations add</c> then picks the additions up.
    /// </summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    /// <param name="model">The generated sync model (<c>SesamTalkModel.Instance</c>).</param>
    /// <returns>The model builder.</returns>
    /// <exception cref="InvalidOperationException">A synced entity has no single-column primary key.</exception>
    public static ModelBuilder AddSesamTalk(this ModelBuilder modelBuilder, ISyncModel model)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(model);
        foreach (var entity in SyncModelShape.Roots(model))
        {
            if (modelBuilder.Model.FindEntityType(entity.EntityType) is not { } entityType)
            {
                continue; // synced, but kept elsewhere than this context
            }

            var key = EntityKey.Of(entityType);
            var builder = modelBuilder.Entity(entity.EntityType);
            builder.HasAnnotation(SesamTalkSchema.EntityAnnotation, entity.Name);
            builder.Property<long>(SesamTalkSchema.StampProperty);
            builder.HasIndex(SesamTalkSchema.StampProperty, key.Name);
        }

        modelBuilder.Entity<ChangeClock>(clock =>
        {
            clock.ToTable(SesamTalkSchema.ClockTable);
            clock.HasKey(row => row.Id);
            clock.Property(row => row.Id).ValueGeneratedNever();
            clock.HasData(new ChangeClock { Id = ChangeClock.RowId, Stamp = 0 });
        });
        modelBuilder.Entity<Tombstone>(tombstone =>
        {
            tombstone.ToTable(SesamTalkSchema.TombstoneTable);
            tombstone.HasKey(row => row.Stamp);
            tombstone.Property(row => row.Stamp).ValueGeneratedNever();
            tombstone.Property(row => row.Entity).HasMaxLength(128);
            tombstone.HasIndex(row => new { row.Entity, row.Stamp });
        });
        return modelBuilder;
    }
}
