using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Notifications;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>
/// The EF Core store tells the engine of each committed save of synced records by itself (through the engine's
/// <c>NotifyChangedAsync</c> into its inbox, recorded here), so host edits leave within seconds with notifications on.
/// </summary>
public sealed class SaveNotificationTests
{
    [Fact]
    public async Task A_committed_save_tells_the_engine_of_each_synced_record_it_inserted_updated_or_deleted()
    {
        var inbox = new RecordingInbox();
        await using var host = await EfHost.StartAsync(services => services.AddSingleton<ISyncChangeNotifications>(inbox));
        var first = new Supplier { Id = Guid.NewGuid(), VatNumber = "NO1", Name = "First" };
        var second = new Supplier { Id = Guid.NewGuid(), VatNumber = "NO2", Name = "Second" };
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ShopContext>();
            context.AddRange(first, second, new Note { Code = "N-1", Text = "Hello" });
            await context.SaveChangesAsync();
            first.Name = "First, renamed";
            context.Remove(second);
            context.SaveChanges();
        }

        var both = string.Join(",", new[] { Text(first.Id), Text(second.Id) }.Order(StringComparer.Ordinal));
        Assert.Equal(
            [("Note", "N-1"), ("Supplier", both), ("Supplier", both)],
            inbox.Saves.Select(save => (save.Entity, string.Join(",", save.Ids.Order(StringComparer.Ordinal)))).Order());
        Assert.Equal(["Note", "Order", "Supplier"], host.Service<IEnumerable<SyncNotifyingHost>>().Select(notifying => notifying.Entity).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_save_inside_the_hosts_transaction_tells_the_engine_when_it_commits_and_never_when_it_rolls_back()
    {
        var inbox = new RecordingInbox();
        await using var host = await EfHost.StartAsync(services => services.AddSingleton<ISyncChangeNotifications>(inbox));
        var kept = new Supplier { Id = Guid.NewGuid(), VatNumber = "NO1", Name = "Kept" };
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<ShopContext>();

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Add(new Supplier { Id = Guid.NewGuid(), VatNumber = "NO0", Name = "Rolled back" });
            await context.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        context.ChangeTracker.Clear();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Add(kept);
            await context.SaveChangesAsync();
            Assert.Empty(inbox.Saves);
            await transaction.CommitAsync();
        }

        var save = Assert.Single(inbox.Saves);
        Assert.Equal(("Supplier", Text(kept.Id)), (save.Entity, Assert.Single(save.Ids)));
    }

    [Fact]
    public async Task A_notification_that_fails_never_fails_the_hosts_save()
    {
        var inbox = new RecordingInbox { Fails = true };
        await using var host = await EfHost.StartAsync(services => services.AddSingleton<ISyncChangeNotifications>(inbox));
        await using (var scope = host.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ShopContext>();
            context.Add(new Supplier { Id = Guid.NewGuid(), VatNumber = "NO1", Name = "Saved" });
            await context.SaveChangesAsync();
        }

        await using var check = host.NewContext();
        Assert.Equal("Saved", (await check.Suppliers.SingleAsync()).Name);
        Assert.Equal(1, inbox.Attempts);
    }

    private static string Text(Guid id) => id.ToString();

    /// <summary>Stands in for the engine's inbox: records each host notification, or throws when told to.</summary>
    private sealed class RecordingInbox : ISyncChangeNotifications
    {
        private readonly ConcurrentQueue<(string Entity, IReadOnlyCollection<string> Ids)> _saves = new();
        private int _attempts;

        public bool Fails { get; init; }

        public IReadOnlyList<(string Entity, IReadOnlyCollection<string> Ids)> Saves => _saves.ToList();

        public int Attempts => Volatile.Read(ref _attempts);

        public void HostChanged(string entity, IReadOnlyCollection<string> hostIds)
        {
            Interlocked.Increment(ref _attempts);
            if (Fails)
            {
                throw new InvalidOperationException("the inbox is broken");
            }

            _saves.Enqueue((entity, hostIds));
        }

        public void RemoteChanged(SyncTarget target, IReadOnlyCollection<string> remoteIds) => throw new NotSupportedException();

        public void SourceState(SyncTarget target, bool live, string? reason) => throw new NotSupportedException();
    }
}
