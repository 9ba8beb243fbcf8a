namespace SesamTalk.Engine.Tests.Entities;

/// <summary>Customers are born on either side and linked by email.</summary>
[SyncsWith("Shop", "Customer", Origin = SyncOrigin.Both)]
public partial class Customer
{
    [SyncId]
    public string Id { get; set; } = "";

    [MatchKey]
    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public string? City { get; set; }
}
