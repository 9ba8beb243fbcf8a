using SesamTalk.Connectors.Engine;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Engine.Tests.Entities;
using static SesamTalk.Engine.Tests.Merge.MergeLab;

namespace SesamTalk.Engine.Tests.Decide;

/// <summary>
/// The pieces the decide tables share: Shop products (Sku: match key; Name: both ways, latest wins; Notes: local wins;
/// Stock: from the Shop) through their generated mapper, a stored link with the fingerprints and agreed state a cycle
/// keeps, and the flow's rules. Nothing here does I/O: the decider gets what a cycle would have read and resolved.
/// </summary>
internal static class DecideLab
{
    public const string LocalId = "h-1";
    public const string RemoteId = "r-1";

    public static readonly IReadOnlyList<MergeField> ProductFields = MergeField.Of(Products);

    public static readonly SyncFlowId Flow = new("Product", Products.Target);

    /// <summary>The rules of the Product flow with the Shop, born on the host.</summary>
    public static DecideRules Rules(
        DeletePolicy deletes = DeletePolicy.Ignore,
        bool canUpdate = true,
        bool canDelete = true,
        bool hostSoftDeletes = false,
        string? softDeleteField = null,
        IEntityMapper? mapper = null) =>
        new("Product→Shop/Product", "Product", mapper ?? Products, MergeField.Of(mapper ?? Products), SyncSide.Local, canUpdate, canDelete, deletes, hostSoftDeletes, softDeleteField, softDeleteField is null ? null : "true");

    public static RecordDecider<Product> Decider(DecideRules? rules = null) => new(rules ?? Rules());

    /// <summary>A Shop product record (the host's in the remote shape, or the Shop's as read).</summary>
    public static SyncRecord Product(string? id, string name, string? notes = null, string sku = "S-1") =>
        new(Products.Target.Type, id) { ["Sku"] = SyncValue.From(sku), ["Name"] = SyncValue.From(name), ["Notes"] = SyncValue.From(notes) };

    /// <summary>
    /// The link a cycle stored after both sides agreed on <paramref name="agreed"/>: each side last read as it, and the
    /// engine last wrote <paramref name="lastWritten"/> to both sides (an echo of it takes the fast path).
    /// </summary>
    public static StoredLink Link(SyncRecord agreed, SyncRecord? lastWritten = null)
    {
        var written = lastWritten ?? agreed;
        var state = AgreedState.Observe(ProductFields, agreed, agreed);
        var prints = new LinkFingerprints(
            LocalRead: Products.Fingerprint(agreed, FieldDirection.ToRemote),
            LocalWritten: Products.Fingerprint(written, FieldDirection.ToRemote),
            RemoteRead: Products.Fingerprint(agreed, FieldDirection.FromRemote),
            RemoteWritten: Products.Fingerprint(written, FieldDirection.FromRemote),
            Agreed: state.ToString());
        return new StoredLink(new SyncLink("Product", LocalId, Products.Target, RemoteId, SyncLinkProvenance.MatchedOnKey, "Sku", T0), prints);
    }

    /// <summary>The fields a record carries, as <c>Field=value</c> in order; null for no record or no fields.</summary>
    public static string? Fields(SyncRecord? record) =>
        record is { Count: > 0 } ? string.Join(", ", record.FieldNames.Select(field => $"{field}={record[field]}")) : null;

    /// <summary>The decision's kind, as a table names it.</summary>
    public static string Kind(RecordDecision decision) => decision.GetType().Name.Split('`')[0].Replace("Decision", "", StringComparison.Ordinal);
}
