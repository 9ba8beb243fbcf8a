using System.Net;
using System.Runtime.CompilerServices;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.SuperOffice;

// Quote carriers carry no change stamp (QuoteAlternative, QuoteLine and Product have no Updated field), the API
// reference names no archive list for them and SuperOffice sends no quote webhooks. So their feed is a walk of
// everything, and the engine skips the records whose fingerprint has not changed:
// - quote alternatives and lines: the Sale archive (keys only), per sale GetQuoteEntityFromSaleId (the quote's versions
//   with their alternatives), per alternative GetQuoteLines for lines: one change page per archive page of sales;
// - products: FindProduct with an empty search, which answers every product in assortment (a product taken out of
//   assortment drops out of the feed: SuperOffice leaves it out of product searches).
// Every page carries the same cursor, so each read walks from the start and a read stopped halfway is walked again.
public sealed partial class SuperOfficeSyncConnector
{
    /// <summary>The cursor of every quote-carrier page: the walk has no position to resume from.</summary>
    internal const string WalkCursor = "walk";

    private async IAsyncEnumerable<RemoteChangePage> ReadQuoteChangesAsync(IEntityMapper mapper, SuperOfficeEntity entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in WalkAsync(entity, cancellationToken).ConfigureAwait(false))
        {
            await ReadChildrenAsync(mapper, page, cancellationToken).ConfigureAwait(false);
            yield return new RemoteChangePage(page, WalkCursor);
        }
    }

    /// <summary>Every record of a quote carrier, a page per page of sales (one page for products); empty pages are left out.</summary>
    private async IAsyncEnumerable<IReadOnlyList<SyncRecord>> WalkAsync(SuperOfficeEntity entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (entity == SuperOfficeEntity.Product)
        {
            var products = await _client.FindProductsAsync("", cancellationToken).ConfigureAwait(false);
            if (products.Count > 0)
            {
                yield return products;
            }

            yield break;
        }

        await foreach (var sales in _client.ReadChangePagesAsync(SuperOfficeEntity.Sale, null, [SuperOfficeEntity.Sale.Key], cancellationToken).ConfigureAwait(false))
        {
            var records = new List<SyncRecord>();
            foreach (var sale in sales)
            {
                var alternatives = await _client.GetQuoteAlternativesOfSaleAsync(Key(sale.Id!), cancellationToken).ConfigureAwait(false);
                if (entity == SuperOfficeEntity.QuoteAlternative)
                {
                    records.AddRange(alternatives);
                    continue;
                }

                foreach (var alternative in alternatives)
                {
                    records.AddRange(await LinesOfAsync(alternative.Id!, cancellationToken).ConfigureAwait(false));
                }
            }

            if (records.Count > 0)
            {
                yield return records;
            }
        }
    }

    /// <summary>The lines of an alternative; none when it was deleted since it was listed.</summary>
    private async Task<IReadOnlyList<SyncRecord>> LinesOfAsync(string alternativeId, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetQuoteLinesAsync(Key(alternativeId), cancellationToken).ConfigureAwait(false);
        }
        catch (SuperOfficeApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    /// <summary>Products through FindProduct, one call per value; alternatives and lines by walking every quote. Exact matches only.</summary>
    private async Task<List<SyncRecord>> SearchQuoteCarriersAsync(IEntityMapper mapper, SuperOfficeEntity entity, string field, IReadOnlyList<SyncValue> values, CancellationToken cancellationToken)
    {
        var wanted = values.Where(v => !v.IsNull).Distinct().ToList();
        var found = new List<SyncRecord>();
        if (entity == SuperOfficeEntity.Product)
        {
            foreach (var value in wanted)
            {
                var candidates = await _client.FindProductsAsync(value.AsString() ?? "", cancellationToken).ConfigureAwait(false);
                found.AddRange(candidates.Where(p => Matches(p, field, [value]) && !found.Any(f => f.Id == p.Id)));
            }
        }
        else
        {
            await foreach (var page in WalkAsync(entity, cancellationToken).ConfigureAwait(false))
            {
                found.AddRange(page.Where(r => Matches(r, field, wanted)));
            }
        }

        await ReadChildrenAsync(mapper, found, cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>Text compares case-insensitively, as SuperOffice's searches do; other values exactly.</summary>
    private static bool Matches(SyncRecord record, string field, IReadOnlyList<SyncValue> values) =>
        record.TryGetValue(field, out var value) && values.Any(wanted => value.Kind == SyncValueKind.String && wanted.Kind == SyncValueKind.String
            ? string.Equals(value.AsString(), wanted.AsString(), StringComparison.OrdinalIgnoreCase)
            : value == wanted || (value.Kind == SyncValueKind.Number && value.AsDecimal() == wanted.AsDecimal()));

    /// <summary>Reads the lines of every quote alternative in <paramref name="parents"/> into the mapper's line collection.</summary>
    private Task ReadChildrenAsync(IEntityMapper mapper, IReadOnlyList<SyncRecord> parents, CancellationToken cancellationToken) =>
        ChildRecords.ReadAsync(mapper, parents, (child, ids) => LinesOfAllAsync(mapper, child, ids, cancellationToken));

    private async IAsyncEnumerable<(string ParentId, SyncRecord Line)> LinesOfAllAsync(
        IEntityMapper mapper, SyncChildDescriptor child, IReadOnlyList<string> alternativeIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RequireQuoteLines(mapper, child);
        foreach (var id in alternativeIds)
        {
            foreach (var line in await LinesOfAsync(id, cancellationToken).ConfigureAwait(false))
            {
                yield return (id, line);
            }
        }
    }

    /// <summary>SuperOffice's only parent-child pair is QuoteAlternative and its QuoteLines: any other collection is refused.</summary>
    private static void RequireQuoteLines(IEntityMapper mapper, SyncChildDescriptor child)
    {
        if (EntityOf(mapper) != SuperOfficeEntity.QuoteAlternative || EntityOf(child.Mapper) != SuperOfficeEntity.QuoteLine)
        {
            throw new NotSupportedException($"SuperOffice has no child collection {mapper.Target.Type}.{child.Field} of {child.Mapper.Target.Type}: only a QuoteAlternative's QuoteLines.");
        }
    }
}
