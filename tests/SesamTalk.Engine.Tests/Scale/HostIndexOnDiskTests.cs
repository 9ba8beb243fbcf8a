using System.Text.Json.Nodes;
using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Engine.Tests.Harness;

namespace SesamTalk.Engine.Tests.Scale;

/// <summary>
/// A cycle's index of the host's changes moves to a scratch file past <see cref="SyncEngineOptions.HostIndexInMemory"/>
/// entries: the cycle decides exactly as with the index in memory, and leaves no file behind.
/// </summary>
public sealed class HostIndexOnDiskTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "sesamtalk-scratch-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Records_on_both_sides_are_linked_by_key_with_the_index_on_disk_and_the_scratch_file_is_gone_afterwards()
    {
        await using var app = await EngineHarness.StartAsync(options =>
        {
            options.HostIndexInMemory = 25;
            options.ScratchDirectory = _scratch;
        });
        for (var i = 0; i < 150; i++)
        {
            await app.Customers.SaveAsync(new Customer { Email = $"c{i}@example.com", Name = $"Customer {i}" }, default);
            app.SeedShop("Customer", new JsonObject { ["Email"] = $" C{i}@Example.com ", ["Name"] = $"Customer {i}" });
        }

        // Two host records share a key: the remote record with it is ambiguous, as it is with the index in memory.
        await app.Customers.SaveAsync(new Customer { Email = "twin@example.com", Name = "Twin A" }, default);
        await app.Customers.SaveAsync(new Customer { Email = "twin@example.com", Name = "Twin B" }, default);
        app.SeedShop("Customer", new JsonObject { ["Email"] = "twin@example.com", ["Name"] = "Twin" });

        var report = (await app.Talk.Customers.SyncAsync()).Flows.Single();

        Assert.False(report.Stopped, report.StopReason);
        Assert.Equal(0, report.Created);
        Assert.Equal(151, app.ShopRecords("Customer").Count);
        Assert.Equal(152, app.Customers.Records.Count);
        foreach (var customer in app.Customers.Records.Where(customer => customer.Email != "twin@example.com"))
        {
            var link = Assert.Single(await app.Talk.Customers.GetLinksAsync(customer.Id));
            Assert.Equal(SyncLinkProvenance.MatchedOnKey, link.Provenance);
        }

        var quarantine = await app.Links.ListQuarantinedAsync(EngineHarness.Flow("Customer", "Customer"));
        Assert.Contains(quarantine, entry => entry.Side == SyncSide.Remote && entry.Error.Contains("matches 2 records by Email", StringComparison.Ordinal));
        Assert.True(Directory.Exists(_scratch)); // the index moved to a file there
        Assert.Empty(Directory.EnumerateFiles(_scratch));
    }

    [Fact]
    public void The_index_answers_the_same_before_and_after_it_moves_to_disk()
    {
        using var index = new HostChangeIndex(inMemoryLimit: 4, scratchDirectory: _scratch);
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(1));
        index.Changed("h1", at);
        index.AddKeys(["Email"], Record("Ada@Example.com "), "h1");
        index.AddContent("ada|Ada", "h1");
        Assert.False(index.IsOnDisk);

        index.Changed("h1", at.AddMinutes(1)); // a later change of the same record replaces the time
        index.Changed("h2", at.AddMinutes(2));
        index.AddKeys(["Email"], Record("ada@example.com"), "h2");
        Assert.True(index.IsOnDisk);
        index.AddContent("ada|Ada", "h3");

        Assert.Equal(at.AddMinutes(1), index.ChangedAt("h1"));
        Assert.Equal(TimeSpan.FromHours(1), index.ChangedAt("h1")!.Value.Offset);
        Assert.Equal(at.AddMinutes(2), index.ChangedAt("h2"));
        Assert.Null(index.ChangedAt("h3"));
        Assert.True(index.HasChanged("h2"));
        Assert.False(index.HasChanged("nobody"));
        Assert.Equal(["h1", "h2"], index.FindByKey("email", Record(" ADA@example.COM")));
        Assert.Empty(index.FindByKey("Email", Record("grace@example.com")));
        Assert.Equal(["h1", "h3"], index.FindByContent("ada|Ada"));
        Assert.Single(Directory.EnumerateFiles(_scratch));

        index.Dispose();
        Assert.Empty(Directory.EnumerateFiles(_scratch));
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private static SyncRecord Record(string email) => new("Customer") { ["Email"] = SyncValue.From(email) };
}
