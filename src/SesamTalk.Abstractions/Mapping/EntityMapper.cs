namespace SesamTalk;

/// <summary>
/// The base of every generated mapper: it holds the descriptors, which the generated constructor sets one per line,
/// and the child-collection helpers, so the generated class carries only what differs per target
/// (<see cref="ToRecord"/>, <see cref="Apply"/>, <see cref="FingerprintOf"/>).
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public abstract class EntityMapper<TEntity> : IEntityMapper<TEntity>
{
    private readonly string _entityName;

    /// <summary>Creates the mapper (generated code calls this and sets the descriptors in its constructor).</summary>
    /// <param name="entityName">The host entity's name, for error messages.</param>
    /// <param name="target">The remote (system, type).</param>
    protected EntityMapper(string entityName, SyncTarget target)
    {
        _entityName = entityName;
        Target = target;
    }

    /// <inheritdoc />
    public SyncTarget Target { get; }

    /// <inheritdoc />
    public SyncOrigin Origin { get; protected init; } = SyncOrigin.Local;

    /// <inheritdoc />
    public IReadOnlyList<SyncFieldDescriptor> Fields { get; protected init; } = Array.Empty<SyncFieldDescriptor>();

    /// <inheritdoc />
    public IReadOnlyList<string> MatchKeys { get; protected init; } = Array.Empty<string>();

    /// <inheritdoc />
    public IReadOnlyList<SyncReferenceDescriptor> References { get; protected init; } = Array.Empty<SyncReferenceDescriptor>();

    /// <inheritdoc />
    public IReadOnlyList<SyncChildDescriptor> Children { get; protected init; } = Array.Empty<SyncChildDescriptor>();

    /// <inheritdoc />
    public IReadOnlyList<SyncConstant> Constants { get; protected init; } = Array.Empty<SyncConstant>();

    /// <inheritdoc />
    public abstract SyncRecord ToRecord(TEntity entity);

    /// <inheritdoc />
    public abstract void Apply(SyncRecord record, TEntity entity);

    /// <inheritdoc />
    public abstract SyncFingerprint FingerprintOf(SyncRecord record, FieldDirection direction);

    /// <inheritdoc />
    public string Fingerprint(SyncRecord record, FieldDirection direction) => FingerprintOf(record, direction).ToString();

    /// <summary>Whether a failure while mapping a field is bad input to report (rather than cancellation or an error already reported).</summary>
    /// <param name="exception">The failure.</param>
    protected static bool IsBadInput(Exception exception) =>
        exception is not SyncMappingException and not OperationCanceledException;

    /// <summary>
    /// The error for a field of <paramref name="record"/> that cannot become <paramref name="property"/>, or a property
    /// whose value cannot become the field (a converter that refuses it).
    /// </summary>
    /// <param name="record">The record being applied or built.</param>
    /// <param name="field">The remote field.</param>
    /// <param name="property">The host property.</param>
    /// <param name="exception">What went wrong.</param>
    protected SyncMappingException Fail(SyncRecord record, string field, string property, Exception exception) =>
        new(record, field, _entityName + "." + property, exception);

    /// <summary>
    /// The child elements after applying the child records in <paramref name="value"/> (generated Apply calls this):
    /// each record is applied over the existing element it pairs with (by the child mapping's match key, else by
    /// position, <see cref="SyncChildPairing"/>), so what this mapping does not carry (the line's own id, fields another
    /// system owns) stays on the element it belongs to. Unpaired records become new elements; elements no record pairs
    /// with were removed on the other side and are left out.
    /// </summary>
    /// <typeparam name="TChild">The element type.</typeparam>
    /// <param name="record">The parent record being applied.</param>
    /// <param name="field">The parent record's field carrying the children.</param>
    /// <param name="property">The host collection property.</param>
    /// <param name="value">The field's value.</param>
    /// <param name="current">The property's elements before the Apply, if any.</param>
    /// <param name="childMapper">The element's mapper.</param>
    /// <param name="create">Creates a new element.</param>
    /// <returns>The elements, one per child record, in the records' order.</returns>
    protected List<TChild> ApplyChildren<TChild>(SyncRecord record, string field, string property, SyncValue value, IEnumerable<TChild>? current, IEntityMapper<TChild> childMapper, Func<TChild> create)
    {
        _ = childMapper ?? throw new ArgumentNullException(nameof(childMapper));
        _ = create ?? throw new ArgumentNullException(nameof(create));
        IReadOnlyList<SyncRecord> records;
        try
        {
            records = value.AsRecords() ?? Array.Empty<SyncRecord>();
        }
        catch (Exception exception) when (IsBadInput(exception))
        {
            throw Fail(record, field, property, exception);
        }

        var existing = current is null ? new List<TChild>() : new List<TChild>(current);
        var pairs = SyncChildPairing.Pair(records, existing.Select(childMapper.ToRecord).ToList(), childMapper);
        var items = new List<TChild>(records.Count);
        for (var index = 0; index < records.Count; index++)
        {
            var item = pairs[index] >= 0 ? existing[pairs[index]] : create();
            childMapper.Apply(records[index], item);
            items.Add(item);
        }

        return items;
    }

    /// <summary>Replaces the elements of a collection property that has no setter (generated Apply calls this).</summary>
    /// <typeparam name="TChild">The element type.</typeparam>
    /// <param name="collection">The property's collection.</param>
    /// <param name="items">The new elements.</param>
    protected static void ReplaceChildren<TChild>(ICollection<TChild> collection, IEnumerable<TChild> items)
    {
        _ = collection ?? throw new ArgumentNullException(nameof(collection));
        var list = items.ToList();
        collection.Clear();
        foreach (var item in list)
        {
            collection.Add(item);
        }
    }

    /// <summary>The child records of <paramref name="children"/> as one value, or null (generated ToRecord calls this).</summary>
    /// <typeparam name="TChild">The element type.</typeparam>
    /// <param name="children">The property's elements.</param>
    /// <param name="childMapper">The element's mapper.</param>
    /// <returns>The records, or <see cref="SyncValue.Null"/> when the property is null.</returns>
    protected static SyncValue ChildRecords<TChild>(IEnumerable<TChild>? children, IEntityMapper<TChild> childMapper)
    {
        _ = childMapper ?? throw new ArgumentNullException(nameof(childMapper));
        return children is null ? SyncValue.Null : SyncValue.From(children.Select(childMapper.ToRecord).ToList());
    }

    /// <inheritdoc />
    public override string ToString() => _entityName + " <-> " + Target;
}
