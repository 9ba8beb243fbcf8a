using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>The catalog of one system: its record types.</summary>
internal sealed record CatalogModel(string System, EquatableArray<CatalogObject> Objects);
