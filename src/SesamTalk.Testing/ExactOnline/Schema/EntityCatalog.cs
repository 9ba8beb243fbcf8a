using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.ExactOnline.Schema;

/// <summary>
/// The entity sets the emulator serves: the fields come from the shared catalog (<c>catalogs/ExactOnline.catalog.json</c>),
/// the REST paths, model types, sync paths and <c>sync/Deleted</c> EntityType codes from the API reference.
/// </summary>
internal sealed class EntityCatalog
{
    private const string SystemName = "ExactOnline";

    private readonly Dictionary<string, EntitySchema> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EntitySchema> _byPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EntitySchema> _bySyncPath = new(StringComparer.OrdinalIgnoreCase);

    private EntityCatalog(Catalog catalog)
    {
        EntitySchema Add(string name, string path, string model, string syncPath, int syncType)
        {
            var entity = catalog.Objects.SingleOrDefault(o => o.Name == name)
                ?? throw new InvalidDataException($"The Exact Online catalog has no object {name}.");
            var schema = new EntitySchema(entity, path, model, syncPath, syncType);
            _byName.Add(name, schema);
            _byPath.Add(path, schema);
            _bySyncPath.Add(syncPath, schema);
            return schema;
        }

        var accounts = Add("Accounts", "crm/Accounts", "Account", "CRM/Accounts", 2);
        Add("Items", "logistics/Items", "Item", "Logistics/Items", 9);
        var quotations = Add("Quotations", "crm/Quotations", "Quotation", "CRM/QuotationHeaders", 34);
        var quotationLines = Add("QuotationLines", "crm/QuotationLines", "QuotationLine", "CRM/QuotationLines", 35);
        var orders = Add("SalesOrders", "salesorder/SalesOrders", "SalesOrder", "SalesOrder/SalesOrderHeaders", 32);
        var orderLines = Add("SalesOrderLines", "salesorder/SalesOrderLines", "SalesOrderLine", "SalesOrder/SalesOrderLines", 33);
        accounts.AddDeferred("BankAccounts");
        quotations.AddLines("QuotationLines", quotationLines, "QuotationID");
        orders.AddLines("SalesOrderLines", orderLines, "OrderID");
        if (catalog.Objects.FirstOrDefault(o => !_byName.ContainsKey(o.Name)) is { } unknown)
        {
            throw new InvalidDataException(
                $"ExactOnlineEmulatorOptions.Catalogs: '{unknown.Name}' is no entity set the emulator serves ({string.Join(", ", _byName.Keys)}); an extra catalog can add properties to those.");
        }
    }

    /// <summary>The standard catalog is immutable once built, so every emulator without extra catalogs shares one.</summary>
    public static EntityCatalog Instance { get; } = new(Catalog.LoadEmbedded(SystemName));

    /// <summary>The standard catalog extended by <paramref name="extra"/> (catalog JSON texts, in order), or <see cref="Instance"/> when there are none.</summary>
    /// <exception cref="InvalidDataException">An extra catalog is malformed, of another system, or adds an entity set.</exception>
    public static EntityCatalog With(IReadOnlyCollection<string> extra) =>
        extra.Count == 0 ? Instance : new(Catalog.LoadExtended(SystemName, extra, "ExactOnlineEmulatorOptions.Catalogs"));

    /// <summary>By catalog name ("Accounts").</summary>
    public EntitySchema? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>By REST path under the division ("crm/Accounts").</summary>
    public EntitySchema? FindByPath(string service, string entity) => _byPath.GetValueOrDefault($"{service}/{entity}");

    /// <summary>By path under <c>sync/</c> ("CRM/Accounts").</summary>
    public EntitySchema? FindBySyncPath(string service, string entity) => _bySyncPath.GetValueOrDefault($"{service}/{entity}");
}
