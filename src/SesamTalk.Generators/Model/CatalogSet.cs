using System;
using System.Linq;
using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>Every catalog the compilation sees: the standard ones merged with the host's AdditionalFiles.</summary>
internal sealed record CatalogSet(EquatableArray<CatalogModel> Catalogs)
{
    public CatalogModel? For(string system) =>
        Catalogs.FirstOrDefault(c => string.Equals(c.System, system, StringComparison.OrdinalIgnoreCase));
}
