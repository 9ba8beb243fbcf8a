using Microsoft.EntityFrameworkCore;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>A context set up halfway is refused with a message that says what to add; the synchronous save stamps too.</summary>
public sealed class SetupTests
{
    [Fact]
    public async Task The_synchronous_SaveChanges_stamps_and_writes_tombstones_too()
    {
        await using var host = await EfHost.StartAsync();
        var supplier = new Supplier { Id = Guid.NewGuid(), VatNumber = "NO1" };
        using (var context = host.NewContext())
        {
            context.Add(supplier);
            context.SaveChanges();
        }

        var created = Assert.Single(await host.ChangesAsync<Supplier>());
        using (var context = host.NewContext())
        {
            context.Remove(context.Suppliers.Find(supplier.Id)!);
            context.SaveChanges();
        }

        Assert.True(Assert.Single(await host.ChangesAsync<Supplier>(created.Position)).IsDeleted);
    }

    [Fact]
    public async Task A_new_record_whose_string_key_nothing_generates_is_refused_and_one_with_a_key_is_saved()
    {
        await using var host = await EfHost.StartAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store<Note>().SaveAsync(new Note { Text = "no key" }, CancellationToken.None));
        Assert.Contains("has no key and nothing generates one", error.Message, StringComparison.Ordinal);

        Assert.Equal("N-1", await host.Store<Note>().SaveAsync(new Note { Code = "N-1", Text = "keyed" }, CancellationToken.None));
        Assert.Equal("keyed", (await host.Store<Note>().GetAsync("N-1", CancellationToken.None))!.Text);
    }

    [Fact]
    public void A_synced_entity_with_a_composite_key_is_refused_when_the_model_is_built()
    {
        using var context = new CompositeKeyContext(new DbContextOptionsBuilder<CompositeKeyContext>().UseSqlite("Data Source=:memory:").Options);
        var error = Assert.Throws<InvalidOperationException>(() => context.Model);
        Assert.Contains("must be one property", error.Message, StringComparison.Ordinal);
    }

    private sealed class CompositeKeyContext(DbContextOptions<CompositeKeyContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Supplier>().HasKey(supplier => new { supplier.Id, supplier.VatNumber });
            modelBuilder.AddSesamTalk(SesamTalkModel.Instance);
        }
    }
}
