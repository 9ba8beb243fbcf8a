using Microsoft.EntityFrameworkCore;

namespace SesamTalk.Samples.Customerp.Storage;

/// <summary>A handful of contacts, products, orders and quotes with lines, the same on every run, for demos and tests.</summary>
public static class CustomerpDemoData
{
    /// <summary>Saves the demo records into an empty database, as the app's own code does; a database that has contacts already is left alone.</summary>
    /// <param name="db">The ERP's database.</param>
    /// <param name="cancellationToken">Cancels seeding.</param>
    /// <returns>Whether the demo data was saved.</returns>
    public static async Task<bool> SeedAsync(CustomerpDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Contacts.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Adding gives each record its id, which the orders, quotes and lines refer to.
        var contacts = Contacts();
        db.Contacts.AddRange(contacts);
        var products = Products();
        db.Products.AddRange(products);
        db.Orders.AddRange(Orders(contacts, products));
        db.Quotes.AddRange(Quotes(contacts, products));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Contact[] Contacts() =>
    [
        new() { FirstName = "Ingrid", LastName = "Solberg", Email = "ingrid.solberg@fjordline.example", Phone = "+47 22 33 44 56", Title = "Purchasing manager", Department = "Purchasing", Street = "Karl Johans gate 12", PostalCode = "0154", City = "Oslo", Country = "Norway" },
        new() { FirstName = "Daan", LastName = "de Vries", Email = "daan@polderfietsen.example", MobilePhone = "+31 6 1234 5678", Title = "Owner", City = "Amsterdam", Country = "Netherlands", Birthdate = new DateOnly(1981, 4, 17) },
        new() { LastName = "Accounts payable", Email = "ap@highlandtools.example", City = "Edinburgh", Country = "United Kingdom" },
    ];

    private static Product[] Products() =>
    [
        new() { ItemNumber = "GC1020", Name = "GenWatt diesel 10kW", Description = "Diesel generator, 10 kW.", ProductGroup = "Generators", Sku = "GW-D-10", Unit = "Each", Active = true },
        new() { ItemNumber = "IN7040", Name = "Installation: industrial, high", ProductGroup = "Services", Unit = "Each", Active = true },
        new() { ItemNumber = "SL9040", Name = "SLA: platinum", ProductGroup = "Services", Unit = "Each", Active = false },
    ];

    private static IEnumerable<Order> Orders(Contact[] contacts, Product[] products)
    {
        yield return new Order
        {
            OrderNumber = "00000100", BillToContactId = contacts[0].Id, OrderDate = new DateOnly(2024, 9, 3), DeliveryDate = new DateOnly(2024, 9, 30), Status = "Activated", CustomerReference = "PO-7781",
            ShippingStreet = "Karl Johans gate 12", ShippingPostalCode = "0154", ShippingCity = "Oslo", ShippingCountry = "Norway",
            Lines =
            [
                new() { Id = "100-1", ProductId = products[0].Id, Description = products[0].Name, Quantity = 2m, UnitPrice = 15000m },
                new() { Id = "100-2", ProductId = products[1].Id, Description = products[1].Name, Quantity = 1m, UnitPrice = 2500m, ServiceDate = new DateOnly(2024, 10, 1) },
            ],
        };
        yield return new Order
        {
            OrderNumber = "00000101", BillToContactId = contacts[1].Id, OrderDate = new DateOnly(2024, 9, 8), Notes = "Call before delivery.",
            Lines = [new() { Id = "101-1", ProductId = products[1].Id, Description = products[1].Name, Quantity = 3m, UnitPrice = 2400m }],
        };
    }

    private static IEnumerable<Quote> Quotes(Contact[] contacts, Product[] products)
    {
        yield return new Quote
        {
            QuoteNumber = "00000007", Name = "Fjordline backup power", ContactId = contacts[0].Id, Status = "Presented", ValidUntil = new DateOnly(2024, 10, 15), ShippingCost = 450m, Tax = 8250m,
            Lines =
            [
                new() { Id = "7-1", ProductId = products[0].Id, Description = products[0].Name, Quantity = 2m, UnitPrice = 15000m, DiscountPercent = 5m, Position = 1 },
                new() { Id = "7-2", ProductId = products[2].Id, Description = products[2].Name, Quantity = 1m, UnitPrice = 3000m, Position = 2 },
            ],
        };
    }
}
