using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.ExactOnline.Schema;

/// <summary>
/// Builds the schemas of the resources the emulator serves outside the shared catalog (the division lists, webhook
/// subscriptions): no host syncs them, so the generator need not know them, but their reads take the same OData options.
/// </summary>
internal static class ApiOnlySets
{
    public static CatalogObject Entity(string name, params CatalogField[] fields) => new(name, null, false, false, false, [], fields);

    public static CatalogField Key(string name, string type = "int") => Field(name, type) with { Key = true, Nillable = false };

    public static CatalogField Field(string name, string type = "string") =>
        new(name, type, null, Key: false, Createable: false, Updateable: false, Nillable: true, DefaultedOnCreate: false,
            IdLookup: false, ExternalId: false, Unique: false, Filterable: true, AutoNumber: false, [], [], null, [], false);
}
