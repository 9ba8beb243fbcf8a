using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>The input of the client file: the namespace (from the assembly name) and the entities in dependency order.</summary>
internal sealed record ClientIndex(string Namespace, EquatableArray<ClientEntry> Entries);
