namespace SesamTalk.Testing.Custom.Emulation;

/// <summary>One committed write to a record, as the webhooks announce it: the type, what happened and the record's id.</summary>
/// <param name="Type">The record type (catalog spelling).</param>
/// <param name="Action"><see cref="Created"/>, <see cref="Updated"/> or <see cref="Deleted"/>.</param>
/// <param name="Id">The record's id.</param>
internal sealed record RecordWrite(string Type, string Action, string Id)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
