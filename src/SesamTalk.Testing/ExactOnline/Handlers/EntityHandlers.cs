using System.Globalization;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.OData;
using SesamTalk.Testing.ExactOnline.Schema;
using SesamTalk.Testing.ExactOnline.Webhooks;

namespace SesamTalk.Testing.ExactOnline.Handlers;

/// <summary>
/// <c>/api/v1/{division}/{service}/{Entity}</c>: GET a page or one entity, POST (201 with the created entity, lines
/// inserted deeply), PUT (204, only the properties sent) and DELETE (204). A POST answers the entity as stored, lines
/// expanded, only when asked with <c>Prefer: return=representation</c>; without it every property but the key is null
/// (basvanbeek.nl's Exact Online tips; the official .NET SDK reads the new key from that answer). Each write fires its
/// topic's webhook notifications (<see cref="WebhookDispatcher"/>).
/// </summary>
internal sealed class EntityHandlers(ExactOnlineDivision division)
{
    private const int CompleteOrderStatus = 21;

    public Task<ApiResponse> GetAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (schema, key) = Resolve(request);
        var options = QueryOptions.Parse(request, schema);
        lock (division.Records.Gate)
        {
            if (key is { } id)
            {
                return Task.FromResult(ApiResponse.Data(division.Json.Row(Existing(schema, id), options.Projection)));
            }

            // Key order from the set's key index, after the skip token: a page reads the rows it shows (and those the filter skips).
            var rows = (options.SkipToken is { } token ? division.Records.After(schema, EntityPath.ParseKey(token)) : division.Records.OfType(schema))
                .Where(r => options.Filter?.Invoke(r.Values) ?? true);
            var json = division.Json;
            return Task.FromResult(Paging.Page(
                request, rows, division.Options.PageSize, options.Top, division.Urls.Collection(schema),
                r => json.Row(r, options.Projection), r => $"guid'{r.Key}'"));
        }
    }

    /// <summary><c>…/{Entity}/$count</c>: the number of (filtered) entities as plain text.</summary>
    public Task<ApiResponse> CountAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (schema, _) = Resolve(request);
        var options = QueryOptions.Parse(request, schema);
        lock (division.Records.Gate)
        {
            var count = division.Records.OfType(schema).Count(r => options.Filter?.Invoke(r.Values) ?? true);
            return Task.FromResult(new ApiResponse(StatusCodes.Status200OK, null, Text: count.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (schema, key) = Resolve(request);
        if (key is not null || !schema.Createable)
        {
            return ApiResponse.MethodNotAllowed("POST");
        }

        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        lock (division.Records.Gate)
        {
            var record = division.Writer.Insert(schema, division.Validator.Validate(schema, body, WriteKind.Create), division.Now);
            division.Webhooks.Raise(record, WebhookDispatcher.Create);
            var all = Projection.All(schema);
            var created = request.Header("Prefer")?.Contains("return=representation", StringComparison.OrdinalIgnoreCase) == true
                ? division.Json.Row(record, all with { Expanded = all.Navigations.Where(n => n.IsLines).Select(n => n.Name).ToHashSet() })
                : division.Json.KeyOnly(record);
            return ApiResponse.Data(created, StatusCodes.Status201Created) with
            {
                Headers = new Dictionary<string, string> { ["Location"] = division.Urls.Entity(schema, record.Key) },
            };
        }
    }

    public async Task<ApiResponse> UpdateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (schema, key) = Resolve(request);
        if (key is not { } id || !schema.Updateable)
        {
            return ApiResponse.MethodNotAllowed("PUT");
        }

        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        lock (division.Records.Gate)
        {
            var record = Existing(schema, id);
            if (schema.Name == "SalesOrders" && (int?)record["Status"] == CompleteOrderStatus)
            {
                return ApiResponse.BadRequest(ExactMessages.CompletedOrder);
            }

            division.Writer.Update(record, division.Validator.Validate(schema, body, WriteKind.Update, id).Values, division.Now);
            division.Webhooks.Raise(record, WebhookDispatcher.Update);
            return ApiResponse.NoContent;
        }
    }

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (schema, key) = Resolve(request);
        if (key is not { } id || !schema.Deletable)
        {
            return Task.FromResult(ApiResponse.MethodNotAllowed("DELETE"));
        }

        lock (division.Records.Gate)
        {
            var record = Existing(schema, id);
            division.Writer.Delete(record, division.Now);
            division.Webhooks.Raise(record, WebhookDispatcher.Delete);
            return Task.FromResult(ApiResponse.NoContent);
        }
    }

    /// <summary>The entity set and key named in the path; an unknown set is a 404.</summary>
    private (EntitySchema Schema, Guid? Key) Resolve(ApiRequest request)
    {
        var (name, key) = EntityPath.Split(request.Route("resource"));
        var schema = division.Catalog.FindByPath(request.Route("service"), name)
            ?? throw new ApiException(ApiResponse.Error(StatusCodes.Status404NotFound, ExactMessages.NotFoundSegment(name)));
        return (schema, key is null ? null : EntityPath.ParseKey(key));
    }

    private EntityRecord Existing(EntitySchema schema, Guid key) =>
        division.Records.Find(schema, key)
        ?? throw new ApiException(ApiResponse.Error(StatusCodes.Status404NotFound, ExactMessages.NotFoundSegment(schema.Path.Split('/')[^1])));
}
