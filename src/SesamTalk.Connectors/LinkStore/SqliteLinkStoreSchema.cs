using Microsoft.Data.Sqlite;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// The link store's schema as forward-only migrations. <c>schema_version</c> holds a row per applied migration; opening
/// an older file applies the missing ones in one transaction, opening a newer one fails. Never edit a shipped migration:
/// add the next one.
/// </summary>
internal static class SqliteLinkStoreSchema
{
    /// <summary>The migrations; migration <c>i + 1</c> is at index <c>i</c>.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: links (with their fingerprints), cursors, pending-create intents, flow leases.
        """
        CREATE TABLE links (
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            local_id TEXT NOT NULL,
            remote_id TEXT NOT NULL,
            provenance INTEGER NOT NULL,
            match_key TEXT NULL,
            linked_at TEXT NOT NULL,
            local_read TEXT NULL,
            local_written TEXT NULL,
            remote_read TEXT NULL,
            remote_written TEXT NULL,
            PRIMARY KEY (entity, system, type, local_id),
            UNIQUE (entity, system, type, remote_id)
        );
        CREATE INDEX links_by_local_id ON links (entity, local_id);
        CREATE TABLE cursors (
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            side INTEGER NOT NULL,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (entity, system, type, side)
        );
        CREATE TABLE intents (
            idempotency_key TEXT NOT NULL PRIMARY KEY,
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            source_side INTEGER NOT NULL,
            source_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            completed_at TEXT NULL
        );
        CREATE UNIQUE INDEX intents_open_per_source ON intents (entity, system, type, source_side, source_id) WHERE completed_at IS NULL;
        CREATE TABLE leases (
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            owner TEXT NOT NULL,
            acquired_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            PRIMARY KEY (entity, system, type)
        );
        """,

        // 2: conflicts and quarantine.
        """
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            local_id TEXT NOT NULL,
            remote_id TEXT NOT NULL,
            field TEXT NOT NULL,
            local_value TEXT NULL,
            remote_value TEXT NULL,
            rule INTEGER NOT NULL,
            winner INTEGER NOT NULL,
            occurred_at TEXT NOT NULL
        );
        CREATE INDEX conflicts_by_record ON conflicts (entity, system, type, local_id);
        CREATE TABLE quarantine (
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            side INTEGER NOT NULL,
            record_id TEXT NOT NULL,
            error TEXT NOT NULL,
            payload TEXT NULL,
            first_at TEXT NOT NULL,
            last_at TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            released_at TEXT NULL,
            PRIMARY KEY (entity, system, type, side, record_id)
        );
        """,

        // 3: the field state both sides agreed on after the last sync, for field-level merges.
        """
        ALTER TABLE links ADD COLUMN agreed TEXT NULL;
        """,

        // 4: flows held by the mass-change breaker, and the holds that ended, with who approved them and when.
        """
        CREATE TABLE held_flows (
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            held_since TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            changes INTEGER NOT NULL,
            links INTEGER NOT NULL,
            change_limit INTEGER NOT NULL,
            reason TEXT NOT NULL,
            approved_by TEXT NULL,
            approved_at TEXT NULL,
            PRIMARY KEY (entity, system, type)
        );
        CREATE TABLE released_holds (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            held_since TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            changes INTEGER NOT NULL,
            links INTEGER NOT NULL,
            change_limit INTEGER NOT NULL,
            reason TEXT NOT NULL,
            approved_by TEXT NULL,
            approved_at TEXT NULL,
            released_because INTEGER NOT NULL,
            released_at TEXT NOT NULL
        );
        CREATE INDEX released_holds_by_flow ON released_holds (entity, system, type);
        """,

        // 5: a completed intent is deleted with its commit from now on; the ones older files kept completed go.
        """
        DELETE FROM intents WHERE completed_at IS NOT NULL;
        """,

        // 6: lease epochs, raised on every acquire and take-over, that fence a commit against a lease taken over.
        """
        ALTER TABLE leases ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
        """,

        // 7: each cycle's report (the history, pruned per flow as cycles are added); the match-key value a link was
        // made on, searchable; conflicts by time.
        """
        CREATE TABLE cycles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            system TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL COLLATE NOCASE,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            records_read INTEGER NOT NULL,
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            linked INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            conflicts INTEGER NOT NULL,
            quarantined INTEGER NOT NULL,
            api_calls INTEGER NOT NULL,
            stopped INTEGER NOT NULL,
            stop_reason TEXT NULL,
            held INTEGER NOT NULL,
            failed INTEGER NOT NULL
        );
        CREATE INDEX cycles_by_flow ON cycles (entity, system, type, id);
        ALTER TABLE links ADD COLUMN match_value TEXT NULL;
        CREATE INDEX links_by_match_value ON links (entity, system, type, match_value, local_id) WHERE match_value IS NOT NULL;
        CREATE INDEX conflicts_by_time ON conflicts (entity, system, type, occurred_at, id);
        """,

        // 8: the change sources' positions in the systems' event streams (a Salesforce replay id per org and channel).
        """
        CREATE TABLE subscription_positions (
            system TEXT NOT NULL COLLATE NOCASE,
            channel TEXT NOT NULL,
            position TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (system, channel)
        );
        """,
    ];

    /// <summary>The newest schema version.</summary>
    public static int LatestVersion => Migrations.Count;

    /// <summary>Brings the file to <paramref name="targetVersion"/> (tests stop early to make old files) and returns the version it had.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, string path, int targetVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // WAL can't be switched on inside a transaction; it sticks to the file.
        await LinkStoreDb.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", [], cancellationToken).ConfigureAwait(false);

        // IMMEDIATE, so two processes opening an old file at once migrate it once.
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            await LinkStoreDb.ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);", [], cancellationToken).ConfigureAwait(false);
            var found = await LinkStoreMigrations.ApplyAsync(
                connection,
                transaction,
                Migrations,
                targetVersion,
                SqliteLinkStoreDialect.TimeText(now),
                newer => $"The link store '{path}' has schema version {newer}, newer than version {LatestVersion} that this SesamTalk understands. Upgrade SesamTalk, or point it at another file.",
                cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return found;
        }
    }
}
