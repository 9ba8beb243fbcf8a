using Microsoft.Data.Sqlite;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests;

/// <summary>The versioned schema: fresh files, reopening, forward migration of older files, refusal of newer ones.</summary>
public class SqliteLinkStoreSchemaTests
{
    [Fact]
    public async Task A_fresh_file_is_created_at_the_latest_version_in_WAL_mode()
    {
        await using var temp = new SqliteTarget();
        await using var store = await SqliteLinkStore.OpenAsync(temp.Options);

        Assert.True(File.Exists(temp.Path));
        Assert.Equal(SqliteLinkStoreSchema.LatestVersion, await store.GetSchemaVersionAsync());
        using var raw = temp.Raw();
        using var pragma = raw.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)pragma.ExecuteScalar());
    }

    [Fact]
    public async Task Reopening_keeps_the_data_and_applies_no_migration_twice()
    {
        await using var temp = new SqliteTarget();
        await using (var first = await SqliteLinkStore.OpenAsync(temp.Options))
        {
            await first.LinkByHandAsync(LinkStoreTarget.Customers, "c1", "001A");
        }

        await using var second = await SqliteLinkStore.OpenAsync(temp.Options);

        Assert.Equal("001A", (await second.FindByLocalIdAsync(LinkStoreTarget.Customers, "c1"))?.Link.RemoteId);
        using var raw = temp.Raw();
        using var count = raw.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM schema_version;";
        Assert.Equal((long)SqliteLinkStoreSchema.LatestVersion, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public async Task An_older_file_is_migrated_forward_and_keeps_its_links()
    {
        await using var temp = new SqliteTarget();
        await using (var old = await SqliteLinkStore.OpenAtVersionAsync(temp.Options, 1, CancellationToken.None))
        {
            Assert.Equal(1, await old.GetSchemaVersionAsync());
            await old.LinkByHandAsync(LinkStoreTarget.Customers, "c1", "001A");
        }

        await using var store = await SqliteLinkStore.OpenAsync(temp.Options);

        Assert.Equal(SqliteLinkStoreSchema.LatestVersion, await store.GetSchemaVersionAsync());
        Assert.Equal(SyncLinkProvenance.LinkedByHand, (await store.FindByRemoteIdAsync(LinkStoreTarget.Customers, "001A"))?.Link.Provenance);
        await using (var commit = await store.BeginCommitAsync())
        {
            commit.RecordConflict(new ConflictRecord(LinkStoreTarget.Customers, "c1", "001A", "Name", "A", "B", ConflictRule.LatestWins, SyncSide.Remote, temp.Clock.GetUtcNow()));
            await commit.CommitAsync();
        }

        Assert.Single(await store.GetConflictsAsync(LinkStoreTarget.Customers));
    }

    [Fact]
    public async Task A_file_of_the_version_before_held_flows_is_migrated_and_holds_flows_next_to_its_links()
    {
        await using var temp = new SqliteTarget();
        await using (var old = await SqliteLinkStore.OpenAtVersionAsync(temp.Options, 3, CancellationToken.None))
        {
            await old.LinkByHandAsync(LinkStoreTarget.Customers, "c1", "001A");
            await Assert.ThrowsAsync<SqliteException>(() => old.GetHeldFlowAsync(LinkStoreTarget.Customers));
        }

        await using var store = await SqliteLinkStore.OpenAsync(temp.Options);
        await store.HoldFlowAsync(LinkStoreTarget.Customers, 7, 10, 5, "7 of 10");
        await store.ApproveHeldFlowAsync(LinkStoreTarget.Customers, "Ada");
        await store.ReleaseHeldFlowAsync(LinkStoreTarget.Customers, HoldReleaseReason.Approved);

        Assert.Equal(SqliteLinkStoreSchema.LatestVersion, await store.GetSchemaVersionAsync());
        Assert.Equal("001A", (await store.FindByLocalIdAsync(LinkStoreTarget.Customers, "c1"))?.Link.RemoteId);
        Assert.Equal("Ada", Assert.Single(await store.GetReleasedHoldsAsync(LinkStoreTarget.Customers)).Hold.ApprovedBy);
    }

    [Fact]
    public async Task A_file_that_kept_its_completed_intents_loses_them_and_keeps_the_open_ones()
    {
        await using var temp = new SqliteTarget();
        await (await SqliteLinkStore.OpenAtVersionAsync(temp.Options, 4, CancellationToken.None)).DisposeAsync();
        using (var raw = temp.Raw())
        {
            using var insert = raw.CreateCommand();
            insert.CommandText = """
                INSERT INTO intents (idempotency_key, entity, system, type, source_side, source_id, created_at, completed_at) VALUES
                ('done', 'Customer', 'Salesforce', 'Account', 0, 'c1', '2026-05-01T08:00:00.0000000Z', '2026-05-01T08:01:00.0000000Z'),
                ('open', 'Customer', 'Salesforce', 'Account', 0, 'c2', '2026-05-01T08:00:00.0000000Z', NULL);
                """;
            insert.ExecuteNonQuery();
        }

        await using var store = await SqliteLinkStore.OpenAsync(temp.Options);

        Assert.Equal("open", Assert.Single(await store.ListOpenIntentsAsync(LinkStoreTarget.Customers)).IdempotencyKey);
        using var migrated = temp.Raw();
        using var count = migrated.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM intents;";
        Assert.Equal(1L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public async Task A_file_of_the_version_before_lease_epochs_is_migrated_and_its_lease_goes_on_with_the_next_epoch()
    {
        await using var temp = new SqliteTarget();
        await (await SqliteLinkStore.OpenAtVersionAsync(temp.Options, 5, CancellationToken.None)).DisposeAsync();
        using (var raw = temp.Raw())
        {
            using var insert = raw.CreateCommand();
            insert.CommandText = """
                INSERT INTO leases (entity, system, type, owner, acquired_at, expires_at) VALUES
                ('Customer', 'Salesforce', 'Account', 'host-a', '2026-05-01T07:59:00.0000000Z', '2026-05-01T08:04:00.0000000Z');
                """;
            insert.ExecuteNonQuery();
        }

        await using var store = await SqliteLinkStore.OpenAsync(temp.Options);

        Assert.Null(await store.TryAcquireLeaseAsync(LinkStoreTarget.Customers, "host-b", TimeSpan.FromMinutes(1)));
        Assert.Equal(new SyncLease(LinkStoreTarget.Customers, "host-a", 1), await store.TryAcquireLeaseAsync(LinkStoreTarget.Customers, "host-a", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_file_from_a_newer_version_is_refused_with_a_clear_error()
    {
        await using var temp = new SqliteTarget();
        await (await SqliteLinkStore.OpenAsync(temp.Options)).DisposeAsync();
        using (var raw = temp.Raw())
        {
            using var bump = raw.CreateCommand();
            bump.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01T00:00:00.0000000Z');";
            bump.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<LinkStoreSchemaException>(() => SqliteLinkStore.OpenAsync(temp.Options));

        Assert.Equal(99, error.FoundVersion);
        Assert.Equal(SqliteLinkStoreSchema.LatestVersion, error.SupportedVersion);
        Assert.Contains("schema version 99, newer than version", error.Message, StringComparison.Ordinal);
        Assert.Contains(temp.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_fails_to_open()
    {
        await using var temp = new SqliteTarget();
        await File.WriteAllTextAsync(temp.Path, "this is not a SQLite database, just some text that is long enough to have a header");

        await Assert.ThrowsAsync<SqliteException>(() => SqliteLinkStore.OpenAsync(temp.Options));
    }
}
