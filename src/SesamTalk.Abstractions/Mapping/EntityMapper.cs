namespace SesamTalk;

/// <summary>
/// The base of every generated mapper: it holds the descriptors, so the generated class carries only what differs
/// per target (<see cref="ToRecord"/>, <see cref="Apply"/>, <see cref="FingerprintOf"/>).
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public abstract class EntityMapper<TEntity> : IEntityMapper<TEntity>
{
    private readonly string _entityName;

    /// <summary>Creates the mapper (generated code calls this).</summary>
    /// <param name="entityName">The host entity's name, for error messages.</param>
    /// <param name="target">The remote (system, type).</param>
    /// <param name="origin">Which side's new records create records on the other side.</param>
    /// <param name="fields">The mapped fields.</param>
    /// <param name="matchKeys">The match-key fields.</param>
    /// <param name="references">The reference fields.</param>
    /// <param name="children">The child collections.</param>
    /// <param name="constants">The create-time constants.</param>
    protected EntityMapper(
        string entityName,
        SyncTarget target,
        SyncOrigin origin,
        IReadOnlyList<SyncFieldDescriptor> fields,
        IReadOnlyList<string> matchKeys,
        IReadOnlyList<SyncReferenceDescriptor> references,
        IReadOnlyList<SyncChildDescriptor> children,
        IReadOnlyList<SyncConstant> constants)
    {
        _entityName = entityName;
        Target = target;
        Origin = origin;
        Fields = fields;
        MatchKeys = matchKeys;
        References = references;
        Children = children;
        Constants = constants;
    }

    /// <inheritdoc />
    public SyncTarget Target { get; }

    /// <inheritdoc />
    public SyncOrigin Origin { get; }

    /// <inheritdoc />
    public IReadOnlyList<SyncFieldDescriptor> Fields { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> MatchKeys { get; }

    /// <inheritdoc />
    public IReadOnlyList<SyncReferenceDescriptor> References { get; }

    /// <inheritdoc />
    public IReadOnlyList<SyncChildDescriptor> Children { get; }

    /// <inheritdoc />
    public IReadOnlyList<SyncConstant> Constants { get; }

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

    /// <summary>The error for a field of <paramref name="record"/> that cannot become <paramref name="property"/>.</summary>
    /// <param name="record">The record being applied.</param>
    /// <param name="field">The remote field.</param>
    /// <param name="property">The host property.</param>
    /// <param name="exception">What went wrong.</param>
    protected SyncMappingException Fail(SyncRecord record, string field, string property, Exception exception) =>
        new(record, field, _entityName + "." + property, exception);

    /// <summary>
    /// For each child record, the index of the existing element it updates, or -1 for a new element (generated Apply
    /// calls this): paired by the child mapping's match key, else by position (<see cref="SyncChildPairing"/>). An
    /// element no record pairs with is one the other side removed.
    /// </summary>
    /// <typeparam name="TChild">The element type.</typeparam>
    /// <param name="records">The incoming child records.</param>
    /// <param name="existing">The entity's elements before the Apply.</param>
    /// <param name="childMapper">The element's mapper.</param>
    /// <returns>One index (or -1) per record.</returns>
    protected static int[] PairChildren<TChild>(IReadOnlyList<SyncRecord> records, IReadOnlyList<TChild> existing, IEntityMapper<TChild> childMapper) =>
        SyncChildPairing.Pair(records, (existing ?? throw new ArgumentNullException(nameof(existing))).Select(childMapper.ToRecord).ToList(), childMapper);

    /// <inheritdoc />
    public override string ToString() => _entityName + " <-> " + Target;
}
