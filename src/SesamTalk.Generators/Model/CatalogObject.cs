using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>One record type of a catalog, with what the real API allows on it.</summary>
internal sealed record CatalogObject(string Name, bool Createable, bool Updateable, bool Deletable, EquatableArray<CatalogField> Fields);
