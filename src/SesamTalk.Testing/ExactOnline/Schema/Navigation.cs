namespace SesamTalk.Testing.ExactOnline.Schema;

/// <summary>
/// A navigation property of an entity: a deferred link in responses, <c>{"results":[...]}</c> when expanded.
/// <see cref="Target"/> is the entity set of its rows (null for collections the emulator keeps empty, such as an
/// account's BankAccounts) and <see cref="ForeignKey"/> the field of those rows that holds the parent's key.
/// </summary>
internal sealed record Navigation(string Name, EntitySchema? Target, string? ForeignKey)
{
    /// <summary>Lines of a transaction header: sent nested on POST (deep insert) and required there.</summary>
    public bool IsLines => Target is not null;
}
