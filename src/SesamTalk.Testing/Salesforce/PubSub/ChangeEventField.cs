using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// One field of a change event after its header, in schema order: a plain field of the object, or a compound one (an
/// address, a person's name) whose parts are nested fields, as Salesforce's change event schemas have them.
/// </summary>
/// <param name="Name">The field's name in the event (the object's field name, e.g. <c>BillingAddress</c>).</param>
/// <param name="Source">The object's field a plain field carries; null for a compound one.</param>
/// <param name="Parts">A compound field's nested fields: their names in the event and the object's fields they carry (null where the org lacks that part).</param>
internal sealed record ChangeEventField(string Name, FieldSchema? Source, IReadOnlyList<(string Name, FieldSchema? Source)> Parts)
{
    public bool IsCompound => Source is null;
}
