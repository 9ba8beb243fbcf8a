using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SesamTalk.Connectors.SuperOffice;

// The Quote agent (POST /api/v1/Agents/Quote/{Method}): quote alternatives, quote lines and products have no REST
// entity and no archive list the API reference names. The agent reads one carrier by id, lists the lines of an
// alternative and the versions (with their alternatives) of a sale's quote, finds products, and saves whole carriers:
// id 0 creates, any other id replaces every updatable field, so an update reads the carrier first and saves it with
// the changed fields. Reads, deletes and saves of existing carriers (whole, with the same values) may be repeated
// after a lost response; saves that create a carrier are not.
public sealed partial class SuperOfficeClient
{
    /// <summary>
    /// The quote alternatives of the quote of <paramref name="saleId"/> (every version's), via
    /// <c>GetQuoteEntityFromSaleId</c>; empty when the sale has no quote.
    /// </summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<SyncRecord>> GetQuoteAlternativesOfSaleAsync(int saleId, CancellationToken cancellationToken = default)
    {
        var entity = SuperOfficeEntity.QuoteAlternative;
        try
        {
            using var body = await CallAgentAsync("GetQuoteEntityFromSaleId", Argument("SaleId", saleId), entity, null, idempotent: true, cancellationToken).ConfigureAwait(false);
            return Parse(entity, null, () => body!.RootElement.ValueKind == JsonValueKind.Null
                ? []
                : body.RootElement.GetProperty("QuoteVersions").EnumerateArray()
                    .SelectMany(version => SuperOfficeRecordMapper.ReadEntities(version.GetProperty("QuoteAlternatives"), entity)).ToList());
        }
        catch (SuperOfficeApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    /// <summary>The lines of a quote alternative in rank order, via <c>GetQuoteLines</c>.</summary>
    /// <param name="quoteAlternativeId">The alternative.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SuperOfficeApiException">The alternative does not exist (404), or the call failed.</exception>
    public async Task<IReadOnlyList<SyncRecord>> GetQuoteLinesAsync(int quoteAlternativeId, CancellationToken cancellationToken = default)
    {
        var entity = SuperOfficeEntity.QuoteLine;
        using var body = await CallAgentAsync("GetQuoteLines", Argument("QuoteAlternativeId", quoteAlternativeId), entity, null, idempotent: true, cancellationToken).ConfigureAwait(false);
        return Parse(entity, null, () => SuperOfficeRecordMapper.ReadEntities(body!.RootElement, entity));
    }

    /// <summary>
    /// The products in assortment whose name, code or product key contains <paramref name="userInput"/> (every product
    /// in assortment for an empty input), via <c>FindProduct</c>. Discontinued products (<c>InAssortment</c> false) are
    /// not found: SuperOffice leaves them out of product searches.
    /// </summary>
    /// <param name="userInput">The search text, as a user would type it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<SyncRecord>> FindProductsAsync(string userInput, CancellationToken cancellationToken = default)
    {
        var entity = SuperOfficeEntity.Product;
        var arguments = JsonSerializer.Serialize(new Dictionary<string, object?> { ["QuoteAlternativeId"] = 0, ["UserInput"] = userInput, ["PriceListKey"] = null });
        using var body = await CallAgentAsync("FindProduct", arguments, entity, null, idempotent: true, cancellationToken).ConfigureAwait(false);
        return Parse(entity, null, () => SuperOfficeRecordMapper.ReadEntities(body!.RootElement, entity));
    }

    /// <summary>
    /// Saves the lines of one quote alternative in one <c>SaveQuoteLines</c> call: lines without an id are created
    /// under <paramref name="quoteAlternativeId"/>, lines with one replace the stored line with their fields over the
    /// stored values. Returns the lines as saved, in order.
    /// </summary>
    /// <param name="quoteAlternativeId">The alternative the lines belong to.</param>
    /// <param name="lines">The lines in catalog form.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="SuperOfficeApiException">SuperOffice refused a line (400) or the alternative is gone (404).</exception>
    public async Task<IReadOnlyList<SyncRecord>> SaveQuoteLinesAsync(int quoteAlternativeId, IReadOnlyList<SyncRecord> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entity = SuperOfficeEntity.QuoteLine;
        var stored = lines.Any(l => l.Id is not null)
            ? (await GetQuoteLinesAsync(quoteAlternativeId, cancellationToken).ConfigureAwait(false)).ToDictionary(l => l.Id!, StringComparer.Ordinal)
            : [];
        var bodies = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Id is null)
            {
                var created = Copy(line, null);
                created["QuoteAlternativeId"] = SyncValue.From(quoteAlternativeId);
                bodies.Add(SuperOfficeRecordMapper.Body(created, entity, 0));
            }
            else
            {
                var current = stored.GetValueOrDefault(line.Id) ?? throw new SuperOfficeApiException(
                    HttpStatusCode.NotFound, "SoNotFoundException", string.Create(CultureInfo.InvariantCulture, $"QuoteLine id {line.Id} not found in QuoteAlternative id {quoteAlternativeId}"), entity.Name, line.Id);
                bodies.Add(SuperOfficeRecordMapper.Body(Merge(current, line), entity, ParseId(line.Id)));
            }
        }

        var createsLines = lines.Any(l => l.Id is null);
        using var body = await CallAgentAsync("SaveQuoteLines", "{\"QuoteLines\":[" + string.Join(",", bodies) + "]}", entity, null, idempotent: !createsLines, cancellationToken).ConfigureAwait(false);
        return Parse(entity, null, () => SuperOfficeRecordMapper.ReadEntities(body!.RootElement, entity));
    }

