using Microsoft.EntityFrameworkCore;
using SesamTalk.EntityFrameworkCore;

namespace SesamTalk.Samples.Customerp.Storage;

/// <summary>
/// The ERP's own EF Core database: contacts, products, and orders and quotes with their lines (tables of their own).
/// Its last model line adds SesamTalk's change positions and tombstones; the engine reads and writes it through the
/// stores <c>UseEntityFrameworkCore&lt;CustomerpDb&gt;()</c> registers.
/// </summary>
/// <param name="options">The context's options.</param>
public sealed class CustomerpDb(DbContextOptions<CustomerpDb> options) : DbContext(options)
{
    private const string LineRow = "Row";

    /// <summary>The contacts.</summary>
    public DbSet<Contact> Contacts => Set<Contact>();

    /// <summary>The orders (their lines are in <see cref="OrderLines"/>).</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <summary>The order lines.</summary>
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    /// <summary>The products.</summary>
    public DbSet<Product> Products => Set<Product>();

    /// <summary>The quotes (their lines are in <see cref="QuoteLines"/>).</summary>
    public DbSet<Quote> Quotes => Set<Quote>();

    /// <summary>The quote lines.</summary>
    public DbSet<QuoteLine> QuoteLines => Set<QuoteLine>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // A new record arrives with an empty id (the ERP's entities start with ""); EF Core gives it a Guid string.
        modelBuilder.Entity<Contact>().Property(contact => contact.Id).ValueGeneratedOnAdd().HasSentinel("");
        modelBuilder.Entity<Product>().Property(product => product.Id).ValueGeneratedOnAdd().HasSentinel("");
        modelBuilder.Entity<Order>().Property(order => order.Id).ValueGeneratedOnAdd().HasSentinel("");
        modelBuilder.Entity<Quote>().Property(quote => quote.Id).ValueGeneratedOnAdd().HasSentinel("");
        modelBuilder.Entity<Order>().HasMany(order => order.Lines).WithOne().HasForeignKey(line => line.OrderId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<Quote>().HasMany(quote => quote.Lines).WithOne().HasForeignKey(line => line.QuoteId).OnDelete(DeleteBehavior.Cascade);
        // A line's own id comes from the system the line was born in (or is empty): the tables key lines by a row number.
        modelBuilder.Entity<OrderLine>().Property<long>(LineRow);
        modelBuilder.Entity<OrderLine>().HasKey(LineRow);
        modelBuilder.Entity<QuoteLine>().Property<long>(LineRow);
        modelBuilder.Entity<QuoteLine>().HasKey(LineRow);
        modelBuilder.AddSesamTalk(SesamTalkModel.Instance);
    }
}
