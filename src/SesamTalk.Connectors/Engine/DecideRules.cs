namespace SesamTalk.Connectors.Engine;

/// <summary>What a flow's decisions depend on besides the records: its mapping, the remote API's abilities and its options.</summary>
/// <param name="FlowName">The flow as messages name it.</param>
/// <param name="EntityName">The host entity's name.</param>
/// <param name="Mapper">The flow's mapper.</param>
/// <param name="Fields">The mapper's merge units.</param>
/// <param name="FirstContact">Which side wins a first-contact difference the field's rule and the clock leave open.</param>
/// <param name="CanUpdate">Whether the remote API updates records of the type.</param>
/// <param name="CanDelete">Whether the remote API deletes records of the type.</param>
/// <param name="Deletes">What a delete on one side does to the other.</param>
/// <param name="HostSoftDeletes">Whether the host store marks records deleted (<see cref="IHostSoftDelete{TEntity}"/>).</param>
/// <param name="SoftDeleteField">The remote field that marks a record deleted, for <see cref="DeletePolicy.SoftDelete"/>.</param>
/// <param name="SoftDeleteValue">The value it is set to (text, parsed as a flag or number where it reads as one).</param>
internal sealed record DecideRules(
    string FlowName,
    string EntityName,
    IEntityMapper Mapper,
    IReadOnlyList<MergeField> Fields,
    SyncSide FirstContact,
    bool CanUpdate,
    bool CanDelete,
    DeletePolicy Deletes,
    bool HostSoftDeletes,
    string? SoftDeleteField,
    string? SoftDeleteValue);
