using SesamTalk.Documentation;

namespace SesamTalk.Samples.Customerp.Documentation;

/// <summary>The QA document of the ERP's flows, in the seed's structure and wording, its tables filled from the generated mappers.</summary>
public static class CustomerpDataflows
{
    /// <summary>Salesforce to Customerp: contacts, orders, products and quotes that Salesforce records create.</summary>
    public static DataflowDocument FromSalesforce { get; } = new("Customerp", "Salesforce", hostIsSource: false,
    [
        new DataflowSection(Contact.SyncDefinition.GetMapper(Contact.SyncTargets.SalesforceContact), "Contact"),
        new DataflowSection(Order.SyncDefinition.GetMapper(Order.SyncTargets.SalesforceOrder), "Order"),
        new DataflowSection(Product.SyncDefinition.GetMapper(Product.SyncTargets.SalesforceProduct2), "Product"),
        new DataflowSection(Quote.SyncDefinition.GetMapper(Quote.SyncTargets.SalesforceQuote), "Quote"),
    ]);
}
