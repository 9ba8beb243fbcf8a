using SesamTalk.Documentation;

namespace SesamTalk.Samples.Customerp.Documentation;

/// <summary>The QA document of the ERP's flows, in the seed's structure and wording, its tables filled from the generated mappers.</summary>
public static class CustomerpDataflows
{
    /// <summary>Salesforce to Customerp: contacts, orders, products and quotes that Salesforce records create.</summary>
    public static DataflowDocument FromSalesforce { get; } = new("Customerp", "Salesforce", hostIsSource: false,
    [
        new DataflowSection(Contact.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Contact")), "Contact"),
        new DataflowSection(Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Order")), "Order"),
        new DataflowSection(Product.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2")), "Product"),
        new DataflowSection(Quote.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Quote")), "Quote"),
    ]);
}
