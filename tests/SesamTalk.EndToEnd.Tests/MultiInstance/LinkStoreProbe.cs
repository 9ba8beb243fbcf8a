using System.Globalization;
using Npgsql;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>Reads the webshop's link store in the shared database while copies of the job run: who holds which lease, open intents.</summary>
internal static class LinkStoreProbe
{
    /// <summary>Whether the copy with <paramref name="processId"/> holds the lease of a flow of <paramref name="entity"/> for which
    /// creates are open (intents recorded, not completed); <paramref name="system"/> narrows it to one system's flows.</summary>
    public static Task<bool> HoldsLeaseWithOpenIntentsAsync(string database, int processId, string entity, string? system, CancellationToken cancellationToken) =>
        ExistsAsync(database, $"""
            SELECT EXISTS (SELECT 1 FROM {JobFleet.Webshop}.leases l JOIN {JobFleet.Webshop}.intents i ON i.entity = l.entity AND i.system = l.system AND i.type = l.type
                           WHERE l.owner LIKE @owner AND l.entity = @entity AND (@system = '' OR l.system = @system))
            """, processId, cancellationToken, ("entity", entity), ("system", system ?? ""));

    /// <summary>Whether the copy with <paramref name="processId"/> holds (or left behind) a lease.</summary>
    public static Task<bool> HoldsLeaseAsync(string database, int processId, CancellationToken cancellationToken) =>
        ExistsAsync(database, $"SELECT EXISTS (SELECT 1 FROM {JobFleet.Webshop}.leases WHERE owner LIKE @owner)", processId, cancellationToken);

    /// <summary>Whether the copy with <paramref name="processId"/> holds a lease that has not expired yet.</summary>
    public static Task<bool> HoldsLiveLeaseAsync(string database, int processId, CancellationToken cancellationToken) =>
        ExistsAsync(database, $"SELECT EXISTS (SELECT 1 FROM {JobFleet.Webshop}.leases WHERE owner LIKE @owner AND expires_at > now())", processId, cancellationToken);

    public static async Task<List<string?>> ReadStringsAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string?>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>The lease owner of a copy: <c>MACHINE/PID/instance</c> (the engine's <c>LeaseOwner</c>).</summary>
    private static string OwnerPattern(int processId) => $"{Environment.MachineName}/{processId.ToString(CultureInfo.InvariantCulture)}/%";

    private static async Task<bool> ExistsAsync(string database, string sql, int processId, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("owner", OwnerPattern(processId));
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
