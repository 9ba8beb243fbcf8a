using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;
using SesamTalk.PostgreSql;
using SesamTalk.Tests.PostgreSql;

namespace SesamTalk.LinkStore.Tests;

/// <summary>The PostgreSQL store's versioned schema: created in its own schema, migrated once by instances that start together, a newer one refused.</summary>
[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreSchemaTests(PostgreSqlServer server)
{
    [Fact]
    public async Task A_fresh_database_gets_the_latest_schema_in_the_store_s_own_schema_and_reopening_migrates_nothing_twice()
    {
        await using var temp = new PostgreSqlTarget(server);
        await using (var first = await PostgreSqlLinkStore.OpenAsync(await temp.OptionsAsync()))
        {
            Assert.Equal(PostgreSqlLinkStoreSchema.LatestVersion, await first.GetSchemaVersionAsync());
            await first.LinkByHandAsync(LinkStoreTarget.Customers, "c1", "001A");
        }

        await using var second = await PostgreSqlLinkStore.OpenAsync(await temp.OptionsAsync());

        Assert.Equal("001A", (await second.FindByLocalIdAsync(LinkStoreTarget.Customers, "c1"))?.Link.RemoteId);
        Assert.Equal((long)PostgreSqlLinkStoreSchema.LatestVersion, await temp.CountRowsAsync("schema_version"));
        Assert.Equal(1L, await temp.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'sesamtalk' AND table_name = 'links';"));
        Assert.Equal(0L, await temp.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public';"));
    }

    [Fact]
    public async Task Instances_that_start_at_the_same_moment_migrate_the_schema_once()
    {
        await using var temp = new PostgreSqlTarget(server);
        var options = await temp.OptionsAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgreSqlLinkStore.OpenAsync(options))));
        try
        {
            Assert.Equal((long)PostgreSqlLinkStoreSchema.LatestVersion, await temp.CountRowsAsync("schema_version"));
            Assert.All(await Task.WhenAll(stores.Select(s => s.GetSchemaVersionAsync())), version => Assert.Equal(PostgreSqlLinkStoreSchema.LatestVersion, version));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_schema_from_a_newer_version_is_refused_with_a_clear_error()
    {
        await using var temp = new PostgreSqlTarget(server);
        await (await PostgreSqlLinkStore.OpenAsync(await temp.OptionsAsync())).DisposeAsync();
        await temp.ScalarAsync("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01T00:00:00Z');");

        var error = await Assert.ThrowsAsync<LinkStoreSchemaException>(async () => await PostgreSqlLinkStore.OpenAsync(await temp.OptionsAsync()));

        Assert.Equal(99, error.FoundVersion);
        Assert.Equal(PostgreSqlLinkStoreSchema.LatestVersion, error.SupportedVersion);
        Assert.Contains("schema version 99, newer than version", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema 'sesamtalk'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_schemas_in_one_database_are_two_separate_stores()
    {
        await using var temp = new PostgreSqlTarget(server);
        var options = await temp.OptionsAsync();
        await using var main = await PostgreSqlLinkStore.OpenAsync(options);
        await using var other = await PostgreSqlLinkStore.OpenAsync(new PostgreSqlLinkStoreOptions { ConnectionString = options.ConnectionString, Schema = "other_app", TimeProvider = temp.Clock });

        await main.LinkByHandAsync(LinkStoreTarget.Customers, "c1", "001A");

        Assert.Equal(("sesamtalk", "other_app"), (main.Schema, other.Schema));
        Assert.Equal(1, await main.CountLinksAsync(LinkStoreTarget.Customers));
        Assert.Equal(0, await other.CountLinksAsync(LinkStoreTarget.Customers));
    }

    [Fact]
    public async Task A_schema_name_that_is_not_a_plain_identifier_is_refused_before_any_SQL()
    {
        var options = new PostgreSqlLinkStoreOptions { ConnectionString = "Host=127.0.0.1;Port=1", Schema = "x; DROP TABLE links" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PostgreSqlLinkStore.OpenAsync(options));

        Assert.Contains("not a plain lower-case PostgreSQL identifier", error.Message, StringComparison.Ordinal);
    }
}
