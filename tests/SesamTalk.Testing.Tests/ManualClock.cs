namespace SesamTalk.Testing.Tests;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    /// <summary>Moves past the current millisecond, so writes made in it show in a change feed.</summary>
    public void Tick() => Advance(TimeSpan.FromMilliseconds(1));
}
