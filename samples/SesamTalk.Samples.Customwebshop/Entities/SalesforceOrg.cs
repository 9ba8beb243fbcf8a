namespace SesamTalk.Samples.Customwebshop;

/// <summary>Settings of the Salesforce org the webshop syncs with that its mappings need and only the org can tell.</summary>
/// <remarks>
/// Salesforce order products need a price book entry, and a product must be in the org's standard price book before it
/// can be sold. The standard price book's id differs per org (<c>SELECT Id FROM Pricebook2 WHERE IsStandard = true</c>),
/// so it cannot be a compile-time <see cref="SyncConstantAttribute"/>: the host looks it up once at startup, before its
/// first sync, and the mappings read it through <see cref="Order.SalesforcePricebookId"/> and
/// <see cref="Product.SalesforcePricebookId"/>.
/// </remarks>
public static class SalesforceOrg
{
    /// <summary>The org's standard price book; empty until the host has looked it up.</summary>
    public static string StandardPricebookId { get; set; } = "";
}
