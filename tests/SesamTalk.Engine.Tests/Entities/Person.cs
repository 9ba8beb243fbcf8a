using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Engine.Tests.Entities;

/// <summary>People born anywhere, synced with Salesforce contacts and linked by e-mail address.</summary>
[SyncsWith("Salesforce", "Contact", Origin = SyncOrigin.Both)]
public partial class Person
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    [MaxLength(80)]
    public string Email { get; set; } = "";

    [MaxLength(80)]
    public string LastName { get; set; } = "";

    /// <summary>When mail to the person last bounced; Salesforce keeps datetimes to the second.</summary>
    public DateTimeOffset? EmailBouncedDate { get; set; }
}
