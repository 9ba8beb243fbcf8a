namespace SesamTalk.Engine.Tests.Harness;

/// <summary>An <see cref="IProgress{T}"/> that reports on the engine's thread, so a scenario can act at an exact point of a cycle.</summary>
public sealed class SynchronousProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
{
    public void Report(SyncProgress value) => report(value);
}
