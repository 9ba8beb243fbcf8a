using System.Runtime.InteropServices;

namespace SesamTalk.Emulators;

/// <summary>
/// Turns SIGINT (Ctrl+C), SIGTERM (<c>kill</c>, <c>timeout</c>, a service manager, <c>docker stop</c>) and SIGQUIT into
/// one graceful stop: the signal's default (ending the process at once) is cancelled and <see cref="Stopping"/> fires,
/// so the emulators stop, their ports are released and the tool exits 0.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly PosixSignalRegistration[] _registrations;
    private bool _disposed;

    public StopSignals() =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];

    /// <summary>Fires on the first of the signals.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>The first signal received, once <see cref="Stopping"/> has fired.</summary>
    public PosixSignal? Received { get; private set; }

    /// <summary>Stops listening for the signals; from now on they act as they do by default.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            context.Cancel = true;
            Received ??= context.Signal;

            // The callbacks (the run's wait) go to the thread pool: the signal thread returns at once.
            _ = _stop.CancelAsync();
        }
    }
}
