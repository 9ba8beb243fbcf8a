namespace SesamTalk;

/// <summary>
/// Names the entity's member of the generated <c>TalkClient</c>, where the plain English plural the generator makes
/// by default does not fit: <c>[SyncClientMember("People")]</c> on <c>Person</c> gives <c>talk.People</c> instead of
/// <c>talk.Persons</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SyncClientMemberAttribute : Attribute
{
    /// <summary>Names the member.</summary>
    /// <param name="name">The member's name, a C# identifier, e.g. <c>People</c>.</param>
    public SyncClientMemberAttribute(string name) => Name = name;

    /// <summary>The member's name.</summary>
    public string Name { get; }
}
