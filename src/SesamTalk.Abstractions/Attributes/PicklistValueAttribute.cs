namespace SesamTalk;

/// <summary>
/// Gives an enum member the remote picklist value it stands for, e.g. <c>[PicklistValue("Closed Won")] ClosedWon</c>.
/// Without it a member maps to its own name.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class PicklistValueAttribute : Attribute
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="value">The remote picklist value.</param>
    public PicklistValueAttribute(string value)
    {
        Value = value;
    }

    /// <summary>The remote picklist value.</summary>
    public string Value { get; }
}
