using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.SuperOffice.Data;
using SesamTalk.Testing.SuperOffice.Http;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Handlers;

/// <summary>
/// <c>POST /{tenant}/api/v1/Agents/Quote/{Method}</c>: quote alternatives, quote lines and products have no REST entity,
/// only the Quote agent. Get methods answer the carrier (404 when there is none), Save methods create (id 0 or absent)
/// or replace a whole carrier and answer it recalculated, Delete methods answer 204. <c>GetQuoteEntityFromSaleId</c>
/// answers the sale's QuoteEntity with its versions and their alternatives embedded (404 when the sale has no quote);
/// <c>FindProduct</c> answers the products in assortment whose name, code or product key contains <c>UserInput</c>
/// (all of them for an empty input), in the price list <c>PriceListKey</c> when one is given.
/// </summary>
internal sealed class QuoteAgentHandler
{
    private static readonly string[] ProductSearchFields = ["Name", "Code", "ERPProductKey"];

    private readonly SuperOfficeTenant _tenant;
    private readonly QuoteCalculator _calculator;
    private readonly EntitySchema _alternatives;
    private readonly EntitySchema _lines;
    private readonly EntitySchema _products;
    private readonly Dictionary<string, Func<AgentArguments, ApiResponse>> _methods;

    public QuoteAgentHandler(SuperOfficeTenant tenant)
    {
        _tenant = tenant;
        _calculator = new QuoteCalculator(tenant.Records, tenant.Catalog);
        _alternatives = tenant.Catalog.Find("QuoteAlternative")!;
        _lines = tenant.Catalog.Find("QuoteLine")!;
        _products = tenant.Catalog.Find("Product")!;
        _methods = new(StringComparer.OrdinalIgnoreCase)
        {
            ["GetQuoteAlternative"] = a => Get(_alternatives, a.Id("quoteAlternativeId")),
            ["GetQuoteAlternatives"] = a => List(_tenant.Records.OfType(_alternatives).Where(r => (int?)r["QuoteVersionId"] == a.Id("quoteVersionId"))),
            ["SaveQuoteAlternative"] = a => ApiResponse.Ok(Json(Save(_alternatives, a.Entity("QuoteAlternative")))),
            ["RecalculateQuoteAlternative"] = a => Recalculate(a.Id("quoteAlternativeId")),
            ["DeleteQuoteAlternative"] = a => DeleteAlternative(a.Id("quoteAlternativeId")),
            ["GetQuoteLine"] = a => Get(_lines, a.Id("quoteLineId")),
            ["GetQuoteLines"] = a => List(_calculator.LinesOf(Existing(_alternatives, a.Id("quoteAlternativeId")))),
            ["SaveQuoteLines"] = a => List([.. a.Entities("QuoteLines").Select(line => Save(_lines, line))]),
            ["DeleteQuoteLine"] = a => DeleteLine(a.Id("quoteLineId")),
            ["GetQuoteEntityFromSaleId"] = a => QuoteOfSale(a.Id("saleId")),
            ["GetProductFromDbId"] = a => Get(_products, a.Id("productId")),
            ["FindProduct"] = a => List(FindProducts(a.Text("userInput"), a.Text("priceListKey"))),
            ["SaveProduct"] = a => ApiResponse.Ok(Json(Save(_products, a.Entity("Product")))),
            ["DeleteProduct"] = a => Delete(Existing(_products, a.Id("productId"))),
        };
    }

    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var name = request.Route("method");
        var method = _methods.GetValueOrDefault(name)
            ?? throw new SoException(ApiResponse.Error(StatusCodes.Status404NotFound, SoErrors.NotFound, $"Unknown Quote agent method '{name}'."));
        var arguments = await AgentArguments.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        lock (_tenant.Records.Gate)
        {
            return method(arguments);
        }
    }

    private ApiResponse Get(EntitySchema schema, int id) => ApiResponse.Ok(Json(Existing(schema, id)));

    private ApiResponse List(IEnumerable<EntityRecord> records) => ApiResponse.Ok(new JsonArray([.. records.Select(Json)]));

    /// <summary>Creates a carrier whose id is 0 or absent, else replaces the stored one; then recalculates the sums.</summary>
    private EntityRecord Save(EntitySchema schema, JsonObject carrier)
    {
        var id = carrier.FirstOrDefault(p => string.Equals(p.Key, schema.Key.Name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
            && value.TryGetValue<int>(out var given) ? given : 0;
        EntityRecord record;
        if (id == 0)
        {
            var values = _tenant.Validator.Validate(schema, carrier, WriteKind.Create);
            if (schema == _lines && values.GetValueOrDefault("Rank") is null)
            {
                values["Rank"] = _tenant.Records.OfType(_lines).Count(l => JsonNode.DeepEquals(l["QuoteAlternativeId"], values["QuoteAlternativeId"])) + 1;
            }

            record = _tenant.Writer.Insert(schema, values, _tenant.Now);
        }
        else
        {
            record = Existing(schema, id);
            _tenant.Writer.Update(record, _tenant.Validator.Validate(schema, carrier, WriteKind.Update, replace: true), _tenant.Now);
        }

        if (schema == _lines)
        {
            _calculator.Line(record);
        }
        else if (schema == _alternatives)
        {
            _calculator.Alternative(record);
        }

        return record;
    }

    private ApiResponse QuoteOfSale(int saleId)
    {
        var quote = _tenant.Quotes.OfSale(saleId)
            ?? throw new SoException(ApiResponse.Error(StatusCodes.Status404NotFound, SoErrors.NotFound, SoErrors.NotFoundMessage("Quote for sale", saleId)));
        return ApiResponse.Ok(new JsonObject
        {
            ["QuoteId"] = quote.QuoteId,
            ["SaleId"] = quote.SaleId,
            ["ActiveQuoteVersionId"] = quote.VersionIds[^1],
            ["QuoteVersions"] = new JsonArray([.. quote.VersionIds.Select(version => (JsonNode)new JsonObject
            {
                ["QuoteVersionId"] = version,
                ["QuoteId"] = quote.QuoteId,
                ["QuoteAlternatives"] = new JsonArray([.. _tenant.Records.OfType(_alternatives).Where(r => (int?)r["QuoteVersionId"] == version).Select(r => (JsonNode)Json(r))]),
            })]),
        });
    }

    private IEnumerable<EntityRecord> FindProducts(string? input, string? priceListKey) =>
        _tenant.Records.OfType(_products).Where(p =>
            (bool?)p["InAssortment"] != false
            && (string.IsNullOrEmpty(priceListKey) || string.Equals((string?)p["ERPPriceListKey"], priceListKey, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(input) || ProductSearchFields.Any(f => ((string?)p[f])?.Contains(input, StringComparison.OrdinalIgnoreCase) == true)));

    private ApiResponse Recalculate(int id)
    {
        var alternative = Existing(_alternatives, id);
        foreach (var line in _calculator.LinesOf(alternative))
        {
            _calculator.Line(line);
        }

        _calculator.Alternative(alternative);
        return ApiResponse.Ok(Json(alternative));
    }

    private ApiResponse DeleteAlternative(int id)
    {
        var alternative = Existing(_alternatives, id);
        foreach (var line in _calculator.LinesOf(alternative).ToList())
        {
            _tenant.Records.Remove(line);
        }

        return Delete(alternative);
    }

    private ApiResponse DeleteLine(int id)
    {
        var line = Existing(_lines, id);
        _tenant.Records.Remove(line);
        if (_tenant.Records.Find(_alternatives, (int?)line["QuoteAlternativeId"] ?? 0) is { } alternative)
        {
            _calculator.Alternative(alternative);
        }

        return ApiResponse.NoContent;
    }

    private ApiResponse Delete(EntityRecord record)
    {
        _tenant.Records.Remove(record);
        return ApiResponse.NoContent;
    }

    private JsonObject Json(EntityRecord record) => _tenant.Json.Entity(record);

    private EntityRecord Existing(EntitySchema schema, int id) => _tenant.Records.Find(schema, id) ?? throw SoException.NotFound(schema.Name, id);
}
