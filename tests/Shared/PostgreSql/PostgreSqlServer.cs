using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SesamTalk.Tests.PostgreSql;

/// <summary>
/// A real PostgreSQL server for one test assembly's run, started by the tests themselves: the machine's binaries
/// (<see cref="PostgreSqlBinaries"/>, which installs Debian's package when there are none), <c>initdb</c> into a temporary
/// folder, a free loopback port, stopped and deleted when the run ends. Each test takes a database of its own from
/// <see cref="CreateDatabaseAsync"/>. When no server can be started the fixture throws, so every test that needs it
/// fails with the reason; nothing is skipped.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private string? _binaries;
    private string? _dataDirectory;
    private bool _started;

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The connection string of the server's <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            _binaries = await PostgreSqlBinaries.FindOrInstallAsync().ConfigureAwait(false);
            _dataDirectory = Path.Combine(Path.GetTempPath(), "sesamtalk-pg-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dataDirectory);
            if (Environment.IsPrivilegedProcess)
            {
                // initdb and postgres refuse to run as root: the folder is the package's postgres user's.
                await PostgreSqlCommand.RunAsync("chown", ["-R", "postgres:postgres", _dataDirectory], asPostgres: false).ConfigureAwait(false);
            }

            await PostgreSqlCommand.RunAsync(
                Path.Combine(_binaries, "initdb"),
                ["-D", _dataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                asPostgres: Environment.IsPrivilegedProcess).ConfigureAwait(false);
            await StartAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            await DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                "The PostgreSQL tests need a PostgreSQL server and none could be started: " + error.Message
                + " (the fixture looks for initdb and pg_ctl on PATH and in /usr/lib/postgresql/*/bin, and installs Debian's postgresql package when it is root).",
                error);
        }
    }

    /// <summary>Creates an empty database of its own for a test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand("CREATE DATABASE " + name + ";", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        return ConnectionString(name);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_started && _binaries is not null && _dataDirectory is not null)
        {
            NpgsqlConnection.ClearAllPools();
            _started = false;
            await PostgreSqlCommand.RunAsync(
                Path.Combine(_binaries, "pg_ctl"),
                ["stop", "-D", _dataDirectory, "-m", "immediate", "-w"],
                asPostgres: Environment.IsPrivilegedProcess).ConfigureAwait(false);
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>Starts the server on a free port, trying another when the port was taken in between.</summary>
    private async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                await PostgreSqlCommand.RunAsync(
                    Path.Combine(_binaries!, "pg_ctl"),
                    [
                        "start", "-w", "-t", "60", "-D", _dataDirectory!, "-l", Path.Combine(_dataDirectory!, "server.log"),
                        "-o", $"-p {Port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c full_page_writes=off",
                    ],
                    asPostgres: Environment.IsPrivilegedProcess).ConfigureAwait(false);
                _started = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Pooling = true,
    }.ToString();

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
