using System.Globalization;
using SesamTalk;
using SesamTalk.Documentation;
using SesamTalk.Samples.Webshop;

// What the generator made of the webshop's annotated entities: the QA document of every flow (its field table
// checked against the systems' catalogs at compile time), the record a product becomes, and a remote edit
// applied back to the product. Flows run against emulators once the engine and connectors land (see README).
var product = new Product
{
    Id = 1001,
    Sku = "HAM-16",
    Name = "Claw hammer 16 oz",
    LongDescription = "Forged steel head, fibreglass handle.",
    OnSale = true,
    Family = ProductFamily.Hardware,
    Price = 24.90m,
};

// The QA documents, rendered from the generated mappers: one per remote system the webshop's products flow to.
foreach (var system in new[] { "Salesforce", "ExactOnline" })
{
    var sections = Product.SyncDefinition.Mappers
        .Where(mapper => mapper.Target.System == system)
        .Select(mapper => new DataflowSection(mapper, Product.SyncDefinition.Name))
        .ToList();
    Console.WriteLine(new DataflowDocument("Customwebshop", system, hostIsSource: true, sections).Render(DateTimeOffset.UtcNow));
}

var salesforce = Product.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2"));
var record = salesforce.ToRecord(product);
Console.WriteLine($"Product {Product.SyncDefinition.GetId(product)} as a {record.Type} record:");
foreach (var (field, value) in record)
{
    Console.WriteLine($"  {field,-14} = {value}");
}

Console.WriteLine($"  fingerprint    = {salesforce.Fingerprint(record, FieldDirection.Both)}");
Console.WriteLine();

// Someone renames the product in Salesforce; the edit comes back to the webshop.
var edited = new SyncRecord("Product2", "01t5g00000Ab3dEAAQ")
{
    ["Name"] = SyncValue.From("Claw hammer 16 oz, fibreglass"),
    ["LastModifiedDate"] = SyncValue.From("2024-09-10T14:20:17.000+0000"),
};
salesforce.Apply(edited, product);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"After the Salesforce edit the webshop product is named \"{product.Name}\" (price {product.Price} unchanged)."));
