namespace SesamTalk.Connectors.LinkStore;

/// <summary>A hold as it was when it ended, kept as history: who approved it and when, or why it ended without approval.</summary>
/// <param name="Hold">The hold as it was last stored, with its approval if there was one.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="ReleasedAt">When it ended (UTC).</param>
public sealed record ReleasedHold(HeldFlow Hold, HoldReleaseReason Reason, DateTimeOffset ReleasedAt);
