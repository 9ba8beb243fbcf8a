using Microsoft.AspNetCore.Builder;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// What every notified web host of the tests has: the started app (<see cref="WebhookHostApp"/>), the emulator it syncs
/// with, its logs, the receiver's address, and its flow's cycles counted from when the host settled after its start.
/// </summary>
/// <param name="app">The started app.</param>
/// <param name="emulator">The emulated system, stopped after the app.</param>
/// <param name="logs">Where the host logs.</param>
/// <param name="callbackUrl">The receiver's address, where the system delivers.</param>
/// <param name="flow">The host's flow, e.g. <c>Product→Shop/Product</c>.</param>
internal abstract class NotifiedWebHost(WebApplication app, IAsyncDisposable emulator, CapturedLogs logs, Uri callbackUrl, string flow) : IAsyncDisposable
{
    private readonly string _cycleDone = flow + ": cycle done";

    public CapturedLogs Logs { get; } = logs;

    /// <summary>The receiver's address, where the system delivers.</summary>
    public Uri CallbackUrl { get; } = callbackUrl;

    /// <summary>The flow's cycles since the host settled after its start.</summary>
    public int Cycles => Count(_cycleDone) - SettledCycles;

    /// <summary>The flow's cycles when the host settled after its start (its first run, and what going live or an echo added).</summary>
    protected int SettledCycles { get; set; }

    public int Count(string text) => Logs.Count(text);

    /// <summary>Waits until <paramref name="condition"/> holds, at most 20 s; fails naming <paramref name="what"/> otherwise.</summary>
    public Task WaitUntilAsync(Func<bool> condition, string what) => Logs.WaitUntilAsync(condition, what);

    public ValueTask DisposeAsync() => WebhookHostApp.StopAsync(app, emulator);
}
