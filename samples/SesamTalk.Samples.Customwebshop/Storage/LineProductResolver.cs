namespace SesamTalk.Samples.Customwebshop.Storage;

/// <summary>
/// The webshop's rule for order lines that arrive naming their product by code only (SuperOffice quote lines carry
/// the product's <c>Code</c>, not a webshop id): before an order is saved, each such line gets the id of the product with
/// that SKU, so the line can travel on to the systems that need a product reference (Salesforce, Exact Online).
/// </summary>
/// <param name="orders">The orders' own store.</param>
/// <param name="products">The products, searched by SKU.</param>
internal sealed class LineProductResolver(IHostStore<Order> orders, IHostStore<Product> products) : IHostStore<Order>
{
    public IAsyncEnumerable<HostChange<Order>> GetChangesAsync(HostCursor? after, CancellationToken cancellationToken) =>
        orders.GetChangesAsync(after, cancellationToken);

    public Task<Order?> GetAsync(string id, CancellationToken cancellationToken) => orders.GetAsync(id, cancellationToken);

    public async Task<string> SaveAsync(Order entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var unresolved = entity.Lines.Where(line => line.ProductId.Length == 0 && !string.IsNullOrEmpty(line.Sku)).ToList();
        if (unresolved.Count > 0)
        {
            var bySku = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            await foreach (var change in products.GetChangesAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (change.Entity is { } product)
                {
                    bySku[product.Sku] = product.Id;
                }
            }

            foreach (var line in unresolved)
            {
                line.ProductId = bySku.GetValueOrDefault(line.Sku!, "");
            }
        }

        return await orders.SaveAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => orders.DeleteAsync(id, cancellationToken);
}
