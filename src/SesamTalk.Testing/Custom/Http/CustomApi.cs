using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom.Schema;

namespace SesamTalk.Testing.Custom.Http;

/// <summary>What every handler of one mounted system shares: the store, the optional catalog and the clock.</summary>
internal sealed class CustomApi(ICustomRecordStore store, CustomCatalog? catalog, TimeProvider clock)
{
    public ICustomRecordStore Store { get; } = store;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The type named in the URL under its catalog spelling; 404 <c>unknown-type</c> when the system has no such type.</summary>
    public string Type(CustomRequest request)
    {
        var name = request.Route("type");
        return KnownType(name) ?? throw new ProblemException(Problems.UnknownType(request.Instance, name));
    }

    /// <summary>The type under its catalog spelling, or null when the system has no such type.</summary>
    public string? KnownType(string name) =>
        catalog is null ? (Store.HasType(name) ? name : null) : catalog.Find(name) is { } type && Store.HasType(type.Name) ? type.Name : null;

    /// <summary>Refuses an operation the catalog forbids on the type (405 <c>not-allowed</c>).</summary>
    public void Allow(string instance, string type, CustomEndpoint operation)
    {
        if (catalog?.Find(type)?.Object is not { } entity)
        {
            return;
        }

        var allowed = operation switch
        {
            CustomEndpoint.Create => entity.Createable,
            CustomEndpoint.Update => entity.Updateable,
            _ => entity.Deletable,
        };
        if (!allowed)
        {
            throw new ProblemException(Problems.NotAllowed(instance, type, operation switch
            {
                CustomEndpoint.Create => "created",
                CustomEndpoint.Update => "updated",
                _ => "deleted",
            }));
        }
    }

    /// <summary>
    /// Checks a write against the catalog, when there is one: the fields under the catalog's spelling, or the errors.
    /// Without a catalog the fields pass as they are.
    /// </summary>
    public (JsonObject Fields, IReadOnlyList<CustomFieldError> Errors) Validate(string type, JsonObject fields, WriteKind kind) =>
        catalog?.Find(type) is { } schema
            ? (FieldValidator.Canonical(schema, fields), FieldValidator.Validate(schema, fields, kind))
            : (fields, []);

    /// <summary>Whether a field exists on the type (always, without a catalog).</summary>
    public bool HasField(string type, string field) => catalog?.Find(type) is not { } schema || schema.Fields.ContainsKey(field);
}
