namespace SesamTalk.EntityFrameworkCore.Tests.Harness;

/// <summary>A wall clock that stands still at a given time, to make a writer's clock run behind another's.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
