using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using SesamTalk.EntityFrameworkCore.Tests.Entities;

namespace SesamTalk.EntityFrameworkCore.Tests;

/// <summary>
/// The additions come through the model, so the host's next migration holds them: what <c>dotnet ef migrations add</c>
/// writes is the difference between the last snapshot (here: the app before sync) and the model with
/// <c>AddSesamTalk</c>, computed by the same differ.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_migration_after_AddSesamTalk_adds_the_stamp_columns_with_a_default_the_clock_with_its_row_and_the_tombstones()
    {
        using var before = new AppBeforeSync(Options<AppBeforeSync>(), sync: false);
        using var after = new AppBeforeSync(Options<AppBeforeSync>(), sync: true);
        var differ = after.GetService<IMigrationsModelDiffer>();
        var operations = differ.GetDifferences(Model(before), Model(after));

        var columns = operations.OfType<AddColumnOperation>().ToList();
        Assert.Equal(["Orders", "Suppliers"], columns.Select(column => column.Table).Order(StringComparer.Ordinal));
        Assert.All(columns, column => Assert.Equal(("SesamTalkStamp", false, (object)0L), (column.Name, column.IsNullable, column.DefaultValue)));
        Assert.Equal(["sesamtalk_clock", "sesamtalk_tombstones"], operations.OfType<CreateTableOperation>().Select(table => table.Name).Order(StringComparer.Ordinal));
        Assert.Equal("sesamtalk_clock", Assert.Single(operations.OfType<InsertDataOperation>()).Table);
        Assert.Contains(operations.OfType<CreateIndexOperation>(), index => index.Table == "Suppliers" && index.Columns.SequenceEqual(["SesamTalkStamp", "Id"]));
    }

    private static IRelationalModel Model(DbContext context) =>
        context.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    private static DbContextOptions<T> Options<T>()
        where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=:memory:").Options;

    /// <summary>The app's context as it was before sync, and with the one line added.</summary>
    private sealed class AppBeforeSync(DbContextOptions<AppBeforeSync> options, bool sync) : DbContext(options)
    {
        public DbSet<Supplier> Suppliers => Set<Supplier>();

        public DbSet<Order> Orders => Set<Order>();

        public bool Sync => sync;

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.ReplaceService<IModelCacheKeyFactory, SyncFlagKey>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Order>().HasMany(order => order.Lines).WithOne().HasForeignKey(line => line.OrderId);
            if (sync)
            {
                modelBuilder.AddSesamTalk(SesamTalkModel.Instance);
            }
        }

        /// <summary>Caches the two models apart.</summary>
        private sealed class SyncFlagKey : IModelCacheKeyFactory
        {
            public object Create(DbContext context, bool designTime) => (context.GetType(), ((AppBeforeSync)context).Sync, designTime);
        }
    }
}
