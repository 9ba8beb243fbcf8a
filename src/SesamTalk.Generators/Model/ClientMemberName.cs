namespace SesamTalk.Generators.Model;

/// <summary>The typed-client member a host named for an entity with <c>[SyncClientMember("People")]</c>.</summary>
/// <param name="FullyQualifiedName">The entity's type, <c>global::</c>-qualified.</param>
/// <param name="Member">The member's name as written.</param>
internal sealed record ClientMemberName(string FullyQualifiedName, string Member);
