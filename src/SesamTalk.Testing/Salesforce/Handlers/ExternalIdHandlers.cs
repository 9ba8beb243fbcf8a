using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Handlers;

/// <summary>
/// sObject rows by external ID, <c>/sobjects/{type}/{field}/{value}</c>: GET reads the record, PATCH upserts it (201
/// <c>created: true</c>, then 200 <c>created: false</c>; 204 without a body up to API 45.0), DELETE deletes it. A value
/// that matches several records answers 300 Multiple Choices with their URLs and touches nothing (restforce's recorded
/// <c>upsert_multiple_error_response.json</c>); one that matches none is 404 <c>NOT_FOUND</c> for GET and DELETE.
/// </summary>
internal sealed class ExternalIdHandlers(SalesforceOrg org)
{
    /// <summary>The first API version whose upsert answers 200 with <c>created: false</c> rather than 204.</summary>
    private const int CreatedFlagVersion = 46;

    public Task<ApiResponse> RetrieveAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (schema, key, value) = Resolve(request);
        lock (org.Records.Gate)
        {
            var matches = key.Matches(org.Records, schema, value);
            if (matches.Count != 1)
            {
                return Task.FromResult(matches.Count == 0 ? ApiResponse.NotFound() : MultipleChoices(matches, request));
            }

            var fields = request.Query("fields");
            return Task.FromResult(ApiResponse.Ok(fields is null
                ? RecordJson.Full(matches[0], request.DataPath)
                : RecordJson.Select(matches[0], RecordJson.ParseFieldList(schema, fields), request.DataPath)));
        }
    }

    public async Task<ApiResponse> UpsertAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (schema, key, value) = Resolve(request);
        var body = await request.ReadObjectAsync(cancellationToken).ConfigureAwait(false);
        if (body.Any(p => string.Equals(p.Key, "Id", StringComparison.OrdinalIgnoreCase)))
        {
            return ApiResponse.Error(StatusCodes.Status400BadRequest, "INVALID_FIELD", SObjectHandlers.IdInBodyMessage);
        }

        var updateOnly = string.Equals(request.Query("updateOnly"), "true", StringComparison.OrdinalIgnoreCase);
        lock (org.Records.Gate)
        {
            var upsert = RecordUpsert.Plan(org, schema, key, value, body, updateOnly);
            switch (upsert.Verdict)
            {
                case UpsertVerdict.Ambiguous:
                    return MultipleChoices(upsert.Matches, request);
                case UpsertVerdict.NoMatch:
                    return ApiResponse.NotFound();
                case UpsertVerdict.NotAllowed:
                    return SObjectHandlers.MethodNotAllowed("PATCH", schema.Deletable ? "HEAD,GET,DELETE" : "HEAD,GET");
                case UpsertVerdict.Invalid:
                    return ApiResponse.Error(StatusCodes.Status400BadRequest, [.. upsert.Errors]);
            }

            var created = upsert.Verdict == UpsertVerdict.Insert;
            var id = upsert.Commit(org.Now);
            if (!created && request.MajorVersion < CreatedFlagVersion)
            {
                return ApiResponse.NoContent;
            }

            var result = new JsonObject { ["id"] = id, ["success"] = true, ["errors"] = new JsonArray(), ["created"] = created };
            return created
                ? new ApiResponse(StatusCodes.Status201Created, result, new Dictionary<string, string> { ["Location"] = $"{request.DataPath}/sobjects/{schema.Name}/{id}" })
                : ApiResponse.Ok(result);
        }
    }

    /// <summary>Clients that cannot send PATCH may POST to the URL with <c>?_HttpMethod=PATCH</c>.</summary>
    public Task<ApiResponse> PostOverrideAsync(ApiRequest request, CancellationToken cancellationToken) =>
        string.Equals(request.Query("_HttpMethod"), "PATCH", StringComparison.OrdinalIgnoreCase)
            ? UpsertAsync(request, cancellationToken)
            : Task.FromResult(SObjectHandlers.MethodNotAllowed("POST", "HEAD,GET,PATCH,DELETE"));

    public Task<ApiResponse> DeleteAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (schema, key, value) = Resolve(request);
        if (!schema.Deletable)
        {
            return Task.FromResult(SObjectHandlers.MethodNotAllowed("DELETE", schema.Updateable ? "HEAD,GET,PATCH" : "HEAD,GET"));
        }

        lock (org.Records.Gate)
        {
            var matches = key.Matches(org.Records, schema, value);
            if (matches.Count != 1)
            {
                return Task.FromResult(matches.Count == 0 ? ApiResponse.NotFound() : MultipleChoices(matches, request));
            }

            org.Writer.Delete(matches[0], org.Now);
            return Task.FromResult(ApiResponse.NoContent);
        }
    }

    private (Schema.SObjectSchema Schema, ExternalIdKey Key, string Value) Resolve(ApiRequest request)
    {
        var schema = SObjectHandlers.ObjectType(org, request);
        return (schema, ExternalIdKey.Resolve(schema, request.Route("field")), request.Route("value"));
    }

    private static ApiResponse MultipleChoices(IEnumerable<SObjectRecord> matches, ApiRequest request) =>
        new(StatusCodes.Status300MultipleChoices, new JsonArray([.. matches.Select(r => (JsonNode)$"{request.DataPath}/sobjects/{r.Schema.Name}/{r.Id}")]));
}
