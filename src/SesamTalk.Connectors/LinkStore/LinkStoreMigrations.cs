using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// Applies a provider's forward-only migrations in the transaction it began (and locked as it needs): reads the version
/// from <c>schema_version</c>, refuses a newer one, runs each missing migration and records it.
/// </summary>
internal static class LinkStoreMigrations
{
    /// <summary>Brings the schema to <paramref name="targetVersion"/> and returns the version it had.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The migration's transaction; the caller commits it.</param>
    /// <param name="migrations">The provider's migrations; migration <c>i + 1</c> is at index <c>i</c>.</param>
    /// <param name="targetVersion">The version to stop at (tests stop early to make old stores).</param>
    /// <param name="appliedAt">The parameter value of the time each migration is recorded with.</param>
    /// <param name="newerThanSupported">The message for a store of the given newer version.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <exception cref="LinkStoreSchemaException">The store has a newer version than <paramref name="migrations"/> reach.</exception>
    public static async Task<int> ApplyAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<string> migrations,
        int targetVersion,
        object appliedAt,
        Func<int, string> newerThanSupported,
        CancellationToken cancellationToken)
    {
        var found = await LinkStoreDb.ReadSchemaVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (found > migrations.Count)
        {
            throw new LinkStoreSchemaException(newerThanSupported(found)) { FoundVersion = found, SupportedVersion = migrations.Count };
        }

        for (var version = found + 1; version <= targetVersion; version++)
        {
            await LinkStoreDb.ExecuteAsync(connection, transaction, migrations[version - 1], [], cancellationToken).ConfigureAwait(false);
            await LinkStoreDb.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at);",
                [("@version", version), ("@at", appliedAt)],
                cancellationToken).ConfigureAwait(false);
        }

        return found;
    }
}
