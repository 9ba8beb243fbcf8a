using SesamTalk.Documentation;

namespace SesamTalk.Samples.Customwebshop.Documentation;

/// <summary>
/// The QA documents of the webshop's flows, in the seeds' structure and wording (sections in the seeds' order, remote
/// types spelled as the seeds spell them), their tables filled from the generated mappers.
/// </summary>
public static class CustomwebshopDataflows
{
    /// <summary>Customwebshop to Salesforce: customers as Divisions, orders as Invoices and Orders, products as Product2.</summary>
    public static DataflowDocument ToSalesforce { get; } = new("Customwebshop", "Salesforce", hostIsSource: true,
    [
        new DataflowSection(Mapper(Customer.SyncDefinition, "Salesforce", "Division"), "Customer"),
        new DataflowSection(Mapper(Order.SyncDefinition, "Salesforce", "Invoice"), "Order"),
        new DataflowSection(Mapper(Order.SyncDefinition, "Salesforce", "Order"), "Order"),
        new DataflowSection(Mapper(Product.SyncDefinition, "Salesforce", "Product2"), "Product"),
    ]);

    /// <summary>Customwebshop to Customcrm: customers, orders and products.</summary>
    public static DataflowDocument ToCustomcrm { get; } = new("Customwebshop", "Customcrm", hostIsSource: true,
    [
        new DataflowSection(Mapper(Customer.SyncDefinition, "Customcrm", "Customer"), "Customer"),
        new DataflowSection(Mapper(Order.SyncDefinition, "Customcrm", "Order"), "Order"),
        new DataflowSection(Mapper(Product.SyncDefinition, "Customcrm", "Product"), "Product"),
    ]);

    /// <summary>SuperOffice to Customwebshop: contacts, quote alternatives and their lines, sales and products.</summary>
    public static DataflowDocument FromSuperOffice { get; } = new("Customwebshop", "SuperOffice", hostIsSource: false,
    [
        new DataflowSection(Mapper(Customer.SyncDefinition, "SuperOffice", "Contact"), "Customer"),
        new DataflowSection(Mapper(Order.SyncDefinition, "SuperOffice", "QuoteAlternative"), "Order", "Quotealternative"),
        DataflowSection.ForChildren(Mapper(Order.SyncDefinition, "SuperOffice", "QuoteAlternative"), "QuoteLine", "Order", "Quoteline"),
        new DataflowSection(Mapper(Order.SyncDefinition, "SuperOffice", "Sale"), "Order"),
        new DataflowSection(Mapper(Product.SyncDefinition, "SuperOffice", "Product"), "Product"),
    ]);

    /// <summary>CustomWebshop to ExactOnline: orders as Quotations and SalesOrders, customers as Accounts, products as Items.</summary>
    public static DataflowDocument ToExactOnline { get; } = new("CustomWebshop", "ExactOnline", hostIsSource: true,
    [
        new DataflowSection(Mapper(Order.SyncDefinition, "ExactOnline", "Quotations"), "Order"),
        new DataflowSection(Mapper(Customer.SyncDefinition, "ExactOnline", "Accounts"), "Customer"),
        new DataflowSection(Mapper(Order.SyncDefinition, "ExactOnline", "SalesOrders"), "Order", "Salesorders"),
        new DataflowSection(Mapper(Product.SyncDefinition, "ExactOnline", "Items"), "Product"),
    ]);

    private static IEntityMapper Mapper<TEntity>(ISyncEntityDefinition<TEntity> definition, string system, string type) =>
        definition.GetMapper(new SyncTarget(system, type));
}
