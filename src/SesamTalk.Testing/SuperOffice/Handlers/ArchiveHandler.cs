using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.SuperOffice.Archive;
using SesamTalk.Testing.SuperOffice.Http;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Handlers;

/// <summary>
/// <c>GET /{tenant}/api/v1/{Entity}</c> and <c>/{tenant}/api/v1/Archive/{provider}</c>: one OData archive page,
/// <c>{"odata.metadata","odata.nextLink":null,"value":[{"PrimaryKey":"1","EntityName":"contact",…columns}]}</c>.
/// Paging is by <c>$top</c>/<c>$skip</c>; <c>odata.nextLink</c> is always null, as in every recorded response.
/// </summary>
internal sealed class ArchiveHandler(SuperOfficeTenant tenant)
{
    public Task<ApiResponse> EntityAsync(ApiRequest request, CancellationToken cancellationToken) =>
        PageAsync(request, tenant.Catalog.FindRest(request.Route("entity")), request.Route("entity"));

    public Task<ApiResponse> ProviderAsync(ApiRequest request, CancellationToken cancellationToken) =>
        PageAsync(request, tenant.Catalog.FindByProvider(request.Route("provider")), request.Route("provider"));

    private Task<ApiResponse> PageAsync(ApiRequest request, EntitySchema? schema, string name)
    {
        if (schema is null)
        {
            throw new SoException(ApiResponse.Error(StatusCodes.Status404NotFound, SoErrors.NotFound, $"Unknown archive provider '{name}'."));
        }

        var query = ArchiveQuery.Parse(request, schema);
        lock (tenant.Records.Gate)
        {
            var rows = query.Apply(tenant.Records.OfType(schema)).Select(record =>
            {
                var row = new JsonObject
                {
                    ["PrimaryKey"] = record.Id.ToString(CultureInfo.InvariantCulture),
                    ["EntityName"] = schema.EntityName,
                };
                foreach (var column in query.Select)
                {
                    row[column.Name] = ArchiveValue.Row(record, column);
                }

                return (JsonNode)row;
            });
            return Task.FromResult(ApiResponse.Ok(new JsonObject
            {
                ["odata.metadata"] = tenant.ApiRoot + "v1/Archive//$metadata",
                ["odata.nextLink"] = null,
                ["value"] = new JsonArray([.. rows]),
            }));
        }
    }
}
