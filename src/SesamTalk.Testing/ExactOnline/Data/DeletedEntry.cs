namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>A row of <c>sync/Deleted</c>: which entity (set code and key) was deleted, when and by whom.</summary>
internal sealed record DeletedEntry(Guid Id, long Timestamp, int EntityType, Guid EntityKey, DateTimeOffset DeletedDate, Guid DeletedBy);
