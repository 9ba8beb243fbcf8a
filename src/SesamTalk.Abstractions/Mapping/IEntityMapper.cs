namespace SesamTalk;

/// <summary>
/// The generated, reflection-free mapping between one host entity type and one remote (system, type), without
/// the entity type: what the engine needs to plan, compare and translate records.
/// </summary>
public interface IEntityMapper
{
    /// <summary>The remote (system, type).</summary>
    SyncTarget Target { get; }

    /// <summary>Which side's new records create records on the other side.</summary>
    SyncOrigin Origin { get; }

    /// <summary>The mapped fields, in declaration order.</summary>
    IReadOnlyList<SyncFieldDescriptor> Fields { get; }

    /// <summary>The remote fields that link pre-existing records on first contact, in priority order.</summary>
    IReadOnlyList<string> MatchKeys { get; }

    /// <summary>Fields that hold ids of other entities and are translated through the links.</summary>
    IReadOnlyList<SyncReferenceDescriptor> References { get; }

    /// <summary>Fields that carry child records (e.g. order lines).</summary>
    IReadOnlyList<SyncChildDescriptor> Children { get; }

    /// <summary>Constant values written when the engine creates a remote record.</summary>
    IReadOnlyList<SyncConstant> Constants { get; }

    /// <summary>
    /// The stable fingerprint of the mapped fields of <paramref name="record"/> that travel in <paramref name="direction"/>:
    /// <see cref="FieldDirection.ToRemote"/> covers what the host sends (to spot host changes and echoes of remote
    /// writes), <see cref="FieldDirection.FromRemote"/> what the remote system sends, and <see cref="FieldDirection.Both"/>
    /// only the fields both sides share (to tell whether the two sides agree). Constants are never part of it.
    /// </summary>
    /// <param name="record">A record of <see cref="Target"/>'s type, from either side.</param>
    /// <param name="direction">Which fields count.</param>
    SyncFingerprint FingerprintOf(SyncRecord record, FieldDirection direction);

    /// <summary>
    /// The text of <see cref="FingerprintOf"/> (32 lower-case hex digits), the form link stores keep. Comparing a
    /// stored text with <see cref="SyncFingerprint.Matches"/> of <see cref="FingerprintOf"/> saves the string.
    /// </summary>
    /// <param name="record">A record of <see cref="Target"/>'s type, from either side.</param>
    /// <param name="direction">Which fields count.</param>
    string Fingerprint(SyncRecord record, FieldDirection direction);
}

/// <summary>The generated mapping between <typeparamref name="TEntity"/> and one remote (system, type).</summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public interface IEntityMapper<in TEntity> : IEntityMapper
{
    /// <summary>
    /// Maps the entity to a record of the remote type with every field that travels to the remote system, and the match
    /// keys that only travel from it (so a pre-existing pair can be matched; they are never written).
    /// Reference fields hold the host ids of the referenced entities; the engine translates them.
    /// </summary>
    /// <param name="entity">The entity.</param>
    SyncRecord ToRecord(TEntity entity);

    /// <summary>
    /// Copies the fields of <paramref name="record"/> that travel to the host onto <paramref name="entity"/>.
    /// Fields absent from the record are left alone. A value that cannot become the property's type throws
    /// <see cref="SyncMappingException"/> naming the record and the field.
    /// </summary>
    /// <param name="record">The remote record (references already translated to host ids).</param>
    /// <param name="entity">The entity to update.</param>
    void Apply(SyncRecord record, TEntity entity);
}
