namespace SesamTalk.Generators.Model;

/// <summary>An enum member and the remote picklist value it stands for.</summary>
internal sealed record EnumMemberModel(string Member, string RemoteValue);
