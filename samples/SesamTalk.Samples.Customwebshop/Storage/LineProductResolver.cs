using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SesamTalk.Samples.Customwebshop.Storage;

/// <summary>
/// The webshop's rule for order lines that arrive naming their product by code only (SuperOffice quote lines carry
/// the product's <c>Code</c>, not a webshop id): before a save, each such line gets the id of the product with that
/// SKU, so the line can travel on to the systems that need a product reference (Salesforce, Exact Online).
/// </summary>
internal sealed class LineProductResolver : SaveChangesInterceptor
{
    /// <summary>The one instance every context adds.</summary>
    public static readonly LineProductResolver Instance = new();

    private LineProductResolver()
    {
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Unresolved(context) is { Count: > 0 } lines)
        {
            var skus = lines.Select(line => line.Entity.Sku!).Distinct().ToList();
            Resolve(lines, await context.Set<Product>().AsNoTracking().Where(product => skus.Contains(product.Sku)).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Unresolved(context) is { Count: > 0 } lines)
        {
            var skus = lines.Select(line => line.Entity.Sku!).Distinct().ToList();
            Resolve(lines, [.. context.Set<Product>().AsNoTracking().Where(product => skus.Contains(product.Sku))]);
        }

        return result;
    }

    private static List<EntityEntry<OrderLine>> Unresolved(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        return [.. context.ChangeTracker.Entries<OrderLine>()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified)
            .Where(entry => entry.Entity.ProductId.Length == 0 && !string.IsNullOrEmpty(entry.Entity.Sku))];
    }

    /// <summary>Sets each line's product through its entry, so the change counts whether or not changes are detected again.</summary>
    private static void Resolve(List<EntityEntry<OrderLine>> lines, List<Product> products)
    {
        var bySku = products.GroupBy(product => product.Sku, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First().Id, StringComparer.Ordinal);
        foreach (var line in lines)
        {
            line.Property(entity => entity.ProductId).CurrentValue = bySku.GetValueOrDefault(line.Entity.Sku!, "");
        }
    }
}
