using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesamTalk.EntityFrameworkCore.Tests.Entities;
using SesamTalk.EntityFrameworkCore.Tests.Harness;
using Xunit.Abstractions;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>
/// Until a PostgreSQL server is on the test machines: the store's queries and the clock's update, as the Npgsql
/// provider writes them, are plain keyset SQL and one row update, with nothing PostgreSQL lacks.
/// </summary>
public sealed class PostgreSqlTranslationTests(ITestOutputHelper output)
{
    private const string ConnectionString = "Host=127.0.0.1;Database=never-opened";

    [Fact]
    public void The_change_pages_are_keyset_queries_on_the_position_and_the_key()
    {
        using var services = new ServiceCollection().AddDbContext<ShopContext>(options => options.UseNpgsql(ConnectionString).UseSesamTalk()).BuildServiceProvider();
        using var scope = services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<ShopContext>();
        var contexts = new ContextSource<ShopContext>(services.GetRequiredService<IServiceScopeFactory>());
        var cursor = new HostCursor(DateTimeOffset.UtcNow, "7");

        var suppliers = new ChangeFeed<ShopContext, Supplier>(contexts, StoreShape.Of<Supplier>(context, new HashSet<Type>()), 500);
        var supplierSql = suppliers.RowPage(context, new HostCursor(DateTimeOffset.UtcNow, Guid.NewGuid().ToString())).ToQueryString();
        var orders = new ChangeFeed<ShopContext, Order>(contexts, StoreShape.Of<Order>(context, new HashSet<Type> { typeof(OrderLine) }), 500);
        var orderSql = orders.RowPage(context, cursor).ToQueryString();
        var tombstoneSql = orders.TombstonePage(context, 42).ToQueryString();
        output.WriteLine(supplierSql + "\n\n" + orderSql + "\n\n" + tombstoneSql);

        Assert.Contains("s.\"SesamTalkStamp\" > @", supplierSql, StringComparison.Ordinal);
        Assert.Contains("s.\"Id\" > @", supplierSql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY s.\"SesamTalkStamp\", s.\"Id\"", supplierSql, StringComparison.Ordinal);
        Assert.Contains("LIMIT @", supplierSql, StringComparison.Ordinal);
        Assert.Contains("\"OrderLine\"", orderSql, StringComparison.Ordinal); // the lines come with the page, in the same query
        Assert.Contains("o.\"Id\" > @", orderSql, StringComparison.Ordinal);
        Assert.Contains("s.\"Entity\" = @", tombstoneSql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY s.\"Stamp\"", tombstoneSql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clock_is_one_update_of_one_row_then_a_read_of_it()
    {
        var commands = new CapturedCommands(answer: 1_000);
        await using var context = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseNpgsql(ConnectionString).AddInterceptors(commands).Options);

        var first = await StampAllocator.AllocateAsync(context, count: 3, now: 500, CancellationToken.None);

        output.WriteLine(string.Join("\n\n", commands.Sql));
        Assert.Equal(998, first); // the last of three reserved positions was 1,000
        Assert.Equal(2, commands.Sql.Count);
        Assert.StartsWith("UPDATE sesamtalk_clock AS s", commands.Sql[0].Split('\n').First(line => line.StartsWith("UPDATE", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("CASE", commands.Sql[0], StringComparison.Ordinal);
        Assert.Contains("WHERE s.\"Id\" = 1", commands.Sql[0], StringComparison.Ordinal);
        Assert.Contains("FROM sesamtalk_clock", commands.Sql[1], StringComparison.Ordinal);
    }
}
