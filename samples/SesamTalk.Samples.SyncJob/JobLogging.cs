using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace SesamTalk.Samples.SyncJob;

/// <summary>
/// The job's loggers, from the configuration's <c>Logging</c> section as in any .NET host: the console (standard error, so
/// the job's own report keeps standard output), at the levels of <c>Logging:LogLevel</c> (<c>Warning</c> in
/// appsettings.json; <c>Logging__LogLevel__Default=Debug</c> or <c>--Logging:LogLevel:Default=Debug</c> shows every cycle).
/// </summary>
public static class JobLogging
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Logging";

    /// <summary>Creates the loggers; the caller disposes them, which flushes the console.</summary>
    /// <param name="configuration">The job's configuration.</param>
    public static ILoggerFactory Create(IConfiguration configuration) =>
        LoggerFactory.Create(logging => logging
            .AddConfiguration(configuration.GetSection(Section))
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
}
