using Microsoft.EntityFrameworkCore;
using SesamTalk.EntityFrameworkCore.Tests.Entities;

namespace SesamTalk.EntityFrameworkCore.Tests.Harness;

/// <summary>The test host's own context, as a host app writes it, plus the one line that adds SesamTalk's columns.</summary>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>().HasKey(note => note.Code);
        modelBuilder.Entity<Order>().HasMany(order => order.Lines).WithOne().HasForeignKey(line => line.OrderId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.AddSesamTalk(SesamTalkModel.Instance);
    }
}
