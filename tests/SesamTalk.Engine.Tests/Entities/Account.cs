using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Accounts born anywhere, synced with Salesforce accounts and Exact Online accounts, linked on the account number.</summary>
[SyncsWith("Salesforce", "Account", Origin = SyncOrigin.Both)]
[SyncsWith("ExactOnline", "Accounts", Origin = SyncOrigin.Both)]
[SyncConstant("ExactOnline", "Accounts", "Status", "C")]
public partial class Account
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    [Field("Salesforce", "AccountNumber"), Field("ExactOnline", "Code")]
    [MaxLength(18)]
    public string Number { get; set; } = "";

    [MaxLength(255)]
    public string Name { get; set; } = "";

    [Field("Salesforce", "BillingCity"), Field("ExactOnline", "City")]
    [MaxLength(40)]
    public string? City { get; set; }
}
