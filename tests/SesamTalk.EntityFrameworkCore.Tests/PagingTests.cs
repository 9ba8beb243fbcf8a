using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;
using Xunit.Abstractions;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>Changes stream in keyset pages, one short-lived context a page: memory stays flat however large the table.</summary>
public sealed class PagingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_hundred_thousand_rows_stream_in_pages_with_flat_memory()
    {
        const int Rows = 100_000;
        const int PageSize = EntityFrameworkHostStore<ShopContext, Supplier>.PageSize;
        var counter = new CommandCounter();
        await using var host = await EfHost.StartAsync(services => services.ConfigureDbContext<ShopContext>(options => options.AddInterceptors(counter)));
        for (var batch = 0; batch < Rows / 10_000; batch++)
        {
            await using var context = host.NewContext();
            context.AddRange(Enumerable.Range(batch * 10_000, 10_000).Select(i => new Supplier { Id = Guid.NewGuid(), VatNumber = "NO" + i, Name = "Supplier " + i }));
            await context.SaveChangesAsync();
        }

        counter.Reset();
        var count = 0;
        long liveAtTenThousand = 0;
        long allocatedAtTenThousand = 0;
        HostCursor? previous = null;
        await foreach (var change in host.Store<Supplier>().GetChangesAsync(null, CancellationToken.None))
        {
            Assert.True(previous is null || change.Position > previous.Value);
            previous = change.Position;
            if (++count == 10_000)
            {
                liveAtTenThousand = GC.GetTotalMemory(forceFullCollection: true);
                allocatedAtTenThousand = GC.GetTotalAllocatedBytes();
            }
        }

        var liveAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedPerRow = (GC.GetTotalAllocatedBytes() - allocatedAtTenThousand) / (Rows - 10_000);
        output.WriteLine($"{count} rows; live heap after 10,000 rows {liveAtTenThousand / 1024} KiB, after {Rows:N0} {liveAtEnd / 1024} KiB; {allocatedPerRow} bytes allocated a row");
        Assert.Equal(Rows, count);
        // Paged at the database: one query a page of at most PageSize rows (the last one finds the end), none of the whole table.
        var pages = counter.QueriesOf("Suppliers");
        Assert.Equal(Rows / PageSize + 1, pages.Count);
        Assert.All(pages, page => Assert.Contains(page.Parameters, value => value is int limit && limit == PageSize));
        Assert.Single(counter.QueriesOf(SesamTalkSchema.TombstoneTable));
        Assert.True(liveAtEnd - liveAtTenThousand < 8 * 1024 * 1024, $"the live heap grew by {(liveAtEnd - liveAtTenThousand) / 1024} KiB over 90,000 rows");
    }

    [Fact]
    public async Task Rows_that_were_there_before_sync_are_all_changes_from_the_start_across_pages_and_an_edit_comes_after_them()
    {
        const int Rows = 1_200; // more than two pages that all share position 0: ordered by key
        await using var host = await EfHost.StartAsync();
        await using (var context = host.NewContext())
        {
            context.AddRange(Enumerable.Range(0, Rows).Select(i => new Supplier { Id = Guid.NewGuid(), VatNumber = "NO" + i }));
            await context.SaveChangesAsync();
            // As a migration leaves rows that existed before the column: position 0.
            await context.Suppliers.ExecuteUpdateAsync(set => set.SetProperty(supplier => EF.Property<long>(supplier, "SesamTalkStamp"), 0L));
        }

        var existing = await host.ChangesAsync<Supplier>();
        Assert.Equal(Rows, existing.Select(change => change.Id).Distinct().Count());
        Assert.All(existing, change => Assert.Equal(0, change.Position.ModifiedAt.UtcTicks));

        var halfway = existing[Rows / 2].Position;
        Assert.Equal(existing.Skip(Rows / 2 + 1).Select(change => change.Id), (await host.ChangesAsync<Supplier>(halfway)).Select(change => change.Id));

        await using (var context = host.NewContext())
        {
            var first = Guid.Parse(existing[0].Id);
            (await context.Suppliers.SingleAsync(supplier => supplier.Id == first)).Name = "edited";
            await context.SaveChangesAsync();
        }

        var edited = Assert.Single(await host.ChangesAsync<Supplier>(existing[^1].Position));
        Assert.Equal(existing[0].Id, edited.Id);
    }
}
