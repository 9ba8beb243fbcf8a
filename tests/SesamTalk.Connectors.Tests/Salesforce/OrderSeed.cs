using System.Text.Json.Nodes;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>What an order needs in an org: an account, a price book and a product priced in it (at 10).</summary>
internal sealed record OrderSeed(string Account, string Pricebook, string Entry)
{
    public static readonly FieldListMapper Items = new("Salesforce", "OrderItem", "PricebookEntryId", "Quantity", "UnitPrice");

    public static OrderSeed In(SalesforceOrg org)
    {
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        var pricebook = org.Emulator.Seed("Pricebook2", new JsonObject { ["Name"] = "Standard" });
        var product = org.Emulator.Seed("Product2", new JsonObject { ["Name"] = "Hammer" });
        var entry = org.Emulator.Seed("PricebookEntry", new JsonObject { ["Pricebook2Id"] = pricebook, ["Product2Id"] = product, ["UnitPrice"] = 10.0 });
        return new OrderSeed(account, pricebook, entry);
    }
}
