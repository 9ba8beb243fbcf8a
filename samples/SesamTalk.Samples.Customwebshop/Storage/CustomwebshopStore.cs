using SesamTalk.Samples.HostStore;

namespace SesamTalk.Samples.Customwebshop.Storage;

/// <summary>The webshop's own SQLite database: a host store per synced entity (order lines are stored with their order).</summary>
public sealed class CustomwebshopStore
{
    private CustomwebshopStore(IHostStore<Customer> customers, IHostStore<Order> orders, IHostStore<Product> products)
    {
        Customers = customers;
        Orders = orders;
        Products = products;
    }

    /// <summary>The customers.</summary>
    public IHostStore<Customer> Customers { get; }

    /// <summary>The orders, with their lines (a line naming its product by SKU only gets the product's id on save).</summary>
    public IHostStore<Order> Orders { get; }

    /// <summary>The products.</summary>
    public IHostStore<Product> Products { get; }

    /// <summary>Opens (and creates when missing) the webshop's database.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock for modification stamps; the system clock by default.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<CustomwebshopStore> OpenAsync(string path, TimeProvider? time, CancellationToken cancellationToken)
    {
        var database = new SqliteHostDatabase(path, time);
        var json = CustomwebshopJsonContext.Default;
        var customers = await database.OpenStoreAsync("customers", json.Customer, c => c.Id, (c, id) => c.Id = id, cancellationToken).ConfigureAwait(false);
        var orders = await database.OpenStoreAsync("orders", json.Order, o => o.Id, (o, id) => o.AssignId(id), cancellationToken).ConfigureAwait(false);
        var products = await database.OpenStoreAsync("products", json.Product, p => p.Id, (p, id) => p.Id = id, cancellationToken).ConfigureAwait(false);
        return new CustomwebshopStore(customers, new LineProductResolver(orders, products), products);
    }
}
