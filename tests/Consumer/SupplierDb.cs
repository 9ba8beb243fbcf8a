using Microsoft.EntityFrameworkCore;
using SesamTalk.EntityFrameworkCore;

namespace SesamTalk.Consumer;

/// <summary>The consumer app's own EF Core context; the last line of OnModelCreating adds SesamTalk's columns and tables.</summary>
public sealed class SupplierDb(DbContextOptions<SupplierDb> options) : DbContext(options)
{
    /// <summary>The app's suppliers.</summary>
    public DbSet<Supplier> Suppliers => Set<Supplier>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddSesamTalk(SesamTalkModel.Instance);
}
