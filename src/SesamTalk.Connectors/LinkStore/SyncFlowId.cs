namespace SesamTalk.Connectors.LinkStore;

/// <summary>One flow: a host entity and one remote (system, type) it syncs with. The target compares case-insensitively.</summary>
/// <param name="Entity">The host entity's name, e.g. <c>Customer</c>.</param>
/// <param name="Target">The remote (system, type), e.g. <c>Salesforce/Account</c>.</param>
public readonly record struct SyncFlowId(string Entity, SyncTarget Target)
{
    /// <summary><c>Entity→System/Type</c>.</summary>
    public override string ToString() => Entity + "→" + Target;

    /// <summary>Throws when the flow has no entity name or no target.</summary>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(Entity) || string.IsNullOrEmpty(Target.System) || string.IsNullOrEmpty(Target.Type))
        {
            throw new ArgumentException("A flow needs an entity name, a remote system and a remote type.", "flow");
        }
    }
}
