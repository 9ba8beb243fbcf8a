namespace SesamTalk.Engine.Tests.Harness;

/// <summary>The system clock plus an offset a scenario can move forward.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
