namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// A pending-create intent: recorded before the engine creates a record on the other side, completed together with the
/// link once the create is known to have happened. An open intent after a crash means "resolve before creating again".
/// </summary>
/// <param name="IdempotencyKey">The intent's id, sent with the create where the system accepts one.</param>
/// <param name="Flow">The flow the create belongs to.</param>
/// <param name="SourceSide">The side the source record lives on (the create goes to the other side).</param>
/// <param name="SourceId">The source record's id.</param>
/// <param name="CreatedAt">When the intent was recorded (UTC).</param>
public sealed record PendingCreate(string IdempotencyKey, SyncFlowId Flow, SyncSide SourceSide, string SourceId, DateTimeOffset CreatedAt);
