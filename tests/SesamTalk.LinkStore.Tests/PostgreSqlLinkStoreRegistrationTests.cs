using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;
using SesamTalk.PostgreSql;
using SesamTalk.Tests.PostgreSql;

namespace SesamTalk.LinkStore.Tests;

/// <summary><c>UsePostgreSqlLinkStore(section)</c>: the options bound from configuration, the store opened and migrated when resolved, a missing connection string named at start.</summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreRegistrationTests(PostgreSqlServer server)
{
    [Fact]
    public async Task The_section_s_connection_string_and_schema_give_the_container_a_migrated_store_in_that_schema()
    {
        await using var temp = new PostgreSqlTarget(server);
        var configuration = Configuration(("SesamTalk:LinkStore:ConnectionString", await temp.ConnectionStringAsync()), ("SesamTalk:LinkStore:Schema", "shop_links"));
        var services = new ServiceCollection();
        new SesamTalkBuilder(services, new NoEntities()).UsePostgreSqlLinkStore(configuration.GetSection("SesamTalk:LinkStore"));
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var store = Assert.IsType<PostgreSqlLinkStore>(provider.GetRequiredService<ILinkStore>());
        await store.LinkByHandAsync(LinkStoreTarget.Customers, "c1", "001A");

        Assert.Equal("shop_links", store.Schema);
        Assert.Equal(1L, await temp.ScalarAsync("SELECT COUNT(*) FROM shop_links.links;"));
    }

    [Fact]
    public void A_missing_connection_string_is_named_at_start()
    {
        var services = new ServiceCollection();
        new SesamTalkBuilder(services, new NoEntities()).UsePostgreSqlLinkStore(Configuration().GetSection("SesamTalk:LinkStore"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SesamTalk:LinkStore:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private sealed class NoEntities : ISyncModel
    {
        public IReadOnlyList<ISyncEntityDefinition> Entities => [];

        public ISyncEntityDefinition? Find(string name) => null;
    }
}
