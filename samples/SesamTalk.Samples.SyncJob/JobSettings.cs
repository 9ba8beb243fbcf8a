using Microsoft.Extensions.Configuration;

namespace SesamTalk.Samples.SyncJob;

/// <summary>
/// The job's own settings: where its state lives, where the summary goes, whether it times its remote edits in a live
/// phase, and whether it serves the dashboard after its run.
/// </summary>
/// <param name="StateDirectory">Link stores, host databases and refresh tokens.</param>
/// <param name="StateIsTemporary">Whether <paramref name="StateDirectory"/> is a fresh directory made for this run.</param>
/// <param name="SummaryJsonPath">Where to write the per-row summary, or null.</param>
/// <param name="DashboardUrl">Where to serve the dashboard over the hosts after the run until Ctrl+C, or null.</param>
/// <param name="Live">Whether the live phase runs: the hosts' background sync on, the remote edits made again and timed until the hosts see them.</param>
public sealed record JobSettings(string StateDirectory, bool StateIsTemporary, string? SummaryJsonPath, string? DashboardUrl = null, bool Live = true)
{
    /// <summary>The state directory's setting (<c>--state DIR</c>).</summary>
    public const string StateKey = "state";

    /// <summary>The summary's setting (<c>--summary-json PATH</c>).</summary>
    public const string SummaryJsonKey = "summary-json";

    /// <summary>The dashboard's setting (<c>--dashboard [URL]</c>).</summary>
    public const string DashboardKey = "dashboard";

    /// <summary>The setting that leaves the live phase out (<c>--no-live</c>).</summary>
    public const string NoLiveKey = "no-live";

    /// <summary>Where <c>--dashboard</c> without a URL serves the dashboard.</summary>
    public const string DefaultDashboardUrl = "http://127.0.0.1:5180";

    /// <summary>
    /// The command line with a value after each switch that has none (the command-line configuration drops a key without
    /// a value): the default URL after <c>--dashboard</c>, <c>true</c> after <c>--no-live</c>.
    /// </summary>
    /// <param name="args">The job's arguments.</param>
    public static string[] CompleteSwitches(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.SelectMany((arg, i) => (i + 1 == args.Length || args[i + 1].StartsWith('-')) && DefaultFor(arg) is { } value ? [arg, value] : new[] { arg })];
    }

    private static string? DefaultFor(string arg) => arg switch
    {
        "--" + DashboardKey => DefaultDashboardUrl,
        "--" + NoLiveKey => "true",
        _ => null,
    };

    /// <summary>
    /// Reads the settings. Without <c>--state</c> the state lives in a fresh temporary directory: the embedded emulators
    /// start empty on every run, so state kept from an earlier run would describe records that no longer exist.
    /// </summary>
    /// <param name="configuration">The job's configuration (command line, environment, appsettings.json).</param>
    public static JobSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var summary = configuration[SummaryJsonKey] is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        var dashboard = configuration[DashboardKey] is { Length: > 0 } url ? url : null;
        var live = !configuration.GetValue<bool>(NoLiveKey);
        if (configuration[StateKey] is { Length: > 0 } state)
        {
            return new JobSettings(Path.GetFullPath(state), StateIsTemporary: false, summary, dashboard, live);
        }

        return new JobSettings(Path.Combine(Path.GetTempPath(), "sesamtalk-syncjob-" + Guid.NewGuid().ToString("N")), StateIsTemporary: true, summary, dashboard, live);
    }
}

/// <summary>The job was started with settings it cannot run with; the message says what to change.</summary>
public sealed class JobSettingsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobSettingsException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public JobSettingsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public JobSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
