namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Companies and SuperOffice contacts create each other, linked on the organisation number.</summary>
[SyncsWith("SuperOffice", "Contact", Origin = SyncOrigin.Both)]
public partial class Company
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    [Field("SuperOffice", "OrgNr")]
    public string OrganisationNumber { get; set; } = "";

    public string Name { get; set; } = "";

    [Field("SuperOffice", "Department")]
    public string? Department { get; set; }
}
