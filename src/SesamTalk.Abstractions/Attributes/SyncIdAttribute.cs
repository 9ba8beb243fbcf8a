namespace SesamTalk;

/// <summary>
/// Marks the host entity's own identifier (a <see cref="string"/>, <see cref="Guid"/>, <see cref="int"/> or <see cref="long"/>).
/// Exactly one property of a synced entity carries it; links are stored against this value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SyncIdAttribute : Attribute
{
}
