using Microsoft.EntityFrameworkCore;
using SesamTalk.EntityFrameworkCore;

namespace SesamTalk.Samples.Customwebshop.Storage;

/// <summary>
/// The webshop's own EF Core database: customers, products, and orders with their lines (a table of their own). Its
/// last model line adds SesamTalk's change positions and tombstones; the engine reads and writes it through the
/// stores <c>UseEntityFrameworkCore&lt;CustomwebshopDb&gt;()</c> registers.
/// </summary>
/// <param name="options">The context's options.</param>
public sealed class CustomwebshopDb(DbContextOptions<CustomwebshopDb> options) : DbContext(options)
{
    private const string LineRow = "Row";

    /// <summary>The customers.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary>The orders (their lines are in <see cref="OrderLines"/>).</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <summary>The order lines.</summary>
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    /// <summary>The products.</summary>
    public DbSet<Product> Products => Set<Product>();

    /// <inheritdoc />
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(LineProductResolver.Instance);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // A new record arrives with an empty id (the webshop's entities start with ""); EF Core gives it a Guid string.
        modelBuilder.Entity<Customer>().Property(customer => customer.Id).ValueGeneratedOnAdd().HasSentinel("");
        modelBuilder.Entity<Product>().Property(product => product.Id).ValueGeneratedOnAdd().HasSentinel("");
        modelBuilder.Entity<Order>().Property(order => order.Id).ValueGeneratedOnAdd().HasSentinel("");
        modelBuilder.Entity<Order>().HasMany(order => order.Lines).WithOne().HasForeignKey(line => line.OrderId).OnDelete(DeleteBehavior.Cascade);
        // A line's own id comes from wherever the line was born (or is empty): the table keys lines by a row number.
        modelBuilder.Entity<OrderLine>().Property<long>(LineRow);
        modelBuilder.Entity<OrderLine>().HasKey(LineRow);
        modelBuilder.AddSesamTalk(SesamTalkModel.Instance);
    }
}
