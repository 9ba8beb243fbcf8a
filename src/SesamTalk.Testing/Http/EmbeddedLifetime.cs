using Microsoft.Extensions.Hosting;

namespace SesamTalk.Testing.Http;

/// <summary>
/// The lifetime of an emulator's web app: none of its own. The default console lifetime would take the process's
/// SIGINT, SIGTERM and SIGQUIT, stop only that emulator and keep the process running; an emulator is embedded in a test,
/// a job or the standalone tool, and the process that embeds it decides what a signal does.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
