namespace SesamTalk.Connectors.Hosting;

/// <summary>A remote system registered through the fluent builder; health checks are added per registered system.</summary>
/// <param name="Name">The system's name, as in <c>[SyncsWith(name, ...)]</c>.</param>
public sealed record SesamTalkSystem(string Name);
