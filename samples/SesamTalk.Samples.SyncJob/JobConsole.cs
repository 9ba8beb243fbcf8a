using Microsoft.Extensions.Logging;

namespace SesamTalk.Samples.SyncJob;

/// <summary>Where the job writes: its report, its error messages, and the loggers the hosts' engines log to.</summary>
/// <param name="Out">The progress lines, the tables and the verdict.</param>
/// <param name="Error">Why the job could not run (settings, a system refusing it at start-up).</param>
/// <param name="Logging">The loggers (<see cref="JobLogging.Create"/>).</param>
public sealed record JobConsole(TextWriter Out, TextWriter Error, ILoggerFactory Logging);
