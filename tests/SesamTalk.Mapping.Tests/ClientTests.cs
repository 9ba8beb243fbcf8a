using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

public class ClientTests
{
    [Fact]
    public void The_model_lists_every_entity_with_referenced_entities_first()
    {
        var names = SesamTalkModel.Instance.Entities.Select(e => e.Name).ToList();

        Assert.Equal(["Customer", "Order", "OrderLine", "Product", "Quote", "QuoteLine"], names.Order());
        Assert.True(names.IndexOf("Customer") < names.IndexOf("Order"));
        Assert.True(names.IndexOf("Product") < names.IndexOf("OrderLine"));
        Assert.Same(Product.SyncDefinition, SesamTalkModel.Instance.Find("Product"));
        Assert.Null(SesamTalkModel.Instance.Find("product"));
    }

    [Fact]
    public async Task AddSesamTalk_registers_the_model_and_a_typed_client_that_drives_the_engine()
    {
        var engine = new RecordingEngine();
        var services = new ServiceCollection();
        services.AddSingleton<ISyncEngine>(engine);
        var builder = services.AddSesamTalk();
        using var provider = services.BuildServiceProvider();

        var talk = provider.GetRequiredService<TalkClient>();
        await talk.Products.SyncAsync();
        await talk.Orders.PlanAsync();
        await talk.Customers.GetLinksAsync("7");
        var all = await talk.SyncAllAsync();

        Assert.Same(SesamTalkModel.Instance, provider.GetRequiredService<ISyncModel>());
        Assert.Same(SesamTalkModel.Instance, builder.Model);
        Assert.Equal(new[] { "sync Product", "plan Order", "links Customer 7" }, engine.Calls.Take(3));
        Assert.Equal(SesamTalkModel.Instance.Entities.Where(e => e.Name is not ("OrderLine" or "QuoteLine")).Select(e => "sync " + e.Name), engine.Calls.Skip(3));
        Assert.Equal(4, all.Flows.Count); // order and quote lines sync inside their order and quote: no member, no sync of their own
    }

    [Fact]
    public async Task The_typed_client_lists_conflicts_and_quarantine_across_every_entity_with_a_member()
    {
        var engine = new RecordingEngine();
        using var provider = Provider(engine);
        var talk = provider.GetRequiredService<TalkClient>();

        await talk.GetConflictsAsync();
        await talk.GetQuarantineAsync();

        var members = SesamTalkModel.Instance.Entities.Where(e => e.Name is not ("OrderLine" or "QuoteLine")).Select(e => e.Name).ToList();
        Assert.Equal(members.Select(name => "conflicts " + name).Concat(members.Select(name => "quarantine " + name)), engine.Calls);
    }

    [Fact]
    public async Task The_typed_client_lists_held_flows_and_approves_one_through_the_engine()
    {
        var engine = new RecordingEngine();
        using var provider = Provider(engine);
        var talk = provider.GetRequiredService<TalkClient>();

        await talk.Products.GetHeldFlowsAsync();
        await talk.Products.ApproveHeldFlowAsync(Product.SyncTargets.SalesforceProduct2, "Ada");

        Assert.Equal(new[] { "held Product", "approve Product with Salesforce/Product2 by Ada" }, engine.Calls);
    }

    [Fact]
    public async Task The_typed_client_tells_the_engine_of_saved_records()
    {
        var engine = new RecordingEngine();
        using var provider = Provider(engine);
        var talk = provider.GetRequiredService<TalkClient>();

        await talk.Products.NotifyChangedAsync("p-1");
        await talk.Products.NotifyChangedAsync(new[] { "p-2", "p-3" });

        Assert.Equal(new[] { "notify Product p-1", "notify Product p-2,p-3" }, engine.Calls);
    }

    /// <summary>The generated registration over <paramref name="engine"/>.</summary>
    private static ServiceProvider Provider(RecordingEngine engine)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISyncEngine>(engine);
        services.AddSesamTalk();
        return services.BuildServiceProvider();
    }

    /// <summary>Stands in for the engine: records which entity the typed client asked for.</summary>
    private sealed class RecordingEngine : ISyncEngine
    {
        public List<string> Calls { get; } = new();

        public Task<SyncReport> SyncAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("sync " + entity.Name);
            return Task.FromResult(new SyncReport(new[] { new SyncFlowReport(entity.Name, entity.Mappers[0].Target) }));
        }

        public Task<SyncPlan> PlanAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("plan " + entity.Name);
            return Task.FromResult(new SyncPlan(Array.Empty<SyncFlowPlan>()));
        }

        public Task<IReadOnlyList<SyncLink>> GetLinksAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("links " + entity.Name + " " + id);
            return Task.FromResult<IReadOnlyList<SyncLink>>(Array.Empty<SyncLink>());
        }

        public Task<SyncReport> SyncFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("sync " + entity.Name + " with " + target);
            return Task.FromResult(new SyncReport(new[] { new SyncFlowReport(entity.Name, target) }));
        }

        public Task<SyncLink> LinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, string remoteId, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("link " + entity.Name + " " + id + " " + remoteId);
            return Task.FromResult(new SyncLink(entity.Name, id, target, remoteId, SyncLinkProvenance.LinkedByHand, null, DateTimeOffset.UnixEpoch));
        }

        public Task<bool> UnlinkAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string id, SyncTarget target, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("unlink " + entity.Name + " " + id);
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<SyncConflict>> GetConflictsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, string? id, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("conflicts " + entity.Name);
            return Task.FromResult<IReadOnlyList<SyncConflict>>(Array.Empty<SyncConflict>());
        }

        public Task<IReadOnlyList<SyncQuarantineEntry>> GetQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("quarantine " + entity.Name);
            return Task.FromResult<IReadOnlyList<SyncQuarantineEntry>>(Array.Empty<SyncQuarantineEntry>());
        }

        public Task<int> ReleaseQuarantineAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("release " + entity.Name);
            return Task.FromResult(0);
        }

        public Task<IReadOnlyList<SyncHeldFlow>> GetHeldFlowsAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("held " + entity.Name);
            return Task.FromResult<IReadOnlyList<SyncHeldFlow>>(Array.Empty<SyncHeldFlow>());
        }

        public Task<bool> ApproveHeldFlowAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, SyncTarget target, string approvedBy, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("approve " + entity.Name + " with " + target + " by " + approvedBy);
            return Task.FromResult(false);
        }

        public Task NotifyChangedAsync<TEntity>(ISyncEntityDefinition<TEntity> entity, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
            where TEntity : class
        {
            Calls.Add("notify " + entity.Name + " " + string.Join(",", ids));
            return Task.CompletedTask;
        }
    }
}
