namespace SesamTalk.Tests.PostgreSql;

/// <summary>
/// Finds the folder with PostgreSQL's <c>initdb</c> and <c>pg_ctl</c>: on PATH, else the newest
/// <c>/usr/lib/postgresql/N/bin</c> (where Debian's package puts them, off PATH). When there is none it installs Debian's
/// <c>postgresql</c> package (as root, under a machine-wide lock so test assemblies running at once install it once).
/// </summary>
internal static class PostgreSqlBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";
    private static readonly string InstallLock = Path.Combine(Path.GetTempPath(), "sesamtalk-postgresql-install.lock");

    /// <summary>The folder, installing the package first when needed.</summary>
    public static async Task<string> FindOrInstallAsync()
    {
        if (Find() is { } found)
        {
            return found;
        }

        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("initdb and pg_ctl were not found, and only root on Debian can install them here (apt-get install postgresql).");
        }

        using (await AcquireInstallLockAsync().ConfigureAwait(false))
        {
            if (Find() is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            await InstallAsync().ConfigureAwait(false);
        }

        return Find() ?? throw new InvalidOperationException($"Debian's postgresql package was installed, but neither PATH nor {DebianRoot}/*/bin has initdb and pg_ctl.");
    }

    /// <summary>The folder, or <see langword="null"/> when the machine has no PostgreSQL server binaries.</summary>
    public static string? Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Resolve(Path.Combine(folder, "initdb")))
            .OfType<string>()
            .Select(Path.GetDirectoryName)
            .FirstOrDefault(folder => folder is not null && File.Exists(Path.Combine(folder, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        return Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var number) ? number : -1, Bin: Path.Combine(version, "bin")))
                .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "initdb")) && File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
    }

    /// <summary>
    /// The real file behind a path (Debian links tools into PATH): initdb finds <c>postgres</c> beside its own file, so
    /// the folder to use is the link target's.
    /// </summary>
    private static string? Resolve(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
    }

    /// <summary><c>apt-get install -y postgresql</c>; when it fails (an empty or stale package list), <c>apt-get update</c> and once more.</summary>
    private static async Task InstallAsync()
    {
        string[] install = ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends", "postgresql"];
        try
        {
            await PostgreSqlCommand.RunAsync("apt-get", install, asPostgres: false, AptEnvironment).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            await PostgreSqlCommand.RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=600", "update"], asPostgres: false, AptEnvironment).ConfigureAwait(false);
            await PostgreSqlCommand.RunAsync("apt-get", install, asPostgres: false, AptEnvironment).ConfigureAwait(false);
        }
    }

    private static readonly IReadOnlyDictionary<string, string> AptEnvironment = new Dictionary<string, string>
    {
        ["DEBIAN_FRONTEND"] = "noninteractive",
    };

    /// <summary>Holds an exclusive lock file; another test process waits here until the install is done.</summary>
    private static async Task<FileStream> AcquireInstallLockAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(InstallLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            }
        }
    }
}
