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

    // The links the current page's references name, found in one query per referenced flow (null: not linked).
    private readonly Dictionary<(SyncFlowId Flow, bool ToRemote, string Id), StoredLink?> _page = new();

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

    /// <summary>Forgets the links looked up for the page before (links change as pages commit).</summary>
    public void ForgetPage() => _page.Clear();

    /// <summary>
    /// Looks up the links that the references of records name, in one query per referenced flow, for their translations
    /// until <see cref="ForgetPage"/>. A reference to a record outside them is still looked up by itself.
    /// </summary>
    /// <param name="records">The page's records: host records in the remote shape (<paramref name="toRemote"/>) or remote records.</param>
    /// <param name="mapper">Their mapper.</param>
    /// <param name="toRemote">Whether the references hold host ids, to translate to remote ids.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task PrefetchAsync(IEnumerable<SyncRecord> records, IEntityMapper mapper, bool toRemote, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<SyncFlowId, HashSet<string>>();
        foreach (var record in records)
        {
            Collect(record, mapper, wanted);
        }

        foreach (var (flow, ids) in wanted)
        {
            var found = await _links.FindLinksAsync(flow, toRemote ? SyncSide.Local : SyncSide.Remote, ids, cancellationToken).ConfigureAwait(false);
            foreach (var id in ids.Where(id => !_page.ContainsKey((flow, toRemote, id))))
            {
                Remember(flow, toRemote, id, found.GetValueOrDefault(id));
            }
        }
    }

    /// <summary>Whether records of <paramref name="mapper"/> name other records, themselves or in their lines.</summary>
    public static bool HasReferences(IEntityMapper mapper) =>
        mapper.References.Count > 0 || mapper.Children.Any(children => HasReferences(children.Mapper));

    /// <summary>Keeps a lookup's answer; a link found serves the translation back as well (a host record written from a remote one).</summary>
    private void Remember(SyncFlowId flow, bool toRemote, string id, StoredLink? link)
    {
        _page[(flow, toRemote, id)] = link;
        if (link is not null)
        {
            _page[(flow, !toRemote, toRemote ? link.Link.RemoteId : link.Link.LocalId)] = link;
        }
    }

    private void Collect(SyncRecord record, IEntityMapper mapper, Dictionary<SyncFlowId, HashSet<string>> wanted)
    {
        foreach (var reference in mapper.References)
        {
            if (record.TryGetValue(reference.Field, out var value) && !value.IsEmpty)
            {
                var flow = FlowOf(reference);
                if (!wanted.TryGetValue(flow, out var ids))
                {
                    wanted[flow] = ids = new HashSet<string>(StringComparer.Ordinal);
                }

                ids.Add(value.ToString());
            }
        }

        foreach (var children in mapper.Children)
        {
            if (record.TryGetValue(children.Field, out var value) && value.AsRecords() is { } lines)
            {
                foreach (var line in lines)
                {
                    Collect(line, children.Mapper, wanted);
                }
            }
        }
    }

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
            if (!_page.TryGetValue((flow, toRemote, id), out var link))
            {
                link = toRemote
                    ? await _links.FindByLocalIdAsync(flow, id, cancellationToken).ConfigureAwait(false)
                    : await _links.FindByRemoteIdAsync(flow, id, cancellationToken).ConfigureAwait(false);
                Remember(flow, toRemote, id, link);
            }

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
