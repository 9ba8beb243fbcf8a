using Npgsql;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.PostgreSql;

/// <summary>
/// The PostgreSQL link store's schema as forward-only migrations, in a schema of its own. <c>schema_version</c> holds a
/// row per applied migration. Every instance migrates on open, under a transaction-level advisory lock, so instances
/// that start at the same moment migrate once and the others wait and find it done; a newer schema is refused. Never
/// edit a shipped migration: add the next one.
/// </summary>
internal static class PostgreSqlLinkStoreSchema
{
    /// <summary>The advisory lock key that serialises migrations of one database ("SesamTlk" in ASCII).</summary>
    private const long MigrationLock = 0x53_65_73_61_6D_54_6C_6B;

    /// <summary>
    /// The migrations; migration <c>i + 1</c> is at index <c>i</c>. Remote systems and types compare case-insensitively,
    /// as the SQLite store's NOCASE columns do; ids and entity names compare and sort bytewise ("C"), as SQLite's do.
    /// </summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: the SQLite store's schema version 6: links with fingerprints and agreed state, cursors, intents, fenced
        // leases, conflicts, quarantine, held flows and ended holds.
        """
        CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        CREATE TABLE links (
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            local_id text COLLATE "C" NOT NULL,
            remote_id text COLLATE "C" NOT NULL,
            provenance integer NOT NULL,
            match_key text NULL,
            linked_at timestamptz NOT NULL,
            local_read text NULL,
            local_written text NULL,
            remote_read text NULL,
            remote_written text NULL,
            agreed text NULL,
            PRIMARY KEY (entity, system, type, local_id),
            UNIQUE (entity, system, type, remote_id)
        );
        CREATE INDEX links_by_local_id ON links (entity, local_id);
        CREATE TABLE cursors (
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            side integer NOT NULL,
            value text NOT NULL,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (entity, system, type, side)
        );
        CREATE TABLE intents (
            idempotency_key text COLLATE "C" NOT NULL PRIMARY KEY,
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            source_side integer NOT NULL,
            source_id text COLLATE "C" NOT NULL,
            created_at timestamptz NOT NULL,
            UNIQUE (entity, system, type, source_side, source_id)
        );
        CREATE TABLE leases (
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            owner text COLLATE "C" NOT NULL,
            acquired_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            epoch bigint NOT NULL,
            PRIMARY KEY (entity, system, type)
        );
        CREATE TABLE conflicts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            local_id text COLLATE "C" NOT NULL,
            remote_id text COLLATE "C" NOT NULL,
            field text NOT NULL,
            local_value text NULL,
            remote_value text NULL,
            rule integer NOT NULL,
            winner integer NOT NULL,
            occurred_at timestamptz NOT NULL
        );
        CREATE INDEX conflicts_by_record ON conflicts (entity, system, type, local_id);
        CREATE TABLE quarantine (
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            side integer NOT NULL,
            record_id text COLLATE "C" NOT NULL,
            error text NOT NULL,
            payload text NULL,
            first_at timestamptz NOT NULL,
            last_at timestamptz NOT NULL,
            attempts integer NOT NULL,
            released_at timestamptz NULL,
            PRIMARY KEY (entity, system, type, side, record_id)
        );
        CREATE TABLE held_flows (
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            held_since timestamptz NOT NULL,
            checked_at timestamptz NOT NULL,
            changes integer NOT NULL,
            links integer NOT NULL,
            change_limit integer NOT NULL,
            reason text NOT NULL,
            approved_by text NULL,
            approved_at timestamptz NULL,
            PRIMARY KEY (entity, system, type)
        );
        CREATE TABLE released_holds (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            held_since timestamptz NOT NULL,
            checked_at timestamptz NOT NULL,
            changes integer NOT NULL,
            links integer NOT NULL,
            change_limit integer NOT NULL,
            reason text NOT NULL,
            approved_by text NULL,
            approved_at timestamptz NULL,
            released_because integer NOT NULL,
            released_at timestamptz NOT NULL
        );
        CREATE INDEX released_holds_by_flow ON released_holds (entity, system, type);
        """,

        // 2: the SQLite store's schema version 7: each cycle's report (the history, pruned per flow as cycles are
        // added); the match-key value a link was made on, searchable; conflicts by time.
        """
        CREATE TABLE cycles (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            entity text COLLATE "C" NOT NULL,
            system text COLLATE nocase NOT NULL,
            type text COLLATE nocase NOT NULL,
            started_at timestamptz NOT NULL,
            ended_at timestamptz NOT NULL,
            records_read integer NOT NULL,
            created integer NOT NULL,
            updated integer NOT NULL,
            deleted integer NOT NULL,
            linked integer NOT NULL,
            unchanged integer NOT NULL,
            conflicts integer NOT NULL,
            quarantined integer NOT NULL,
            api_calls integer NOT NULL,
            stopped boolean NOT NULL,
            stop_reason text NULL,
            held boolean NOT NULL,
            failed boolean NOT NULL
        );
        CREATE INDEX cycles_by_flow ON cycles (entity, system, type, id);
        ALTER TABLE links ADD COLUMN match_value text COLLATE "C" NULL;
        CREATE INDEX links_by_match_value ON links (entity, system, type, match_value, local_id) WHERE match_value IS NOT NULL;
        CREATE INDEX conflicts_by_time ON conflicts (entity, system, type, occurred_at, id);
        """,

        // 3: the SQLite store's schema version 8: the change sources' positions in the systems' event streams (a Salesforce
        // replay id per org and channel).
        """
        CREATE TABLE subscription_positions (
            system text COLLATE nocase NOT NULL,
            channel text COLLATE "C" NOT NULL,
            position text NOT NULL,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (system, channel)
        );
        """,
    ];

    /// <summary>The newest schema version.</summary>
    public static int LatestVersion => Migrations.Count;

    /// <summary>Brings the schema to <paramref name="targetVersion"/> (tests stop early to make old ones) and returns the version it had.</summary>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, int targetVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Held to the commit: an instance that starts meanwhile waits here, then finds the migrations applied.
            await LinkStoreDb.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key);", [("@key", MigrationLock)], cancellationToken).ConfigureAwait(false);
            await LinkStoreDb.ExecuteAsync(
                connection,
                transaction,
                "CREATE SCHEMA IF NOT EXISTS " + schema + "; CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL);",
                [],
                cancellationToken).ConfigureAwait(false);
            var found = await LinkStoreMigrations.ApplyAsync(
                connection,
                transaction,
                Migrations,
                targetVersion,
                now.ToUniversalTime(),
                newer => $"The link store in schema '{schema}' of database '{connection.Database}' has schema version {newer}, newer than version {LatestVersion} that this SesamTalk understands. Upgrade SesamTalk, or point it at another database or schema.",
                cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return found;
        }
    }

    /// <summary>Whether <paramref name="schema"/> is a plain identifier (it is written into SQL, so nothing else is let through).</summary>
    public static bool IsPlainIdentifier(string schema) =>
        schema.Length is > 0 and <= 63
        && (char.IsAsciiLetterLower(schema[0]) || schema[0] == '_')
        && schema.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
