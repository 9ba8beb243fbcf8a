namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// An Exact Online entity set: its REST path under the division, its key field, and where the sync API serves it.
/// Records read from it carry <see cref="Name"/> as their type. The well-known sets are static members; others can
/// be described by hand.
/// </summary>
/// <param name="Name">The set's name and the type of its records, e.g. <c>Accounts</c>.</param>
/// <param name="Path">The REST path under <c>/api/v1/{division}/</c>, e.g. <c>crm/Accounts</c>.</param>
/// <param name="Key">The key field (an <c>Edm.Guid</c>), e.g. <c>ID</c> or <c>OrderID</c>.</param>
/// <param name="SyncPath">The path under <c>sync/</c>, e.g. <c>CRM/Accounts</c>; null when there is no sync API.</param>
/// <param name="DeletedEntityType">The <c>EntityType</c> code of this set's rows in <c>sync/Deleted</c>, if known.</param>
/// <param name="HasModified">Whether rows carry <c>Modified</c> (line sets do not).</param>
public sealed record ExactOnlineEntitySet(string Name, string Path, string Key, string? SyncPath, int? DeletedEntityType = null, bool HasModified = true)
{
    /// <summary><c>crm/Accounts</c>.</summary>
    public static ExactOnlineEntitySet Accounts { get; } = new("Accounts", "crm/Accounts", "ID", "CRM/Accounts", 2);

    /// <summary><c>logistics/Items</c>.</summary>
    public static ExactOnlineEntitySet Items { get; } = new("Items", "logistics/Items", "ID", "Logistics/Items", 9);

    /// <summary><c>crm/Quotations</c>; create them with their <c>QuotationLines</c>.</summary>
    public static ExactOnlineEntitySet Quotations { get; } = new("Quotations", "crm/Quotations", "QuotationID", "CRM/QuotationHeaders", 34);

    /// <summary><c>crm/QuotationLines</c>.</summary>
    public static ExactOnlineEntitySet QuotationLines { get; } = new("QuotationLines", "crm/QuotationLines", "ID", "CRM/QuotationLines", 35, HasModified: false);

    /// <summary><c>salesorder/SalesOrders</c>; create them with their <c>SalesOrderLines</c>.</summary>
    public static ExactOnlineEntitySet SalesOrders { get; } = new("SalesOrders", "salesorder/SalesOrders", "OrderID", "SalesOrder/SalesOrderHeaders", 32);

    /// <summary><c>salesorder/SalesOrderLines</c>.</summary>
    public static ExactOnlineEntitySet SalesOrderLines { get; } = new("SalesOrderLines", "salesorder/SalesOrderLines", "ID", "SalesOrder/SalesOrderLines", 33, HasModified: false);

    /// <summary>The well-known sets.</summary>
    public static IReadOnlyList<ExactOnlineEntitySet> Known { get; } = [Accounts, Items, Quotations, QuotationLines, SalesOrders, SalesOrderLines];

    /// <summary>The well-known set with this name (e.g. a line collection's navigation name), or null.</summary>
    /// <param name="name">The set's name.</param>
    public static ExactOnlineEntitySet? Find(string name) => Known.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
