using SesamTalk.Samples.HostStore;

namespace SesamTalk.Samples.Customerp.Storage;

/// <summary>The ERP's own SQLite database: a host store per synced entity (order and quote lines are stored with their parent).</summary>
public sealed class CustomerpStore
{
    private CustomerpStore(SqliteHostStore<Contact> contacts, SqliteHostStore<Order> orders, SqliteHostStore<Product> products, SqliteHostStore<Quote> quotes)
    {
        Contacts = contacts;
        Orders = orders;
        Products = products;
        Quotes = quotes;
    }

    /// <summary>The contacts.</summary>
    public IHostStore<Contact> Contacts { get; }

    /// <summary>The orders, with their lines.</summary>
    public IHostStore<Order> Orders { get; }

    /// <summary>The products.</summary>
    public IHostStore<Product> Products { get; }

    /// <summary>The quotes, with their lines.</summary>
    public IHostStore<Quote> Quotes { get; }

    /// <summary>Opens (and creates when missing) the ERP's database.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock for modification stamps; the system clock by default.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<CustomerpStore> OpenAsync(string path, TimeProvider? time, CancellationToken cancellationToken)
    {
        var database = new SqliteHostDatabase(path, time);
        var json = CustomerpJsonContext.Default;
        return new CustomerpStore(
            await database.OpenStoreAsync("contacts", json.Contact, c => c.Id, (c, id) => c.Id = id, cancellationToken).ConfigureAwait(false),
            await database.OpenStoreAsync("orders", json.Order, o => o.Id, (o, id) => o.AssignId(id), cancellationToken).ConfigureAwait(false),
            await database.OpenStoreAsync("products", json.Product, p => p.Id, (p, id) => p.Id = id, cancellationToken).ConfigureAwait(false),
            await database.OpenStoreAsync("quotes", json.Quote, q => q.Id, (q, id) => q.AssignId(id), cancellationToken).ConfigureAwait(false));
    }
}
