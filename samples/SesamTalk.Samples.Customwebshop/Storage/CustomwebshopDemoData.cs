using Microsoft.EntityFrameworkCore;

namespace SesamTalk.Samples.Customwebshop.Storage;

/// <summary>A handful of customers, products and orders with lines, the same on every run, for demos and tests.</summary>
public static class CustomwebshopDemoData
{
    /// <summary>Saves the demo records into an empty database, as the app's own code does; a database that has customers already is left alone.</summary>
    /// <param name="db">The webshop's database.</param>
    /// <param name="cancellationToken">Cancels seeding.</param>
    /// <returns>Whether the demo data was saved.</returns>
    public static async Task<bool> SeedAsync(CustomwebshopDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Customers.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Adding gives each record its id, which the orders and lines refer to.
        var customers = Customers();
        db.Customers.AddRange(customers);
        var products = Products();
        db.Products.AddRange(products);
        db.Orders.AddRange(Orders(customers, products));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Customer[] Customers() =>
    [
        new() { CustomerNumber = "10001", Name = "Fjordline Outdoor AS", Email = "orders@fjordline.example", Phone = "+47 22 33 44 55", Website = "https://fjordline.example", Street = "Karl Johans gate 12", PostalCode = "0154", City = "Oslo", CountryCode = "NO", VatNumber = "NO923456789MVA", DiscountPercent = 5m },
        new() { CustomerNumber = "10002", Name = "Polder Fietsen B.V.", Email = "inkoop@polderfietsen.example", Phone = "+31 20 555 0101", Street = "Damrak 70", PostalCode = "1012 LM", City = "Amsterdam", CountryCode = "NL", VatNumber = "NL812345678B01", DiscountPercent = 12.5m },
        new() { CustomerNumber = "10003", Name = "Highland Tools Ltd", Email = "buying@highlandtools.example", Phone = "+44 131 496 0000", Street = "12 Princes Street", PostalCode = "EH2 2AN", City = "Edinburgh", CountryCode = "GB", VatNumber = "GB123456789" },
        new() { CustomerNumber = "10004", Name = "Skärgård Marin AB", Email = "info@skargardmarin.example", Street = "Strandvägen 5", PostalCode = "114 51", City = "Stockholm", CountryCode = "SE", Active = false },
    ];

    private static Product[] Products() =>
    [
        new() { Sku = "HAM-16", Name = "Claw hammer 16 oz", Description = "Forged steel head, fibreglass handle.", Price = 24.90m, Cost = 11.20m, VatPercent = 21m, Unit = "piece" },
        new() { Sku = "SAW-22", Name = "Hand saw 22 in", Description = "Hardened teeth, 7 TPI.", Price = 32.50m, Cost = 14.75m, VatPercent = 21m, Unit = "piece" },
        new() { Sku = "SCR-100", Name = "Wood screws 4x40, box of 100", Price = 6.95m, Cost = 2.10m, VatPercent = 21m, Unit = "box" },
        new() { Sku = "MAP-NO", Name = "Hiking map Jotunheimen", Price = 14.00m, Cost = 6.00m, VatPercent = 9m, Unit = "piece" },
        new() { Sku = "OLD-01", Name = "Folding rule 2 m (discontinued)", Price = 9.50m, VatPercent = 21m, Unit = "piece", Active = false },
    ];

    private static IEnumerable<Order> Orders(Customer[] customers, Product[] products)
    {
        yield return new Order
        {
            Number = "WS-1001", CustomerId = customers[0].Id, OrderDate = new DateOnly(2024, 9, 2), Description = "Autumn restock", Currency = "NOK", Status = OrderStatus.Confirmed,
            ShippingStreet = customers[0].Street, ShippingPostalCode = customers[0].PostalCode, ShippingCity = customers[0].City, ShippingCountryCode = "NO", DeliveryDate = new DateOnly(2024, 9, 9),
            Lines =
            [
                Line("1001-1", products[0], 10m, 1, discountPercent: 5m),
                Line("1001-2", products[3], 25m, 2),
            ],
        };
        yield return new Order
        {
            Number = "WS-1002", CustomerId = customers[1].Id, OrderDate = new DateOnly(2024, 9, 5), Description = "Workshop tools", Notes = "Deliver to the back entrance.",
            ValidUntil = new DateOnly(2024, 10, 5), DiscountPercent = 2.5m,
            Lines =
            [
                Line("1002-1", products[1], 4m, 1),
                Line("1002-2", products[2], 20m, 2, discountPercent: 12.5m),
                Line("1002-3", products[0], 4m, 3),
            ],
        };
        yield return new Order
        {
            Number = "WS-1003", CustomerId = customers[2].Id, OrderDate = new DateOnly(2024, 9, 10), Currency = "GBP", Status = OrderStatus.Shipped,
            Lines = [Line("1003-1", products[2], 50m, 1)],
        };
    }

    private static OrderLine Line(string id, Product product, decimal quantity, int position, decimal discountPercent = 0m) => new()
    {
        Id = id,
        ProductId = product.Id,
        Sku = product.Sku,
        Description = product.Name,
        Quantity = quantity,
        UnitPrice = product.Price,
        DiscountPercent = discountPercent,
        VatPercent = product.VatPercent,
        Position = position,
    };
}
