using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>Single-record create, retrieve, update and delete under <c>/sobjects/{type}</c>.</summary>
internal sealed class SObjectHandlers(SalesforceOrg org)
{
    public const string IdInBodyMessage = "The Id field should not be specified in the sobject data.";

    public async Task<ApiResponse> CreateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = ObjectType(request);
        if (!schema.Createable)
        {
            return MethodNotAllowed("POST", "HEAD,GET");
        }

        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        if (body.Any(p => string.Equals(p.Key, "Id", StringComparison.OrdinalIgnoreCase)))
        {
            return ApiResponse.Error(StatusCodes.Status400BadRequest, "INVALID_FIELD", IdInBodyMessage);
        }

        lock (org.Records.Gate)
        {
            var (values, errors) = org.Validator.Validate(schema, body, WriteKind.Create);
            if (errors.Count > 0)
            {
                return ApiResponse.Error(StatusCodes.Status400BadRequest, [.. errors]);
            }

            var record = org.Writer.Insert(schema, values, org.Now);
            var result = new JsonObject { ["id"] = record.Id, ["success"] = true, ["errors"] = new JsonArray() };
            return new ApiResponse(StatusCodes.Status201Created, result, new Dictionary<string, string>
            {
                ["Location"] = $"{request.DataPath}/sobjects/{schema.Name}/{record.Id}",
            });
        }
    }

    public Task<ApiResponse> RetrieveAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = ObjectType(request);
        lock (org.Records.Gate)
        {
            var record = Existing(schema, request.Route("id"));
            var fields = request.Query("fields");
            var json = fields is null
                ? RecordJson.Full(record, request.DataPath)
                : RecordJson.Select(record, RecordJson.ParseFieldList(schema, fields), request.DataPath);
            return Task.FromResult(ApiResponse.Ok(json));
        }
    }

    public async Task<ApiResponse> UpdateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = ObjectType(request);
        if (!schema.Updateable)
        {
            return MethodNotAllowed("PATCH", "HEAD,GET");
        }

        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        if (body.Any(p => string.Equals(p.Key, "Id", StringComparison.OrdinalIgnoreCase)))
        {
            return ApiResponse.Error(StatusCodes.Status400BadRequest, "INVALID_FIELD", IdInBodyMessage);
        }

        lock (org.Records.Gate)
        {
            var record = Existing(schema, request.Route("id"));
            var (values, errors) = org.Validator.Validate(schema, body, WriteKind.Update);
            if (errors.Count > 0)
            {
                return ApiResponse.Error(StatusCodes.Status400BadRequest, [.. errors]);
            }

            org.Writer.Update(record, values, org.Now);
            return ApiResponse.NoContent;
        }
    }

    /// <summary>Clients that cannot send PATCH may POST to the record URL with <c>?_HttpMethod=PATCH</c>.</summary>
    public Task<ApiResponse> PostOverrideAsync(ApiRequest request, CancellationToken cancellationToken) =>
        string.Equals(request.Query("_HttpMethod"), "PATCH", StringComparison.OrdinalIgnoreCase)
            ? UpdateAsync(request, cancellationToken)
            : Task.FromResult(MethodNotAllowed("POST", "HEAD,GET,PATCH,DELETE"));

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var schema = ObjectType(request);
        if (!schema.Deletable)
        {
            return Task.FromResult(MethodNotAllowed("DELETE", schema.Updateable ? "HEAD,GET,PATCH" : "HEAD,GET"));
        }

        lock (org.Records.Gate)
        {
            org.Writer.Delete(Existing(schema, request.Route("id")), org.Now);
            return Task.FromResult(ApiResponse.NoContent);
        }
    }

    /// <summary>The object type named in the path; unknown or disabled types are 404 NOT_FOUND.</summary>
    public static SObjectSchema ObjectType(SalesforceOrg org, ApiRequest request) =>
        org.Schemas.Find(request.Route("type")) ?? throw new ApiException(ApiResponse.NotFound());

    private SObjectSchema ObjectType(ApiRequest request) => ObjectType(org, request);

    /// <summary>The live record with this id, or the 404 Salesforce answers for an ill-formed, unknown or deleted id.</summary>
    private SObjectRecord Existing(SObjectSchema schema, string id)
    {
        if (SalesforceId.Normalize(id) is null)
        {
            throw new ApiException(ApiResponse.Error(
                StatusCodes.Status404NotFound, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {id}"));
        }

        var record = org.Records.Find(id);
        if (record is null || record.Schema != schema)
        {
            throw new ApiException(ApiResponse.NotFound());
        }

        return record.IsDeleted
            ? throw new ApiException(ApiResponse.Error(StatusCodes.Status404NotFound, "ENTITY_IS_DELETED", "entity is deleted", []))
            : record;
    }

    /// <summary>Salesforce's answer for a verb the object does not support (e.g. creating an Invoice, deleting a Division).</summary>
    public static ApiResponse MethodNotAllowed(string method, string allowed) => ApiResponse.Error(
        StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"HTTP Method '{method}' not allowed. Allowed are {allowed}");
}