    private async Task<SyncRecord?> GetCarrierAsync(SuperOfficeEntity entity, QuoteAgentMethods agent, int id, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await CallAgentAsync(agent.Get, KeyArgument(entity, id), entity, Id(id), idempotent: true, cancellationToken).ConfigureAwait(false);
            return body!.RootElement.ValueKind == JsonValueKind.Null ? null : Parse(entity, Id(id), () => SuperOfficeRecordMapper.ReadEntity(body.RootElement, entity));
        }
        catch (SuperOfficeApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<SyncRecord> UpdateCarrierAsync(SuperOfficeEntity entity, QuoteAgentMethods agent, SyncRecord record, int id, CancellationToken cancellationToken)
    {
        var current = await GetCarrierAsync(entity, agent, id, cancellationToken).ConfigureAwait(false)
            ?? throw new SuperOfficeApiException(HttpStatusCode.NotFound, "SoNotFoundException", string.Create(CultureInfo.InvariantCulture, $"{entity.Name} id {id} not found"), entity.Name, Id(id));
        return await SaveCarrierAsync(entity, agent, Merge(current, record), id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves one whole carrier (id 0 creates) and returns it as saved.</summary>
    private async Task<SyncRecord> SaveCarrierAsync(SuperOfficeEntity entity, QuoteAgentMethods agent, SyncRecord record, int id, CancellationToken cancellationToken)
    {
        var carrier = SuperOfficeRecordMapper.Body(record, entity, id);
        var json = "{\"" + agent.SaveParameter + "\":" + (agent.SavesList ? "[" + carrier + "]" : carrier) + "}";
        var recordId = id == 0 ? null : Id(id);
        using var body = await CallAgentAsync(agent.Save, json, entity, recordId, idempotent: id != 0, cancellationToken).ConfigureAwait(false);
        return Parse(entity, recordId, () => agent.SavesList
            ? SuperOfficeRecordMapper.ReadEntities(body!.RootElement, entity).Single()
            : SuperOfficeRecordMapper.ReadEntity(body!.RootElement, entity));
    }

    private Task<JsonDocument?> CallAgentAsync(string method, string json, SuperOfficeEntity entity, string? recordId, bool idempotent, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url("Agents/Quote/" + method), json, entity, recordId, cancellationToken, idempotent);

    private static string KeyArgument(SuperOfficeEntity entity, int id) => Argument(entity.Key, id);

    private static string Argument(string name, int value) => "{\"" + name + "\":" + Id(value) + "}";

    /// <summary>The stored carrier with <paramref name="changes"/>' fields over it.</summary>
    private static SyncRecord Merge(SyncRecord stored, SyncRecord changes)
    {
        var merged = Copy(stored, stored.Id);
        foreach (var (field, value) in changes)
        {
            merged[field] = value;
        }

        return merged;
    }

    private static SyncRecord Copy(SyncRecord record, string? id)
    {
        var copy = new SyncRecord(record.Type, id);
        foreach (var (field, value) in record)
        {
            copy[field] = value;
        }

        return copy;
    }
}
