using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.OData;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Handlers;

/// <summary>
/// <c>GET /api/v1/{division}/hrm/Divisions</c> and <c>/system/Divisions</c>: the divisions the user can use, which a
/// client lists (ossobv/exactonline's <c>get_divisions</c>: <c>hrm/Divisions?$select=Code,Description</c>) before it picks
/// one. The emulated user has one division, so each list has one row; <c>$select</c>, <c>$filter</c> and <c>$top</c>
/// work as on the other sets, and <c>Divisions(499156)</c> reads the row by its <c>Code</c>.
/// </summary>
internal sealed class DivisionHandlers(ExactOnlineDivision division)
{
    public Task<ApiResponse> HrmAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request, DivisionSets.Hrm, HrmRow()));

    public Task<ApiResponse> SystemAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(request, DivisionSets.System, SystemRow()));

    private ApiResponse Answer(ApiRequest request, EntitySchema schema, JsonObject row)
    {
        var (name, key) = EntityPath.Split(request.Route("resource"));
        if (name != "Divisions")
        {
            return ApiResponse.Error(StatusCodes.Status404NotFound, ExactMessages.NotFoundSegment(name));
        }

        var options = QueryOptions.Parse(request, schema);
        var uri = $"{division.Urls.Root}{schema.Path}({division.Number.ToString(CultureInfo.InvariantCulture)})";
        JsonObject Project(JsonObject values)
        {
            var json = new JsonObject { ["__metadata"] = EntityJson.Metadata(uri, schema.ModelType) };
            foreach (var field in options.Projection.Fields)
            {
                json[field.Name] = values[field.Name]?.DeepClone();
            }

            return json;
        }

        if (key is not null)
        {
            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code == division.Number
                ? ApiResponse.Data(Project(row))
                : ApiResponse.Error(StatusCodes.Status404NotFound, ExactMessages.NotFoundSegment("Divisions"));
        }

        var rows = options.Filter is { } filter && !filter(row) ? [] : new List<JsonObject> { row };
        return Paging.Page(request, rows, division.Options.PageSize, options.Top, division.Urls.Root + schema.Path, Project,
            r => ((int)r["Code"]!).ToString(CultureInfo.InvariantCulture));
    }

    private JsonObject HrmRow() => new()
    {
        ["Code"] = division.Number, ["BlockingStatus"] = 0, ["Country"] = "NL", ["CountryDescription"] = "Netherlands",
        ["Created"] = ExactDate.Format(division.CreatedAt), ["Creator"] = division.UserId.ToString(), ["Currency"] = "EUR",
        ["CurrencyDescription"] = "Euro", ["Customer"] = division.CustomerId.ToString(), ["Description"] = ExactOnlineDivision.CompanyName,
        ["HID"] = 1, ["Main"] = true, ["Modified"] = ExactDate.Format(division.CreatedAt), ["Modifier"] = division.UserId.ToString(),
        ["SiretNumber"] = null, ["StartDate"] = ExactDate.Format(division.CreatedAt), ["Status"] = 0, ["TaxOfficeNumber"] = null,
        ["TaxReferenceNumber"] = null, ["VATNumber"] = null, ["Website"] = null,
    };

    private JsonObject SystemRow() => new()
    {
        ["Code"] = division.Number, ["AddressLine1"] = null, ["AddressLine2"] = null, ["AddressLine3"] = null,
        ["ChamberOfCommerceNumber"] = null, ["City"] = null, ["Country"] = "NL", ["Created"] = ExactDate.Format(division.CreatedAt),
        ["Currency"] = "EUR", ["Current"] = true, ["Customer"] = division.CustomerId.ToString(), ["CustomerCode"] = "                 1",
        ["CustomerName"] = ExactOnlineDivision.CompanyName, ["Description"] = ExactOnlineDivision.CompanyName, ["DivisionMoveDate"] = null,
        ["Email"] = null, ["Hid"] = 1, ["IsMainDivision"] = true, ["Modified"] = ExactDate.Format(division.CreatedAt), ["Phone"] = null,
        ["Postcode"] = null, ["State"] = null, ["Status"] = 1, ["VATNumber"] = null,
    };
}
