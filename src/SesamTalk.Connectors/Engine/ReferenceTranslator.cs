using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// Translates reference fields (an order's customer, a line's product) between host ids and remote ids through the
/// links of the referenced entity's flow with the same system, in records and their child records.
/// </summary>
internal sealed class ReferenceTranslator
{
    private readonly ILinkStore _links;
    private readonly ISyncModel _model;
    private readonly string _system;

    public ReferenceTranslator(ILinkStore links, ISyncModel model, string system)
    {
        _links = links;
        _model = model;
        _system = system;
    }

    /// <summary>Replaces host ids with remote ids in <paramref name="record"/>, a host record in the remote shape.</summary>
    /// <param name="record">The record; changed in place.</param>
    /// <param name="mapper">Its mapper.</param>
    /// <param name="owner">The record's description for errors, e.g. <c>Order '17'</c>.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public Task ToRemoteAsync(SyncRecord record, IEntityMapper mapper, string owner, CancellationToken cancellationToken) =>
        TranslateAsync(record, mapper, owner, toRemote: true, cancellationToken);

    /// <summary>Replaces remote ids with host ids in <paramref name="record"/>, a remote record.</summary>
    /// <param name="record">The record; changed in place.</param>
    /// <param name="mapper">Its mapper.</param>
    /// <param name="owner">The record's description for errors.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public Task ToHostAsync(SyncRecord record, IEntityMapper mapper, string owner, CancellationToken cancellationToken) =>
        TranslateAsync(record, mapper, owner, toRemote: false, cancellationToken);

    private async Task TranslateAsync(SyncRecord record, IEntityMapper mapper, string owner, bool toRemote, CancellationToken cancellationToken, string? parentField = null)
    {
        foreach (var reference in mapper.References)
        {
            if (!record.TryGetValue(reference.Field, out var value) || value.IsEmpty)
            {
                continue;
            }

            var flow = FlowOf(reference);
            var id = value.ToString();
            var link = toRemote
                ? await _links.FindByLocalIdAsync(flow, id, cancellationToken).ConfigureAwait(false)
                : await _links.FindByRemoteIdAsync(flow, id, cancellationToken).ConfigureAwait(false);
            if (link is null && string.Equals(reference.Field, parentField, StringComparison.OrdinalIgnoreCase))
            {
                // A child's reference to its own parent, which is being created with it: the connector sets it from the
                // parent it writes, and a host keeps the child with its parent.
                record.Remove(reference.Field);
                continue;
            }

            if (link is null)
            {
                throw new SyncReferenceException(toRemote
                    ? $"{owner}: field {reference.Property} names {reference.Entity} '{id}', which is not linked to {flow.Target} yet."
                    : $"{owner}: field {reference.Field} names {flow.Target} '{id}', which is not linked to a {reference.Entity} yet.");
            }

            record[reference.Field] = SyncValue.From(toRemote ? link.Link.RemoteId : link.Link.LocalId);
        }

        foreach (var children in mapper.Children)
        {
            if (record.TryGetValue(children.Field, out var value) && value.AsRecords() is { } lines)
            {
                for (var index = 0; index < lines.Count; index++)
                {
                    await TranslateAsync(lines[index], children.Mapper, $"{owner} {children.Property}[{index}]", toRemote, cancellationToken, children.ParentField).ConfigureAwait(false);
                }
            }
        }
    }

    private SyncFlowId FlowOf(SyncReferenceDescriptor reference)
    {
        // The generator names the referenced entity's remote type (from the catalog's referenceTo, or [References(Type = ...)]);
        // without it, the entity's one flow with the same system.
        var mappers = _model.Find(reference.Entity)?.Mappers
            .Where(mapper => string.Equals(mapper.Target.System, _system, StringComparison.OrdinalIgnoreCase))
            .ToList() ?? [];
        var target = (reference.TargetType is { } type
                ? mappers.FirstOrDefault(mapper => string.Equals(mapper.Target.Type, type, StringComparison.OrdinalIgnoreCase))
                : mappers.FirstOrDefault())?.Target
            ?? throw new InvalidOperationException(
                $"{reference.Property} references {reference.Entity}, which does not sync with {_system}{(reference.TargetType is { } missing ? "/" + missing : "")}: add [SyncsWith(\"{_system}\", ...)] to {reference.Entity}.");
        return new SyncFlowId(reference.Entity, target);
    }
}
