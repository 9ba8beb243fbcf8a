namespace SesamTalk.Samples.Tests.Storage;

/// <summary>A clock that moves only when told to, so tests control modification stamps.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
