using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.SuperOffice.Data;
using SesamTalk.Testing.SuperOffice.Http;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Handlers;

/// <summary>
/// <c>/{tenant}/api/v1/{Entity}[/{id}]</c>: GET one entity (<c>Last-Modified</c>, 304 on <c>If-Modified-Since</c>),
/// GET <c>default</c>, POST (201 with the saved entity), PUT (a whole entity: left-out fields are emptied; 412 on
/// <c>If-Unmodified-Since</c>), PATCH (JSON merge patch or JSON Patch) and DELETE (204).
/// </summary>
internal sealed class EntityHandlers(SuperOfficeTenant tenant)
{
    public Task<ApiResponse> GetAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = Resolve(request);
        lock (tenant.Records.Gate)
        {
            var record = Existing(schema, request);
            if (Since(request, "If-Modified-Since") is { } since && SoDate.ToSecond(record.Updated) <= since)
            {
                return Task.FromResult(new ApiResponse(StatusCodes.Status304NotModified, null, LastModified(record)));
            }

            return Task.FromResult(ApiResponse.Ok(tenant.Json.Entity(record), LastModified(record)));
        }
    }

    public Task<ApiResponse> DefaultAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = Resolve(request);
        lock (tenant.Records.Gate)
        {
            return Task.FromResult(ApiResponse.Ok(tenant.Json.Entity(tenant.Writer.Blank(schema, tenant.Now))));
        }
    }

    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = Resolve(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        lock (tenant.Records.Gate)
        {
            var record = tenant.Writer.Insert(schema, tenant.Validator.Validate(schema, body, WriteKind.Create), tenant.Now);
            tenant.WebhookEvents.Created(record, tenant.Now);
            return new ApiResponse(StatusCodes.Status201Created, tenant.Json.Entity(record), LastModified(record));
        }
    }

    public async Task<ApiResponse> UpdateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = Resolve(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        return Save(schema, request, body, replace: true);
    }

    public async Task<ApiResponse> PatchAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = Resolve(request);
        var body = await request.ReadJsonAsync(cancellationToken).ConfigureAwait(false);
        return Save(schema, request, body as JsonObject ?? JsonPatch.ToMergePatch(body.AsArray()), replace: false);
    }

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = Resolve(request);
        lock (tenant.Records.Gate)
        {
            var record = Existing(schema, request);
            tenant.Records.Remove(record);
            tenant.WebhookEvents.Deleted(record, tenant.Now);
            return Task.FromResult(ApiResponse.NoContent);
        }
    }

    private ApiResponse Save(EntitySchema schema, ApiRequest request, JsonObject body, bool replace)
    {
        lock (tenant.Records.Gate)
        {
            var record = Existing(schema, request);
            if (Since(request, "If-Unmodified-Since") is { } since && SoDate.ToSecond(record.Updated) > since)
            {
                return ApiResponse.Error(StatusCodes.Status412PreconditionFailed, SoErrors.Precondition, SoErrors.PreconditionMessage);
            }

            var values = tenant.Validator.Validate(schema, body, WriteKind.Update, replace);
            var before = record.Values.DeepClone().AsObject();
            tenant.Writer.Update(record, values, tenant.Now);
            tenant.WebhookEvents.Changed(record, before, tenant.Now);
            return ApiResponse.Ok(tenant.Json.Entity(record), LastModified(record));
        }
    }

    /// <summary>The entity named in the path; an unknown one is a 404.</summary>
    private EntitySchema Resolve(ApiRequest request)
    {
        var name = request.Route("entity");
        return tenant.Catalog.FindRest(name)
            ?? throw new SoException(ApiResponse.Error(StatusCodes.Status404NotFound, SoErrors.NotFound, $"Unknown entity '{name}'."));
    }

    private EntityRecord Existing(EntitySchema schema, ApiRequest request)
    {
        var id = int.Parse(request.Route("id"), CultureInfo.InvariantCulture);
        return tenant.Records.Find(schema, id) ?? throw SoException.NotFound(schema.Name, id);
    }

    private static Dictionary<string, string> LastModified(EntityRecord record) =>
        new() { ["Last-Modified"] = record.Updated.ToString("R", CultureInfo.InvariantCulture) };

    private static DateTimeOffset? Since(ApiRequest request, string header) =>
        DateTimeOffset.TryParse(request.Header(header), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
